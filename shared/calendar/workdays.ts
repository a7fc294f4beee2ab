// Mainland-China working days (工作日): Monday–Friday, minus public holidays, plus the
// make-up working days (调休上班) on weekends, as the State Council publishes them each
// year. The data is ../data/cn-holidays.json, generated from the chinese-days package
// by scripts/gen-holidays.mjs. A year without published data is an error, never a guess:
// a wrong review deadline is worse than none.
import { BadInputError } from '../errors';
import { addDays, parseDate, weekday } from '../dates';
import holidayData from '../data/cn-holidays.json';

export interface HolidayYear {
  holidays: string[];
  workdays: string[];
}

export interface HolidayCalendar {
  years: Record<string, HolidayYear>;
}

export const SHIPPED_HOLIDAYS: HolidayCalendar = holidayData as HolidayCalendar;

interface Index {
  years: Set<string>;
  holidays: Set<string>;
  workdays: Set<string>;
}

const indexes = new WeakMap<HolidayCalendar, Index>();

function indexOf(calendar: HolidayCalendar): Index {
  let idx = indexes.get(calendar);
  if (!idx) {
    const years = Object.keys(calendar.years);
    const all = Object.values(calendar.years);
    idx = {
      years: new Set(years),
      holidays: new Set(all.flatMap((y) => y.holidays)),
      workdays: new Set(all.flatMap((y) => y.workdays)),
    };
    indexes.set(calendar, idx);
  }
  return idx;
}

/** The years the calendar has data for, e.g. ["2004", …, "2026"]. */
export function coveredYears(calendar: HolidayCalendar = SHIPPED_HOLIDAYS): string[] {
  return Object.keys(calendar.years).sort();
}

function requireYear(date: string, idx: Index): void {
  const year = date.slice(0, 4);
  if (!idx.years.has(year)) {
    const years = [...idx.years].sort();
    throw new BadInputError(
      `没有 ${year} 年的法定节假日安排数据（已有 ${years[0] ?? '—'}–${years[years.length - 1] ?? '—'} 年），无法推算工作日。请在国务院公布 ${year} 年安排后更新程序`,
    );
  }
}

/** Is `date` a working day? Throws for a year without data. */
export function isWorkday(date: string, calendar: HolidayCalendar = SHIPPED_HOLIDAYS): boolean {
  const d = parseDate(date);
  const idx = indexOf(calendar);
  requireYear(d, idx);
  if (idx.workdays.has(d)) return true;
  if (idx.holidays.has(d)) return false;
  const w = weekday(d);
  return w !== 0 && w !== 6;
}

/** The longest span accepted: about ten years of working days. */
export const MAX_WORKDAYS = 2500;

/**
 * The date `n` working days after `from` (`from` itself never counts, working day or
 * not; n = 0 returns `from`). 2025-09-30 + 1 → 2025-10-09 (National Day 10-01…08).
 */
export function addWorkdays(from: string, n: number, calendar: HolidayCalendar = SHIPPED_HOLIDAYS): string {
  const start = parseDate(from, '起始日期');
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS) {
    throw new BadInputError(`工作日天数必须是 0 到 ${MAX_WORKDAYS} 之间的整数：${n}`);
  }
  requireYear(start, indexOf(calendar));
  let date = start;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkday(date, calendar)) left -= 1;
  }
  return date;
}
