import { describe, expect, it } from 'vitest';
import { dateInWordsZh, parseDateInput, type DateInputOptions } from '../../shared/date-input';

const today = '2026-06-15';
const day = (text: string, o: Partial<DateInputOptions> = {}) => parseDateInput(text, { today, ...o });
const value = (text: string, o: Partial<DateInputOptions> = {}) => {
  const r = day(text, o);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.value;
};
const code = (text: string, o: Partial<DateInputOptions> = {}) => {
  const r = day(text, o);
  return r.ok ? `ok ${r.value}` : r.code;
};

describe('parseDateInput: days as people type them', () => {
  it.each([
    ['2026/10/10', '2026-10-10'],
    ['2026-10-10', '2026-10-10'],
    ['2026.10.10', '2026-10-10'],
    ['2026年10月10日', '2026-10-10'],
    ['2026 年 10 月 10 日', '2026-10-10'],
    ['2026年10月10号', '2026-10-10'],
    ['2026/1/5', '2026-01-05'],
    ['20261010', '2026-10-10'],
    ['２０２６／１０／１０', '2026-10-10'],
    ['2026－10－10', '2026-10-10'],
    ['  2026-10-10  ', '2026-10-10'],
    ['2024-02-29', '2024-02-29'],
  ])('%s → %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('a day without a year is this year by default', () => {
    expect(value('10月10日')).toBe('2026-10-10');
    expect(value('3月1日')).toBe('2026-03-01');
  });

  it('a day without a year, where a past date is meant, is last year when this year’s would be in the future', () => {
    expect(value('10月10日', { when: 'past' })).toBe('2025-10-10');
    expect(value('6月15日', { when: 'past' })).toBe('2026-06-15');
    expect(value('3月1日', { when: 'past' })).toBe('2026-03-01');
    const r = day('10月10日', { when: 'past' });
    expect(r.ok && r.yearInferred).toBe(true);
  });

  it('a day without a year, where a future date is meant, is next year when this year’s has passed', () => {
    expect(value('3月1日', { when: 'future' })).toBe('2027-03-01');
    expect(value('10月10日', { when: 'future' })).toBe('2026-10-10');
  });

  it('refuses impossible dates with a Chinese message naming the month length', () => {
    const r = day('2026-02-30');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('day');
      expect(r.message).toContain('2026 年 2 月只有 28 天');
    }
    expect(code('2025-02-29')).toBe('day');
    expect(code('2026-04-31')).toBe('day');
    expect(code('2026-13-01')).toBe('month');
    expect(code('2026-00-10')).toBe('month');
    expect(code('2026-10-00')).toBe('day');
    expect(code('2月30日')).toBe('day');
  });

  it('refuses what it cannot read, two-digit years and out-of-range years', () => {
    expect(code('')).toBe('empty');
    expect(code('下周三')).toBe('format');
    expect(code('10/10')).toBe('format');
    expect(code('26/10/10')).toBe('twoDigitYear');
    expect(code('1800-01-01')).toBe('year');
    expect(code('2026-10-10 abc')).toBe('format');
    expect(code('2026年10月')).toBe('needDay');
  });

  it('refuses a future date where only a past one makes sense', () => {
    expect(code('2026-06-16', { notAfterToday: true })).toBe('future');
    expect(code('2026-06-15', { notAfterToday: true })).toBe('ok 2026-06-15');
  });
});

describe('parseDateInput: months', () => {
  const month = (text: string, o: Partial<DateInputOptions> = {}) => code(text, { kind: 'month', ...o });
  it.each([
    ['2026年10月', 'ok 2026-10'],
    ['2026-10', 'ok 2026-10'],
    ['2026/10', 'ok 2026-10'],
    ['2026.1', 'ok 2026-01'],
    ['202610', 'ok 2026-10'],
    ['2026-10-10', 'ok 2026-10'],
    ['10月', 'ok 2026-10'],
    ['2026-13', 'month'],
    ['2026-02-30', 'day'],
    ['hello', 'format'],
  ])('%s → %s', (text, expected) => {
    expect(month(text)).toBe(expected);
  });
  it('a past month without a year is last year’s when this year’s is still to come', () => {
    expect(month('10月', { when: 'past' })).toBe('ok 2025-10');
    expect(month('5月', { when: 'past' })).toBe('ok 2026-05');
  });
});

describe('parseDateInput: moments (date and time)', () => {
  const moment = (text: string, o: Partial<DateInputOptions> = {}) => code(text, { kind: 'moment', ...o });
  it.each([
    ['2026/06/10 14:30', 'ok 2026-06-10T14:30'],
    ['2026-06-10T09:05', 'ok 2026-06-10T09:05'],
    ['2026-06-10 09:05:07', 'ok 2026-06-10T09:05:07'],
    ['2026年6月10日 14点30分', 'ok 2026-06-10T14:30'],
    ['2026年6月10日14时', 'ok 2026-06-10T14:00'],
    ['6月10日 下午2点半', 'ok 2026-06-10T14:30'],
    ['6月10日 晚上10点', 'ok 2026-06-10T22:00'],
    ['6月10日 凌晨2:05', 'ok 2026-06-10T02:05'],
    ['2026/06/10', 'needTime'],
    ['2026/06/10 25:00', 'time'],
    ['2026/06/10 12:60', 'time'],
    ['2026/06/31 12:00', 'day'],
  ])('%s → %s', (text, expected) => {
    expect(moment(text)).toBe(expected);
  });
  it('a contact in the future is refused', () => {
    expect(moment('2026-07-01 10:00', { notAfterToday: true })).toBe('future');
  });
});

describe('dateInWordsZh', () => {
  it('says the understood date back with its weekday', () => {
    const r = parseDateInput('2026/10/10', { today });
    expect(r.ok && dateInWordsZh(r.parts)).toBe('2026年10月10日（星期六）');
    const m = parseDateInput('2026-10', { today, kind: 'month' });
    expect(m.ok && dateInWordsZh(m.parts)).toBe('2026年10月');
    const t = parseDateInput('2024-02-29 08:00', { today, kind: 'moment' });
    expect(t.ok && dateInWordsZh(t.parts)).toBe('2024年2月29日（星期四） 08:00');
    const e = parseDateInput('1970-01-01', { today });
    expect(e.ok && dateInWordsZh(e.parts)).toBe('1970年1月1日（星期四）');
  });
});
