import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadInputError } from '../../shared/errors';
import {
  addDays,
  addMonthsClamped,
  civilFromDays,
  daysBetween,
  daysFromCivil,
  daysInMonth,
  fromDays,
  isValidDate,
  parseDate,
  todayBeijing,
  toDays,
  weekday,
} from '../../shared/time/beijing';

describe('parseDate', () => {
  it('accepts real dates, full-width digits too', () => {
    expect(parseDate('2026-02-28')).toBe('2026-02-28');
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('２０２６－０１－３１')).toBe('2026-01-31');
    expect(parseDate(' 2026-01-31 ')).toBe('2026-01-31');
  });
  it('rejects 2026-02-30 with a message that says why', () => {
    expect(() => parseDate('2026-02-30')).toThrow(BadInputError);
    expect(() => parseDate('2026-02-30')).toThrow(/2026 年 2 月只有 28 天/);
  });
  it.each(['2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5', '20260105', '2026/01/05', '', 'x', '2026-01-05T00:00', '0999-01-01', '2300-01-01'])(
    '%j is invalid',
    (s) => {
      expect(() => parseDate(s)).toThrow(BadInputError);
      expect(isValidDate(s)).toBe(false);
    },
  );
  it('2000 is a leap year, 1900 and 2100 are not', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('day arithmetic', () => {
  it('counts calendar days', () => {
    expect(toDays('1970-01-01')).toBe(0);
    expect(toDays('2000-03-01')).toBe(11017);
    expect(daysBetween('2026-01-01', '2026-01-02')).toBe(1);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
  it('knows the weekday (2025-10-01 was a Wednesday, 2025-01-26 a Sunday)', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2025-10-01')).toBe(3);
    expect(weekday('2025-01-26')).toBe(0);
    expect(weekday('2025-02-08')).toBe(6);
  });
  it('civil ↔ days round-trips and agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil({ year: 1900, month: 1, day: 1 }), max: daysFromCivil({ year: 2199, month: 12, day: 31 }) }), (n) => {
        const ymd = civilFromDays(n);
        expect(daysFromCivil(ymd)).toBe(n);
        expect(Date.UTC(ymd.year, ymd.month - 1, ymd.day) / 86_400_000).toBe(n);
        expect(toDays(fromDays(n))).toBe(n);
      }),
    );
  });
});

describe('addMonthsClamped', () => {
  it('clamps to the month end without drifting', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-05-10', 0)).toBe('2026-05-10');
    expect(addMonthsClamped('2026-01-31', 60)).toBe('2031-01-31');
  });
  it('property: day is min(original day, month length); month advances by k', () => {
    const dateArb = fc
      .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ year, month, day }) => day <= daysInMonth(year, month));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 120 }), (d, k) => {
        const start = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
        const out = parseDate(addMonthsClamped(start, k));
        const [y, m, day] = out.split('-').map(Number) as [number, number, number];
        expect(y * 12 + m - (d.year * 12 + d.month)).toBe(k);
        expect(day).toBe(Math.min(d.day, daysInMonth(y, m)));
      }),
    );
  });
});

describe('todayBeijing', () => {
  it('is the date in UTC+8 whatever the machine zone', () => {
    expect(todayBeijing(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(todayBeijing(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(todayBeijing(new Date('2026-03-01T00:30:00+08:00'))).toBe('2026-03-01');
    expect(todayBeijing(new Date('2026-02-28T23:59:00-05:00'))).toBe('2026-03-01');
  });
});
