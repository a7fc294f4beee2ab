// Overdue penalty (罚息) exactly as ../../cli.md "Calculation rules" says, plus what an
// account owes on a date and how it grows if nothing is paid. Everything is Decimal;
// rounding to cents happens once, at the end.
import { BadInputError } from '../errors';
import { addMonthsClamped, daysBetween, parseDate } from '../time/beijing';
import { Money, ONE, formatMoney, formatPercent, formatRate, toCents, type Decimal } from './decimal';
import { parseAmount, parseRate } from './parse-amount';

export type PenaltyMode = 'simple' | 'compound-daily';
export const PENALTY_MODES: readonly PenaltyMode[] = ['simple', 'compound-daily'];
export const PENALTY_MODE_NAMES: Record<PenaltyMode, string> = { simple: '单利（按日）', 'compound-daily': '按日复利' };

/** 100 years of days: anything longer is a typo, and keeps (1 + R)^D cheap. */
export const MAX_PENALTY_DAYS = 36_500;
const DAYS_PER_YEAR = 365;

/**
 * How overdue days are counted. 'creditor': day 1 is the day after the due date, the way the
 * lenders' own notices count (a due date of 10 May is "逾期 1 天" on 11 May); 'inclusive':
 * the due date itself is day 1. The default is the creditor's own count.
 */
export type OverdueConvention = 'creditor' | 'inclusive';
export const OVERDUE_CONVENTIONS: readonly OverdueConvention[] = ['creditor', 'inclusive'];
export const DEFAULT_OVERDUE_CONVENTION: OverdueConvention = 'creditor';

/** The convention in words, shown beside every overdue-day figure. */
export function conventionText(convention: OverdueConvention = DEFAULT_OVERDUE_CONVENTION): string {
  return convention === 'inclusive' ? '应还款日当天算第 1 天' : '应还款日次日算第 1 天';
}

/** Overdue days on `on` for a missed due date `start`, by the convention (0 before it starts). */
export function overdueDaysOn(start: string, on: string, convention: OverdueConvention = DEFAULT_OVERDUE_CONVENTION): number {
  const d = daysBetween(start, on);
  if (convention === 'inclusive') return d >= 0 ? d + 1 : 0; // number-ok: a day count
  return Math.max(0, d);
}

/** Above this daily rate (0.1 % a day, 36.5 % a year) a typed rate is more likely a typo: it asks for confirmation. */
export const SANE_DAILY_RATE_MAX = '0.001';

/** True when a daily rate (decimal string) is above SANE_DAILY_RATE_MAX and so needs the person's confirmation. */
export function rateNeedsConfirmation(dailyRate: string): boolean {
  return new Money(dailyRate).greaterThan(SANE_DAILY_RATE_MAX);
}

export function isPenaltyMode(value: unknown): value is PenaltyMode {
  return value === 'simple' || value === 'compound-daily';
}

function checkDays(days: number, label = '天数'): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_PENALTY_DAYS) {
    throw new BadInputError(`${label}必须是 0 到 ${MAX_PENALTY_DAYS} 之间的整数：${days}`);
  }
}

function checkRate(rate: Decimal, label: string): void {
  if (rate.isNegative() || rate.greaterThanOrEqualTo(1) || !rate.isFinite()) {
    throw new BadInputError(`${label}必须在 0 到 100% 之间（不含 100%）：${formatRate(rate)}`);
  }
}

/** The penalty before rounding: simple P×R×D, compound-daily P×((1+R)^D − 1). */
export function penaltyExact(principal: Decimal, dailyRate: Decimal, days: number, mode: PenaltyMode): Decimal {
  checkDays(days);
  checkRate(dailyRate, '日利率');
  if (mode === 'simple') return principal.times(dailyRate).times(days);
  return principal.times(ONE.plus(dailyRate).pow(days).minus(1));
}

/** The penalty rounded half up to cents. */
export function penaltyAmount(principal: Decimal, dailyRate: Decimal, days: number, mode: PenaltyMode): Decimal {
  return toCents(penaltyExact(principal, dailyRate, days, mode));
}

/** ceilingAmount = P × C × D / 365, rounded half up to cents. */
export function ceilingAmount(principal: Decimal, annualRate: Decimal, days: number): Decimal {
  checkDays(days);
  checkRate(annualRate, '年利率上限');
  return toCents(principal.times(annualRate).times(days).dividedBy(DAYS_PER_YEAR));
}

export interface PenaltyInput {
  principal: Decimal;
  dailyRate: Decimal;
  days: number;
  mode: PenaltyMode;
  /** An annual ceiling to compare with (e.g. 4 × LPR or 24 %). */
  ceilingAnnual?: Decimal;
}

/** The `calc penalty --json` document, field for field. */
export interface PenaltyResult {
  principal: string;
  dailyRate: string;
  days: number;
  mode: PenaltyMode;
  penalty: string;
  total: string;
  annualizedRate: string;
  effectiveAnnualRate: string;
  ceilingAmount?: string;
  exceedsCeiling?: boolean;
}

export function computePenalty(input: PenaltyInput): PenaltyResult {
  const { principal, dailyRate, days, mode } = input;
  if (principal.isNegative()) throw new BadInputError('本金不能为负数');
  const penalty = penaltyAmount(principal, dailyRate, days, mode);
  const result: PenaltyResult = {
    principal: formatMoney(principal),
    dailyRate: formatRate(dailyRate),
    days,
    mode,
    penalty: formatMoney(penalty),
    total: formatMoney(principal.plus(penalty)),
    annualizedRate: formatRate(annualizedRate(dailyRate)),
    effectiveAnnualRate: ONE.plus(dailyRate).pow(DAYS_PER_YEAR).minus(1).toFixed(8, Money.ROUND_HALF_UP),
  };
  if (input.ceilingAnnual !== undefined) {
    const ceiling = ceilingAmount(principal, input.ceilingAnnual, days);
    result.ceilingAmount = formatMoney(ceiling);
    result.exceedsCeiling = penalty.greaterThan(ceiling);
  }
  return result;
}

/** How one account's debt is counted; money and rates as decimal strings (case data). */
export interface AccountRule {
  /** Unpaid principal (未还本金): the penalty base. */
  principal: string;
  /** Interest already billed (已出利息), counted as entered. */
  interest: string;
  /** 违约金 / 滞纳金 / other fees already charged, counted as entered. */
  fees: string;
  mode: PenaltyMode;
  dailyRate: string;
  /** Days after startDate during which no penalty accrues (宽限期). */
  graceDays: number;
  /** The missed due date (应还款日): one day later the account is 1 day overdue (creditor convention). */
  startDate: string;
  /** How overdue days are counted; default the creditor's own ('creditor'). */
  convention?: OverdueConvention;
}

export interface OwedRule {
  mode: PenaltyMode;
  dailyRate: string;
  graceDays: number;
  startDate: string;
  convention: OverdueConvention;
  /** The rule in words, shown next to every figure. */
  text: string;
}

export interface Owed {
  date: string;
  overdueDays: number;
  penaltyDays: number;
  principal: string;
  interest: string;
  fees: string;
  penalty: string;
  total: string;
  rule: OwedRule;
}

/** The account's fields, validated once. */
function readAccount(account: AccountRule) {
  const grace = account.graceDays;
  if (!Number.isInteger(grace) || grace < 0 || grace > 365) throw new BadInputError(`宽限期必须是 0 到 365 之间的整数天：${grace}`);
  if (!isPenaltyMode(account.mode)) throw new BadInputError(`未知的计息方式：${String(account.mode)}`);
  return {
    principal: parseAmount(account.principal, { label: '本金' }),
    interest: parseAmount(account.interest, { label: '利息' }),
    fees: parseAmount(account.fees, { label: '费用' }),
    dailyRate: parseRate(account.dailyRate, 'daily'),
    startDate: parseDate(account.startDate, '逾期起算日'),
  };
}

export function describeRule(account: Pick<AccountRule, 'mode' | 'dailyRate' | 'graceDays' | 'startDate' | 'convention'>): string {
  const rate = formatPercent(parseRate(account.dailyRate, 'daily'));
  const formula = account.mode === 'simple' ? `未还本金 × ${rate} × 计罚息天数` : `未还本金 × ((1 + ${rate})^计罚息天数 − 1)`;
  const grace = account.graceDays > 0 ? `，前 ${account.graceDays} 天为宽限期不计罚息` : '';
  return `罚息（${PENALTY_MODE_NAMES[account.mode]}）= ${formula}；逾期天数以应还款日 ${account.startDate} 为准，${conventionText(account.convention)}${grace}；利息和费用按已录入金额计入，不再计罚息；结果四舍五入到分。`;
}

/** What the account owes on `date` if nothing has been paid since startDate. */
export function owedOn(account: AccountRule, date: string): Owed {
  const a = readAccount(account);
  const on = parseDate(date);
  const convention = account.convention ?? DEFAULT_OVERDUE_CONVENTION;
  if (!OVERDUE_CONVENTIONS.includes(convention)) throw new BadInputError(`未知的逾期天数算法：${String(convention)}`);
  const overdueDays = overdueDaysOn(a.startDate, on, convention);
  const penaltyDays = Math.max(0, overdueDays - account.graceDays); // number-ok: day count
  if (penaltyDays > MAX_PENALTY_DAYS) throw new BadInputError(`逾期天数过长：${overdueDays} 天`);
  const penalty = penaltyAmount(a.principal, a.dailyRate, penaltyDays, account.mode);
  return {
    date: on,
    overdueDays,
    penaltyDays,
    principal: formatMoney(a.principal),
    interest: formatMoney(a.interest),
    fees: formatMoney(a.fees),
    penalty: formatMoney(penalty),
    total: formatMoney(a.principal.plus(a.interest).plus(a.fees).plus(penalty)),
    rule: {
      mode: account.mode,
      dailyRate: formatRate(a.dailyRate),
      graceDays: account.graceDays,
      startDate: a.startDate,
      convention,
      text: describeRule({ ...account, convention }),
    },
  };
}

export const GROWTH_MONTHS: readonly number[] = [3, 6, 12, 36];

export interface GrowthPoint extends Owed {
  months: number;
}

/** The debt `months` later (same day of month, clamped) for each entry, if nothing is paid. */
export function growthSeries(account: AccountRule, fromDate: string, months: readonly number[] = GROWTH_MONTHS): GrowthPoint[] {
  const from = parseDate(fromDate, '起始日期');
  return months.map((m) => {
    if (!Number.isInteger(m) || m < 0 || m > 1200) throw new BadInputError(`月数必须是 0 到 1200 之间的整数：${m}`);
    return { months: m, ...owedOn(account, addMonthsClamped(from, m)) };
  });
}

/** The nominal annual rate of a daily rate (R × 365), as credit-card issuers must show it. */
export function annualizedRate(dailyRate: Decimal): Decimal {
  return dailyRate.times(DAYS_PER_YEAR);
}
