// The financial statement's sums (UK Standard Financial Statement, adapted): what comes
// in, what must go out, and what is left each month for the debts in this case. The
// seeds: never promise more than this.
import { ZERO, dec, formatMoney, type Decimal } from './decimal';

interface Monthly {
  monthly: string;
}

/** The parts of the case's finances (shared/case/schema.ts) the sums need. */
export interface FinanceFigures {
  income: readonly Monthly[];
  fixedCosts: readonly Monthly[];
  flexibleCosts: readonly Monthly[];
  debts: readonly { priority: boolean; monthly: string; owed: string }[];
  assets: readonly { value: string }[];
}

export interface FinanceSummary {
  income: string;
  fixedCosts: string;
  flexibleCosts: string;
  /** Monthly payments on priority debts (housing, utilities, tax, maintenance …). */
  priorityDebts: string;
  /** Monthly payments kept up on other non-priority debts outside this case. */
  otherNonPriorityDebts: string;
  /** income − fixed − flexible − priority debts; negative when costs exceed income. */
  available: string;
  /** What is left for the debts in this case: available − other non-priority payments, never below 0. */
  forPlan: string;
  /** Costs are more than income. */
  shortfall: boolean;
  assets: string;
  /** Nothing has been entered yet: capacity is unknown, not zero. */
  empty: boolean;
}

const sum = (rows: readonly Monthly[]): Decimal => rows.reduce((acc, r) => acc.plus(r.monthly), ZERO);

export function summarizeFinances(f: FinanceFigures): FinanceSummary {
  const income = sum(f.income);
  const fixed = sum(f.fixedCosts);
  const flexible = sum(f.flexibleCosts);
  const priority = sum(f.debts.filter((d) => d.priority));
  const other = sum(f.debts.filter((d) => !d.priority));
  const available = income.minus(fixed).minus(flexible).minus(priority);
  const left = available.minus(other);
  const assets = f.assets.reduce((acc, a) => acc.plus(a.value), ZERO);
  return {
    income: formatMoney(income),
    fixedCosts: formatMoney(fixed),
    flexibleCosts: formatMoney(flexible),
    priorityDebts: formatMoney(priority),
    otherNonPriorityDebts: formatMoney(other),
    available: formatMoney(available),
    forPlan: formatMoney(left.isNegative() ? ZERO : left),
    shortfall: available.isNegative(),
    assets: formatMoney(assets),
    empty: f.income.length === 0 && f.fixedCosts.length === 0 && f.flexibleCosts.length === 0,
  };
}

/** The monthly capacity for a plan, or null when the finances have not been filled in. */
export function planCapacity(f: FinanceFigures): Decimal | null {
  const s = summarizeFinances(f);
  return s.empty ? null : dec(s.forPlan);
}
