// Recording an agreement as agreed: the creditor, the plan it answers (for the comparison),
// each installment's date and amount (prefilled from the plan), the balance and its structure,
// what is waived, and the other clauses Art 70 lists for cards; whether it is in writing and
// the signed copy. Installments not adding up to the total are refused by the vault.
import { useState, type FormEvent } from 'react';
import type { CaseView } from '../../../../shared/contracts/case';
import { dec, formatMoney } from '../../../../shared/money/decimal';
import { makePlan } from '../../../../shared/money/plan';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import type { EvidenceChoice } from './useRepayments';

function planLines(plan: CaseView['plans'][number] | undefined): string {
  if (!plan) return '';
  try {
    return makePlan({ total: dec(plan.total), installments: plan.installments, first: plan.firstDate })
      .installments.map((i) => `${i.date} ${i.amount}`)
      .join('\n');
  } catch {
    return '';
  }
}

export function NewAgreement({
  doc,
  today,
  evidence,
  onSaved,
  onCancel,
}: {
  doc: CaseView;
  today: string;
  evidence: EvidenceChoice[];
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const firstPlan = doc.plans.find((p) => p.role === 'offer') ?? doc.plans[0];
  const [f, setF] = useState({
    creditorId: doc.creditors[0]?.id ?? '',
    planId: firstPlan?.id ?? '',
    signedOn: today,
    total: firstPlan?.total ?? '',
    lines: planLines(firstPlan),
    principal: firstPlan?.owed.principal ?? '0.00',
    interest: firstPlan?.owed.interest ?? '0.00',
    penalty: firstPlan?.owed.penalty ?? '0.00',
    fees: firstPlan?.owed.fees ?? '0.00',
    wInterest: '0.00',
    wPenalty: '0.00',
    wFees: '0.00',
    charges: '',
    noNewCards: false,
    duties: '',
    other: '',
    inWriting: true,
    evidenceId: '',
  });
  const [error, setError] = useState<string | null>(null);
  const set =
    <K extends keyof typeof f>(k: K) =>
    (v: (typeof f)[K]) =>
      setF((p) => ({ ...p, [k]: v }));
  const money = (s: string) => {
    try {
      return formatMoney(dec(s.replace(/[,¥￥\s]/g, '') || '0'));
    } catch {
      return s;
    }
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const installments = [];
    const lines = f.lines
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const [i, line] of lines.entries()) {
      const m = /^(\d{4}-\d{2}-\d{2})\s+[¥￥]?([\d,]+(?:\.\d{1,2})?)$/.exec(line);
      if (!m) {
        setError(t('repayments.form.badLine', { n: i + 1, line }));
        return;
      }
      installments.push({ n: i + 1, date: m[1]!, amount: money(m[2]!), paid: false, paidOn: null, evidenceId: null });
    }
    const creditor = doc.creditors.find((c) => c.id === f.creditorId);
    const accountIds = doc.accounts.filter((a) => a.creditorId === f.creditorId).map((a) => a.id);
    try {
      await api().repayments.saveAgreement({
        agreement: {
          planId: f.planId || null,
          creditorId: creditor ? creditor.id : null,
          accountIds,
          signedOn: f.signedOn,
          total: money(f.total),
          waived: { interest: money(f.wInterest), penalty: money(f.wPenalty), fees: money(f.wFees) },
          deadline: installments[installments.length - 1]?.date ?? null,
          evidenceId: f.evidenceId || null,
          installments,
          note: '',
        },
        terms: {
          balance: { principal: money(f.principal), interest: money(f.interest), penalty: money(f.penalty), fees: money(f.fees) },
          charges: f.charges,
          noNewCards: f.noNewCards,
          duties: f.duties,
          otherClauses: f.other,
          inWriting: f.inWriting,
          roundId: null,
        },
      });
      setError(null);
      await onSaved();
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  const text = (
    k: 'signedOn' | 'total' | 'principal' | 'interest' | 'penalty' | 'fees' | 'wInterest' | 'wPenalty' | 'wFees' | 'charges' | 'duties' | 'other',
    label: string,
    type = 'text',
  ) => (
    <div className="rp-field">
      <label htmlFor={`rp-new-${k}`}>{label}</label>
      <input id={`rp-new-${k}`} type={type} value={f[k]} onChange={(e) => set(k)(e.target.value)} data-testid={`rp-new-${k}`} />
    </div>
  );
  return (
    <form className="case-card rp-form" onSubmit={(e) => void submit(e)} data-testid="rp-new-form">
      <h2>{t('repayments.form.title')}</h2>
      <p className="case-small">{t('repayments.form.art70')}</p>
      <div className="rp-field">
        <label htmlFor="rp-new-creditor">{t('repayments.form.creditor')}</label>
        <select id="rp-new-creditor" value={f.creditorId} onChange={(e) => set('creditorId')(e.target.value)} data-testid="rp-new-creditor">
          {doc.creditors.map((c) => (
            <option key={c.id} value={c.id}>
              {c.legalName}
            </option>
          ))}
        </select>
      </div>
      <div className="rp-field">
        <label htmlFor="rp-new-plan">{t('repayments.form.plan')}</label>
        <select
          id="rp-new-plan"
          value={f.planId}
          onChange={(e) => {
            const p = doc.plans.find((x) => x.id === e.target.value);
            setF((prev) => ({ ...prev, planId: e.target.value, total: p?.total ?? prev.total, lines: p ? planLines(p) : prev.lines }));
          }}
          data-testid="rp-new-plan"
        >
          <option value="">{t('repayments.form.noPlan')}</option>
          {doc.plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      {text('signedOn', t('repayments.form.signedOn'), 'date')}
      {text('total', t('repayments.form.total'))}
      <div className="rp-field">
        <label htmlFor="rp-new-lines">{t('repayments.form.installments')}</label>
        <textarea id="rp-new-lines" rows={6} value={f.lines} onChange={(e) => set('lines')(e.target.value)} data-testid="rp-new-lines" />
      </div>
      <fieldset className="rp-fieldset">
        <legend>{t('repayments.form.balance')}</legend>
        {text('principal', t('debts.parts.principal'))}
        {text('interest', t('debts.parts.interest'))}
        {text('penalty', t('debts.parts.penalty'))}
        {text('fees', t('debts.parts.fees'))}
      </fieldset>
      <fieldset className="rp-fieldset">
        <legend>{t('repayments.form.waived')}</legend>
        {text('wInterest', t('debts.parts.interest'))}
        {text('wPenalty', t('debts.parts.penalty'))}
        {text('wFees', t('debts.parts.fees'))}
      </fieldset>
      {text('charges', t('repayments.form.charges'))}
      <label className="rp-check">
        <input type="checkbox" checked={f.noNewCards} onChange={(e) => set('noNewCards')(e.target.checked)} data-testid="rp-new-noNewCards" /> {t('repayments.form.noNewCards')}
      </label>
      {text('duties', t('repayments.form.duties'))}
      {text('other', t('repayments.form.other'))}
      <label className="rp-check">
        <input type="checkbox" checked={f.inWriting} onChange={(e) => set('inWriting')(e.target.checked)} data-testid="rp-new-inWriting" /> {t('repayments.form.inWriting')}
      </label>
      <div className="rp-field">
        <label htmlFor="rp-new-evidence">{t('repayments.form.evidence')}</label>
        <select id="rp-new-evidence" value={f.evidenceId} onChange={(e) => set('evidenceId')(e.target.value)} data-testid="rp-new-evidence">
          <option value="">{t('repayments.form.noEvidence')}</option>
          {evidence.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <Message kind="error" testId="rp-new-error">
          {error}
        </Message>
      )}
      <div className="rp-row">
        <button type="submit" className="button" data-testid="rp-new-save">
          {t('repayments.form.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('repayments.form.cancel')}
        </button>
      </div>
    </form>
  );
}
