// From what the user wants to offer to a plan version: the total (everything, principal
// only, or principal plus part of the interest), the waiver that offer asks for, the
// schedule by the cli.md rule, and whether it fits the money available each month. The
// same function previews the plan in the renderer and builds it in the vault, so what the
// user saw is what is saved.
import { BadInputError } from '../errors';
import { compareDates, parseDate } from '../time/beijing';
import { ZERO, dec, formatMoney, formatMoneyGrouped, type Decimal } from './decimal';
import { parseAmount } from './parse-amount';
import { caseOwedOn, type Breakdown, type OwedAccount } from './case-owed';
import { planCapacity, type FinanceFigures } from './finances';
import { MAX_INSTALLMENTS, checkInstallmentCount, makePlan, minInstallments, type Installment } from './plan';
import { steppedSchedule, type PlanStep } from './plan-steps';
import { capacityOn, type CapacityFigures } from './capacity';

export type OfferBasis = 'everything' | 'principal' | 'principal-part-interest';

export interface Waiver {
  interest: string;
  penalty: string;
  fees: string;
  total: string;
}

export interface Offer {
  total: string;
  /** The part of interest, fees and penalty offered (0 for principal only). */
  interestOffered: string;
  /** What the offer asks the creditor to waive. */
  waived: Waiver;
}

/**
 * The total for a basis. With principal plus part of the interest, the part offered pays
 * the contract interest first, then the fees, then the penalty: the waiver asked for falls
 * on the penalty first, the charge creditors most often reduce.
 */
export function offerFor(basis: OfferBasis, owed: Breakdown, interestOffered = '0.00'): Offer {
  const principal = dec(owed.principal);
  const interest = dec(owed.interest);
  const fees = dec(owed.fees);
  const penalty = dec(owed.penalty);
  const extra = interest.plus(fees).plus(penalty);
  let offered: Decimal;
  if (basis === 'everything') offered = extra;
  else if (basis === 'principal') offered = ZERO;
  else {
    offered = parseAmount(interestOffered, { label: '愿意支付的利息部分' });
    if (offered.greaterThan(extra)) {
      throw new BadInputError(`愿意支付的利息部分（${formatMoneyGrouped(offered)} 元）超过了利息、费用和罚息的合计（${formatMoneyGrouped(extra)} 元）`);
    }
  }
  let left = offered;
  const pay = (part: Decimal): Decimal => {
    const paid = left.lessThan(part) ? left : part;
    left = left.minus(paid);
    return part.minus(paid);
  };
  const waivedInterest = pay(interest);
  const waivedFees = pay(fees);
  const waivedPenalty = pay(penalty);
  return {
    total: formatMoney(principal.plus(offered)),
    interestOffered: formatMoney(offered),
    waived: {
      interest: formatMoney(waivedInterest),
      penalty: formatMoney(waivedPenalty),
      fees: formatMoney(waivedFees),
      total: formatMoney(waivedInterest.plus(waivedFees).plus(waivedPenalty)),
    },
  };
}

export interface PlanDraftInput {
  accountIds: readonly string[];
  basis: OfferBasis;
  asOf: string;
  interestOffered: string;
  installments: number;
  firstDate: string;
  /** A step-up plan: the first `count` installments are `amount` each, the rest share what is left. */
  step?: PlanStep | null | undefined;
}

export type PlanWarning =
  | { kind: 'first-date-past'; firstDate: string; today: string }
  | { kind: 'no-capacity' }
  | { kind: 'over-capacity'; largest: string; capacity: string; minInstallments: number | null }
  | { kind: 'nothing-fits'; capacity: string };

export interface PlanPreview {
  owed: Breakdown;
  offer: Offer;
  total: string;
  installments: Installment[];
  /** The largest installment (the last can differ from the others by a few cents). */
  largest: string;
  /** Monthly money available for this case, or null when the finances are empty. */
  capacity: string | null;
  /** null when the capacity is unknown. */
  feasible: boolean | null;
  /** The smallest N ≤ 60 whose installments all fit; null if none; undefined when capacity unknown. */
  minInstallments?: number | null;
  warnings: PlanWarning[];
  /** Saving this plan needs the user's explicit acknowledgement. */
  needsAcknowledgement: boolean;
}

/** Everything the plan page shows and the vault stores for a draft. Throws BadInputError on bad input. */
export function previewPlan(draft: PlanDraftInput, accounts: readonly OwedAccount[], finances: FinanceFigures, today: string): PlanPreview {
  if (draft.accountIds.length === 0) throw new BadInputError('请至少选择一个账户');
  const chosen = draft.accountIds.map((id) => {
    const found = accounts.find((a) => a.id === id);
    if (!found) throw new BadInputError(`找不到账户：${id}`);
    return found;
  });
  if (new Set(draft.accountIds).size !== draft.accountIds.length) throw new BadInputError('同一个账户选了两次');
  checkInstallmentCount(draft.installments);
  const asOf = parseDate(draft.asOf, '欠款计算日');
  const firstDate = parseDate(draft.firstDate, '首期还款日');
  const owed = caseOwedOn(chosen, asOf).total;
  const offer = offerFor(draft.basis, owed, draft.interestOffered);
  const total = dec(offer.total);
  if (total.isZero()) throw new BadInputError('还款总额为 0：所选账户没有可偿还的金额');
  // What is left in the month of the first installment (an income that has ended no longer counts).
  const capacity = planCapacity(finances, firstDate);
  const schedule = draft.step
    ? steppedPlan(total, draft.installments, firstDate, draft.step, finances, capacity)
    : makePlan({ total, installments: draft.installments, first: firstDate, ...(capacity ? { capacity } : {}) });
  const largest = schedule.installments.reduce((max, i) => (dec(i.amount).greaterThan(max) ? dec(i.amount) : max), ZERO);
  const warnings: PlanWarning[] = [];
  if (compareDates(firstDate, today) < 0) warnings.push({ kind: 'first-date-past', firstDate, today });
  if (capacity === null) warnings.push({ kind: 'no-capacity' });
  const feasible = schedule.feasible ?? null;
  if (capacity !== null && feasible === false) {
    const min = schedule.minInstallments ?? null;
    warnings.push({ kind: 'over-capacity', largest: formatMoney(largest), capacity: formatMoney(capacity), minInstallments: min });
    if (min === null && !draft.step) warnings.push({ kind: 'nothing-fits', capacity: formatMoney(capacity) });
  }
  return {
    owed,
    offer,
    total: offer.total,
    installments: schedule.installments,
    largest: formatMoney(largest),
    capacity: capacity === null ? null : formatMoney(capacity),
    feasible,
    ...(capacity !== null ? { minInstallments: schedule.minInstallments ?? null } : {}),
    warnings,
    needsAcknowledgement: feasible === false,
  };
}

/**
 * A stepped schedule fits when every installment fits the money available in its own month
 * (an income that ends lowers it from then on); no single "smallest N" applies to it.
 */
function steppedPlan(total: Decimal, installments: number, first: string, step: PlanStep, finances: FinanceFigures, capacity: Decimal | null) {
  const rows = steppedSchedule(total, installments, first, step);
  if (capacity === null) return { installments: rows };
  const dated = finances as unknown as CapacityFigures;
  const feasible = rows.every((r) => !dec(r.amount).greaterThan(capacityOn(dated, r.date)));
  return { installments: rows, feasible, minInstallments: null };
}

/** The smallest N ≤ 60 that fits a capacity, for a total (re-exported for the UI). */
export function suggestInstallments(total: string, capacity: string): number | null {
  return minInstallments(dec(total), dec(capacity));
}

export { MAX_INSTALLMENTS };
