// The financial statement as typed (text in every field) and its reading into the case's
// shape: every amount through the shared parser, every problem kept under its field's key.
import type { Finances } from '../../../../shared/case/schema';
import type { FinancesSave } from '../../../../shared/contracts/case';
import type { FinanceFigures } from '../../../../shared/money/finances';
import type { Translate } from '../../i18n';
import { amountText, checkAmount, checkCount, checkDate } from '../case/input';

export type Section = 'income' | 'fixed' | 'flexible';

export interface ItemRow {
  key: string;
  id?: string;
  category: string;
  label: string;
  monthly: string;
  evidenceId: string;
  note: string;
  /** Kept as it was (set by case import); not edited here. */
  from: string | null;
  /** The day this income (or cost) ends, as typed; '' = it does not end. */
  until: string;
}
export interface DebtRow {
  key: string;
  id?: string;
  creditor: string;
  priority: boolean;
  owed: string;
  monthly: string;
  evidenceId: string;
  note: string;
}
export interface AssetRow {
  key: string;
  id?: string;
  label: string;
  value: string;
  evidenceId: string;
  note: string;
}

export interface Draft {
  adults: string;
  dependants: string;
  housing: string;
  employment: string;
  householdNote: string;
  income: ItemRow[];
  fixed: ItemRow[];
  flexible: ItemRow[];
  debts: DebtRow[];
  assets: AssetRow[];
  refLabel: string;
  refAmount: string;
  refSource: string;
}

let counter = 0;
export const newKey = (): string => `row-${(counter += 1)}`;

const item = (r: {
  id: string;
  category: string;
  label: string;
  monthly: string;
  evidenceId: string | null;
  note: string;
  from?: string | null | undefined;
  until?: string | null | undefined;
}): ItemRow => ({
  key: newKey(),
  id: r.id,
  category: r.category,
  label: r.label,
  monthly: amountText(r.monthly),
  evidenceId: r.evidenceId ?? '',
  note: r.note,
  from: r.from ?? null,
  until: r.until ?? '',
});

export function draftFrom(f: Finances): Draft {
  return {
    adults: String(f.household.adults),
    dependants: String(f.household.dependants),
    housing: f.household.housing ?? '',
    employment: f.household.employment ?? '',
    householdNote: f.household.note,
    income: f.income.map(item),
    fixed: f.fixedCosts.map(item),
    flexible: f.flexibleCosts.map(item),
    debts: f.debts.map((d) => ({
      key: newKey(),
      id: d.id,
      creditor: d.creditor,
      priority: d.priority,
      owed: amountText(d.owed),
      monthly: amountText(d.monthly),
      evidenceId: d.evidenceId ?? '',
      note: d.note,
    })),
    assets: f.assets.map((a) => ({ key: newKey(), id: a.id, label: a.label, value: amountText(a.value), evidenceId: a.evidenceId ?? '', note: a.note })),
    refLabel: f.reference?.label ?? '',
    refAmount: f.reference ? amountText(f.reference.amount) : '',
    refSource: f.reference?.source ?? '',
  };
}

export interface Reading {
  errors: Record<string, string>;
  /** Every amount that reads, for the live sums (an unreadable one counts as 0 until fixed). */
  figures: FinanceFigures;
  /** Present when there is no error. */
  finances?: FinancesSave['finances'];
}

export function readDraft(d: Draft, t: Translate): Reading {
  const errors: Record<string, string> = {};
  const money = (key: string, text: string, label: string): string => {
    const r = checkAmount(text, label, { emptyIsZero: true });
    if (r.ok) return r.value;
    errors[key] = r.error;
    return '0.00';
  };
  const adults = checkCount(d.adults, t('finances.household.adults'), 1, 30);
  const dependants = checkCount(d.dependants.trim() === '' ? '0' : d.dependants, t('finances.household.dependants'), 0, 30);
  if (!adults.ok) errors.adults = adults.error;
  if (!dependants.ok) errors.dependants = dependants.error;
  const evidence = (s: string) => (s.trim() === '' ? null : s.trim());
  const until = (key: string, text: string): string | null => {
    const r = checkDate(text, t('finances.until'), { optional: true, when: 'future' });
    if (r.ok) return r.value;
    errors[key] = r.error;
    return null;
  };
  // from / until travel with the row, so saving the form never drops dates set by case import.
  const items = (section: Section, rows: ItemRow[]) =>
    rows.map((r, i) => ({
      ...(r.id ? { id: r.id } : {}),
      category: r.category,
      label: r.label.trim(),
      monthly: money(`${section}.${i}.monthly`, r.monthly, t('finances.monthly')),
      evidenceId: evidence(r.evidenceId),
      note: r.note,
      ...(r.from ? { from: r.from } : {}),
      ...(r.until.trim() !== '' ? { until: until(`${section}.${i}.until`, r.until) } : {}),
    }));
  const income = items('income', d.income);
  const fixedCosts = items('fixed', d.fixed);
  const flexibleCosts = items('flexible', d.flexible);
  const debts = d.debts.map((r, i) => {
    if (r.creditor.trim() === '') errors[`debts.${i}.creditor`] = t('finances.debts.creditorMissing');
    return {
      ...(r.id ? { id: r.id } : {}),
      creditor: r.creditor.trim(),
      priority: r.priority,
      owed: money(`debts.${i}.owed`, r.owed, t('finances.debts.owed')),
      monthly: money(`debts.${i}.monthly`, r.monthly, t('finances.debts.monthly')),
      evidenceId: evidence(r.evidenceId),
      note: r.note,
    };
  });
  const assets = d.assets.map((r, i) => {
    if (r.label.trim() === '') errors[`assets.${i}.label`] = t('finances.assets.labelMissing');
    return {
      ...(r.id ? { id: r.id } : {}),
      label: r.label.trim(),
      value: money(`assets.${i}.value`, r.value, t('finances.assets.value')),
      evidenceId: evidence(r.evidenceId),
      note: r.note,
    };
  });
  let reference: FinancesSave['finances']['reference'] = null;
  const anyRef = d.refLabel.trim() !== '' || d.refAmount.trim() !== '' || d.refSource.trim() !== '';
  if (anyRef) {
    if (d.refLabel.trim() === '') errors.refLabel = t('finances.reference.labelMissing');
    const amount = checkAmount(d.refAmount, t('finances.reference.amount'));
    if (!amount.ok) errors.refAmount = amount.error;
    reference = { label: d.refLabel.trim(), amount: amount.ok ? amount.value : '0.00', source: d.refSource.trim() };
  }
  const figures: FinanceFigures = { income, fixedCosts, flexibleCosts, debts, assets };
  if (Object.keys(errors).length > 0) return { errors, figures };
  return {
    errors,
    figures,
    finances: {
      household: {
        adults: adults.ok ? adults.value : 1,
        dependants: dependants.ok ? dependants.value : 0,
        housing: (d.housing || null) as Finances['household']['housing'],
        employment: (d.employment || null) as Finances['household']['employment'],
        note: d.householdNote,
      },
      income: income as FinancesSave['finances']['income'],
      fixedCosts: fixedCosts as FinancesSave['finances']['fixedCosts'],
      flexibleCosts: flexibleCosts as FinancesSave['finances']['flexibleCosts'],
      debts,
      assets,
      reference,
    },
  };
}
