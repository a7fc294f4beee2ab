// Add or change an account: its creditor (legal name, product, hotline), the amounts, the
// missed due date and the penalty rule (defaults from domain.md, always editable).
import { useState, type FormEvent } from 'react';
import { useUnsavedChanges } from '../../lib/unsaved';
import type { Account, Creditor, Product } from '../../../../shared/case/schema';
import { PRODUCTS } from '../../../../shared/case/kinds';
import type { AccountSave, CaseView } from '../../../../shared/contracts/case';
import { addDays } from '../../../../shared/time/beijing';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { api } from '../../lib/api';
import { Message } from '../../components/Message';
import { SelectField, TextField } from '../case/fields';
import { DateField } from '../../components/DateField';
import { EvidencePicker } from '../../components/EvidencePicker';
import { amountText, checkAmount, checkCount, checkDailyRate, checkDate, percentText } from '../case/input';
import { rateNeedsConfirmation, type OverdueConvention } from '../../../../shared/money/penalty';
import { beijingIso } from '../../../../shared/time/beijing';
import { ConventionField, ProductRules, RateConfirm } from './AccountRules';

/** The rate a new 花呗 / 借呗 account starts with; a card starts empty (its rate is in its own agreement). */
const DEFAULT_DAILY_RATE = '0.05%';

/** 2021 起花呗、借呗由重庆蚂蚁消费金融有限公司经营（domain.md §1）. */
const DEFAULT_CREDITOR: Record<Product, string> = {
  huabei: '重庆蚂蚁消费金融有限公司',
  jiebei: '重庆蚂蚁消费金融有限公司',
  'credit-card': '',
  other: '',
};

interface FormState {
  product: Product;
  creditorName: string;
  productName: string;
  hotline: string;
  appChat: string;
  email: string;
  /** bank / consumer-finance / company, or '' to infer from the name (decides 贵行 / 贵司). */
  institution: '' | NonNullable<Creditor['institution']>;
  creditCode: string;
  /** This creditor's share of the monthly capacity; '' = pro rata. */
  capacityShare: string;
  label: string;
  number: string;
  principal: string;
  interest: string;
  fees: string;
  dueDate: string;
  mode: Account['penalty']['mode'];
  dailyRate: string;
  graceDays: string;
  startDate: string;
  contractDate: string;
  evidence: string[];
  convention: OverdueConvention;
  /** When the person confirmed an unusual daily rate (kept while the rate is unchanged). */
  rateConfirmed: { rate: string; at: string } | null;
}

type Errors = Partial<Record<keyof FormState, string>>;

function initialState(account: Account | null, creditor: Creditor | null): FormState {
  if (!account) {
    return {
      product: 'huabei',
      creditorName: DEFAULT_CREDITOR.huabei,
      productName: '',
      hotline: '',
      appChat: '',
      email: '',
      institution: '',
      creditCode: '',
      capacityShare: '',
      label: '',
      number: '',
      principal: '',
      interest: '',
      fees: '',
      dueDate: '',
      mode: 'simple',
      dailyRate: DEFAULT_DAILY_RATE,
      graceDays: '0',
      startDate: '',
      contractDate: '',
      evidence: [],
      convention: 'creditor',
      rateConfirmed: null,
    };
  }
  return {
    product: creditor?.product ?? 'other',
    creditorName: creditor?.legalName ?? '',
    productName: creditor?.productName ?? '',
    hotline: creditor?.channels.find((c) => c.kind === 'hotline')?.value ?? '',
    appChat: creditor?.channels.find((c) => c.kind === 'app-chat')?.value ?? '',
    email: creditor?.channels.find((c) => c.kind === 'email')?.value ?? '',
    institution: creditor?.institution ?? '',
    creditCode: creditor?.creditCode ?? '',
    capacityShare: creditor?.capacityShare ? amountText(creditor.capacityShare) : '',
    label: account.label,
    number: account.number,
    principal: amountText(account.principal),
    interest: amountText(account.interest),
    fees: amountText(account.fees),
    dueDate: account.dueDate ?? account.penalty.startDate,
    mode: account.penalty.mode,
    dailyRate: percentText(account.penalty.dailyRate),
    graceDays: String(account.penalty.graceDays),
    startDate: account.penalty.startDate === account.dueDate ? '' : account.penalty.startDate,
    contractDate: account.contractDate ?? '',
    evidence: account.evidenceIds,
    convention: account.overdueConvention ?? 'creditor',
    rateConfirmed: account.rateConfirmed ? { rate: account.penalty.dailyRate, at: account.rateConfirmed } : null,
  };
}

export interface AccountFormProps {
  doc: CaseView;
  account: Account | null;
  run: (call: () => Promise<CaseView>) => Promise<CaseView>;
  onDone: (saved: boolean) => void;
}

export function AccountForm({ doc, account, run, onDone }: AccountFormProps) {
  const t = useT();
  const creditor = account ? (doc.creditors.find((c) => c.id === account.creditorId) ?? null) : null;
  const [s, setS] = useState<FormState>(() => initialState(account, creditor));
  // The form closes on save, so any change from what it opened with is unsaved work.
  const [opened] = useState<FormState>(s);
  useUnsavedChanges(s !== opened);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [tried, setTried] = useState(false);
  /** A rate above 0.1 % a day waiting for the person's confirmation. */
  const [confirmRate, setConfirmRate] = useState<string | null>(null);
  const prefix = account ? `account-edit-${account.id}` : 'account-new';

  const productName = (p: Product) => t(`debts.product.${p}`);

  function validate(state: FormState): { errors: Errors; save?: AccountSave } {
    const e: Errors = {};
    const principal = checkAmount(state.principal, t('debts.form.principal'));
    const interest = checkAmount(state.interest, t('debts.form.interest'), { emptyIsZero: true });
    const fees = checkAmount(state.fees, t('debts.form.fees'), { emptyIsZero: true });
    const due = checkDate(state.dueDate, t('debts.form.dueDate'), { when: 'past' });
    const rate = checkDailyRate(state.dailyRate, t('debts.form.dailyRate'));
    const grace = checkCount(state.graceDays.trim() === '' ? '0' : state.graceDays, t('debts.form.graceDays'), 0, 365);
    const start = checkDate(state.startDate, t('debts.form.startDate'), { optional: true, when: 'past' });
    const contract = checkDate(state.contractDate, t('debts.form.contractDate'), { optional: true, when: 'past' });
    if (!principal.ok) e.principal = principal.error;
    if (!interest.ok) e.interest = interest.error;
    if (!fees.ok) e.fees = fees.error;
    if (!due.ok) e.dueDate = due.error;
    if (!rate.ok) e.dailyRate = rate.error;
    if (!grace.ok) e.graceDays = grace.error;
    if (!start.ok) e.startDate = start.error;
    if (!contract.ok) e.contractDate = contract.error;
    const share = state.capacityShare.trim() === '' ? null : checkAmount(state.capacityShare, t('debts.form.capacityShare'));
    if (share && !share.ok) e.capacityShare = share.error;
    const code = state.creditCode.trim().toUpperCase();
    if (code !== '' && !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) e.creditCode = t('debts.form.creditCodeBad');
    if ((share && !share.ok) || e.creditCode) return { errors: e };
    const legalName = state.creditorName.trim();
    if (legalName === '') e.creditorName = t('debts.form.creditorMissing');
    if (!principal.ok || !interest.ok || !fees.ok || !due.ok || !rate.ok || !grace.ok || !start.ok || !contract.ok || legalName === '') {
      return { errors: e };
    }
    const dueDate = due.value as string;
    const existing = doc.creditors.find((c) => c.legalName === legalName && c.product === state.product) ?? null;
    // One channel of each kind from the form (an emptied field removes it); 'other' ones are kept.
    const typed: [Creditor['channels'][number]['kind'], string][] = [
      ['hotline', state.hotline.trim()],
      ['app-chat', state.appChat.trim()],
      ['email', state.email.trim()],
    ];
    const channels: Creditor['channels'] = [];
    for (const [kind, value] of typed) {
      const had = existing?.channels.find((c) => c.kind === kind);
      if (value !== '') channels.push({ kind, value, note: had?.note ?? '' });
    }
    for (const c of existing?.channels ?? []) if (c.kind === 'other') channels.push(c);
    const letterFields = {
      ...(state.institution ? { institution: state.institution } : {}),
      ...(code ? { creditCode: code } : {}),
      ...(share && share.ok ? { capacityShare: share.value } : {}),
    };
    const creditorChanged =
      !existing ||
      existing.productName !== state.productName.trim() ||
      (existing.institution ?? '') !== state.institution ||
      (existing.creditCode ?? '') !== code ||
      (existing.capacityShare ?? null) !== (share && share.ok ? share.value : null) ||
      JSON.stringify(existing.channels) !== JSON.stringify(channels);
    const save: AccountSave = {
      account: {
        ...(account ? { id: account.id } : {}),
        ...(existing ? { creditorId: existing.id } : {}),
        label: state.label.trim() || productName(state.product),
        number: state.number.trim(),
        principal: principal.value,
        interest: interest.value,
        fees: fees.value,
        dueDate,
        overdueSince: addDays(dueDate, 1),
        penalty: { mode: state.mode, dailyRate: rate.value, graceDays: grace.value, startDate: start.value ?? dueDate },
        contractDate: contract.value,
        ...(state.convention !== 'creditor' ? { overdueConvention: state.convention } : {}),
        ...(state.rateConfirmed && state.rateConfirmed.rate === rate.value ? { rateConfirmed: state.rateConfirmed.at } : {}),
        evidenceIds: [...new Set(state.evidence)],
        note: account?.note ?? '',
      },
      ...(creditorChanged
        ? {
            creditor: {
              ...(existing ? { id: existing.id } : {}),
              legalName,
              product: state.product,
              productName: state.productName.trim(),
              channels,
              note: existing?.note ?? '',
              ...letterFields,
            },
          }
        : {}),
    };
    return { errors: e, save };
  }

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    const next = { ...s, [key]: value };
    if (key === 'product' && s.creditorName === DEFAULT_CREDITOR[s.product]) {
      next.creditorName = DEFAULT_CREDITOR[value as Product];
    }
    // A card's rate is in its own agreement: the 花呗 default is not carried over to it.
    if (key === 'product' && value === 'credit-card' && s.dailyRate === DEFAULT_DAILY_RATE) next.dailyRate = '';
    if (key === 'product' && value !== 'credit-card' && s.dailyRate === '') next.dailyRate = DEFAULT_DAILY_RATE;
    if (key === 'dailyRate') setConfirmRate(null);
    setS(next);
    if (tried) setErrors(validate(next).errors);
    setFailure(null);
  };
  const blur = (key: keyof FormState) => () => {
    const found = validate(s).errors[key];
    setErrors((prev) => ({ ...prev, [key]: found }));
  };

  async function submit(e: FormEvent | null, state: FormState = s) {
    e?.preventDefault();
    setTried(true);
    const v = validate(state);
    setErrors(v.errors);
    if (!v.save) return;
    const rate = v.save.account.penalty.dailyRate;
    if (rateNeedsConfirmation(rate) && !v.save.account.rateConfirmed) {
      setConfirmRate(rate);
      return;
    }
    setConfirmRate(null);
    setBusy(true);
    setFailure(null);
    try {
      const save = v.save;
      await run(() => api().case.saveAccount(save));
      onDone(true);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (key: keyof FormState) => ({
    id: `${prefix}-${key}`,
    value: s[key] as string,
    onChange: (v: string) => set(key, v as never),
    onBlur: blur(key),
    error: errors[key],
  });
  const dateField = (key: 'dueDate' | 'startDate' | 'contractDate') => ({ id: `${prefix}-${key}`, value: s[key], onChange: (v: string) => set(key, v), error: errors[key] });
  const hasErrors = Object.values(errors).some(Boolean);

  const confirmAndSave = () => {
    if (confirmRate === null) return;
    const next = { ...s, rateConfirmed: { rate: confirmRate, at: beijingIso() } };
    setS(next);
    void submit(null, next);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="account-form" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{account ? t('debts.form.editTitle', { label: account.label }) : t('debts.form.addTitle')}</h2>
      <div className="case-grid">
        <SelectField
          id={`${prefix}-product`}
          label={t('debts.form.product')}
          value={s.product}
          options={PRODUCTS.map((p) => ({ value: p, label: productName(p) }))}
          onChange={(v) => set('product', v)}
          testId="account-product"
        />
        <TextField {...field('label')} label={t('debts.form.label')} testId="account-label" placeholder={productName(s.product)} width="medium" />
      </div>
      <TextField {...field('creditorName')} label={t('debts.form.creditor')} help={t('debts.form.creditorHelp')} testId="account-creditor" />
      <div className="case-grid">
        {(s.product === 'credit-card' || s.product === 'other') && (
          <TextField {...field('productName')} label={t('debts.form.productName')} testId="account-product-name" width="medium" />
        )}
        <TextField {...field('number')} label={t('debts.form.number')} testId="account-number" width="medium" />
        <TextField {...field('hotline')} label={t('debts.form.hotline')} testId="account-hotline" kind="tel" width="medium" />
        <TextField {...field('appChat')} label={t('debts.form.appChat')} testId="account-app-chat" width="medium" />
        <TextField {...field('email')} label={t('debts.form.email')} testId="account-email" width="medium" />
      </div>
      <div className="case-grid">
        <SelectField
          id={`${prefix}-institution`}
          label={t('debts.form.institution')}
          value={s.institution}
          options={[
            { value: '', label: t('debts.form.institutionInfer') },
            { value: 'bank', label: t('debts.form.institutionBank') },
            { value: 'consumer-finance', label: t('debts.form.institutionConsumerFinance') },
            { value: 'company', label: t('debts.form.institutionCompany') },
          ]}
          onChange={(v) => set('institution', v as FormState['institution'])}
          testId="account-institution"
        />
        <TextField {...field('creditCode')} label={t('debts.form.creditCode')} testId="account-credit-code" width="medium" />
        <TextField
          {...field('capacityShare')}
          label={t('debts.form.capacityShare')}
          help={t('debts.form.capacityShareHelp')}
          testId="account-capacity-share"
          kind="decimal"
          unit={t('debts.yuan')}
        />
      </div>
      <div className="case-grid">
        <TextField {...field('principal')} label={t('debts.form.principal')} testId="account-principal" kind="decimal" unit={t('debts.yuan')} />
        <TextField {...field('interest')} label={t('debts.form.interest')} testId="account-interest" kind="decimal" unit={t('debts.yuan')} placeholder="0.00" />
        <TextField {...field('fees')} label={t('debts.form.fees')} testId="account-fees" kind="decimal" unit={t('debts.yuan')} placeholder="0.00" />
      </div>
      <p className="help">{t('debts.form.amountHelp')}</p>
      <DateField {...dateField('dueDate')} label={t('debts.form.dueDate')} help={t('debts.form.dateHelp')} testId="account-due" when="past" />
      <EvidencePicker label={t('debts.form.evidence')} help={t('debts.form.evidenceHelp')} testId="account-evidence" value={s.evidence} onChange={(ids) => set('evidence', ids)} />
      <fieldset className="case-fieldset">
        <legend>{t('debts.form.penaltyTitle')}</legend>
        <ProductRules product={s.product} />
        <div className="case-grid">
          <SelectField
            id={`${prefix}-mode`}
            label={t('debts.form.mode')}
            value={s.mode}
            options={[
              { value: 'simple', label: t('debts.mode.simple') },
              { value: 'compound-daily', label: t('debts.mode.compound-daily') },
            ]}
            onChange={(v) => set('mode', v)}
            testId="account-mode"
          />
          <TextField
            {...field('dailyRate')}
            label={t('debts.form.dailyRate')}
            help={t('debts.form.dailyRateHelp')}
            testId="account-rate"
            kind="decimal"
            {...(s.product === 'credit-card' ? { placeholder: t('moneyRules.rules.cardRatePlaceholder') } : {})}
          />
          <TextField {...field('graceDays')} label={t('debts.form.graceDays')} testId="account-grace" kind="count" unit={t('debts.days')} />
          <DateField {...dateField('startDate')} label={t('debts.form.startDate')} testId="account-start" when="past" />
          <DateField {...dateField('contractDate')} label={t('debts.form.contractDate')} testId="account-contract" when="past" />
          <ConventionField id={`${prefix}-convention`} value={s.convention} onChange={(v) => set('convention', v)} />
        </div>
      </fieldset>
      {confirmRate !== null && <RateConfirm rate={confirmRate} onConfirm={confirmAndSave} onCancel={() => setConfirmRate(null)} />}
      {tried && hasErrors && <Message kind="error">{t('debts.form.fixErrors')}</Message>}
      {failure !== null && (
        <Message kind="error" testId="account-form-error">
          {errorText(t, failure)}
        </Message>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="account-save">
          {busy ? t('debts.form.saving') : t('debts.form.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onDone(false)} data-testid="account-cancel">
          {t('debts.form.cancel')}
        </button>
      </div>
    </form>
  );
}
