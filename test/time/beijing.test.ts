// The one time module: Beijing day boundaries, the forms the app accepts, days before 1970
// and after 2038, and the same answers whatever the machine's zone.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  beijingDate,
  beijingDateReader,
  beijingDayBounds,
  beijingDayEnd,
  beijingDayStart,
  beijingIso,
  beijingLocalInput,
  beijingLocalToMs,
  beijingMinute,
  beijingMinuteCN,
  beijingMonth,
  beijingParts,
  beijingWallIso,
  beijingWeekStart,
  dateCN,
  dayExists,
  daysBetween,
  fromDays,
  isoWithOffset,
  parseDate,
  parseIsoTime,
  parseTime,
  toDays,
  todayBeijing,
  wallClockToMs,
  weekday,
} from '../../shared/time/beijing';
import { BadInputError } from '../../shared/errors';

const H = 3_600_000;

describe('day boundaries in Beijing time', () => {
  it('00:00 and 23:59:59.999 Beijing are the start and end of the day, 16:00 UTC the day before', () => {
    const start = beijingDayStart('2024-10-18');
    expect(start).toBe(Date.UTC(2024, 9, 17, 16));
    expect(beijingDayEnd('2024-10-18')).toBe(Date.UTC(2024, 9, 18, 16) - 1);
    expect(beijingDate(start)).toBe('2024-10-18');
    expect(beijingDate(start - 1)).toBe('2024-10-17');
    expect(beijingDate(beijingDayEnd('2024-10-18'))).toBe('2024-10-18');
    expect(beijingDate(beijingDayEnd('2024-10-18') + 1)).toBe('2024-10-19');
    expect(isoWithOffset(start)).toBe('2024-10-18T00:00:00+08:00');
    expect(isoWithOffset(beijingLocalToMs(2024, 10, 18, 23, 59, 59))).toBe('2024-10-18T23:59:59+08:00');
    expect(beijingParts(beijingLocalToMs(2024, 10, 18, 23, 59, 59))).toEqual({ date: '2024-10-18', hour: 23, minute: 59, second: 59 });
    expect(beijingDayBounds('2024-10-18')).toEqual({ start, end: start + 24 * H - 1 });
    expect(beijingDayBounds('2024-02-30')).toBeNull();
    expect(beijingDayBounds('2024-10-18T00:00')).toBeNull();
    expect(() => beijingDayStart('2024-13-01', '到期日')).toThrow(/到期日的月份不存在/);
  });

  it('a UTC evening is already the next Beijing day (no daylight saving, any season)', () => {
    for (const month of [1, 4, 7, 10]) {
      const utc = Date.UTC(2026, month - 1, 10, 16, 0, 0); // 00:00 Beijing on the 11th
      expect(beijingDate(utc)).toBe(`2026-${String(month).padStart(2, '0')}-11`);
      expect(beijingDate(utc - 1)).toBe(`2026-${String(month).padStart(2, '0')}-10`);
    }
    // The summer of 1988, when China did keep daylight saving, is still UTC+8 here by design:
    // the app's dates are all far later and one fixed offset is what the rules mean.
    expect(isoWithOffset(Date.UTC(1988, 6, 1, 0))).toBe('1988-07-01T08:00:00+08:00');
  });

  it('days before 1970 and after 2038', () => {
    expect(beijingDayStart('1969-12-31')).toBe(Date.UTC(1969, 11, 30, 16));
    expect(isoWithOffset(Date.UTC(1969, 11, 31, 15, 59, 59))).toBe('1969-12-31T23:59:59+08:00');
    expect(isoWithOffset(Date.UTC(1969, 11, 31, 16))).toBe('1970-01-01T00:00:00+08:00');
    expect(beijingDate(-1)).toBe('1970-01-01');
    expect(beijingDate(-8 * H - 1)).toBe('1969-12-31');
    expect(beijingLocalToMs(1900, 1, 1)).toBe(Date.UTC(1899, 11, 31, 16));
    expect(parseIsoTime('1950-06-01 12:00')).toBe(Date.UTC(1950, 5, 1, 4));
    expect(beijingLocalToMs(2038, 1, 19, 11, 14, 8)).toBe(Date.UTC(2038, 0, 19, 3, 14, 8)); // past 2^31 s
    expect(isoWithOffset(Date.UTC(2100, 1, 28, 16))).toBe('2100-03-01T00:00:00+08:00'); // 2100 is no leap year
    expect(beijingDayEnd('2199-12-31')).toBe(Date.UTC(2199, 11, 31, 16) - 1);
    expect(daysBetween('1969-12-31', '2039-01-01')).toBe(Date.UTC(2039, 0, 1) / 86_400_000 + 1);
    expect(addDays('1970-01-01', -1)).toBe('1969-12-31');
    expect(fromDays(toDays('2040-02-29'))).toBe('2040-02-29');
    expect(weekday('1969-12-31')).toBe(3);
    expect(weekday('2038-01-19')).toBe(2);
  });
});

describe('day arithmetic', () => {
  it('differences, adding days and months, week and month of an instant', () => {
    expect(daysBetween('2026-01-01', '2026-01-02')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31');
    // Sunday 2024-10-20 23:30 Beijing is still the week of Monday the 14th; 00:30 on the 21st is not.
    expect(beijingWeekStart(beijingLocalToMs(2024, 10, 20, 23, 30))).toBe('2024-10-14');
    expect(beijingWeekStart(beijingLocalToMs(2024, 10, 21, 0, 30))).toBe('2024-10-21');
    expect(beijingMonth(beijingDayStart('2024-11-01'))).toBe('2024-11');
    expect(beijingMonth(beijingDayStart('2024-11-01') - 1)).toBe('2024-10');
    const read = beijingDateReader();
    expect([beijingDayStart('2024-10-18') - 1, beijingDayStart('2024-10-18'), beijingDayEnd('2024-10-18')].map(read)).toEqual(['2024-10-17', '2024-10-18', '2024-10-18']);
    expect(dayExists(2024, 2, 29)).toBe(true);
    expect(dayExists(2023, 2, 29)).toBe(false);
    expect(dayExists(1800, 12, 31)).toBe(true);
  });

  it('today and now are Beijing time', () => {
    const lateUtc = new Date(Date.UTC(2026, 11, 5, 23, 30));
    expect(todayBeijing(lateUtc)).toBe('2026-12-06');
    expect(todayBeijing(lateUtc.getTime())).toBe('2026-12-06');
    expect(beijingIso(new Date('2026-11-22T20:42:05.900Z'))).toBe('2026-11-23T04:42:05+08:00');
    expect(beijingLocalInput(lateUtc.getTime())).toBe('2026-12-06T07:30');
  });
});

describe('the forms the app accepts', () => {
  it('ISO with an offset, Z, a Beijing wall clock, a bare day; full-width folded', () => {
    expect(parseIsoTime('2024-10-18T14:30:22+08:00')).toBe(Date.UTC(2024, 9, 18, 6, 30, 22));
    expect(parseIsoTime('2024-10-18T06:30:22Z')).toBe(Date.UTC(2024, 9, 18, 6, 30, 22));
    expect(parseIsoTime('2024-10-18T06:30:22.250-0100')).toBe(Date.UTC(2024, 9, 18, 7, 30, 22));
    expect(parseIsoTime('2024-10-18 14:30')).toBe(Date.UTC(2024, 9, 18, 6, 30));
    expect(parseIsoTime('２０２４－１０－１８')).toBe(beijingDayStart('2024-10-18'));
    expect(parseIsoTime('2024-10-18T24:00')).toBeNull();
    expect(parseIsoTime('2024-10-18T10:00+15:00')).toBeNull();
    expect(parseIsoTime('18/10/2024')).toBeNull();
  });

  it('parseTime keeps the offset given, needs a clock and names the field in its error', () => {
    expect(parseTime('2024-10-18T06:30:22Z')).toEqual({ ms: Date.UTC(2024, 9, 18, 6, 30, 22), offsetMin: 0, iso: '2024-10-18T06:30:22+00:00' });
    expect(parseTime('2024-10-18 14:30').iso).toBe('2024-10-18T14:30:00+08:00');
    expect(parseTime('2024-10-18T14:30:00-05:30').iso).toBe('2024-10-18T14:30:00-05:30');
    expect(() => parseTime('2024-10-18', '联系时间')).toThrow(/联系时间格式不对/);
    expect(() => parseTime(42, '联系时间')).toThrow(/联系时间必须是文字/);
    expect(() => parseTime('2024-10-18T10:00+15:00')).toThrow(/时区不对/);
    expect(() => parseTime('2023-02-29T10:00')).toThrow(/日期不存在/);
    expect(() => parseTime('2024-10-18T23:59:60')).toThrow(BadInputError);
    expect(beijingWallIso('2024-10-18', '22:41')).toBe('2024-10-18T22:41:00+08:00');
  });

  it('device wall clocks: null for days that do not exist, a leap second read as :59', () => {
    expect(wallClockToMs(2024, 10, 18, 14, 30, 22)).toBe(Date.UTC(2024, 9, 18, 6, 30, 22));
    expect(wallClockToMs(2024, 10, 18, 14, 30, 22, 0)).toBe(Date.UTC(2024, 9, 18, 14, 30, 22));
    expect(wallClockToMs(2016, 12, 31, 23, 59, 60, 0)).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
    expect(wallClockToMs(0, 0, 0)).toBeNull();
    expect(wallClockToMs(2024, 2, 30)).toBeNull();
    expect(() => beijingLocalToMs(2024, 2, 30)).toThrow(/日期不存在/);
  });

  it('shown as Beijing minutes, in the letters as 年月日', () => {
    expect(beijingMinute('2026-11-22T20:42:05Z')).toBe('2026-11-23 04:42');
    expect(beijingMinute('2026-03-01T10:00:00+08:00')).toBe('2026-03-01 10:00');
    expect(beijingMinute('2026-03-01 10:00')).toBe('2026-03-01 10:00');
    expect(beijingMinute('2026-03-01')).toBe('2026-03-01');
    expect(beijingMinute('上周五')).toBe('上周五');
    expect(beijingMinuteCN('2024-10-18T06:30:22Z')).toBe('2024年10月18日 14:30');
    expect(beijingMinuteCN('2024-10-18')).toBe('2024年10月18日');
    expect(dateCN('2025-03-01')).toBe('2025年3月1日');
    expect(parseDate('２０２６－０１－３１')).toBe('2026-01-31');
  });
});

describe('whatever the machine zone', () => {
  it('gives the same answers under TZ=America/New_York and TZ=Asia/Kolkata', () => {
    const before = process.env.TZ;
    const at = Date.UTC(2024, 2, 10, 16, 30); // New York switches to summer time this night
    const answers = () => [beijingDate(at), beijingMinute('2024-03-10T07:30:00Z'), parseIsoTime('2024-03-11 00:30'), todayBeijing(new Date(at)), beijingIso(new Date(at))];
    try {
      process.env.TZ = 'America/New_York';
      expect(new Date(at).getTimezoneOffset()).toBe(240); // the zone really changed
      const ny = answers();
      process.env.TZ = 'Asia/Kolkata';
      expect(new Date(at).getTimezoneOffset()).toBe(-330);
      expect(answers()).toEqual(ny);
      expect(ny).toEqual(['2024-03-11', '2024-03-10 15:30', Date.UTC(2024, 2, 10, 16, 30), '2024-03-11', '2024-03-11T00:30:00+08:00']);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
