// The one-year LPR table behind the 4 × LPR comparison: the shipped quotes, plus the ones
// the user adds when a newer quote is published (kept in the vault, never guessed).
import { useState, type FormEvent } from 'react';
import type { CaseView } from '../../../../shared/contracts/case';
import { SHIPPED_LPR } from '../../../../shared/money/ceilings';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { TextField } from '../case/fields';
import { checkAnnualRate, checkDate, percentText } from '../case/input';
import { LprPaste } from './LprPaste';

export function LprPanel({ doc, run }: { doc: CaseView; run: (call: () => Promise<CaseView>) => Promise<CaseView> }) {
  const t = useT();
  const [from, setFrom] = useState('');
  const [rate, setRate] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ from?: string; rate?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);

  const save = async (rows: CaseView['lpr']) => {
    setFailure(null);
    try {
      await run(() => api().case.saveLpr({ rows }));
      return true;
    } catch (err) {
      setFailure(err);
      return false;
    }
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    const d = checkDate(from, t('debts.lpr.from'));
    const r = checkAnnualRate(rate, t('debts.lpr.rate'));
    setErrors({ ...(d.ok ? {} : { from: d.error }), ...(r.ok ? {} : { rate: r.error }) });
    if (!d.ok || !r.ok) return;
    if (await save([...doc.lpr, { from: d.value as string, rate: r.value, note: note.trim() }])) {
      setFrom('');
      setRate('');
      setNote('');
    }
  }

  const rows = [...SHIPPED_LPR.rows.map((row) => ({ ...row, note: row.note ?? '', mine: false })), ...doc.lpr.map((row) => ({ ...row, mine: true }))].sort((a, b) =>
    a.from.localeCompare(b.from),
  );

  return (
    <details className="case-card case-details" data-testid="lpr-panel">
      <summary>{t('debts.lpr.title')}</summary>
      <p className="case-small">{t('debts.lpr.intro', { date: SHIPPED_LPR.checkedThrough })}</p>
      <table className="case-table">
        <thead>
          <tr>
            <th scope="col">{t('debts.lpr.colFrom')}</th>
            <th scope="col" className="num">
              {t('debts.lpr.colRate')}
            </th>
            <th scope="col">{t('debts.lpr.colSource')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('debts.lpr.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.from}-${row.mine ? 'mine' : 'shipped'}`}>
              <td>{row.from}</td>
              <td className="num">{percentText(row.rate)}</td>
              <td>
                <span className="case-badge">{row.mine ? t('debts.lpr.yours') : t('debts.lpr.shipped')}</span> {row.note}
              </td>
              <td>
                {row.mine && (
                  <button type="button" className="button button-quiet" onClick={() => void save(doc.lpr.filter((r) => r.from !== row.from))}>
                    {t('debts.lpr.remove')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LprPaste onAdd={(row) => save([...doc.lpr.filter((r) => r.from !== row.from), row])} />
      <form onSubmit={add} noValidate aria-label={t('debts.lpr.add')}>
        <div className="case-grid">
          <TextField id="lpr-from" label={t('debts.lpr.from')} value={from} onChange={setFrom} error={errors.from} testId="lpr-from" kind="date" placeholder="YYYY-MM-DD" />
          <TextField id="lpr-rate" label={t('debts.lpr.rate')} value={rate} onChange={setRate} error={errors.rate} testId="lpr-rate" kind="decimal" placeholder="3.00%" />
          <TextField id="lpr-note" label={t('debts.lpr.note')} value={note} onChange={setNote} testId="lpr-note" />
        </div>
        {failure !== null && <Message kind="error">{errorText(t, failure)}</Message>}
        <button type="submit" className="button" data-testid="lpr-add">
          {t('debts.lpr.add')}
        </button>
      </form>
    </details>
  );
}
