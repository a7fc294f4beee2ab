// One monthly capacity, shared by every creditor (issue 10): what is left each month after
// living costs, priority debts and family loans is split across the creditors in the case —
// pro rata to what each is owed unless the user fixed a creditor's share — and every offer
// is checked against its share and all offers together against the whole, month by month
// (an income that ends lowers the capacity from that month). The letter may say its
// installments are within the writer's means only when both checks hold.
import { Money, ZERO, dec, formatMoneyGrouped, type Decimal } from './decimal';
import { addDays } from '../time/beijing';

/** A line of income or cost, with the dates it starts and ends (null/absent = always). */
export interface DatedMonthly {
  monthly: string;
  from?: string | null | undefined;
  until?: string | null | undefined;
}

export interface CapacityFigures {
  income: readonly DatedMonthly[];
  fixedCosts: readonly DatedMonthly[];
  flexibleCosts: readonly DatedMonthly[];
  /** Other debts: priority ones and family loans are paid first; the rest too (they are kept up). */
  debts: readonly { priority: boolean; monthly: string; family?: boolean | undefined }[];
}

const activeOn = (r: DatedMonthly, date: string) => (!r.from || r.from <= date) && (!r.until || r.until >= date);
const sumOn = (rows: readonly DatedMonthly[], date: string) => rows.filter((r) => activeOn(r, date)).reduce((s, r) => s.plus(r.monthly), ZERO);

/** What is left for the creditors in the case in the month of `date` (never below 0). */
export function capacityOn(f: CapacityFigures, date: string): Decimal {
  const debts = f.debts.reduce((s, d) => s.plus(d.monthly), ZERO);
  const left = sumOn(f.income, date).minus(sumOn(f.fixedCosts, date)).minus(sumOn(f.flexibleCosts, date)).minus(debts);
  return left.isNegative() ? ZERO : left;
}

/** The dates the capacity changes on (an income or cost starts, or the day after one ends), sorted. */
export function capacityChanges(f: CapacityFigures): string[] {
  const dates = new Set<string>();
  for (const r of [...f.income, ...f.fixedCosts, ...f.flexibleCosts]) {
    if (r.from) dates.add(r.from);
    if (r.until) dates.add(dayAfter(r.until));
  }
  return [...dates].sort();
}

function dayAfter(ymd: string): string {
  return addDays(ymd, 1);
}

export interface ShareInput {
  id: string;
  /** What this creditor is owed (the pro-rata weight). */
  owed: string;
  /** A share the user fixed (yuan a month), or null/absent for pro rata. */
  fixed?: string | null | undefined;
}

/**
 * Splits `capacity` across the creditors: fixed shares first (as far as the capacity goes),
 * the rest pro rata to what each is owed, rounded down to cents so the shares never sum to
 * more than the capacity.
 */
export function splitCapacity(capacity: Decimal, creditors: readonly ShareInput[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  let left = capacity;
  for (const c of creditors) {
    if (c.fixed === null || c.fixed === undefined) continue;
    const share = dec(c.fixed).lessThan(left) ? dec(c.fixed) : left;
    out.set(c.id, share);
    left = left.minus(share);
  }
  const rest = creditors.filter((c) => c.fixed === null || c.fixed === undefined);
  const weight = rest.reduce((s, c) => s.plus(c.owed), ZERO);
  for (const c of rest) {
    const share = weight.isZero() ? ZERO : left.times(c.owed).dividedBy(weight).toDecimalPlaces(2, Money.ROUND_DOWN);
    out.set(c.id, share);
  }
  return out;
}

export interface Offer {
  /** The creditor the offer is made to (ShareInput.id). */
  creditorId: string;
  /** Its name, for the warnings. */
  name: string;
  schedule: readonly { date: string; amount: string }[];
}

export interface OfferCheck {
  /** Every installment of every offer fits its creditor's share in its month. */
  withinShares: boolean;
  /** In every month, all installments due together fit the whole capacity. */
  withinWhole: boolean;
  /** The creditors whose offer exceeds its share in some month. */
  overShare: string[];
  /** Plain Chinese: what does not fit, month by month (empty when everything fits). */
  warnings: string[];
}

const month = (date: string) => date.slice(0, 7);

/** Checks every offer against its share, and all offers together against the whole, month by month. */
export function checkOffers(f: CapacityFigures, creditors: readonly ShareInput[], offers: readonly Offer[]): OfferCheck {
  const warnings: string[] = [];
  const overShare = new Set<string>();
  const byMonth = new Map<string, { date: string; total: Decimal }>();
  for (const o of offers) {
    for (const r of o.schedule) {
      const m = byMonth.get(month(r.date)) ?? { date: r.date, total: ZERO };
      m.total = m.total.plus(r.amount);
      byMonth.set(month(r.date), m);
      const share = splitCapacity(capacityOn(f, r.date), creditors).get(o.creditorId) ?? ZERO;
      if (dec(r.amount).greaterThan(share) && !overShare.has(o.creditorId)) {
        overShare.add(o.creditorId);
        warnings.push(`给${o.name}的方案在 ${r.date} 一期为 ${formatMoneyGrouped(r.amount)} 元，超过分给该机构的每月 ${formatMoneyGrouped(share)} 元。`);
      }
    }
  }
  let withinWhole = true;
  for (const [m, { date, total }] of [...byMonth].sort(([a], [b]) => a.localeCompare(b))) {
    const cap = capacityOn(f, date);
    if (total.greaterThan(cap)) {
      if (withinWhole) warnings.push(`${m} 各方案合计应还 ${formatMoneyGrouped(total)} 元，超过当月可用于还款的 ${formatMoneyGrouped(cap)} 元：不能同时承诺这些方案。`);
      withinWhole = false;
    }
  }
  return { withinShares: overShare.size === 0, withinWhole, overShare: [...overShare], warnings };
}
