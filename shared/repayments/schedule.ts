// An agreement's schedule after its payments: each payment, in date order, pays the
// earliest installment still open (a partial payment leaves it partial, the rest goes to
// the next); each installment's status on a day; what remains. Pure and isomorphic; money
// only through decimal.js. The vault keeps the payments, never the allocation: it is
// recomputed here, so a payment entered late (with an earlier date) lands where it belongs.
import { AgreementMismatchError, PaymentRefusedError } from '../errors';
import { compareDates, daysBetween } from '../time/beijing';
import { ZERO, dec, formatMoney, type Decimal } from '../money/decimal';

export type InstallmentStatus = 'paid' | 'partial' | 'due' | 'late' | 'upcoming';

export interface ScheduleInstallmentIn {
  n: number;
  date: string;
  amount: string;
}

export interface PaymentIn {
  id: string;
  /** Entry order, breaking ties between payments of one day. */
  seq: number;
  date: string;
  amount: string;
  receiptId: string | null;
  note: string;
}

export interface ScheduleInstallment {
  n: number;
  due: string;
  amount: string;
  paid: string;
  /** What is still open of this installment. */
  open: string;
  status: InstallmentStatus;
  /** Late: days past due today; paid: days past due when the last part was paid; else 0. */
  daysLate: number;
  /** The date the installment was fully paid, if it was. */
  paidOn: string | null;
}

export interface SchedulePayment extends PaymentIn {
  applied: { n: number; amount: string }[];
}

export interface Schedule {
  total: string;
  paid: string;
  remaining: string;
  installments: ScheduleInstallment[];
  payments: SchedulePayment[];
  /** The earliest installment not fully paid, if any. */
  next: ScheduleInstallment | null;
}

/** The agreement's installments must add up to its total, in order, each positive. */
export function checkAgreementInstallments(total: string, installments: readonly ScheduleInstallmentIn[]): void {
  if (installments.length === 0) throw new AgreementMismatchError('至少要有一期还款');
  let sum = ZERO;
  installments.forEach((inst, i) => {
    if (inst.n !== i + 1) throw new AgreementMismatchError(`期数应按顺序从 1 开始（第 ${i + 1} 项写成了第 ${inst.n} 期）`);
    if (!dec(inst.amount).greaterThan(0)) throw new AgreementMismatchError(`第 ${inst.n} 期金额必须大于 0`);
    const prev = installments[i - 1];
    if (prev && compareDates(inst.date, prev.date) < 0) {
      throw new AgreementMismatchError(`第 ${inst.n} 期的日期 ${inst.date} 早于上一期（${prev.date}）`);
    }
    sum = sum.plus(inst.amount);
  });
  if (!sum.equals(total)) {
    throw new AgreementMismatchError(`各期之和为 ${formatMoney(sum)} 元，不等于协议总额 ${formatMoney(total)} 元，请核对每期金额`);
  }
}

function byDateThenSeq(a: PaymentIn, b: PaymentIn): number {
  return compareDates(a.date, b.date) || a.seq - b.seq;
}

/**
 * The schedule on `today`. `dueDays`: an open installment due within this many days
 * (today included) is "due"; later ones are "upcoming".
 */
export function buildSchedule(total: string, installments: readonly ScheduleInstallmentIn[], payments: readonly PaymentIn[], today: string, dueDays: number): Schedule {
  const paidBy = installments.map(() => ZERO as Decimal);
  const fullOn: (string | null)[] = installments.map(() => null);
  const out: SchedulePayment[] = [];
  let cursor = 0;
  for (const p of [...payments].sort(byDateThenSeq)) {
    let left = dec(p.amount);
    const applied: { n: number; amount: string }[] = [];
    while (left.greaterThan(0) && cursor < installments.length) {
      const inst = installments[cursor]!;
      const open = dec(inst.amount).minus(paidBy[cursor]!);
      const take = minOf(open, left);
      paidBy[cursor] = paidBy[cursor]!.plus(take);
      left = left.minus(take);
      applied.push({ n: inst.n, amount: formatMoney(take) });
      if (paidBy[cursor]!.greaterThanOrEqualTo(inst.amount)) {
        fullOn[cursor] = p.date;
        cursor++;
      }
    }
    out.push({ ...p, applied });
  }
  let paidTotal = ZERO;
  const rows: ScheduleInstallment[] = installments.map((inst, i) => {
    const paid = paidBy[i]!;
    paidTotal = paidTotal.plus(paid);
    const open = dec(inst.amount).minus(paid);
    let status: InstallmentStatus;
    let daysLate = 0;
    if (open.lessThanOrEqualTo(0)) {
      status = 'paid';
      daysLate = Math.max(0, daysBetween(inst.date, fullOn[i]!));
    } else if (compareDates(inst.date, today) < 0) {
      status = 'late';
      daysLate = daysBetween(inst.date, today);
    } else if (paid.greaterThan(0)) status = 'partial';
    else if (daysBetween(today, inst.date) <= dueDays) status = 'due';
    else status = 'upcoming';
    return {
      n: inst.n,
      due: inst.date,
      amount: formatMoney(inst.amount),
      paid: formatMoney(paid),
      open: formatMoney(open),
      status,
      daysLate,
      paidOn: fullOn[i] ?? null,
    };
  });
  return {
    total: formatMoney(total),
    paid: formatMoney(paidTotal),
    remaining: formatMoney(dec(total).minus(paidTotal)),
    installments: rows,
    payments: out,
    next: rows.find((r) => r.status !== 'paid') ?? null,
  };
}

function minOf(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}

/** Refuses a payment that is not positive, above what remains, or before the agreement's date. */
export function checkPayment(schedule: Schedule, signedOn: string, amount: Decimal, date: string): void {
  if (!amount.greaterThan(0)) throw new PaymentRefusedError('金额必须大于 0');
  if (compareDates(date, signedOn) < 0) {
    throw new PaymentRefusedError(`还款日期 ${date} 早于协议签订日 ${signedOn}；协议之前的还款请记在账户的账单记录里`);
  }
  if (amount.greaterThan(schedule.remaining)) {
    throw new PaymentRefusedError(`金额 ${formatMoney(amount)} 元超过协议剩余未还的 ${schedule.remaining} 元`);
  }
}
