// Mainland-China working days (工作日): Monday–Friday, minus public holidays, plus the
// make-up working days (调休上班) on weekends, as the State Council publishes them each
// year. The shipped data is ../data/cn-holidays.json (scripts/gen-holidays.mjs); the person
// can add a year by pasting the notice (./notice.ts; kept in the user data folder and
// supplied here through useAddedHolidays). Through a year with neither, the answer is
// provisional: weekends plus the statutory holidays (./statutory.ts), said so wherever shown.
import { BadInputError } from '../errors';
import { addDays, parseDate, weekday } from '../time/beijing';
import holidayData from '../data/cn-holidays.json';
import type { HolidayCalendar, HolidayYear } from './workdays-types';
import { provisionalAssumption, statutoryYear } from './statutory';

export type { HolidayCalendar, HolidayYear } from './workdays-types';

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
    const all = Object.values(calendar.years);
    idx = {
      years: new Set(Object.keys(calendar.years)),
      holidays: new Set(all.flatMap((y) => y.holidays)),
      workdays: new Set(all.flatMap((y) => y.workdays)),
    };
    indexes.set(calendar, idx);
  }
  return idx;
}

// Years the person added (main process, vault worker and CLI read them from the user data
// folder). The source is asked each time, so a notice added while the app runs counts at once.
let addedSource: (() => HolidayCalendar | null) | null = null;
const merged = new WeakMap<HolidayCalendar, HolidayCalendar>();

/** Where the added years come from; null forgets the source. An added year replaces the shipped one. */
export function useAddedHolidays(source: (() => HolidayCalendar | null) | null): void {
  addedSource = source;
}

/** Two calendars as one; a year in `added` replaces the same year in `base`. */
export function mergeCalendars(base: HolidayCalendar, added: HolidayCalendar): HolidayCalendar {
  return { years: { ...base.years, ...added.years } };
}

/** The shipped years plus those the person added. */
export function currentHolidays(): HolidayCalendar {
  const added = addedSource?.() ?? null;
  if (!added || Object.keys(added.years).length === 0) return SHIPPED_HOLIDAYS;
  let cal = merged.get(added);
  if (!cal) {
    cal = mergeCalendars(SHIPPED_HOLIDAYS, added);
    merged.set(added, cal);
  }
  return cal;
}

/** The years the calendar has published data for, e.g. ["2004", …, "2026"]. */
export function coveredYears(calendar: HolidayCalendar = currentHolidays()): string[] {
  return Object.keys(calendar.years).sort();
}

export interface DayAnswer {
  workday: boolean;
  /** True when the year has no published schedule and the statutory holidays were assumed. */
  provisional: boolean;
}

function classify(date: string, idx: Index): DayAnswer {
  if (idx.workdays.has(date)) return { workday: true, provisional: false };
  if (idx.holidays.has(date)) return { workday: false, provisional: false };
  const year = date.slice(0, 4);
  const w = weekday(date);
  if (idx.years.has(year)) return { workday: w !== 0 && w !== 6, provisional: false };
  const statutory: HolidayYear = statutoryYear(year);
  return { workday: w !== 0 && w !== 6 && !statutory.holidays.includes(date), provisional: true };
}

/** Is `date` a working day, and is that an estimate? */
export function dayInfo(date: string, calendar: HolidayCalendar = currentHolidays()): DayAnswer {
  return classify(parseDate(date), indexOf(calendar));
}

/** Is `date` a working day (an estimate through a year without published data)? */
export function isWorkday(date: string, calendar: HolidayCalendar = currentHolidays()): boolean {
  return dayInfo(date, calendar).workday;
}

/** The longest span accepted: about ten years of working days. */
export const MAX_WORKDAYS = 2500;

export interface WorkdaysAnswer {
  date: string;
  provisional: boolean;
  /** The years assumed from the statutory holidays (empty when exact). */
  provisionalYears: string[];
  /** The assumption in words, when provisional. */
  assumption?: string;
}

export interface WorkdaysOptions {
  calendar?: HolidayCalendar;
  /** Refuse to estimate: a year without published data is an error. */
  strict?: boolean;
}

/**
 * The date `n` working days after `from` (`from` itself never counts, working day or
 * not; n = 0 returns `from`). 2025-09-30 + 1 → 2025-10-09 (National Day 10-01…08).
 */
export function countWorkdays(from: string, n: number, options: WorkdaysOptions = {}): WorkdaysAnswer {
  const start = parseDate(from, '起始日期');
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS) {
    throw new BadInputError(`工作日天数必须是 0 到 ${MAX_WORKDAYS} 之间的整数：${n}`);
  }
  const calendar = options.calendar ?? currentHolidays();
  const idx = indexOf(calendar);
  const assumed = new Set<string>();
  const look = (date: string) => {
    const year = date.slice(0, 4);
    if (!idx.years.has(year)) {
      if (options.strict) {
        const years = [...idx.years].sort();
        throw new BadInputError(
          `没有 ${year} 年的法定节假日安排数据（已有 ${years[0] ?? '—'}–${years[years.length - 1] ?? '—'} 年），无法准确推算工作日。可粘贴国务院的放假通知补充（calendar add-notice），或去掉 --strict 按法定节假日估算`,
        );
      }
      assumed.add(year);
    }
    return classify(date, idx);
  };
  let date = start;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (look(date).workday) left -= 1;
  }
  const provisionalYears = [...assumed].sort();
  if (provisionalYears.length === 0) return { date, provisional: false, provisionalYears };
  return { date, provisional: true, provisionalYears, assumption: provisionalAssumption(provisionalYears) };
}

/** Just the date of countWorkdays (provisional allowed). */
export function addWorkdays(from: string, n: number, calendar?: HolidayCalendar): string {
  return countWorkdays(from, n, calendar ? { calendar } : {}).date;
}
