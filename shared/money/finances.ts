// The financial statement's sums (UK Standard Financial Statement, adapted): what comes
// in, what must go out, and what is left each month for the debts in this case. The
// seeds: never promise more than this.
import { ZERO, dec, formatMoney, type Decimal } from './decimal';

interface Monthly {
  monthly: string;
  /** The day a line starts / ends (an income that ends: benefits, a contract); absent = always. */
  from?: string | null | undefined;
  until?: string | null | undefined;
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
const activeOn = (on: string | undefined) => (r: Monthly) => on === undefined || ((!r.from || r.from <= on) && (!r.until || r.until >= on));

/**
 * The sums for the month of `on` (YYYY-MM-DD): lines that have not started or have already
 * ended then are left out, as capacityOn (capacity.ts) does. Without `on`, every line counts.
 */
export function summarizeFinances(f: FinanceFigures, on?: string): FinanceSummary {
  const active = activeOn(on);
  const income = sum(f.income.filter(active));
  const fixed = sum(f.fixedCosts.filter(active));
  const flexible = sum(f.flexibleCosts.filter(active));
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
export function planCapacity(f: FinanceFigures, on?: string): Decimal | null {
  const s = summarizeFinances(f, on);
  return s.empty ? null : dec(s.forPlan);
}
