// Equal-installment monthly schedules (cli.md "Calculation rules", Plan). Installments
// 1…N−1 are T/N rounded half up to cents; the last takes the remainder, so the schedule
// sums to T exactly and no cent is invented or lost.
import { BadInputError } from '../errors';
import { addMonthsClamped, parseDate } from '../time/beijing';
import { ZERO, formatMoney, formatMoneyGrouped, toCents, type Decimal } from './decimal';

/** Credit-card 个性化分期 allows at most 5 years (商业银行信用卡业务监督管理办法 Art 70). */
export const MAX_INSTALLMENTS = 60;

export interface Installment {
  n: number;
  date: string;
  amount: string;
}

export interface PlanResult {
  total: string;
  installments: Installment[];
  sum: string;
  feasible?: boolean;
  minInstallments?: number | null;
}

export function checkInstallmentCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_INSTALLMENTS) {
    throw new BadInputError(`分期数必须是 1 到 ${MAX_INSTALLMENTS} 之间的整数：${n}`);
  }
}

/**
 * The N amounts for total T, or undefined when T is too small to split into N
 * installments of at least 0.01 元 (e.g. 1.00 元 in 60: 59 × 0.02 already exceeds it).
 */
export function installmentAmounts(total: Decimal, n: number): Decimal[] | undefined {
  checkInstallmentCount(n);
  const regular = toCents(total.dividedBy(n));
  const amounts: Decimal[] = [];
  let others = ZERO;
  for (let k = 1; k < n; k++) {
    amounts.push(regular);
    others = others.plus(regular);
  }
  const last = total.minus(others);
  // Every installment must be at least one cent: 0.01 元 in 3 would make two of 0.00.
  if (last.lessThan('0.01') || (n > 1 && regular.lessThan('0.01'))) return undefined;
  amounts.push(last);
  return amounts;
}

/** Due date of installment k (1-based): the first date's day of month, k−1 months later, clamped. */
export function installmentDate(first: string, k: number): string {
  return addMonthsClamped(first, k - 1); // number-ok: month index
}

/** The smallest N ≤ 60 whose installments are all ≤ capacity, or null. */
export function minInstallments(total: Decimal, capacity: Decimal): number | null {
  for (let n = 1; n <= MAX_INSTALLMENTS; n++) {
    const amounts = installmentAmounts(total, n);
    if (amounts && amounts.every((a) => a.lessThanOrEqualTo(capacity))) return n;
  }
  return null;
}

export interface PlanInput {
  total: Decimal;
  installments: number;
  /** Due date of the first installment, YYYY-MM-DD. */
  first: string;
  /** What the person can pay each month. */
  capacity?: Decimal;
}

/** The `calc plan --json` document. */
export function makePlan(input: PlanInput): PlanResult {
  const { total, installments: n } = input;
  const first = parseDate(input.first, '首期还款日');
  checkInstallmentCount(n);
  if (!total.isPositive() || total.isZero()) throw new BadInputError('还款总额必须大于 0');
  if (!toCents(total).equals(total)) throw new BadInputError('还款总额最多两位小数（精确到分）');
  const amounts = installmentAmounts(total, n);
  if (!amounts) {
    throw new BadInputError(`总额 ${formatMoneyGrouped(total)} 元太少，无法分成 ${n} 期（每期至少 0.01 元）；请减少期数`);
  }
  let sum = ZERO;
  const rows: Installment[] = amounts.map((amount, i) => {
    sum = sum.plus(amount);
    const k = i + 1; // number-ok: installment number
    return { n: k, date: installmentDate(first, k), amount: formatMoney(amount) };
  });
  const result: PlanResult = { total: formatMoney(total), installments: rows, sum: formatMoney(sum) };
  if (input.capacity !== undefined) {
    const capacity = input.capacity;
    if (capacity.isNegative()) throw new BadInputError('每月还款能力不能为负数');
    result.feasible = amounts.every((a) => a.lessThanOrEqualTo(capacity));
    result.minInstallments = minInstallments(total, capacity);
  }
  return result;
}
