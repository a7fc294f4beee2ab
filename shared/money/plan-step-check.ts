// A plan that steps up (issue 10 item 3), checked step by step where it is edited: each run of
// equal installments against the money available in each of its months (an income that ends
// lowers it — capacityOn) and against the share of it that falls to this plan's creditor(s)
// (splitCapacity, pro rata unless the user fixed a share). The letter checks the same way
// (main/vault/package/letter-facts.ts), so the editor and the letter cannot disagree.
import { ZERO, dec, formatMoney, type Decimal } from './decimal';
import { capacityOn, splitCapacity, type CapacityFigures, type ShareInput } from './capacity';

export interface StepCheck {
  /** Installment numbers this run covers (1-based, inclusive). */
  from: number;
  to: number;
  amount: string;
  firstDate: string;
  lastDate: string;
  /** The least money available for the case in any month of the run. */
  capacity: string;
  /** The least share of it for this plan's creditor(s), or null when there is no other creditor to share with. */
  share: string | null;
  withinCapacity: boolean;
  /** null when there is no share to check against (one creditor only). */
  withinShare: boolean | null;
}

export interface StepCheckInput {
  schedule: readonly { n: number; date: string; amount: string }[];
  finances: CapacityFigures;
  /** Every creditor in the case with what it is owed (and a fixed share, if any). */
  shares: readonly ShareInput[];
  /** The ShareInput ids this plan is offered to. */
  planCreditors: readonly string[];
}

export function checkPlanSteps(input: StepCheckInput): StepCheck[] {
  const { schedule, finances, shares, planCreditors } = input;
  const mine = new Set(planCreditors);
  const shared = shares.some((s) => !mine.has(s.id));
  const out: StepCheck[] = [];
  let run: { from: number; to: number; amount: Decimal; firstDate: string; lastDate: string; cap: Decimal; share: Decimal | null; okCap: boolean; okShare: boolean } | null = null;
  const flush = () => {
    if (!run) return;
    out.push({
      from: run.from,
      to: run.to,
      amount: formatMoney(run.amount),
      firstDate: run.firstDate,
      lastDate: run.lastDate,
      capacity: formatMoney(run.cap),
      share: run.share === null ? null : formatMoney(run.share),
      withinCapacity: run.okCap,
      withinShare: run.share === null ? null : run.okShare,
    });
  };
  for (const i of schedule) {
    const amount = dec(i.amount);
    const cap = capacityOn(finances, i.date);
    let share: Decimal | null = null;
    if (shared) {
      const split = splitCapacity(cap, shares);
      share = planCreditors.reduce((s, id) => s.plus(split.get(id) ?? ZERO), ZERO);
    }
    if (!run || !run.amount.equals(amount)) {
      flush();
      run = { from: i.n, to: i.n, amount, firstDate: i.date, lastDate: i.date, cap, share, okCap: true, okShare: true };
    } else {
      run.to = i.n;
      run.lastDate = i.date;
      if (cap.lessThan(run.cap)) run.cap = cap;
      if (share !== null && run.share !== null && share.lessThan(run.share)) run.share = share;
    }
    if (amount.greaterThan(cap)) run.okCap = false;
    if (share !== null && amount.greaterThan(share)) run.okShare = false;
  }
  flush();
  return out;
}
