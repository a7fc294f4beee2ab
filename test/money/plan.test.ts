import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BadInputError } from '../../shared/errors';
import { Money } from '../../shared/money/decimal';
import { installmentAmounts, makePlan, minInstallments } from '../../shared/money/plan';
import { addMonthsClamped, daysInMonth } from '../../shared/time/beijing';

const m = (s: string) => new Money(s);

describe('makePlan: worked examples', () => {
  it('1,000.00 in 3: 333.33, 333.33, 333.34; from 2026-01-31 the dates clamp', () => {
    expect(makePlan({ total: m('1000'), installments: 3, first: '2026-01-31' })).toEqual({
      total: '1000.00',
      installments: [
        { n: 1, date: '2026-01-31', amount: '333.33' },
        { n: 2, date: '2026-02-28', amount: '333.33' },
        { n: 3, date: '2026-03-31', amount: '333.34' },
      ],
      sum: '1000.00',
    });
  });
  it('2,000.00 in 3: 666.666… rounds half up to 666.67, the last is 666.66', () => {
    const p = makePlan({ total: m('2000'), installments: 3, first: '2026-03-15' });
    expect(p.installments.map((i) => i.amount)).toEqual(['666.67', '666.67', '666.66']);
    expect(p.installments.map((i) => i.date)).toEqual(['2026-03-15', '2026-04-15', '2026-05-15']);
  });
  it('one installment is the whole total', () => {
    expect(makePlan({ total: m('12345.67'), installments: 1, first: '2026-05-20' }).installments).toEqual([{ n: 1, date: '2026-05-20', amount: '12345.67' }]);
  });
  it('60 installments from 2026-01-31 end on 2030-12-31; leap February 2028 gets the 29th', () => {
    const p = makePlan({ total: m('12000'), installments: 60, first: '2026-01-31' });
    expect(p.installments).toHaveLength(60);
    expect(p.installments[25]).toEqual({ n: 26, date: '2028-02-29', amount: '200.00' });
    expect(p.installments[59]).toEqual({ n: 60, date: '2030-12-31', amount: '200.00' });
  });
});

describe('capacity', () => {
  it('12,000 at 1,000 a month: 12 is feasible; 10 is not and the minimum is 12', () => {
    expect(makePlan({ total: m('12000'), installments: 12, first: '2026-02-01', capacity: m('1000') })).toMatchObject({
      feasible: true,
      minInstallments: 12,
    });
    expect(makePlan({ total: m('12000'), installments: 10, first: '2026-02-01', capacity: m('1000') })).toMatchObject({
      feasible: false,
      minInstallments: 12,
    });
  });
  it('the last installment counts too: 100.00 in 3 is 33.33, 33.33, 33.34 — capacity 33.33 needs 4', () => {
    const p = makePlan({ total: m('100'), installments: 3, first: '2026-02-01', capacity: m('33.33') });
    expect(p.feasible).toBe(false);
    expect(p.minInstallments).toBe(4); // 25.00 × 4
  });
  it('null when even 60 installments are too much', () => {
    expect(makePlan({ total: m('100000'), installments: 60, first: '2026-02-01', capacity: m('1000') })).toMatchObject({
      feasible: false,
      minInstallments: null,
    });
    expect(minInstallments(m('100'), m('0'))).toBeNull();
  });
  it('no capacity fields without a capacity', () => {
    const p = makePlan({ total: m('100'), installments: 2, first: '2026-02-01' });
    expect('feasible' in p || 'minInstallments' in p).toBe(false);
  });
});

describe('bad input', () => {
  it.each([0, 61, -1, 2.5])('%d installments is rejected', (n) => {
    expect(() => makePlan({ total: m('100'), installments: n, first: '2026-02-01' })).toThrow(BadInputError);
  });
  it('rejects zero, negative and sub-cent totals, and invalid dates', () => {
    expect(() => makePlan({ total: m('0'), installments: 2, first: '2026-02-01' })).toThrow(/大于 0/);
    expect(() => makePlan({ total: m('-5'), installments: 2, first: '2026-02-01' })).toThrow(BadInputError);
    expect(() => makePlan({ total: m('1.005'), installments: 2, first: '2026-02-01' })).toThrow(/两位小数/);
    expect(() => makePlan({ total: m('100'), installments: 2, first: '2026-02-30' })).toThrow(/只有 28 天/);
  });
  it('rejects a total too small to split (1.00 in 60 would need 59 × 0.02 = 1.18)', () => {
    expect(installmentAmounts(m('1'), 60)).toBeUndefined();
    expect(() => makePlan({ total: m('1'), installments: 60, first: '2026-02-01' })).toThrow(/无法分成 60 期/);
  });
});

describe('properties', () => {
  const total = fc.bigInt({ min: 1n, max: 10_000_000_000n }).map((c) => new Money(c.toString()).dividedBy(100));
  const n = fc.integer({ min: 1, max: 60 });
  const dateArb = fc
    .record({ year: fc.integer({ min: 2000, max: 2090 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .filter(({ year, month, day }) => day <= daysInMonth(year, month))
    .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

  it('every plan sums exactly to its total; installments 1…N−1 are T/N rounded; the last is the rest', () => {
    fc.assert(
      fc.property(total, n, dateArb, (t, k, first) => {
        if (!installmentAmounts(t, k)) return; // too small to split: rejected, tested above
        const p = makePlan({ total: t, installments: k, first });
        const amounts = p.installments.map((i) => new Money(i.amount));
        const sum = amounts.reduce((a, b) => a.plus(b), new Money(0));
        expect(sum.equals(t)).toBe(true);
        expect(p.sum).toBe(p.total);
        const regular = t.dividedBy(k).toDecimalPlaces(2, Money.ROUND_HALF_UP);
        amounts.slice(0, -1).forEach((a) => expect(a.equals(regular)).toBe(true));
        amounts.forEach((a) => expect(a.isPositive() && !a.isZero()).toBe(true));
      }),
    );
  });
  it('dates follow the clamping rule from the first date', () => {
    fc.assert(
      fc.property(n, dateArb, (k, first) => {
        const p = makePlan({ total: m('100000'), installments: k, first });
        const day = Number(first.slice(8));
        p.installments.forEach((inst, i) => {
          expect(inst.n).toBe(i + 1);
          expect(inst.date).toBe(addMonthsClamped(first, i));
          const [y, mo, d] = inst.date.split('-').map(Number) as [number, number, number];
          expect(d).toBe(Math.min(day, daysInMonth(y, mo)));
        });
      }),
    );
  });
  it('minInstallments is the smallest feasible N', () => {
    const cap = fc.bigInt({ min: 1n, max: 100_000_000n }).map((c) => new Money(c.toString()).dividedBy(100));
    fc.assert(
      fc.property(total, cap, (t, c) => {
        const min = minInstallments(t, c);
        const fits = (k: number) => {
          const a = installmentAmounts(t, k);
          return !!a && a.every((x) => x.lessThanOrEqualTo(c));
        };
        if (min === null) {
          for (let k = 1; k <= 60; k++) expect(fits(k)).toBe(false);
        } else {
          expect(fits(min)).toBe(true);
          for (let k = 1; k < min; k++) expect(fits(k)).toBe(false);
        }
      }),
      { numRuns: 50 },
    );
  });
});
