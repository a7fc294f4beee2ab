// Worked examples, checked by hand (and against Python's decimal module at 80 digits).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadInputError } from '../../shared/errors';
import { Money } from '../../shared/money/decimal';
import { computePenalty, growthSeries, owedOn, penaltyAmount, penaltyExact, type AccountRule } from '../../shared/money/penalty';

const m = (s: string) => new Money(s);

describe('computePenalty: simple', () => {
  it('10,000 × 0.05 % × 365 = 1,825.00 (花呗 18.25 % a year)', () => {
    expect(computePenalty({ principal: m('10000'), dailyRate: m('0.0005'), days: 365, mode: 'simple' })).toEqual({
      principal: '10000.00',
      dailyRate: '0.0005',
      days: 365,
      mode: 'simple',
      penalty: '1825.00',
      total: '11825.00',
      annualizedRate: '0.1825',
      // 1.0005^365 − 1 = 0.2001594106777…
      effectiveAnnualRate: '0.20015941',
    });
  });
  it('rounds only at the end: 333.33 × 0.0005 × 3 = 0.499995 → 0.50 (per-day rounding would give 0.51)', () => {
    expect(computePenalty({ principal: m('333.33'), dailyRate: m('0.0005'), days: 3, mode: 'simple' }).penalty).toBe('0.50');
  });
  it('rounds half up: 1.00 × 0.0005 × 10 = 0.005 → 0.01', () => {
    expect(computePenalty({ principal: m('1'), dailyRate: m('0.0005'), days: 10, mode: 'simple' }).penalty).toBe('0.01');
  });
  it('zero days, zero principal, zero rate give zero', () => {
    expect(computePenalty({ principal: m('500'), dailyRate: m('0.0005'), days: 0, mode: 'simple' }).penalty).toBe('0.00');
    expect(computePenalty({ principal: m('0'), dailyRate: m('0.0005'), days: 30, mode: 'simple' }).total).toBe('0.00');
    expect(computePenalty({ principal: m('500'), dailyRate: m('0'), days: 30, mode: 'compound-daily' }).penalty).toBe('0.00');
  });
});

describe('computePenalty: compound-daily', () => {
  it('10,000 at 0.05 %/day for 365 days: 10,000 × (1.0005^365 − 1) = 2,001.594… → 2,001.59', () => {
    const r = computePenalty({ principal: m('10000'), dailyRate: m('0.0005'), days: 365, mode: 'compound-daily' });
    expect(r.penalty).toBe('2001.59');
    expect(r.total).toBe('12001.59');
    expect(r.annualizedRate).toBe('0.1825');
    expect(r.effectiveAnnualRate).toBe('0.20015941');
  });
  it('10,000 for 30 days: 1.0005^30 − 1 = 0.0151092… → 151.09', () => {
    expect(computePenalty({ principal: m('10000'), dailyRate: m('0.0005'), days: 30, mode: 'compound-daily' }).penalty).toBe('151.09');
  });
  it('12,345.67 for 37 days → 230.46', () => {
    expect(computePenalty({ principal: m('12345.67'), dailyRate: m('0.0005'), days: 37, mode: 'compound-daily' }).penalty).toBe('230.46');
  });
  it('one day of compound equals one day of simple', () => {
    const args = { principal: m('9876.54'), dailyRate: m('0.0007'), days: 1 } as const;
    expect(penaltyExact(args.principal, args.dailyRate, 1, 'compound-daily').equals(penaltyExact(args.principal, args.dailyRate, 1, 'simple'))).toBe(true);
  });
  it('effective annual rate of 0.1 %/day is 44.03 %', () => {
    expect(computePenalty({ principal: m('1'), dailyRate: m('0.001'), days: 1, mode: 'simple' }).effectiveAnnualRate).toBe('0.44025131');
  });
});

describe('ceiling', () => {
  it('4 × LPR 3.00 % = 12 %: 10,000 × 0.12 × 30 / 365 = 98.6301… → 98.63, and 150.00 exceeds it', () => {
    const r = computePenalty({ principal: m('10000'), dailyRate: m('0.0005'), days: 30, mode: 'simple', ceilingAnnual: m('0.12') });
    expect(r.penalty).toBe('150.00');
    expect(r.ceilingAmount).toBe('98.63');
    expect(r.exceedsCeiling).toBe(true);
  });
  it('24 %: 10,000 × 0.24 × 30 / 365 = 197.2602… → 197.26, not exceeded', () => {
    const r = computePenalty({ principal: m('10000'), dailyRate: m('0.0005'), days: 30, mode: 'simple', ceilingAnnual: m('0.24') });
    expect(r.ceilingAmount).toBe('197.26');
    expect(r.exceedsCeiling).toBe(false);
  });
  it('equal is not exceeding: 0.1825 a year vs 0.05 %/day simple over 365 days', () => {
    const r = computePenalty({ principal: m('10000'), dailyRate: m('0.0005'), days: 365, mode: 'simple', ceilingAnnual: m('0.1825') });
    expect(r.ceilingAmount).toBe('1825.00');
    expect(r.exceedsCeiling).toBe(false);
  });
  it('no ceiling fields without a ceiling', () => {
    const r = computePenalty({ principal: m('1'), dailyRate: m('0.0005'), days: 1, mode: 'simple' });
    expect('ceilingAmount' in r).toBe(false);
    expect('exceedsCeiling' in r).toBe(false);
  });
});

describe('bad input', () => {
  it('rejects rates at or above 100 %, negative days, fractional days', () => {
    expect(() => penaltyAmount(m('1'), m('1'), 1, 'simple')).toThrow(BadInputError);
    expect(() => penaltyAmount(m('1'), m('-0.001'), 1, 'simple')).toThrow(BadInputError);
    expect(() => penaltyAmount(m('1'), m('0.0005'), -1, 'simple')).toThrow(BadInputError);
    expect(() => penaltyAmount(m('1'), m('0.0005'), 1.5, 'simple')).toThrow(BadInputError);
    expect(() => computePenalty({ principal: m('-1'), dailyRate: m('0.0005'), days: 1, mode: 'simple' })).toThrow(BadInputError);
    expect(() => computePenalty({ principal: m('1'), dailyRate: m('0.0005'), days: 1, mode: 'simple', ceilingAnnual: m('1.2') })).toThrow(/年利率上限/);
  });
});

describe('properties', () => {
  const cents = fc.bigInt({ min: 0n, max: 10_000_000_000n }).map((c) => new Money(c.toString()).dividedBy(100));
  const rate = fc.integer({ min: 0, max: 50_000 }).map((r) => new Money(r).dividedBy(10_000_000)); // 0 … 0.5 %/day
  const mode = fc.constantFrom('simple' as const, 'compound-daily' as const);
  it('the penalty never decreases as days increase', () => {
    fc.assert(
      fc.property(cents, rate, mode, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (p, r, md, d1, d2) => {
        const [a, b] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(penaltyAmount(p, r, a, md).lessThanOrEqualTo(penaltyAmount(p, r, b, md))).toBe(true);
      }),
    );
  });
  it('compound is never below simple', () => {
    fc.assert(
      fc.property(cents, rate, fc.integer({ min: 0, max: 2000 }), (p, r, d) => {
        expect(penaltyExact(p, r, d, 'compound-daily').greaterThanOrEqualTo(penaltyExact(p, r, d, 'simple'))).toBe(true);
      }),
    );
  });
  it('total is principal plus penalty, both with two decimals', () => {
    fc.assert(
      fc.property(cents, rate, mode, fc.integer({ min: 0, max: 3650 }), (p, r, md, d) => {
        const out = computePenalty({ principal: p, dailyRate: r, days: d, mode: md });
        expect(out.penalty).toMatch(/^\d+\.\d\d$/);
        expect(new Money(out.principal).plus(out.penalty).toFixed(2)).toBe(out.total);
      }),
    );
  });
});

const huabei: AccountRule = {
  principal: '10000.00',
  interest: '120.50',
  fees: '30.00',
  mode: 'simple',
  dailyRate: '0.0005',
  graceDays: 3,
  startDate: '2026-01-10',
};

describe('owedOn and growthSeries', () => {
  it('counts penalty days after the grace period', () => {
    // 2026-01-10 → 2026-02-09 is 30 days overdue; minus 3 grace days = 27 penalty days.
    const o = owedOn(huabei, '2026-02-09');
    expect(o.overdueDays).toBe(30);
    expect(o.penaltyDays).toBe(27);
    expect(o.penalty).toBe('135.00'); // 10,000 × 0.0005 × 27
    expect(o.total).toBe('10285.50'); // 10,000 + 120.50 + 30 + 135
    expect(o.rule.text).toContain('宽限期');
    expect(o.rule.text).toContain('0.05%');
    expect(o.rule).toMatchObject({ mode: 'simple', dailyRate: '0.0005', graceDays: 3, startDate: '2026-01-10' });
  });
  it('owes no penalty inside the grace period or before the due date', () => {
    expect(owedOn(huabei, '2026-01-13').penalty).toBe('0.00');
    expect(owedOn(huabei, '2026-01-01')).toMatchObject({ overdueDays: 0, penaltyDays: 0, total: '10150.50' });
  });
  it('grows over 3, 6, 12 and 36 months (same day of month)', () => {
    const s = growthSeries({ ...huabei, graceDays: 0 }, '2026-01-10');
    expect(s.map((p) => [p.months, p.date, p.overdueDays, p.penalty])).toEqual([
      [3, '2026-04-10', 90, '450.00'],
      [6, '2026-07-10', 181, '905.00'],
      [12, '2027-01-10', 365, '1825.00'],
      [36, '2029-01-10', 1096, '5480.00'],
    ]);
  });
  it('compound growth: 36 months at 0.05 %/day', () => {
    const s = growthSeries({ ...huabei, graceDays: 0, mode: 'compound-daily' }, '2026-01-10', [12]);
    expect(s[0]?.penalty).toBe('2001.59');
  });
  it('rejects a bad account', () => {
    expect(() => owedOn({ ...huabei, dailyRate: '120%' }, '2026-02-01')).toThrow(BadInputError);
    expect(() => owedOn({ ...huabei, startDate: '2026-02-30' }, '2026-03-01')).toThrow(BadInputError);
    expect(() => owedOn({ ...huabei, graceDays: -1 }, '2026-03-01')).toThrow(BadInputError);
  });
});
