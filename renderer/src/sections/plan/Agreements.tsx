// After a deal: the terms agreed (total, installments with dates and amounts, the waived
// penalty, the deadline, the signed agreement's evidence number), and each installment
// ticked off when paid, so there is no second overdue.
import { useState, type FormEvent } from 'react';
import type { Plan } from '../../../../shared/case/schema';
import type { CaseView } from '../../../../shared/contracts/case';
import { compareDates } from '../../../../shared/time/beijing';
import { dec } from '../../../../shared/money/decimal';
import { makePlan, MAX_INSTALLMENTS } from '../../../../shared/money/plan';
import { offerFor } from '../../../../shared/money/plan-builder';
import { detailOf } from '../../../../shared/case/detail';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { TextField } from '../case/fields';
import { DateField } from '../../components/DateField';
import { EvidencePicker } from '../../components/EvidencePicker';
import { useEvidenceIndex } from '../../components/useEvidenceIndex';
import { steppedSchedule } from '../../../../shared/money/plan-steps';
import { amountText, checkAmount, checkCount, checkDate, yuan } from '../case/input';

export function AgreementForm({ plan, today, run, onDone }: { plan: Plan; today: string; run: (call: () => Promise<CaseView>) => Promise<CaseView>; onDone: () => void }) {
  const t = useT();
  const waived = offerFor(plan.basis, plan.owed, plan.interestOffered).waived;
  const [s, setS] = useState({
    signedOn: today,
    total: amountText(plan.total),
    installments: String(plan.installments),
    firstDate: plan.firstDate,
    deadline: '',
    penalty: amountText(waived.penalty),
    interest: amountText(waived.interest),
    fees: amountText(waived.fees),
    evidenceId: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const set = (k: keyof typeof s) => (v: string) => setS((p) => ({ ...p, [k]: v }));

  async function save(e: FormEvent) {
    e.preventDefault();
    const signed = checkDate(s.signedOn, t('plan.agreement.signedOn'), { when: 'past' });
    const total = checkAmount(s.total, t('plan.agreement.total'), { allowZero: false });
    const n = checkCount(s.installments, t('plan.agreement.installments'), 1, MAX_INSTALLMENTS);
    const first = checkDate(s.firstDate, t('plan.agreement.firstDate'));
    const deadline = checkDate(s.deadline, t('plan.agreement.deadline'), { optional: true, when: 'future' });
    const w = (['penalty', 'interest', 'fees'] as const).map((k) => [k, checkAmount(s[k], t(`debts.parts.${k}`), { emptyIsZero: true })] as const);
    const next: Record<string, string> = {};
    for (const [k, r] of [['signedOn', signed], ['total', total], ['installments', n], ['firstDate', first], ['deadline', deadline], ...w] as const) {
      if (!r.ok) next[k] = r.error;
    }
    setErrors(next);
    if (!signed.ok || !total.ok || !n.ok || !first.ok || !deadline.ok || w.some(([, r]) => !r.ok)) return;
    let installments;
    try {
      // The plan's step-up carries over while the terms are the plan's own; changed terms are level.
      const same = plan.step && n.value === plan.installments && total.value === plan.total;
      installments = same
        ? steppedSchedule(dec(total.value), n.value, first.value as string, plan.step)
        : makePlan({ total: dec(total.value), installments: n.value, first: first.value as string }).installments;
    } catch (err) {
      setErrors({ total: detailOf(err) });
      return;
    }
    const waivedValue = (k: 'penalty' | 'interest' | 'fees') => {
      const r = w.find(([key]) => key === k)![1];
      return r.ok ? r.value : '0.00';
    };
    try {
      await run(() =>
        api().case.saveAgreement({
          agreement: {
            planId: plan.id,
            creditorId: null,
            accountIds: plan.accountIds,
            signedOn: signed.value as string,
            total: total.value,
            waived: { interest: waivedValue('interest'), penalty: waivedValue('penalty'), fees: waivedValue('fees') },
            deadline: deadline.value,
            evidenceId: s.evidenceId || null,
            installments: installments.map((i) => ({ ...i, paid: false, paidOn: null, evidenceId: null })),
            note: '',
          },
        }),
      );
      onDone();
    } catch (err) {
      setFailure(err);
    }
  }

  const field = (k: keyof typeof s, kind: 'date' | 'decimal' | 'count' | 'text' = 'text') => ({
    id: `agreement-${k}`,
    value: s[k],
    onChange: set(k),
    error: errors[k],
    testId: `agreement-${k}`,
    kind,
  });

  const dateField = (k: 'signedOn' | 'firstDate' | 'deadline') => ({ id: `agreement-${k}`, value: s[k], onChange: set(k), error: errors[k], testId: `agreement-${k}` });

  return (
    <form className="case-card" onSubmit={save} noValidate aria-labelledby="agreement-form-title" data-testid="agreement-form">
      <h2 id="agreement-form-title">{t('plan.agreement.formTitle', { name: plan.name })}</h2>
      <p className="case-small">{t('plan.agreement.formIntro')}</p>
      <div className="case-grid">
        <DateField {...dateField('signedOn')} label={t('plan.agreement.signedOn')} when="past" />
        <TextField {...field('total', 'decimal')} label={t('plan.agreement.total')} />
        <TextField {...field('installments', 'count')} label={t('plan.agreement.installments')} />
        <DateField {...dateField('firstDate')} label={t('plan.agreement.firstDate')} />
        <DateField {...dateField('deadline')} label={t('plan.agreement.deadline')} when="future" />
        <TextField {...field('penalty', 'decimal')} label={t('plan.agreement.waivedPenalty')} />
        <TextField {...field('interest', 'decimal')} label={t('plan.agreement.waivedInterest')} />
        <TextField {...field('fees', 'decimal')} label={t('plan.agreement.waivedFees')} />
      </div>
      <EvidencePicker
        label={t('plan.agreement.evidence')}
        testId="agreement-evidence"
        multiple={false}
        value={s.evidenceId ? [s.evidenceId] : []}
        onChange={(ids) => setS((p) => ({ ...p, evidenceId: ids[0] ?? '' }))}
      />
      {failure !== null && <Message kind="error">{errorText(t, failure)}</Message>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="agreement-save">
          {t('plan.agreement.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('debts.form.cancel')}
        </button>
      </div>
    </form>
  );
}

export function AgreementList({ doc, today, run }: { doc: CaseView; today: string; run: (call: () => Promise<CaseView>) => Promise<CaseView> }) {
  const t = useT();
  const evidence = useEvidenceIndex();
  const [failure, setFailure] = useState<unknown>(null);
  // The box shows the user's click at once; the vault's answer replaces it (or the error shows).
  const [pending, setPending] = useState<Record<string, boolean>>({});
  if (doc.agreements.length === 0) return null;
  const setPaid = (agreementId: string, n: number, paid: boolean) => {
    const key = `${agreementId}:${n}`;
    setPending((p) => ({ ...p, [key]: paid }));
    setFailure(null);
    run(() => api().case.setInstallmentPaid({ agreementId, n, paid }))
      .catch(setFailure)
      .finally(() =>
        setPending((p) => {
          const { [key]: _done, ...rest } = p;
          return rest;
        }),
      );
  };
  return (
    <section className="case-card" aria-labelledby="agreements-title" data-testid="agreements">
      <h2 id="agreements-title">{t('plan.agreement.title')}</h2>
      {failure !== null && <Message kind="error">{errorText(t, failure)}</Message>}
      {doc.agreements.map((a) => {
        const next = a.installments.find((i) => !i.paid);
        return (
          <article key={a.id} className="case-fieldset" data-testid="agreement">
            <p>
              {t('plan.agreement.summary', {
                signedOn: a.signedOn,
                total: yuan(a.total),
                n: a.installments.length,
                penalty: yuan(a.waived.penalty),
                deadline: a.deadline ?? '—',
                evidence: a.evidenceId ? (evidence.byId.get(a.evidenceId)?.name ?? t('forms.evidence.missing')) : '—',
              })}
            </p>
            {next && (
              <p className={compareDates(next.date, today) < 0 ? 'case-diff' : ''} data-testid="agreement-next">
                {compareDates(next.date, today) < 0
                  ? t('plan.agreement.late', { n: next.n, date: next.date, amount: yuan(next.amount) })
                  : t('plan.agreement.next', { n: next.n, date: next.date, amount: yuan(next.amount) })}
              </p>
            )}
            <details className="case-details">
              <summary>{t('plan.agreement.installmentsTitle')}</summary>
              <table className="case-table">
                <thead>
                  <tr>
                    <th scope="col">{t('plan.schedule.colN')}</th>
                    <th scope="col">{t('plan.schedule.colDate')}</th>
                    <th scope="col" className="num">
                      {t('plan.schedule.colAmount')}
                    </th>
                    <th scope="col">{t('plan.agreement.paid')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.installments.map((i) => (
                    <tr key={i.n}>
                      <td>{t('plan.schedule.nth', { n: i.n })}</td>
                      <td>{i.date}</td>
                      <td className="num">{yuan(i.amount)}</td>
                      <td>
                        <label className="checkbox-row" htmlFor={`paid-${a.id}-${i.n}`}>
                          <input
                            id={`paid-${a.id}-${i.n}`}
                            type="checkbox"
                            className="checkbox"
                            checked={pending[`${a.id}:${i.n}`] ?? i.paid}
                            onChange={(e) => setPaid(a.id, i.n, e.target.checked)}
                            data-testid={`agreement-paid-${i.n}`}
                          />
                          <span>{i.paid ? t('plan.agreement.paidOn', { date: i.paidOn ?? '' }) : t('plan.agreement.unpaid')}</span>
                        </label>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <button type="button" className="button button-quiet" onClick={() => void run(() => api().case.deleteAgreement({ id: a.id })).catch(setFailure)}>
              {t('plan.agreement.delete')}
            </button>
          </article>
        );
      })}
    </section>
  );
}
