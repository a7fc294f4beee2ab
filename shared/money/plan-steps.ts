// A step-up plan (issue 10): when an income ends or starts (benefits, a contract), the
// first installments can be lower and the rest higher. The first `count` installments are
// `amount` each; the remaining total is split over the other installments by the cli.md
// rule (equal, the last takes the remainder), so the schedule still sums to the total.
import { BadInputError } from '../errors';
import { dec, formatMoney, formatMoneyGrouped, type Decimal } from './decimal';
import { checkInstallmentCount, installmentAmounts, installmentDate, makePlan, type Installment } from './plan';

export interface PlanStep {
  count: number;
  amount: string;
}

export function steppedSchedule(total: Decimal, installments: number, first: string, step: PlanStep | null | undefined): Installment[] {
  if (!step) return makePlan({ total, installments, first }).installments;
  checkInstallmentCount(installments);
  if (!Number.isInteger(step.count) || step.count < 1 || step.count >= installments) {
    throw new BadInputError(`阶梯方案的前几期必须少于总期数（${installments} 期）：${step.count}`);
  }
  const low = dec(step.amount);
  const rest = total.minus(low.times(step.count));
  if (low.isNegative() || low.isZero() || !rest.isPositive()) {
    throw new BadInputError(`前 ${step.count} 期每期 ${formatMoneyGrouped(low)} 元，合计已达到或超过还款总额 ${formatMoneyGrouped(total)} 元`);
  }
  const laterCount = installments - step.count; // number-ok: installment counts
  const later = installmentAmounts(rest, laterCount);
  if (!later) throw new BadInputError(`剩余 ${formatMoneyGrouped(rest)} 元太少，无法分成 ${laterCount} 期`);
  const amounts = [...Array.from({ length: step.count }, () => low), ...later];
  return amounts.map((a, i) => {
    const k = i + 1; // number-ok: installment number
    return { n: k, date: installmentDate(first, k), amount: formatMoney(a) };
  });
}
