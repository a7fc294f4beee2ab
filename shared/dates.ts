// Calendar dates as YYYY-MM-DD strings, computed on whole days since 1970-01-01.
// No Date objects in the arithmetic: a Date carries a time zone, and a due date does not.
// Isomorphic (no Node, no DOM).
import { BadInputError } from './errors';

/** Years outside this range are typos in this app's domain (loans, notices, plans). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MS_PER_DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil; exact for the proleptic Gregorian calendar). */
export function daysFromCivil({ year, month, day }: YMD): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDays(days: number): YMD {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatYMD({ year, month, day }: YMD): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Parses a strict YYYY-MM-DD (full-width digits and dash are folded first) and checks
 * that the day exists. Throws BadInputError with a message naming `label`.
 */
export function parseYMD(input: unknown, label = '日期'): YMD {
  if (typeof input !== 'string') throw new BadInputError(`${label}必须是 YYYY-MM-DD 格式的文字`);
  const s = input.normalize('NFKC').trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new BadInputError(`${label}格式不对：${s.slice(0, 40)}（应为 YYYY-MM-DD，例如 2026-01-31）`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new BadInputError(`${label}的年份超出范围：${s}（支持 ${MIN_YEAR}–${MAX_YEAR} 年）`);
  }
  if (month < 1 || month > 12) throw new BadInputError(`${label}的月份不存在：${s}（月份应为 01–12）`);
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    throw new BadInputError(`${label}不存在：${s}（${year} 年 ${month} 月只有 ${last} 天）`);
  }
  return { year, month, day };
}

/** Validates and returns the canonical YYYY-MM-DD. */
export function parseDate(input: unknown, label = '日期'): string {
  return formatYMD(parseYMD(input, label));
}

export function isValidDate(input: unknown): boolean {
  try {
    parseYMD(input);
    return true;
  } catch {
    return false;
  }
}

export function toDays(date: string, label = '日期'): number {
  return daysFromCivil(parseYMD(date, label));
}

export function fromDays(days: number): string {
  return formatYMD(civilFromDays(days));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). 2026-01-01 → 2026-01-02 is 1. */
export function daysBetween(from: string, to: string): number {
  return toDays(to) - toDays(from);
}

export function addDays(date: string, n: number): string {
  return fromDays(toDays(date) + n);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(date: string): number {
  return (((toDays(date) + 4) % 7) + 7) % 7;
}

/**
 * The same day of the month k months later, clamped to the month's last day:
 * 2026-01-31 +1 → 2026-02-28, +2 → 2026-03-31. Always counted from `date` itself,
 * so a schedule never drifts to the 28th after passing February.
 */
export function addMonthsClamped(date: string, k: number): string {
  if (!Number.isInteger(k)) throw new BadInputError(`月数必须是整数：${k}`);
  const { year, month, day } = parseYMD(date);
  const index = year * 12 + (month - 1) + k;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < MIN_YEAR || y > MAX_YEAR) throw new BadInputError(`日期超出范围：${date} 加 ${k} 个月`);
  return formatYMD({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Today's date in Beijing time (UTC+8, no daylight saving), whatever the machine's zone. */
export function todayBeijing(now: Date = new Date()): string {
  return fromDays(Math.floor((now.getTime() + BEIJING_OFFSET_MS) / MS_PER_DAY));
}

export function compareDates(a: string, b: string): number {
  return toDays(a) - toDays(b);
}
