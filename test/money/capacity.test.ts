// The shared monthly capacity (shared/money/capacity.ts) and step-up plans (plan-steps.ts).
import { describe, expect, it } from 'vitest';
import { capacityChanges, capacityOn, checkOffers, splitCapacity, type CapacityFigures } from '../../shared/money/capacity';
import { steppedSchedule } from '../../shared/money/plan-steps';
import { dec, formatMoney } from '../../shared/money/decimal';

const figures = (over: Partial<CapacityFigures> = {}): CapacityFigures => ({
  income: [
    { monthly: '4000.00' },
    { monthly: '1500.00', until: '2026-06-30' }, // benefits that end
  ],
  fixedCosts: [{ monthly: '2000.00' }],
  flexibleCosts: [{ monthly: '1200.00' }],
  debts: [
    { priority: true, monthly: '300.00' },
    { priority: false, family: true, monthly: '200.00' },
  ],
  ...over,
});

describe('capacityOn', () => {
  it('takes living costs, priority debts and family loans first, month by month', () => {
    expect(formatMoney(capacityOn(figures(), '2026-05-10'))).toBe('1800.00');
    expect(formatMoney(capacityOn(figures(), '2026-07-10'))).toBe('300.00');
    expect(capacityChanges(figures())).toEqual(['2026-07-01']);
  });
  it('is never below zero', () => {
    expect(formatMoney(capacityOn(figures({ fixedCosts: [{ monthly: '9000.00' }] }), '2026-05-10'))).toBe('0.00');
  });
});

describe('splitCapacity', () => {
  it('is pro rata to what each is owed, rounded down so the shares never exceed the whole', () => {
    const s = splitCapacity(dec('1000.00'), [
      { id: 'ant', owed: '20000.00' },
      { id: 'bank', owed: '10000.00' },
    ]);
    expect(formatMoney(s.get('ant')!)).toBe('666.66');
    expect(formatMoney(s.get('bank')!)).toBe('333.33');
  });
  it('honours a fixed share first, the rest pro rata', () => {
    const s = splitCapacity(dec('1000.00'), [
      { id: 'ant', owed: '20000.00' },
      { id: 'bank', owed: '10000.00', fixed: '600.00' },
    ]);
    expect(formatMoney(s.get('bank')!)).toBe('600.00');
    expect(formatMoney(s.get('ant')!)).toBe('400.00');
  });
});

describe('checkOffers', () => {
  const creditors = [
    { id: 'ant', owed: '20000.00' },
    { id: 'bank', owed: '10000.00' },
  ];
  const monthly = (amount: string, n = 3, first = '2026-04-15') =>
    Array.from({ length: n }, (_, i) => ({ date: `2026-${String(4 + i).padStart(2, '0')}-15`, amount })).map((r, i) => (i === 0 ? { ...r, date: first } : r));

  it('two offers that each fit the whole alone but not together: warned, not within the whole', () => {
    const r = checkOffers(figures(), creditors, [
      { creditorId: 'ant', name: '蚂蚁', schedule: monthly('1200.00') },
      { creditorId: 'bank', name: '银行', schedule: monthly('900.00') },
    ]);
    expect(r.withinWhole).toBe(false);
    expect(r.warnings.join('')).toContain('2026-04 各方案合计应还 2,100.00 元，超过当月可用于还款的 1,800.00 元');
    expect(r.overShare).toEqual(['bank']);
  });
  it('offers within their shares and the whole pass', () => {
    const r = checkOffers(figures(), creditors, [
      { creditorId: 'ant', name: '蚂蚁', schedule: monthly('1000.00') },
      { creditorId: 'bank', name: '银行', schedule: monthly('500.00') },
    ]);
    expect(r).toMatchObject({ withinWhole: true, withinShares: true, warnings: [] });
  });
  it('an offer that fits now but not after the benefits end is caught in that month', () => {
    const r = checkOffers(figures(), creditors, [
      {
        creditorId: 'ant',
        name: '蚂蚁',
        schedule: [
          { date: '2026-06-15', amount: '1000.00' },
          { date: '2026-07-15', amount: '1000.00' },
        ],
      },
    ]);
    expect(r.withinWhole).toBe(false);
    expect(r.warnings.join('')).toContain('2026-07');
  });
});

describe('steppedSchedule', () => {
  it('lower first installments, the rest shares what is left, summing to the total', () => {
    const s = steppedSchedule(dec('10000.00'), 10, '2026-04-15', { count: 3, amount: '200.00' });
    expect(s.slice(0, 3).map((r) => r.amount)).toEqual(['200.00', '200.00', '200.00']);
    expect(s[3]!.amount).toBe('1342.86');
    expect(s.reduce((a, r) => a.plus(r.amount), dec('0')).toFixed(2)).toBe('10000.00');
    expect(s[9]!.date).toBe('2027-01-15');
  });
  it('refuses a step that leaves nothing or takes every installment', () => {
    expect(() => steppedSchedule(dec('1000.00'), 5, '2026-04-15', { count: 5, amount: '100.00' })).toThrow(/少于总期数/);
    expect(() => steppedSchedule(dec('1000.00'), 5, '2026-04-15', { count: 2, amount: '600.00' })).toThrow(/超过还款总额/);
  });
});
