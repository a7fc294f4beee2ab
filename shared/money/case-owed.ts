// What the case's accounts owe on a date, in total and per account; how the total grows
// if nothing is paid; and each account's charges beside the court ceilings. Built on
// owedOn() (penalty.ts) and the ceilings (ceilings.ts): Decimal only, rounding per account
// as owedOn does, sums of already-rounded cents.
import { BadInputError } from '../errors';
import { addMonthsClamped, daysBetween, parseDate } from '../time/beijing';
import { ZERO, dec, formatMoney, formatRate, Money, ONE, type Decimal } from './decimal';
import { GROWTH_MONTHS, ceilingAmount, owedOn, type AccountRule, type OverdueConvention, type Owed } from './penalty';
import { financialLoan24, fourTimesLpr, SHIPPED_LPR, type Ceiling, type LprTable } from './ceilings';
import { parseRate } from './parse-amount';

/** The fields of a case account (shared/case/schema.ts) that the figures need. */
export interface OwedAccount {
  id: string;
  principal: string;
  interest: string;
  fees: string;
  contractDate: string | null;
  penalty: { mode: 'simple' | 'compound-daily'; dailyRate: string; graceDays: number; startDate: string };
  /** How overdue days are counted; omitted = the creditor's own count. */
  overdueConvention?: OverdueConvention | undefined;
}

export interface Breakdown {
  principal: string;
  interest: string;
  penalty: string;
  fees: string;
  total: string;
}

export function accountRule(account: OwedAccount): AccountRule {
  return {
    principal: account.principal,
    interest: account.interest,
    fees: account.fees,
    mode: account.penalty.mode,
    dailyRate: account.penalty.dailyRate,
    graceDays: account.penalty.graceDays,
    startDate: account.penalty.startDate,
    ...(account.overdueConvention ? { convention: account.overdueConvention } : {}),
  };
}

function addBreakdown(a: Record<keyof Breakdown, Decimal>, owed: Breakdown): void {
  a.principal = a.principal.plus(owed.principal);
  a.interest = a.interest.plus(owed.interest);
  a.penalty = a.penalty.plus(owed.penalty);
  a.fees = a.fees.plus(owed.fees);
  a.total = a.total.plus(owed.total);
}

function formatBreakdown(a: Record<keyof Breakdown, Decimal>): Breakdown {
  return {
    principal: formatMoney(a.principal),
    interest: formatMoney(a.interest),
    penalty: formatMoney(a.penalty),
    fees: formatMoney(a.fees),
    total: formatMoney(a.total),
  };
}

export function zeroBreakdown(): Record<keyof Breakdown, Decimal> {
  return { principal: ZERO, interest: ZERO, penalty: ZERO, fees: ZERO, total: ZERO };
}

/** Sums breakdowns (already in cents). */
export function sumBreakdowns(parts: readonly Breakdown[]): Breakdown {
  const acc = zeroBreakdown();
  for (const p of parts) addBreakdown(acc, p);
  return formatBreakdown(acc);
}

export interface CaseOwed {
  date: string;
  accounts: { id: string; owed: Owed }[];
  total: Breakdown;
  /** The longest overdue among the accounts (0 when none). */
  maxOverdueDays: number;
}

/** Every account's figures on `date` if nothing is paid, and their sum. */
export function caseOwedOn(accounts: readonly OwedAccount[], date: string): CaseOwed {
  const on = parseDate(date);
  const rows = accounts.map((a) => ({ id: a.id, owed: owedOn(accountRule(a), on) }));
  return {
    date: on,
    accounts: rows,
    total: sumBreakdowns(rows.map((r) => r.owed)),
    maxOverdueDays: rows.reduce((max, r) => Math.max(max, r.owed.overdueDays), 0),
  };
}

export interface GrowthRow {
  months: number;
  date: string;
  total: Breakdown;
}

/** Today (0) and 3 / 6 / 12 / 36 months later (same day, clamped), if nothing is paid. */
export function caseGrowth(accounts: readonly OwedAccount[], from: string, months: readonly number[] = GROWTH_MONTHS): GrowthRow[] {
  const start = parseDate(from, '起始日期');
  return [0, ...months].map((m) => {
    const date = addMonthsClamped(start, m);
    return { months: m, date, total: caseOwedOn(accounts, date).total };
  });
}

export interface CeilingCheck extends Ceiling {
  /** The ceiling applied to the unpaid principal over `days` (P × C × D / 365). */
  amount: string;
  /** The days compared: the penalty days, or (24 %, with a contract date) the days since the contract. */
  days: number;
  daysFrom: 'penalty' | 'contract';
  /** Which charges are summed and compared with `amount`. */
  compared: 'penalty+fees' | 'interest+penalty+fees';
  /** Their sum. */
  comparedAmount: string;
  /** The date whose LPR was used, and why (4 × LPR only). */
  lprDate?: { date: string; from: 'contract' | 'penalty-start' };
  /** The penalty alone exceeds it. */
  penaltyExceeds: boolean;
  /** The compared charges together exceed it. */
  chargesExceeds: boolean;
  /** The penalty's annual rate is above the ceiling's. */
  rateExceeds: boolean;
}

export interface AccountCeilings {
  penaltyDays: number;
  penalty: string;
  /** Penalty plus fees (the overdue charges of 民间借贷规定 Art 29). */
  charges: string;
  /** Interest, penalty, 违约金 and fees together, as 法发〔2017〕22号 sums them. */
  allCharges: string;
  /** The penalty rule as an annual rate: R × 365 (simple) or (1 + R)^365 − 1 (compound), 8 decimals. */
  annualRate: string;
  ceilings: CeilingCheck[];
  /** 4 × LPR could not be computed (no LPR data for the date): the reason. */
  lprMissing?: string;
}

/**
 * The account's charges on `date` beside 4 × LPR and 24 %, each with its basis and caveat.
 * 4 × LPR (Art 29): overdue interest (the penalty), 违约金 and fees over the penalty days.
 * 24 % (法发〔2017〕22号): interest, compound interest, penalty, 违约金 and other fees summed;
 * the billed interest ran since the contract, so with a contract date the period is the days
 * since it, otherwise the penalty days (a stricter comparison, which the UI states).
 */
export function accountCeilings(account: OwedAccount, date: string, table: LprTable = SHIPPED_LPR): AccountCeilings {
  const owed = owedOn(accountRule(account), date);
  const principal = dec(owed.principal);
  const penalty = dec(owed.penalty);
  const charges = penalty.plus(owed.fees);
  const allCharges = charges.plus(owed.interest);
  const daily = parseRate(account.penalty.dailyRate, 'daily');
  const annual = account.penalty.mode === 'simple' ? daily.times(365) : ONE.plus(daily).pow(365).minus(1);
  const check = (ceiling: Ceiling, sumAll: boolean): CeilingCheck => {
    const sinceContract = sumAll && account.contractDate !== null ? Math.max(0, daysBetween(account.contractDate, owed.date)) : null;
    const days = sinceContract !== null && sinceContract > owed.penaltyDays ? sinceContract : owed.penaltyDays;
    const amount = ceilingAmount(principal, new Money(ceiling.annualRate), days);
    const compared = sumAll ? allCharges : charges;
    return {
      ...ceiling,
      amount: formatMoney(amount),
      days,
      daysFrom: days === sinceContract && days !== owed.penaltyDays ? 'contract' : 'penalty',
      compared: sumAll ? 'interest+penalty+fees' : 'penalty+fees',
      comparedAmount: formatMoney(compared),
      penaltyExceeds: penalty.greaterThan(ceilingAmount(principal, new Money(ceiling.annualRate), owed.penaltyDays)),
      chargesExceeds: compared.greaterThan(amount),
      rateExceeds: annual.greaterThan(ceiling.annualRate),
    };
  };
  const ceilings: CeilingCheck[] = [];
  const lprDate = account.contractDate ?? account.penalty.startDate;
  let lprMissing: string | undefined;
  try {
    ceilings.push({
      ...check(fourTimesLpr(lprDate, table), false),
      lprDate: { date: lprDate, from: account.contractDate ? 'contract' : 'penalty-start' },
    });
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
    lprMissing = String(err.params.detail ?? err.message);
  }
  ceilings.push(check(financialLoan24(), true));
  return {
    penaltyDays: owed.penaltyDays,
    penalty: owed.penalty,
    charges: formatMoney(charges),
    allCharges: formatMoney(allCharges),
    annualRate: annual.toFixed(8, Money.ROUND_HALF_UP),
    ceilings,
    ...(lprMissing !== undefined ? { lprMissing } : {}),
  };
}

/** "0.18250000" → the rate as a percentage with at most 2 decimals, for labels. */
export function percentLabel(rate: string): string {
  return `${formatRate(new Money(rate).times(100).toDecimalPlaces(2, Money.ROUND_HALF_UP))}%`;
}

/** principal + interest + penalty + fees, e.g. of a bill snapshot. */
export function partsTotal(p: { principal: string; interest: string; penalty: string; fees: string }): string {
  return formatMoney(dec(p.principal).plus(p.interest).plus(p.penalty).plus(p.fees));
}
