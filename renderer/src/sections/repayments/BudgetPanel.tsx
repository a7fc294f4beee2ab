// 本月预算: planned (财务) beside actual (imported bills) income and spending by category,
// installments due and paid, what is left against the next installment (with the latest
// day to call the creditor), the reserve; and importing a bill kept in 证据.
import { useCallback, useEffect, useState } from 'react';
import type { BillImport, BudgetView } from '../../../../shared/contracts/repayments';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { yuan } from '../case/input';
import type { EvidenceChoice } from './useRepayments';

export function BudgetPanel({
  today,
  evidence,
  settings,
  onChanged,
  generation,
}: {
  generation: unknown;
  today: string;
  evidence: EvidenceChoice[];
  settings: { reminderDays: number; reserveGoal: string; reserveSaved: string };
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [b, setB] = useState<BudgetView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setB(await api().repayments.budget({ month }));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [month]);
  // Reload after any change in 还款 (a payment, a new agreement).
  useEffect(() => {
    void load();
  }, [load, generation]);
  const bills = evidence.filter((e) => e.category === 'bill' || /\.(csv|xlsx)$/i.test(e.name));
  const [pick, setPick] = useState('');
  const [format, setFormat] = useState<'' | 'alipay' | 'wechat' | 'bank'>('');
  const [columns, setColumns] = useState('');
  const [imported, setImported] = useState<BillImport | null>(null);
  const [importError, setImportError] = useState<unknown>(null);
  const [goal, setGoal] = useState(settings.reserveGoal);
  const [saved, setSaved] = useState(settings.reserveSaved);

  async function importBill() {
    const id = pick || bills[0]?.id;
    if (!id) return;
    try {
      setImported(await api().repayments.importBill({ evidenceId: id, ...(format ? { format } : {}), ...(columns.trim() ? { columns: columns.trim() } : {}) }));
      setImportError(null);
      await load();
    } catch (err) {
      setImportError(err);
      setImported(null);
    }
  }
  async function saveReserve() {
    try {
      await api().repayments.saveSettings({ reminderDays: settings.reminderDays, reserveGoal: goal, reserveSaved: saved });
      await onChanged();
      await load();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="case-card" aria-labelledby="rp-budget-title" data-testid="rp-budget">
      <h2 id="rp-budget-title">{t('repayments.budget.title')}</h2>
      <div className="rp-row">
        <label htmlFor="rp-budget-month">{t('repayments.budget.month')}</label>
        <input id="rp-budget-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="rp-budget-month" />
      </div>
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}
      {b && (
        <div data-testid="rp-budget-figures">
          <p data-testid="rp-budget-planned">{t('repayments.budget.planned', { income: yuan(b.planned.income), spending: yuan(b.planned.spending) })}</p>
          <p data-testid="rp-budget-actual">{t('repayments.budget.actual', { income: yuan(b.actual.income), spending: yuan(b.actual.spending) })}</p>
          {b.actual.byCategory.length > 0 && (
            <table className="rp-table" data-testid="rp-budget-categories">
              <caption>{t('repayments.budget.byCategory')}</caption>
              <tbody>
                {b.actual.byCategory.map((c) => (
                  <tr key={c.category}>
                    <th scope="row">{c.category}</th>
                    <td>{yuan(c.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p>{t('repayments.budget.repayments', { due: yuan(b.repayments.due), paid: yuan(b.repayments.paid) })}</p>
          <p data-testid="rp-budget-left">
            {t('repayments.budget.left', { basis: t(b.basis === 'actual' ? 'repayments.budget.basisActual' : 'repayments.budget.basisPlanned'), left: yuan(b.left) })}
          </p>
          {b.next && <p>{t('repayments.budget.next', { date: b.next.date, creditor: b.next.creditor, amount: yuan(b.next.amount) })}</p>}
          {b.next?.short && (
            <Message kind="warning" testId="rp-budget-short">
              {t('repayments.budget.short', { date: b.next.callBy })}
            </Message>
          )}
          <p>{t('repayments.budget.reserve', { goal: yuan(b.reserve.goal), saved: yuan(b.reserve.saved) })}</p>
          {b.billFiles === 0 && <p className="case-small">{t('repayments.budget.noBills')}</p>}
        </div>
      )}
      <div className="rp-row">
        <label htmlFor="rp-reserve-goal">{t('repayments.budget.reserveGoal')}</label>
        <input id="rp-reserve-goal" value={goal} onChange={(e) => setGoal(e.target.value)} data-testid="rp-reserve-goal" />
        <label htmlFor="rp-reserve-saved">{t('repayments.budget.reserveSaved')}</label>
        <input id="rp-reserve-saved" value={saved} onChange={(e) => setSaved(e.target.value)} data-testid="rp-reserve-saved" />
        <button type="button" className="button button-quiet" onClick={() => void saveReserve()} data-testid="rp-reserve-save">
          {t('repayments.budget.saveReserve')}
        </button>
      </div>
      <h3>{t('repayments.bills.title')}</h3>
      <div className="rp-row">
        <label htmlFor="rp-bill-pick">{t('repayments.bills.pick')}</label>
        <select id="rp-bill-pick" value={pick} onChange={(e) => setPick(e.target.value)} data-testid="rp-bill-pick">
          {bills.length === 0 && <option value="">{t('repayments.bills.none')}</option>}
          {bills.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <label htmlFor="rp-bill-format">{t('repayments.bills.format')}</label>
        <select id="rp-bill-format" value={format} onChange={(e) => setFormat(e.target.value as typeof format)} data-testid="rp-bill-format">
          <option value="">{t('repayments.bills.auto')}</option>
          <option value="alipay">{t('repayments.bills.alipay')}</option>
          <option value="wechat">{t('repayments.bills.wechat')}</option>
          <option value="bank">{t('repayments.bills.bank')}</option>
        </select>
      </div>
      {format === 'bank' && (
        <div className="rp-field">
          <label htmlFor="rp-bill-columns">{t('repayments.bills.columns')}</label>
          <input id="rp-bill-columns" value={columns} onChange={(e) => setColumns(e.target.value)} data-testid="rp-bill-columns" />
        </div>
      )}
      <button type="button" className="button" disabled={bills.length === 0} onClick={() => void importBill()} data-testid="rp-bill-import">
        {t('repayments.bills.import')}
      </button>
      {imported && (
        <Message kind="success" testId="rp-bill-done">
          {t('repayments.bills.done', {
            imported: imported.imported,
            duplicates: imported.duplicates,
            skipped: imported.skipped,
            from: imported.from ?? '—',
            to: imported.to ?? '—',
          })}
        </Message>
      )}
      {importError !== null && (
        <Message kind="error" testId="rp-bill-error">
          {errorText(t, importError)}
        </Message>
      )}
    </section>
  );
}
