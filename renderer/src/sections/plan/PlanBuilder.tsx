// Build a plan version: what to offer (everything, principal only, principal plus part of
// the interest — with the waiver it implies), the first payment date and N installments by
// the cli.md rule, checked against the money available each month. Above capacity the page
// says so plainly, suggests the smallest N that fits, and saves only with an explicit
// acknowledgement (recorded in the audit log by the vault).
import { useState, type FormEvent } from 'react';
import { PLAN_BASES, PLAN_ROLES } from '../../../../shared/case/kinds';
import type { Plan } from '../../../../shared/case/schema';
import type { CaseView } from '../../../../shared/contracts/case';
import { addMonthsClamped } from '../../../../shared/time/beijing';
import { previewPlan, type PlanPreview } from '../../../../shared/money/plan-builder';
import { MAX_INSTALLMENTS } from '../../../../shared/money/plan';
import { detailOf } from '../../../../shared/case/detail';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { CheckboxField, SelectField, TextField } from '../case/fields';
import { amountText, checkAmount, checkCount, checkDate, yuan } from '../case/input';
import { SchedulePreview } from './SchedulePreview';
import { StepChecks, hasDatedIncome } from './StepChecks';
import { DateField } from '../../components/DateField';

interface FormState {
  id?: string;
  name: string;
  role: Plan['role'];
  accountIds: string[];
  basis: Plan['basis'];
  interestOffered: string;
  asOf: string;
  firstDate: string;
  installments: string;
  note: string;
  /** A step-up plan: the first stepCount installments at stepAmount each ('' = level plan). */
  stepped: boolean;
  stepCount: string;
  stepAmount: string;
}

export function initialPlanForm(doc: CaseView, today: string, plan?: Plan): FormState {
  if (plan) {
    return {
      id: plan.id,
      name: plan.name,
      role: plan.role,
      accountIds: [...plan.accountIds],
      basis: plan.basis,
      interestOffered: plan.basis === 'principal-part-interest' ? amountText(plan.interestOffered) : '',
      asOf: plan.asOf,
      firstDate: plan.firstDate,
      installments: String(plan.installments),
      note: plan.note,
      stepped: !!plan.step,
      stepCount: plan.step ? String(plan.step.count) : '',
      stepAmount: plan.step ? amountText(plan.step.amount) : '',
    };
  }
  const first = doc.plans.length === 0;
  return {
    name: '',
    role: first ? 'offer' : 'fallback',
    accountIds: doc.accounts.map((a) => a.id),
    basis: 'everything',
    interestOffered: '',
    asOf: today,
    firstDate: addMonthsClamped(today, 1),
    installments: '12',
    note: '',
    stepped: false,
    stepCount: '',
    stepAmount: '',
  };
}

type Errors = Partial<Record<'name' | 'interestOffered' | 'asOf' | 'firstDate' | 'installments' | 'accounts' | 'stepCount' | 'stepAmount', string>>;

export function PlanBuilder({
  doc,
  today,
  initial,
  run,
  onSaved,
}: {
  doc: CaseView;
  today: string;
  initial: FormState;
  run: (call: () => Promise<CaseView>) => Promise<CaseView>;
  onSaved: () => void;
}) {
  const t = useT();
  const [s, setS] = useState<FormState>(initial);
  const [ack, setAck] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [tried, setTried] = useState(false);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setS((prev) => ({ ...prev, [key]: value }));
    setAck(false);
    setFailure(null);
  };

  // Read the form; preview the plan when everything reads.
  const errors: Errors = {};
  const n = checkCount(s.installments, t('plan.form.installments'), 1, MAX_INSTALLMENTS);
  const asOf = checkDate(s.asOf, t('plan.form.asOf'));
  const first = checkDate(s.firstDate, t('plan.form.firstDate'), { when: 'future' });
  const stepCount = s.stepped ? checkCount(s.stepCount, t('plan.step.count'), 1, Math.max(1, (n.ok ? n.value : MAX_INSTALLMENTS) - 1)) : null;
  const stepAmount = s.stepped ? checkAmount(s.stepAmount, t('plan.step.amount'), { allowZero: false }) : null;
  if (stepCount && !stepCount.ok) errors.stepCount = stepCount.error;
  if (stepAmount && !stepAmount.ok) errors.stepAmount = stepAmount.error;
  const step = stepCount?.ok && stepAmount?.ok ? { count: stepCount.value, amount: stepAmount.value } : null;
  const stepReady = !s.stepped || step !== null;
  const offered = s.basis === 'principal-part-interest' ? checkAmount(s.interestOffered, t('plan.form.interestOffered')) : { ok: true as const, value: '0.00' };
  if (!n.ok) errors.installments = n.error;
  if (!asOf.ok) errors.asOf = asOf.error;
  if (!first.ok) errors.firstDate = first.error;
  if (!offered.ok) errors.interestOffered = offered.error;
  if (s.accountIds.length === 0) errors.accounts = t('plan.form.noAccounts');
  let preview: PlanPreview | null = null;
  let previewError: string | null = null;
  if (n.ok && asOf.ok && first.ok && offered.ok && s.accountIds.length > 0 && stepReady) {
    try {
      preview = previewPlan(
        { accountIds: s.accountIds, basis: s.basis, asOf: asOf.value as string, interestOffered: offered.value, installments: n.value, firstDate: first.value as string, step },
        doc.accounts,
        doc.finances,
        today,
      );
    } catch (err) {
      previewError = detailOf(err);
    }
  }
  const name = s.name.trim() || t(`plan.role.${s.role}`);
  const over = preview?.warnings.find((w) => w.kind === 'over-capacity');
  const canSave = preview !== null && (!preview.needsAcknowledgement || ack);

  async function save(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (!preview || !n.ok || !asOf.ok || !first.ok || !offered.ok || !stepReady) return;
    if (preview.needsAcknowledgement && !ack) return;
    setBusy(true);
    setFailure(null);
    try {
      const plan = {
        ...(s.id ? { id: s.id } : {}),
        name,
        role: s.role,
        accountIds: s.accountIds,
        basis: s.basis,
        asOf: asOf.value as string,
        interestOffered: offered.value,
        installments: n.value,
        firstDate: first.value as string,
        note: s.note,
        step,
      };
      await run(() => api().case.savePlan({ plan, ...(preview.needsAcknowledgement ? { acknowledgeOverCapacity: ack } : {}) }));
      onSaved();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const shown = (key: keyof Errors) =>
    tried || key === 'installments' || key === 'firstDate' || key === 'interestOffered' || key === 'stepCount' || key === 'stepAmount' ? errors[key] : undefined;

  return (
    <form className="case-card" onSubmit={save} noValidate aria-labelledby="plan-form-title" data-testid="plan-form">
      <h2 id="plan-form-title">{s.id ? t('plan.form.editTitle', { name: initial.name }) : t('plan.form.title')}</h2>
      <div className="case-grid">
        <TextField
          id="plan-name"
          label={t('plan.form.name')}
          value={s.name}
          onChange={(v) => set('name', v)}
          placeholder={t(`plan.role.${s.role}`)}
          testId="plan-name"
          width="medium"
        />
        <SelectField
          id="plan-role"
          label={t('plan.form.role')}
          value={s.role}
          options={PLAN_ROLES.map((r) => ({ value: r, label: t(`plan.role.${r}`) }))}
          onChange={(v) => set('role', v)}
          testId="plan-role"
        />
      </div>
      <fieldset className="case-fieldset" data-testid="plan-accounts">
        <legend>{t('plan.form.accounts')}</legend>
        {doc.accounts.map((a) => (
          <CheckboxField
            key={a.id}
            id={`plan-account-${a.id}`}
            label={a.label}
            checked={s.accountIds.includes(a.id)}
            onChange={(on) =>
              set('accountIds', on ? doc.accounts.filter((x) => x.id === a.id || s.accountIds.includes(x.id)).map((x) => x.id) : s.accountIds.filter((id) => id !== a.id))
            }
            testId={`plan-account-${a.label}`}
          />
        ))}
        {shown('accounts') && <p className="case-field-error">{errors.accounts}</p>}
      </fieldset>
      <fieldset className="case-fieldset">
        <legend>{t('plan.form.basis')}</legend>
        {PLAN_BASES.map((b) => (
          <label key={b} className="checkbox-row case-field" htmlFor={`plan-basis-${b}`}>
            <input
              id={`plan-basis-${b}`}
              type="radio"
              name="plan-basis"
              className="checkbox"
              checked={s.basis === b}
              onChange={() => set('basis', b)}
              data-testid={`plan-basis-${b}`}
            />
            <span>
              {t(`plan.basis.${b}`)}
              <span className="case-small"> — {t(`plan.basisHelp.${b}`)}</span>
            </span>
          </label>
        ))}
        {s.basis === 'principal-part-interest' && (
          <TextField
            id="plan-interest"
            label={t('plan.form.interestOffered')}
            value={s.interestOffered}
            onChange={(v) => set('interestOffered', v)}
            error={shown('interestOffered')}
            testId="plan-interest"
            kind="decimal"
            unit={t('debts.yuan')}
          />
        )}
      </fieldset>
      <div className="case-grid">
        <DateField id="plan-asof" label={t('plan.form.asOf')} value={s.asOf} onChange={(v) => set('asOf', v)} error={shown('asOf')} testId="plan-asof" />
        <DateField
          id="plan-first"
          label={t('plan.form.firstDate')}
          value={s.firstDate}
          onChange={(v) => set('firstDate', v)}
          error={shown('firstDate')}
          testId="plan-first"
          when="future"
        />
        <TextField
          id="plan-installments"
          label={t('plan.form.installments')}
          help={t('plan.form.installmentsHelp')}
          value={s.installments}
          onChange={(v) => set('installments', v)}
          error={shown('installments')}
          testId="plan-installments"
          kind="count"
          unit={t('plan.form.periods')}
        />
      </div>

      <fieldset className="case-fieldset" data-testid="plan-step">
        <legend>{t('plan.step.title')}</legend>
        <CheckboxField id="plan-stepped" label={t('plan.step.on')} checked={s.stepped} onChange={(v) => set('stepped', v)} testId="plan-stepped" help={t('plan.step.help')} />
        {s.stepped && (
          <div className="case-grid">
            <TextField
              id="plan-step-count"
              label={t('plan.step.count')}
              value={s.stepCount}
              onChange={(v) => set('stepCount', v)}
              error={shown('stepCount')}
              testId="plan-step-count"
              kind="count"
              unit={t('plan.form.periods')}
            />
            <TextField
              id="plan-step-amount"
              label={t('plan.step.amount')}
              value={s.stepAmount}
              onChange={(v) => set('stepAmount', v)}
              error={shown('stepAmount')}
              testId="plan-step-amount"
              kind="decimal"
              unit={t('debts.yuan')}
            />
          </div>
        )}
      </fieldset>
      {previewError && (
        <Message kind="error" testId="plan-preview-error">
          {previewError}
        </Message>
      )}
      {preview && (
        <div data-testid="plan-preview">
          <dl className="case-figures">
            <div className="case-figure case-figure-strong">
              <dt className="case-figure-label">{t('plan.preview.total')}</dt>
              <dd className="case-figure-value" data-testid="plan-total">
                {yuan(preview.total)}
              </dd>
            </div>
            <div className="case-figure case-figure-strong">
              <dt className="case-figure-label">{t('plan.preview.each')}</dt>
              <dd className="case-figure-value" data-testid="plan-each">
                {yuan(preview.installments[0]!.amount)}
              </dd>
            </div>
            <div className="case-figure">
              <dt className="case-figure-label">{t('plan.preview.capacity')}</dt>
              <dd className="case-figure-value">{preview.capacity === null ? t('plan.preview.unknown') : yuan(preview.capacity)}</dd>
            </div>
            <div className="case-figure">
              <dt className="case-figure-label">{t('plan.preview.owed', { date: asOf.ok ? (asOf.value as string) : '' })}</dt>
              <dd className="case-figure-value">{yuan(preview.owed.total)}</dd>
            </div>
          </dl>
          <p data-testid="plan-waiver">
            {preview.offer.waived.total === '0.00'
              ? t('plan.preview.noWaiver')
              : t('plan.preview.waiver', {
                  penalty: yuan(preview.offer.waived.penalty),
                  interest: yuan(preview.offer.waived.interest),
                  fees: yuan(preview.offer.waived.fees),
                  total: yuan(preview.offer.waived.total),
                })}
          </p>
          {preview.warnings.map((w) => {
            switch (w.kind) {
              case 'first-date-past':
                return (
                  <Message key={w.kind} kind="warning" testId="plan-first-past">
                    {t('plan.warn.firstPast', { date: w.firstDate })}
                  </Message>
                );
              case 'no-capacity':
                return (
                  <Message key={w.kind} kind="warning" testId="plan-no-capacity">
                    {t('plan.warn.noCapacity')}
                  </Message>
                );
              case 'nothing-fits':
                return (
                  <Message key={w.kind} kind="warning" testId="plan-nothing-fits">
                    {t('plan.warn.nothingFits', { capacity: yuan(w.capacity), max: MAX_INSTALLMENTS })}
                  </Message>
                );
              default:
                return null;
            }
          })}
          {over && over.kind === 'over-capacity' && (
            <div className="case-alert" role="alert" data-testid="plan-over-capacity">
              <p className="case-alert-title">{t('plan.warn.overTitle')}</p>
              <p>{t('plan.warn.over', { largest: yuan(over.largest), capacity: yuan(over.capacity) })}</p>
              {over.minInstallments !== null && (
                <p>
                  <span data-testid="plan-suggested">{t('plan.warn.suggest', { n: over.minInstallments, capacity: yuan(over.capacity) })}</span>{' '}
                  <button type="button" className="button" onClick={() => set('installments', String(over.minInstallments))} data-testid="plan-use-suggested">
                    {t('plan.warn.useSuggested', { n: over.minInstallments })}
                  </button>
                </p>
              )}
              <CheckboxField id="plan-ack" label={t('plan.warn.ack')} checked={ack} onChange={setAck} testId="plan-ack" help={t('plan.warn.ackHelp')} />
            </div>
          )}
          {preview.feasible === true && (
            <Message kind="success" testId="plan-fits">
              {t('plan.preview.fits', { capacity: yuan(preview.capacity ?? '0') })}
            </Message>
          )}
          {(s.stepped || hasDatedIncome(doc)) && (
            <StepChecks doc={doc} accountIds={s.accountIds} asOf={asOf.ok ? (asOf.value as string) : today} installments={preview.installments} />
          )}
          <SchedulePreview installments={preview.installments} capacity={preview.capacity} testId="plan-schedule" />
        </div>
      )}
      <TextField id="plan-note" label={t('plan.form.note')} value={s.note} onChange={(v) => set('note', v)} testId="plan-note" multiline />
      {failure !== null && (
        <Message kind="error" testId="plan-save-error">
          {errorText(t, failure)}
        </Message>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !canSave} data-testid="plan-save">
          {busy ? t('plan.form.saving') : s.id ? t('plan.form.update') : t('plan.form.save')}
        </button>
      </div>
    </form>
  );
}
