// One agreement: flagged while not confirmed in writing, the comparison with what was asked
// (differences marked), its terms, the schedule with each installment's status, the payments
// and the form to record one (receipt picked from the evidence list).
import { useState, type FormEvent } from 'react';
import type { AgreementView } from '../../../../shared/contracts/repayments';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { DateField, readDateField } from '../../components/DateField';
import { yuan } from '../case/input';
import type { EvidenceChoice } from './useRepayments';

export function AgreementCard({ a, today, evidence, onChanged }: { a: AgreementView; today: string; evidence: EvidenceChoice[]; onChanged: () => Promise<void> }) {
  const t = useT();
  const s = a.schedule;
  const name = (id: string | null) => evidence.find((e) => e.id === id)?.name ?? id ?? '';
  return (
    <article className="case-card rp-agreement" data-testid="rp-agreement" data-agreement-id={a.agreementId}>
      <h2>{a.creditor ? t('repayments.agreement.title', { creditor: a.creditor }) : t('repayments.agreement.noCreditor')}</h2>
      <p className="case-small">
        {t('repayments.agreement.signedOn', { date: a.signedOn })}
        {a.evidenceId && <> · {t('repayments.agreement.evidence', { id: name(a.evidenceId) })}</>}
      </p>
      {a.needsWriting && (
        <Message kind="warning" testId="rp-needs-writing">
          {t('repayments.agreement.needsWriting')}
        </Message>
      )}
      <p className="rp-summary" data-testid="rp-summary">
        {t('repayments.agreement.summary', { total: yuan(s.total), paid: yuan(s.paid), remaining: yuan(s.remaining) })}
      </p>
      <h3>{t('repayments.agreement.compare')}</h3>
      <table className="rp-table" data-testid="rp-compare">
        <thead>
          <tr>
            <th scope="col">{t('repayments.agreement.item')}</th>
            <th scope="col">{t('repayments.agreement.asked')}</th>
            <th scope="col">{t('repayments.agreement.agreed')}</th>
          </tr>
        </thead>
        <tbody>
          {a.comparison.map((r) => (
            <tr key={r.key} className={r.differs ? 'rp-differs' : undefined} data-testid={`rp-compare-${r.key}`} data-differs={r.differs}>
              <th scope="row">{t(`repayments.agreement.rows.${r.key}`)}</th>
              <td>{r.asked || '—'}</td>
              <td>
                {r.agreed}
                {r.differs && <span className="rp-badge">{t('repayments.agreement.differs')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('repayments.agreement.terms')}</h3>
      <ul className="rp-terms">
        <li>
          {t('repayments.agreement.balance', {
            principal: yuan(a.terms.balance.principal),
            interest: yuan(a.terms.balance.interest),
            penalty: yuan(a.terms.balance.penalty),
            fees: yuan(a.terms.balance.fees),
          })}
        </li>
        {a.terms.charges && <li>{t('repayments.agreement.charges', { text: a.terms.charges })}</li>}
        {a.terms.noNewCards && <li>{t('repayments.agreement.noNewCards')}</li>}
        {a.terms.duties && <li>{t('repayments.agreement.duties', { text: a.terms.duties })}</li>}
        {a.terms.otherClauses && <li>{t('repayments.agreement.other', { text: a.terms.otherClauses })}</li>}
      </ul>
      <h3>{t('repayments.schedule.title')}</h3>
      <table className="rp-table" data-testid="rp-schedule">
        <thead>
          <tr>
            <th scope="col">{t('repayments.schedule.n')}</th>
            <th scope="col">{t('repayments.schedule.due')}</th>
            <th scope="col">{t('repayments.schedule.amount')}</th>
            <th scope="col">{t('repayments.schedule.paid')}</th>
            <th scope="col">{t('repayments.schedule.status')}</th>
          </tr>
        </thead>
        <tbody>
          {s.installments.map((i) => (
            <tr key={i.n} className={`rp-status-${i.status}`} data-testid="rp-installment" data-status={i.status}>
              <td>{i.n}</td>
              <td>{i.due}</td>
              <td>{yuan(i.amount)}</td>
              <td>{yuan(i.paid)}</td>
              <td>
                {t(`repayments.schedule.statuses.${i.status}`)}
                {i.daysLate > 0 && <> · {t('repayments.schedule.late', { days: i.daysLate })}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('repayments.payments.title')}</h3>
      {s.payments.length === 0 ? (
        <p className="case-small">{t('repayments.payments.none')}</p>
      ) : (
        <ul className="rp-payments" data-testid="rp-payments">
          {s.payments.map((p) => (
            <li key={p.id} data-testid="rp-payment">
              {t('repayments.payments.row', { date: p.date, amount: yuan(p.amount) })} ·{' '}
              {t('repayments.payments.applied', { parts: p.applied.map((x) => t('repayments.payments.part', { n: x.n, amount: yuan(x.amount) })).join('，') })}
              {p.receiptId && <> · {t('repayments.payments.receipt', { name: name(p.receiptId) })}</>}
            </li>
          ))}
        </ul>
      )}
      {s.remaining !== '0.00' && <PayForm agreementId={a.agreementId} today={today} next={s.next as { open?: string } | null} evidence={evidence} onChanged={onChanged} />}
    </article>
  );
}

function PayForm({
  agreementId,
  today,
  next,
  evidence,
  onChanged,
}: {
  agreementId: string;
  today: string;
  next: { open?: string } | null;
  evidence: EvidenceChoice[];
  onChanged: () => Promise<void>;
}) {
  const t = useT();
  const [amount, setAmount] = useState(next?.open ?? '');
  const [date, setDate] = useState(today);
  const [receipt, setReceipt] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; remaining: string } | { ok: false; error: unknown } | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const paidOn = readDateField(t, date, t('repayments.pay.date'), { when: 'past', notAfterToday: true });
    // The date field itself shows why (it was left for the button, so it shows its reason).
    if (!paidOn.ok) return;
    setBusy(true);
    try {
      const r = await api().repayments.pay({ agreementId, amount, date: paidOn.value as string, receiptId: receipt || null, note });
      setResult({ ok: true, remaining: r.remaining });
      setAmount('');
      setReceipt('');
      setNote('');
      await onChanged();
    } catch (err) {
      setResult({ ok: false, error: err });
    } finally {
      setBusy(false);
    }
  }
  const id = (k: string) => `rp-pay-${agreementId}-${k}`;
  return (
    <form className="rp-form" onSubmit={(e) => void submit(e)} data-testid="rp-pay-form">
      <h3>{t('repayments.pay.title')}</h3>
      <p className="case-small">{t('repayments.pay.help')}</p>
      <div className="rp-row">
        <label htmlFor={id('amount')}>{t('repayments.pay.amount')}</label>
        <input id={id('amount')} value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="rp-pay-amount" />
        <DateField id={id('date')} label={t('repayments.pay.date')} value={date} onChange={setDate} when="past" notAfterToday testId="rp-pay-date" />
      </div>
      <div className="rp-row">
        <label htmlFor={id('receipt')}>{t('repayments.pay.receipt')}</label>
        <select id={id('receipt')} value={receipt} onChange={(e) => setReceipt(e.target.value)} data-testid="rp-pay-receipt">
          <option value="">{t('repayments.pay.noReceipt')}</option>
          {evidence.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      <div className="rp-row">
        <label htmlFor={id('note')}>{t('repayments.pay.note')}</label>
        <input id={id('note')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="rp-pay-note" />
        <button type="submit" className="button" disabled={busy} data-testid="rp-pay-submit">
          {t('repayments.pay.submit')}
        </button>
      </div>
      {result?.ok === true && (
        <Message kind="success" testId="rp-pay-done">
          {t('repayments.pay.done', { remaining: yuan(result.remaining) })}
        </Message>
      )}
      {result?.ok === false && (
        <Message kind="error" testId="rp-pay-error">
          {errorText(t, result.error)}
        </Message>
      )}
    </form>
  );
}
