// The app's one clock: calendar days as YYYY-MM-DD strings, instants as epoch milliseconds,
// and Beijing time (UTC+8, no daylight saving since 1991) between them, whatever the
// machine's zone. Every feature, the CLI and the renderer read and write times here.
//
// No Date objects in the arithmetic: a Date carries the machine's zone, a due date does not.
// Days are counted since 1970-01-01 on the proleptic Gregorian calendar, so days before 1970
// are negative and years past 2038 are ordinary numbers. Isomorphic (no Node, no DOM).
import { BadInputError } from '../errors';

/** Years outside this range are typos in this app's domain (loans, notices, plans, birth dates). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Beijing's offset from UTC in minutes (fixed: China has kept no daylight saving since 1991). */
export const BEIJING_OFFSET_MIN = 8 * 60;

const MS_PER_MIN = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const BEIJING_OFFSET_MS = BEIJING_OFFSET_MIN * MS_PER_MIN;

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

// ---------------------------------------------------------------------------------------
// Calendar days (YYYY-MM-DD), no time zone involved.

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

export function formatYMD({ year, month, day }: YMD): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
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

/** Whether y-m-d is a day that exists (any year; for checks such as an ID number's birth date). */
export function dayExists(year: number, month: number, day: number): boolean {
  return [year, month, day].every(Number.isInteger) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
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

export function compareDates(a: string, b: string): number {
  return toDays(a) - toDays(b);
}

/** "2025-03-01" → "2025年3月1日" (the letters' date format); other text as given. */
export function dateCN(ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

// ---------------------------------------------------------------------------------------
// Instant → Beijing (or another fixed offset) wall clock.

/** The day number and the milliseconds into that day of `ms` seen at `offsetMin`. */
function split(ms: number, offsetMin: number): { days: number; rest: number } {
  const local = ms + offsetMin * MS_PER_MIN;
  const days = Math.floor(local / MS_PER_DAY);
  return { days, rest: local - days * MS_PER_DAY };
}

/** 1729233022000 → "2024-10-18T14:30:22+08:00" (or another offset, in minutes east of UTC). */
export function isoWithOffset(ms: number, offsetMin = BEIJING_OFFSET_MIN): string {
  const { days, rest } = split(ms, offsetMin);
  const h = Math.floor(rest / MS_PER_HOUR);
  const mi = Math.floor((rest % MS_PER_HOUR) / MS_PER_MIN);
  const s = Math.floor((rest % MS_PER_MIN) / 1000);
  const sign = offsetMin < 0 ? '-' : '+';
  const off = `${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
  return `${fromDays(days)}T${pad(h)}:${pad(mi)}:${pad(s)}${off}`;
}

/** Now (or `now`) as "2026-03-01T10:00:00+08:00": how the case records when something happened. */
export function beijingIso(now: Date | number = Date.now()): string {
  return isoWithOffset(typeof now === 'number' ? now : now.getTime());
}

export interface BeijingParts {
  /** YYYY-MM-DD, the Beijing calendar day. */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

export function beijingParts(ms: number): BeijingParts {
  const { days, rest } = split(ms, BEIJING_OFFSET_MIN);
  return {
    date: fromDays(days),
    hour: Math.floor(rest / MS_PER_HOUR),
    minute: Math.floor((rest % MS_PER_HOUR) / MS_PER_MIN),
    second: Math.floor((rest % MS_PER_MIN) / 1000),
  };
}

/** Days since 1970-01-01 of the Beijing calendar day of an instant (fromDays turns it into YYYY-MM-DD). */
export function beijingDayNumber(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY);
}

/** The Beijing calendar day of an instant. */
export function beijingDate(ms: number): string {
  return fromDays(split(ms, BEIJING_OFFSET_MIN).days);
}

/** Today's date in Beijing time, whatever the machine's zone. */
export function todayBeijing(now: Date | number = Date.now()): string {
  return beijingDate(typeof now === 'number' ? now : now.getTime());
}

/**
 * beijingDate for a run of instants (a sorted timeline): the same text, made once per
 * calendar day instead of once per instant.
 */
export function beijingDateReader(): (ms: number) => string {
  let lastDays = Number.NaN;
  let lastText = '';
  return (ms) => {
    const days = Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY);
    if (days !== lastDays) {
      lastDays = days;
      lastText = fromDays(days);
    }
    return lastText;
  };
}

/** The Monday (YYYY-MM-DD) of the Beijing week that contains `ms`. */
export function beijingWeekStart(ms: number): string {
  const { days } = split(ms, BEIJING_OFFSET_MIN);
  const wd = (((days + 4) % 7) + 7) % 7; // 0 = Sunday
  return fromDays(days - ((wd + 6) % 7));
}

/** "2024-10" for the Beijing month of `ms`. */
export function beijingMonth(ms: number): string {
  return beijingDate(ms).slice(0, 7);
}

/** Beijing wall clock as the value of an <input type="datetime-local">: "2024-10-18T14:30". */
export function beijingLocalInput(ms: number): string {
  return isoWithOffset(ms).slice(0, 16);
}

/**
 * Any time the app accepts (see parseIsoTime) → "2024-10-18 14:30" in Beijing time, whatever
 * offset it was written with. Text that is not a time is shown as given.
 */
export function beijingMinute(at: string): string {
  const ms = parseIsoTime(at);
  if (ms === null || !/^\s*\S{10}[T ]/.test(at.normalize('NFKC'))) return at;
  return isoWithOffset(ms).slice(0, 16).replace('T', ' ');
}

/** The same instant as "2024年10月18日 14:30" (Beijing time), the letters' one time format; a bare date as 2024年10月18日. */
export function beijingMinuteCN(at: string): string {
  const t = beijingMinute(at);
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(t);
  return m ? `${dateCN(m[1]!)} ${m[2]}` : dateCN(t);
}

// ---------------------------------------------------------------------------------------
// Beijing (or a given offset) wall clock → instant.

/** Why a wall-clock time does not exist, in words naming the part; null when it does. */
function wallClockProblem(year: number, month: number, day: number, hour: number, minute: number, second: number, maxSecond: number): string | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return `年份超出范围：${year}`;
  if (!Number.isInteger(month) || month < 1 || month > 12) return `月份不存在：${month}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return `日期不存在：${year}-${pad(month)}-${pad(day)}`;
  const clockOk = [hour, minute, second].every(Number.isInteger) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= maxSecond;
  return clockOk ? null : `时间不存在：${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function wallToMs(year: number, month: number, day: number, hour: number, minute: number, second: number, offsetMin: number): number {
  return daysFromCivil({ year, month, day }) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 - offsetMin * MS_PER_MIN;
}

/** The instant of a wall-clock time in Beijing; throws BadInputError when the day or time does not exist. */
export function beijingLocalToMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const problem = wallClockProblem(year, month, day, hour, minute, second, 59);
  if (problem) throw new BadInputError(problem);
  return wallToMs(year, month, day, hour, minute, second, BEIJING_OFFSET_MIN);
}

/**
 * Wall-clock fields read from a device (EXIF, file names) → instant, or null when the day
 * or time does not exist. A leap second (:60) counts as :59.
 */
export function wallClockToMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, offsetMin = BEIJING_OFFSET_MIN): number | null {
  if (wallClockProblem(year, month, day, hour, minute, second, 60)) return null;
  return wallToMs(year, month, day, hour, minute, second === 60 ? 59 : second, offsetMin);
}

/** The instant Beijing day `date` (YYYY-MM-DD) begins: 00:00:00.000 Beijing time. Throws BadInputError. */
export function beijingDayStart(date: string, label = '日期'): number {
  return toDays(date, label) * MS_PER_DAY - BEIJING_OFFSET_MS;
}

/** The last millisecond of Beijing day `date`: 23:59:59.999 Beijing time. Throws BadInputError. */
export function beijingDayEnd(date: string, label = '日期'): number {
  return beijingDayStart(date, label) + MS_PER_DAY - 1;
}

/** "2024-10-18" (a Beijing calendar day) → its first and last millisecond, or null when it is not a day. */
export function beijingDayBounds(date: string): { start: number; end: number } | null {
  if (!isValidDate(date)) return null;
  const start = beijingDayStart(date);
  return { start, end: start + MS_PER_DAY - 1 };
}

// "2024-10-18T14:30:22+08:00", "…Z", "2024-10-18 14:30", "2024-10-18" (full-width folded first).
const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

interface ReadTime {
  ms: number;
  offsetMin: number;
  hasClock: boolean;
}

/** One reader for every time text the app accepts; a string saying what is wrong otherwise. */
function readTime(input: string): ReadTime | { problem: 'format' | 'offset' | 'clock'; detail: string } {
  const s = input.normalize('NFKC').trim();
  const m = TIME_RE.exec(s);
  if (!m) return { problem: 'format', detail: s.slice(0, 40) };
  const [, y, mo, d, h, mi, sec, off] = m;
  let offsetMin = BEIJING_OFFSET_MIN; // no offset: Beijing time
  if (off === 'Z') offsetMin = 0;
  else if (off) {
    const digits = off.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return { problem: 'offset', detail: off };
    offsetMin = (digits.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const f = [y, mo, d, h ?? '0', mi ?? '0', sec ?? '0'].map(Number) as [number, number, number, number, number, number];
  const problem = wallClockProblem(...f, 59);
  if (problem) return { problem: 'clock', detail: problem };
  return { ms: wallToMs(...f, offsetMin), offsetMin, hasClock: h !== undefined };
}

/**
 * "2024-10-18T14:30:22+08:00", "2024-10-18T06:30:22Z", "2024-10-18 14:30", "2024-10-18"
 * (no offset: Beijing time; a bare day: its first instant) → epoch ms, or null.
 */
export function parseIsoTime(input: string): number | null {
  const r = readTime(input);
  return 'ms' in r ? r.ms : null;
}

export interface ParsedTime {
  ms: number;
  /** The offset the text carried (minutes east of UTC); Beijing when it carried none. */
  offsetMin: number;
  /** The canonical text: the same wall-clock time and offset, seconds always present. */
  iso: string;
}

/**
 * A time someone typed or a file carried, with its clock: "2024-10-18T14:30:22+08:00",
 * "2024-10-18T06:30:22Z", "2024-10-18 14:30" (no offset: Beijing time). Throws
 * BadInputError naming `label` for anything else or a time that does not exist.
 */
export function parseTime(input: unknown, label = '时间'): ParsedTime {
  if (typeof input !== 'string') throw new BadInputError(`${label}必须是文字`);
  const r = readTime(input);
  if ('ms' in r && r.hasClock) return { ms: r.ms, offsetMin: r.offsetMin, iso: isoWithOffset(r.ms, r.offsetMin) };
  if ('ms' in r || r.problem === 'format') {
    const s = input.normalize('NFKC').trim();
    throw new BadInputError(`${label}格式不对：${s.slice(0, 40)}（应为 2024-10-18T14:30:22+08:00 这样的格式）`);
  }
  if (r.problem === 'offset') throw new BadInputError(`${label}的时区不对：${r.detail}`);
  throw new BadInputError(r.detail);
}

/** A Beijing wall-clock day and "HH:MM" (or "HH:MM:SS") as the app's ISO text: "2024-10-18T22:41:00+08:00". */
export function beijingWallIso(date: string, time: string): string {
  const t = /^\d{2}:\d{2}$/.test(time) ? `${time}:00` : time;
  return parseTime(`${date}T${t}`).iso;
}
