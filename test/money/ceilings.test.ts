import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../shared/errors';
import lprJson from '../../shared/data/lpr.json';
import { SHIPPED_LPR, ceilingsOn, financialLoan24, fourTimesLpr, lprOn, mergeLprRows } from '../../shared/money/ceilings';

describe('the shipped LPR table (domain.md §1)', () => {
  it('holds the rates domain.md lists', () => {
    expect(SHIPPED_LPR.rows.map((r) => [r.from, r.rate])).toEqual([
      ['2023-08-21', '0.0345'],
      ['2024-07-22', '0.0335'],
      ['2024-10-21', '0.031'],
      ['2025-05-20', '0.03'],
    ]);
    expect(lprJson.checkedThrough).toBe('2026-02-20');
  });
  it('lprOn picks the quote in force on the date', () => {
    expect(lprOn('2024-03-01').rate.toFixed()).toBe('0.0345');
    expect(lprOn('2024-07-21').rate.toFixed()).toBe('0.0345');
    expect(lprOn('2024-07-22').rate.toFixed()).toBe('0.0335');
    expect(lprOn('2024-12-31')).toMatchObject({ from: '2024-10-21', mayBeStale: false });
    expect(lprOn('2025-05-20').rate.toFixed()).toBe('0.03');
    expect(lprOn('2026-02-01').mayBeStale).toBe(false);
    expect(lprOn('2026-06-01')).toMatchObject({ from: '2025-05-20', mayBeStale: true });
  });
  it('before the table starts: an error, never a guess', () => {
    expect(() => lprOn('2020-01-01')).toThrow(BadInputError);
    expect(() => lprOn('2020-01-01')).toThrow(/没有 2020-01-01 的一年期 LPR/);
  });
});

describe('ceilings', () => {
  it('4 × LPR at 3.00 % is 12 %, with its basis and caveat', () => {
    const c = fourTimesLpr('2025-06-01');
    expect(c.annualRate).toBe('0.12');
    expect(c.lpr).toEqual({ rate: '0.03', from: '2025-05-20', mayBeStale: false });
    expect(c.basis).toContain('民间借贷');
    expect(c.basis).toContain('四倍');
    expect(c.caveat).toContain('金融机构');
    expect(c.caveat).toContain('小额贷款公司');
    expect(fourTimesLpr('2024-08-01').annualRate).toBe('0.134');
  });
  it('warns when the LPR used may be stale', () => {
    expect(fourTimesLpr('2027-01-01').caveat).toContain('可能已调整');
  });
  it('24 % is commonly cited and unverified', () => {
    const c = financialLoan24();
    expect(c.annualRate).toBe('0.24');
    expect(c.basis).toContain('法发〔2017〕22号');
    expect(c.caveat).toContain('未能核实');
  });
  it('ceilingsOn gives both, or just 24 % when no LPR covers the date', () => {
    expect(ceilingsOn('2025-06-01').map((c) => c.kind)).toEqual(['private-lending-4x-lpr', 'financial-loan-24']);
    expect(ceilingsOn('2019-06-01').map((c) => c.kind)).toEqual(['financial-loan-24']);
  });
});

describe('mergeLprRows: the user extends the table', () => {
  it('adds rows in date order and moves checkedThrough forward', () => {
    const t = mergeLprRows([
      { from: '2026-06-22', rate: '2.9%' },
      { from: '2022-08-22', rate: '0.0365', note: '用户补充' },
    ]);
    expect(t.rows.map((r) => [r.from, r.rate])).toEqual([
      ['2022-08-22', '0.0365'],
      ['2023-08-21', '0.0345'],
      ['2024-07-22', '0.0335'],
      ['2024-10-21', '0.031'],
      ['2025-05-20', '0.03'],
      ['2026-06-22', '0.029'],
    ]);
    expect(t.checkedThrough).toBe('2026-06-22');
    expect(lprOn('2026-07-01', t).rate.toFixed()).toBe('0.029');
    expect(lprOn('2022-09-01', t).rate.toFixed()).toBe('0.0365');
    expect(fourTimesLpr('2022-09-01', t).annualRate).toBe('0.146');
  });
  it('a user row replaces the shipped row of the same date', () => {
    expect(lprOn('2025-06-01', mergeLprRows([{ from: '2025-05-20', rate: '0.0301' }])).rate.toFixed()).toBe('0.0301');
  });
  it.each([
    [{}, /列表/],
    [[{ from: '2026-02-30', rate: '0.03' }], /LPR 第 1 行\.from/],
    [[{ from: '2026-03-20', rate: '3' }], /必须小于 100%/],
    [[{ from: '2026-03-20', rate: '0.5' }], /不像一年期 LPR/],
    [[{ from: '2026-03-20', rate: '0' }], /不像一年期 LPR/],
    [[{ from: '2026-03-20', rate: '-0.03' }], /不能为负数/],
    [[{ from: '2026-03-20', rate: 0.03 }], /文字形式/],
    [
      [
        { from: '2026-03-20', rate: '0.03' },
        { from: '2026-03-20', rate: '0.03' },
      ],
      /第 2 行：日期 2026-03-20 重复/,
    ],
    [['x'], /对象/],
  ])('rejects %j', (rows, pattern) => {
    expect(() => mergeLprRows(rows)).toThrow(BadInputError);
    expect(() => mergeLprRows(rows)).toThrow(pattern);
  });
});
