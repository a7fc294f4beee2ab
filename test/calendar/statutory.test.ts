// The statutory holidays of 《全国年节及纪念日放假办法》 (2024 amendment) for a year without a
// published schedule, worked out by hand for 2027 (元旦 Fri; 除夕 2-05 Fri, 初一 Sat, 初二 Sun,
// 初三 Mon; 清明 4-05 Mon; May 1–2 Sat–Sun; 端午 6-09 Wed; 中秋 9-15 Wed; Oct 1 Fri, 2–3 Sat–Sun).
// Art. 6: the weekend days are made up on the following working days.
import { describe, expect, it } from 'vitest';
import { FIRST_STATUTORY_YEAR, provisionalAssumption, statutoryYear } from '../../shared/calendar/statutory';
import { SHIPPED_HOLIDAYS } from '../../shared/calendar/workdays';
import { BadInputError } from '../../shared/errors';
import festivalData from '../../shared/data/cn-festival-dates.json';

const FESTIVALS = (festivalData as { years: Record<string, Record<string, string>> }).years as Record<
  string,
  { chunjie: string; qingming: string; duanwu: string; zhongqiu: string }
>;

describe('statutoryYear', () => {
  it('2027: 13 days off, weekend holidays made up on the next working days', () => {
    expect(statutoryYear('2027')).toEqual({
      holidays: [
        '2027-01-01',
        '2027-02-05',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
        '2027-04-05',
        '2027-05-03',
        '2027-05-04',
        '2027-06-09',
        '2027-09-15',
        '2027-10-01',
        '2027-10-04',
        '2027-10-05',
      ],
      workdays: [],
    });
  });
  it('a festival on a National Day holiday still counts its own day (2028: 中秋 on 10-03)', () => {
    const days = statutoryYear('2028').holidays.filter((d) => d >= '2028-09-25' && d <= '2028-10-10');
    // Oct 1 Sun, 2 Mon, 3 Tue (=中秋): owed 4 days → Oct 2, 3, 4, 5.
    expect(days).toEqual(['2028-10-02', '2028-10-03', '2028-10-04', '2028-10-05']);
  });
  it('the lunar and solar-term table agrees with every published schedule since 2008', () => {
    // 春节, 清明, 端午 and 中秋 are holidays since 2008: each table date is a day off (or a
    // weekend) in the State Council's schedule of that year. A wrong lunar date would not be.
    for (let y = 2008; y <= 2026; y++) {
      const year = String(y);
      const off = new Set(SHIPPED_HOLIDAYS.years[year]!.holidays);
      const f = FESTIVALS[year]!;
      for (const d of [f.chunjie, f.qingming, f.duanwu, f.zhongqiu]) {
        const w = new Date(`${d}T00:00:00Z`).getUTCDay();
        expect(off.has(d) || w === 0 || w === 6, `${year}: ${d}`).toBe(true);
      }
    }
  });
  it('refuses years before the amendment and beyond the lunar table, with the range in the message', () => {
    expect(FIRST_STATUTORY_YEAR).toBe(2025);
    expect(() => statutoryYear('2024')).toThrow(BadInputError);
    expect(() => statutoryYear('2051')).toThrow(/2025–2050/);
  });
  it('says what it assumed', () => {
    expect(provisionalAssumption(['2027'])).toMatch(/^2027 年的放假安排尚未收录.*春节 4 天（除夕至正月初三）.*调休以国务院通知为准$/);
  });
});
