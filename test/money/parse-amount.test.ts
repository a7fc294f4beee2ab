import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadInputError } from '../../shared/errors';
import { MAX_AMOUNT, parseAmount, parseCount, parseRate } from '../../shared/money/parse-amount';

const amount = (s: string, opts = {}) => parseAmount(s, opts).toFixed(2);

function badInput(fn: () => unknown, pattern?: RegExp): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BadInputError);
    if (pattern) expect((err as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected BadInputError');
}

describe('parseAmount accepts what people type', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1，234．56', '1234.56'],
    ['１２３４．５６', '1234.56'],
    ['１，２３４．５６', '1234.56'],
    ['¥1,234.56', '1234.56'],
    ['￥ 12', '12.00'],
    ['12345.67元', '12345.67'],
    ['12345.67 元', '12345.67'],
    ['  88  ', '88.00'],
    ['　８８　', '88.00'],
    ['0', '0.00'],
    ['0.5', '0.50'],
    ['12,345,678.9', '12345678.90'],
    ['100000000', '100000000.00'],
    ['100,000,000.00', '100000000.00'],
    ['007', '7.00'],
    ['1234。56', '1234.56'],
    ['RMB 20', '20.00'],
  ])('%s → %s', (input, expected) => {
    expect(amount(input)).toBe(expected);
  });

  it('accepts negatives only when allowed', () => {
    expect(amount('-12.5', { allowNegative: true })).toBe('-12.50');
    expect(amount('-¥12.5', { allowNegative: true })).toBe('-12.50');
    expect(amount('¥-12.5', { allowNegative: true })).toBe('-12.50');
    expect(amount('－１２', { allowNegative: true })).toBe('-12.00');
    badInput(() => parseAmount('-12.5'), /不能为负数/);
    badInput(() => parseAmount('￥-1'), /不能为负数/);
  });
});

describe('parseAmount rejects ambiguous or absurd input', () => {
  it.each([
    ['', /请输入/],
    ['   ', /请输入/],
    ['1,23', /千位分隔符位置不对/],
    ['1,5', /千位分隔符位置不对/],
    ['12,3456', /千位分隔符位置不对/],
    ['1.2.3', /多个小数点/],
    ['1.234,56', /逗号位置不对|多个小数点/],
    ['1.234', /最多两位小数/],
    ['1.500', /最多两位小数/],
    ['1.', /小数点前后都要有数字/],
    ['.5', /小数点前后都要有数字/],
    ['12 34', /中间有空格/],
    ['NaN', /不是一个数字/],
    ['Infinity', /不是一个数字/],
    ['-Infinity', /不是一个数字/],
    ['1e5', /科学计数法/],
    ['abc', /不是有效的数字/],
    ['1.2万', /不要用"万"/],
    ['100000000.01', /过大/],
    ['999999999999', /过大/],
    ['--5', /正负号重复|不是有效/],
    ['0,123', /歧义/],
  ])('%j is rejected', (input, pattern) => {
    badInput(() => parseAmount(input), pattern);
  });

  it('names the field in the message', () => {
    badInput(() => parseAmount('x', { label: '本金' }), /^输入无效：本金/);
  });
  it('rejects zero when asked to', () => {
    badInput(() => parseAmount('0.00', { allowZero: false }), /不能为 0/);
  });
  it('rejects non-strings (JS numbers never carry money)', () => {
    badInput(() => parseAmount(12.5), /文字形式/);
  });
  it('documents the limit: 100,000,000.00 元', () => {
    expect(MAX_AMOUNT.toFixed(2)).toBe('100000000.00');
  });

  it('round-trips every cent amount up to the limit, grouped or not', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10_000_000_000n }), (cents) => {
        const yuan = cents / 100n;
        const frac = (cents % 100n).toString().padStart(2, '0');
        const plain = `${yuan}.${frac}`;
        const grouped = `${yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
        expect(amount(plain)).toBe(plain);
        expect(amount(grouped)).toBe(plain);
      }),
    );
  });
});

describe('parseRate', () => {
  it.each([
    ['0.0005', 'daily', '0.0005'],
    ['0.05%', 'daily', '0.0005'],
    ['０．０５％', 'daily', '0.0005'],
    [' 0.05 % ', 'daily', '0.0005'],
    ['0', 'daily', '0'],
    ['0.24', 'annual', '0.24'],
    ['24%', 'annual', '0.24'],
    ['99.99%', 'annual', '0.9999'],
    ['0.00033', 'daily', '0.00033'],
  ] as const)('%s (%s) → %s', (input, kind, expected) => {
    expect(parseRate(input, kind).toFixed()).toBe(expected);
  });
  it.each([
    ['1', 'daily', /必须小于 100%/],
    ['100%', 'daily', /必须小于 100%/],
    ['150%', 'annual', /必须小于 100%/],
    ['1.5', 'annual', /必须小于 100%/],
    ['-0.0005', 'daily', /不能为负数/],
    ['', 'daily', /请输入/],
    ['0.05%%', 'daily', /写法不对/],
    ['abc', 'annual', /不是有效的数字/],
    ['1,000%', 'annual', /不能有逗号/],
    ['NaN', 'daily', /不是一个数字/],
  ] as const)('%j (%s) is rejected', (input, kind, pattern) => {
    badInput(() => parseRate(input, kind), pattern);
  });
});

describe('parseCount', () => {
  const opts = { label: '分期数', min: 1, max: 60 };
  it('reads whole numbers, full-width too', () => {
    expect(parseCount('12', opts)).toBe(12);
    expect(parseCount('６０', opts)).toBe(60);
  });
  it.each(['0', '61', '-1', '1.5', '', 'twelve', '99999999999999999999'])('%j is rejected', (s) => {
    badInput(() => parseCount(s, opts));
  });
});
