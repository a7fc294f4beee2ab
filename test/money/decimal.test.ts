import { describe, expect, it } from 'vitest';
import { Money, formatMoney, formatMoneyGrouped, formatPercent, formatRate, toCents } from '../../shared/money/decimal';

describe('money decimal', () => {
  it('is exact where floats are not', () => {
    expect(new Money('0.1').plus('0.2').toString()).toBe('0.3');
  });
  it('rounds half up to cents (not banker’s rounding)', () => {
    expect(toCents('2.675').toFixed(2)).toBe('2.68');
    expect(toCents('0.005').toFixed(2)).toBe('0.01');
    expect(toCents('0.015').toFixed(2)).toBe('0.02');
    expect(toCents('0.0049999').toFixed(2)).toBe('0.00');
    expect(toCents('-2.675').toFixed(2)).toBe('-2.68');
  });
  it('formats money with exactly two decimals', () => {
    expect(formatMoney('1825')).toBe('1825.00');
    expect(formatMoney('0.5')).toBe('0.50');
    expect(formatMoney(new Money('-0.001'))).toBe('0.00');
    expect(formatMoney('100000000')).toBe('100000000.00');
    expect(formatMoneyGrouped('12345.6')).toBe('12,345.60');
    expect(formatMoneyGrouped('999')).toBe('999.00');
    expect(formatMoneyGrouped('-1234567')).toBe('-1,234,567.00');
  });
  it('formats rates as plain decimals, never exponent notation', () => {
    expect(formatRate('0.00050')).toBe('0.0005');
    expect(formatRate(new Money('0.0005').times(365))).toBe('0.1825');
    expect(formatRate('0.00000001')).toBe('0.00000001');
    expect(formatPercent('0.0005')).toBe('0.05%');
    expect(formatPercent('0.24')).toBe('24%');
  });
});
