// Expected dates worked out by hand from the State Council notices:
//  2025 春节: 1-28 … 2-04 off; 1-26 (Sun) and 2-08 (Sat) are working days.
//  2025 国庆节+中秋: 10-01 … 10-08 off; 9-28 (Sun) and 10-11 (Sat) are working days.
// 2025-01-01 and 2025-10-01 were Wednesdays.
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../shared/errors';
import { addWorkdays, countWorkdays, coveredYears, isWorkday, useAddedHolidays, type HolidayCalendar } from '../../shared/calendar/workdays';

describe('isWorkday', () => {
  it('knows the 2025 Spring Festival and National Day', () => {
    expect(isWorkday('2025-01-26')).toBe(true); // Sunday, make-up day
    expect(isWorkday('2025-01-27')).toBe(true);
    for (const d of ['2025-01-28', '2025-01-29', '2025-01-31', '2025-02-03', '2025-02-04']) expect(isWorkday(d)).toBe(false);
    expect(isWorkday('2025-02-05')).toBe(true);
    expect(isWorkday('2025-02-08')).toBe(true); // Saturday, make-up day
    expect(isWorkday('2025-02-09')).toBe(false); // plain Sunday
    expect(isWorkday('2025-09-28')).toBe(true); // Sunday, make-up day
    for (const d of ['2025-10-01', '2025-10-06', '2025-10-08']) expect(isWorkday(d)).toBe(false);
    expect(isWorkday('2025-10-09')).toBe(true);
    expect(isWorkday('2025-10-11')).toBe(true); // Saturday, make-up day
    expect(isWorkday('2025-10-12')).toBe(false);
  });
});

describe('addWorkdays across the 2025 National Day', () => {
  it.each([
    ['2025-09-26', 1, '2025-09-28'], // Fri → Sun make-up day
    ['2025-09-26', 2, '2025-09-29'],
    ['2025-09-30', 1, '2025-10-09'], // Oct 1–8 off
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'], // Sat make-up day
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-10-01', 1, '2025-10-09'], // from a holiday
    ['2025-09-30', 7, '2025-10-16'],
    // the 7–15 working-day review window from 2025-09-30:
    // 10-09, 10, 11, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 27, 28
    ['2025-09-30', 15, '2025-10-28'],
  ])('%s + %d → %s', (from, n, expected) => {
    expect(addWorkdays(from, n)).toBe(expected);
  });
});

describe('addWorkdays across the 2025 Spring Festival', () => {
  it.each([
    ['2025-01-24', 1, '2025-01-26'], // Fri → Sun make-up day
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'], // Jan 28 – Feb 4 off
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-01-24', 5, '2025-02-07'],
    ['2025-01-24', 6, '2025-02-08'], // Sat make-up day
    ['2025-01-24', 7, '2025-02-10'],
  ])('%s + %d → %s', (from, n, expected) => {
    expect(addWorkdays(from, n)).toBe(expected);
  });
});

describe('addWorkdays: ordinary weeks and edges', () => {
  it('skips weekends; n = 0 is the same date', () => {
    expect(addWorkdays('2025-03-07', 1)).toBe('2025-03-10'); // Fri → Mon
    expect(addWorkdays('2025-03-08', 1)).toBe('2025-03-10'); // Sat → Mon
    expect(addWorkdays('2025-03-03', 5)).toBe('2025-03-10');
    expect(addWorkdays('2025-03-08', 0)).toBe('2025-03-08');
  });
  it('crosses a year end inside the data (2025-12-31 + 1: 2026-01-01…03 off, Sun 01-04 make-up)', () => {
    expect(addWorkdays('2025-12-31', 1)).toBe('2026-01-04');
  });
  it('through a year with no data the answer is provisional, never silent; strict refuses', () => {
    expect(coveredYears()).toContain('2026');
    expect(coveredYears()).not.toContain('2027');
    // Fri 2026-12-18 + 15: Dec 21–25, 28–31 (9), 2027-01-01 (元旦, Fri) off, Jan 4–8 (14), Mon Jan 11.
    const a = countWorkdays('2026-12-18', 15);
    expect(a).toMatchObject({ date: '2027-01-11', provisional: true, provisionalYears: ['2027'] });
    expect(a.assumption).toMatch(/2027 年的放假安排尚未收录/);
    expect(a.assumption).toMatch(/调休以国务院通知为准/);
    // Seven working days stay inside 2026: exact.
    expect(countWorkdays('2026-12-18', 7)).toEqual({ date: '2026-12-29', provisional: false, provisionalYears: [] });
    expect(() => countWorkdays('2026-12-18', 15, { strict: true })).toThrow(BadInputError);
    expect(() => countWorkdays('2026-12-18', 15, { strict: true })).toThrow(/没有 2027 年的法定节假日安排数据/);
    expect(addWorkdays('2026-12-30', 5)).toBe('2027-01-07'); // 12-31, (01-01 off), 01-04…07
    // Before the amended rules there is nothing to estimate from.
    expect(() => isWorkday('2003-05-01')).toThrow(/2003 年/);
  });
  it('an added year replaces the estimate (and the shipped year) at once', () => {
    const added: HolidayCalendar = { years: { '2027': { holidays: ['2027-01-01', '2027-01-04'], workdays: [] } } };
    useAddedHolidays(() => added);
    try {
      expect(coveredYears()).toContain('2027');
      expect(countWorkdays('2026-12-18', 15)).toEqual({ date: '2027-01-12', provisional: false, provisionalYears: [] });
    } finally {
      useAddedHolidays(null);
    }
    expect(countWorkdays('2026-12-18', 15).provisional).toBe(true);
  });
  it('rejects bad counts and dates', () => {
    expect(() => addWorkdays('2025-03-03', -1)).toThrow(BadInputError);
    expect(() => addWorkdays('2025-03-03', 1.5)).toThrow(BadInputError);
    expect(() => addWorkdays('2026-02-30', 1)).toThrow(/只有 28 天/);
  });
  it('uses the calendar it is given', () => {
    const cal: HolidayCalendar = { years: { '2031': { holidays: ['2031-01-01'], workdays: ['2031-01-04'] } } };
    // 2031-01-01 is a Wednesday: Thu 01-02, Fri 01-03, then the Saturday make-up day.
    expect(addWorkdays('2031-01-01', 3, cal)).toBe('2031-01-04');
    expect(addWorkdays('2031-01-01', 4, cal)).toBe('2031-01-06');
    expect(countWorkdays('2030-12-30', 1, { calendar: cal, strict: false }).provisional).toBe(true);
    expect(() => countWorkdays('2030-12-30', 1, { calendar: cal, strict: true })).toThrow(/没有 2030 年/);
  });
});
