// The days off a year has by law alone, for a year whose State Council schedule
// (国务院办公厅关于YYYY年部分节假日安排的通知) is not in the app yet. 《全国年节及纪念日放假办法》
// as amended on 2024-11-10 (in force 2025-01-01), Art. 2: 元旦 1 day, 春节 4 days (除夕 and
// 正月初一–初三), 清明 1, 劳动节 2 (May 1–2), 端午 1, 中秋 1, 国庆 3 (Oct 1–3); Art. 6: a holiday
// falling on a Saturday or Sunday is made up on a working day. The weekend days the State
// Council moves (调休) cannot be foreseen, so an answer through such a year is provisional.
import { BadInputError } from '../errors';
import { addDays, weekday } from '../time/beijing';
import festivalData from '../data/cn-festival-dates.json';
import type { HolidayYear } from './workdays-types';

interface FestivalDates {
  chuxi: string;
  chunjie: string;
  qingming: string;
  duanwu: string;
  zhongqiu: string;
}

const FESTIVALS = (festivalData as { years: Record<string, FestivalDates> }).years;

/** The amended rules apply from 2025; earlier years all have published schedules. */
export const FIRST_STATUTORY_YEAR = 2025;

/** The assumption a provisional answer rests on, in the words the CLI and the UI show. */
export function provisionalAssumption(years: readonly string[]): string {
  return (
    `${years.join('、')} 年的放假安排尚未收录（国务院通常在前一年 11 月公布），本结果按法定节假日估算：` +
    '周六、周日休息，加《全国年节及纪念日放假办法》（2024 年修订）规定的元旦 1 天、春节 4 天（除夕至正月初三）、' +
    '清明 1 天、劳动节 2 天、端午 1 天、中秋 1 天、国庆 3 天；节日逢周六、周日，按该办法第六条在工作日补假（这里估算为节后第一个工作日）；调休以国务院通知为准'
  );
}

/** The short note letters and the agenda print next to a provisional date. */
export const PROVISIONAL_NOTE_ZH = '按法定节假日估算，调休以国务院通知为准';

const isWeekend = (date: string) => {
  const w = weekday(date);
  return w === 0 || w === 6;
};

const cache = new Map<string, HolidayYear>();

/** The statutory days off of `year`, with Art. 6 make-up days; no make-up working days. */
export function statutoryYear(year: string): HolidayYear {
  const hit = cache.get(year);
  if (hit) return hit;
  const f = FESTIVALS[year];
  if (Number(year) < FIRST_STATUTORY_YEAR || !f) {
    throw new BadInputError(`没有 ${year} 年的法定节假日安排数据，也无法按法定节假日估算（可估算的年份：${FIRST_STATUTORY_YEAR}–${Object.keys(FESTIVALS).pop() ?? '—'}）`);
  }
  // Every day of entitlement, in order; a day named twice (中秋 on Oct 1–3) is still owed.
  const entitled = [
    `${year}-01-01`,
    f.chuxi,
    f.chunjie,
    addDays(f.chunjie, 1),
    addDays(f.chunjie, 2),
    f.qingming,
    `${year}-05-01`,
    `${year}-05-02`,
    f.duanwu,
    f.zhongqiu,
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ].sort();
  const off = new Set<string>();
  const owed: string[] = [];
  for (const d of entitled) {
    if (!isWeekend(d) && !off.has(d)) off.add(d);
    else owed.push(d);
  }
  // Art. 6: made up on the first working day after the holiday that is not already off.
  for (const d of owed) {
    let m = addDays(d, 1);
    while (isWeekend(m) || off.has(m)) m = addDays(m, 1);
    off.add(m);
  }
  const result: HolidayYear = { holidays: [...off].sort(), workdays: [] };
  cache.set(year, result);
  return result;
}
