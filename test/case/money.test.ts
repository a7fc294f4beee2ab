// The case's figures, worked by hand: what the accounts owe today and later, the ceilings,
// the financial statement, the offer and its waiver, the plan preview, and an SMS's claims
// beside our own figures. Plus properties: every offer plus its waiver is what is owed, and
// every previewed schedule sums exactly to its total with dates on the clamping rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountCeilings, caseGrowth, caseOwedOn } from '../../shared/money/case-owed';
import { summarizeFinances, planCapacity } from '../../shared/money/finances';
import { offerFor, previewPlan } from '../../shared/money/plan-builder';
import { compareClaims } from '../../shared/money/claims-check';
import { Money, dec } from '../../shared/money/decimal';
import { capacityOn } from '../../shared/money/capacity';
import { addMonthsClamped, daysInMonth } from '../../shared/time/beijing';
import { sampleCase, TODAY } from './fixtures';

const doc = sampleCase();
const [huabei, jiebei] = doc.accounts as [(typeof doc.accounts)[0], (typeof doc.accounts)[0]];

describe('what the case owes (hand-worked)', () => {
  it('花呗 10,000 simple 0.05 %/day from 2025-12-09: 82 days on 2026-03-01 → 410.00', () => {
    const owed = caseOwedOn([huabei], TODAY);
    expect(owed.accounts[0]!.owed).toMatchObject({ overdueDays: 82, penaltyDays: 82, penalty: '410.00', total: '10410.00' });
  });

  it('借呗 20,000 compound 0.045 %/day, 3 grace days: 45 − 3 = 42 days → 20,000 × (1.00045^42 − 1) = 381.508… → 381.51', () => {
    const owed = caseOwedOn([jiebei], TODAY).accounts[0]!.owed;
    expect(owed).toMatchObject({ overdueDays: 45, penaltyDays: 42, interest: '300.00', penalty: '381.51', total: '20681.51' });
    expect(owed.rule.text).toContain('按日复利');
    expect(owed.rule.text).toContain('前 3 天为宽限期');
  });

  it('the case total is the sum of the accounts, part by part', () => {
    const owed = caseOwedOn(doc.accounts, TODAY);
    expect(owed.total).toEqual({ principal: '30000.00', interest: '300.00', penalty: '791.51', fees: '0.00', total: '31091.51' });
    expect(owed.maxOverdueDays).toBe(82);
  });

  it('grows over 3 / 6 / 12 / 36 months if nothing is paid: 花呗 +3 months = 174 days → 870.00', () => {
    const rows = caseGrowth([huabei], TODAY);
    expect(rows.map((r) => [r.months, r.date, r.total.penalty])).toEqual([
      [0, '2026-03-01', '410.00'],
      [3, '2026-06-01', '870.00'],
      [6, '2026-09-01', '1330.00'],
      [12, '2027-03-01', '2235.00'],
      [36, '2029-03-01', '5890.00'],
    ]);
  });
});

describe('the ceilings beside each account', () => {
  it('花呗 (no contract date: LPR of the penalty start, 3.00 % → 12 %): 10,000 × 0.12 × 82 / 365 = 269.59 < 410.00', () => {
    const c = accountCeilings(huabei, TODAY);
    expect(c).toMatchObject({ penaltyDays: 82, penalty: '410.00', charges: '410.00', annualRate: '0.18250000' });
    const [lpr4, fin24] = c.ceilings;
    expect(lpr4).toMatchObject({
      kind: 'private-lending-4x-lpr',
      annualRate: '0.12',
      amount: '269.59',
      penaltyExceeds: true,
      rateExceeds: true,
      lprDate: { date: '2025-12-09', from: 'penalty-start' },
    });
    expect(lpr4!.caveat).toContain('不适用');
    expect(fin24).toMatchObject({ kind: 'financial-loan-24', amount: '539.18', penaltyExceeds: false, rateExceeds: false });
    expect(fin24!.basis).toContain('法发〔2017〕22号');
  });

  it('借呗 (contract 2024-08-01: LPR 3.35 % → 13.4 %): 20,000 × 0.134 × 42 / 365 = 308.38 < 381.51; compound effective rate 17.85 %', () => {
    const c = accountCeilings(jiebei, TODAY);
    expect(c.annualRate).toBe('0.17846537');
    expect(c.ceilings[0]).toMatchObject({ annualRate: '0.134', amount: '308.38', penaltyExceeds: true, lprDate: { from: 'contract' } });
    // 24 % (法发〔2017〕22号): interest + penalty + fees (681.51) over the 577 days since the contract: 20,000 × 0.24 × 577 / 365 = 7,587.95.
    expect(c.ceilings[1]).toMatchObject({ days: 577, daysFrom: 'contract', comparedAmount: '681.51', amount: '7587.95', penaltyExceeds: false, chargesExceeds: false });
  });

  it('fees count with the penalty (Art 29: overdue interest, 违约金 and fees together)', () => {
    const c = accountCeilings({ ...huabei, fees: '200.00' }, TODAY);
    expect(c.charges).toBe('610.00');
    expect(c.ceilings[1]).toMatchObject({ amount: '539.18', penaltyExceeds: false, chargesExceeds: true });
  });

  it('no LPR data for the date: the 4 × LPR line is left out with the reason, never guessed', () => {
    const c = accountCeilings({ ...huabei, contractDate: '2019-01-01' }, TODAY);
    expect(c.ceilings.map((x) => x.kind)).toEqual(['financial-loan-24']);
    expect(c.lprMissing).toContain('2019-01-01');
  });
});

describe('the financial statement', () => {
  it('1,800 in − 800 fixed − 500 flexible − 100 priority = 400.00 a month', () => {
    expect(summarizeFinances(doc.finances)).toEqual({
      income: '1800.00',
      fixedCosts: '800.00',
      flexibleCosts: '500.00',
      priorityDebts: '100.00',
      otherNonPriorityDebts: '0.00',
      available: '400.00',
      forPlan: '400.00',
      shortfall: false,
      assets: '600.00',
      empty: false,
    });
    expect(planCapacity(doc.finances)?.toFixed(2)).toBe('400.00');
  });

  it('payments kept up on other non-priority debts come off; a shortfall never gives a negative capacity', () => {
    const f = structuredClone(doc.finances);
    f.debts[1]!.monthly = '450.00';
    expect(summarizeFinances(f)).toMatchObject({ available: '400.00', forPlan: '0.00', shortfall: false });
    f.fixedCosts[0]!.monthly = '1500.00';
    expect(summarizeFinances(f)).toMatchObject({ available: '-300.00', forPlan: '0.00', shortfall: true });
  });

  it("for a given month, an income that has ended or not yet started does not count (the same as the letters' capacityOn)", () => {
    const f = structuredClone(doc.finances);
    const base = summarizeFinances(f);
    const extra = { ...f.income[0]!, monthly: '1000.00', from: '2026-03-01', until: '2026-08-31' };
    f.income = [...f.income, extra];
    expect(summarizeFinances(f, '2026-02-28').forPlan).toBe(base.forPlan);
    expect(summarizeFinances(f, '2026-03-01').forPlan).toBe(dec(base.forPlan).plus(1000).toFixed(2));
    expect(summarizeFinances(f, '2026-08-31').forPlan).toBe(dec(base.forPlan).plus(1000).toFixed(2));
    expect(summarizeFinances(f, '2026-09-01').forPlan).toBe(base.forPlan);
    expect(planCapacity(f, '2026-09-01')?.toFixed(2)).toBe(base.forPlan);
    expect(capacityOn(f, '2026-05-01').toFixed(2)).toBe(planCapacity(f, '2026-05-01')?.toFixed(2));
  });

  it('nothing entered: capacity unknown (null), not zero', () => {
    expect(planCapacity(sampleCase().finances && { ...doc.finances, income: [], fixedCosts: [], flexibleCosts: [] })).toBeNull();
  });
});

describe('the offer and the waiver it asks for', () => {
  const owed = { principal: '10000.00', interest: '300.00', penalty: '500.00', fees: '200.00', total: '11000.00' };
  it('everything: no waiver', () => {
    expect(offerFor('everything', owed)).toEqual({
      total: '11000.00',
      interestOffered: '1000.00',
      waived: { interest: '0.00', penalty: '0.00', fees: '0.00', total: '0.00' },
    });
  });
  it('principal only: interest, fees and penalty all waived', () => {
    expect(offerFor('principal', owed).waived).toEqual({ interest: '300.00', penalty: '500.00', fees: '200.00', total: '1000.00' });
  });
  it('principal plus 400 of the interest: pays interest (300) then fees (100); waives fees 100 and the penalty 500', () => {
    expect(offerFor('principal-part-interest', owed, '400.00')).toEqual({
      total: '10400.00',
      interestOffered: '400.00',
      waived: { interest: '0.00', penalty: '500.00', fees: '100.00', total: '600.00' },
    });
  });
  it('more interest than is owed is refused', () => {
    expect(() => offerFor('principal-part-interest', owed, '1000.01')).toThrow(/超过了利息、费用和罚息的合计/);
  });

  it('property: offer total + waiver = what is owed, and nothing is waived below zero', () => {
    const cents = (max: bigint) => fc.bigInt({ min: 0n, max }).map((c) => new Money(c.toString()).dividedBy(100).toFixed(2));
    fc.assert(
      fc.property(cents(100_000_000n), cents(1_000_000n), cents(1_000_000n), cents(1_000_000n), fc.double({ min: 0, max: 1, noNaN: true }), (p, i, pe, fe, share) => {
        const total = new Money(p).plus(i).plus(pe).plus(fe).toFixed(2);
        const o = { principal: p, interest: i, penalty: pe, fees: fe, total };
        const extra = new Money(i).plus(pe).plus(fe);
        const part = extra.times(share.toFixed(6)).toDecimalPlaces(2, Money.ROUND_DOWN).toFixed(2);
        for (const basis of ['everything', 'principal', 'principal-part-interest'] as const) {
          const offer = offerFor(basis, o, part);
          expect(new Money(offer.total).plus(offer.waived.total).toFixed(2)).toBe(total);
          for (const w of Object.values(offer.waived)) expect(new Money(w).isNegative()).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the plan preview', () => {
  const draft = { accountIds: ['a-huabei'], basis: 'everything' as const, asOf: TODAY, interestOffered: '0.00', installments: 12, firstDate: '2026-04-10' };

  it('10,410.00 in 12 = 867.50 a month: above the 400.00 available; the smallest N that fits is 27', () => {
    const p = previewPlan(draft, doc.accounts, doc.finances, TODAY);
    expect(p).toMatchObject({ total: '10410.00', largest: '867.50', capacity: '400.00', feasible: false, minInstallments: 27, needsAcknowledgement: true });
    expect(p.warnings).toEqual([{ kind: 'over-capacity', largest: '867.50', capacity: '400.00', minInstallments: 27 }]);
    const fits = previewPlan({ ...draft, installments: 27 }, doc.accounts, doc.finances, TODAY);
    expect(fits).toMatchObject({ feasible: true, needsAcknowledgement: false, warnings: [] });
    expect(fits.installments.at(-1)).toEqual({ n: 27, date: '2028-06-10', amount: '385.44' });
  });

  it('a first date in the past is allowed with a warning; no finances → capacity unknown, a warning, no acknowledgement needed', () => {
    const empty = { ...doc.finances, income: [], fixedCosts: [], flexibleCosts: [] };
    const p = previewPlan({ ...draft, firstDate: '2026-02-10' }, doc.accounts, empty, TODAY);
    expect(p.warnings).toEqual([{ kind: 'first-date-past', firstDate: '2026-02-10', today: TODAY }, { kind: 'no-capacity' }]);
    expect(p).toMatchObject({ capacity: null, feasible: null, needsAcknowledgement: false });
    expect(p.minInstallments).toBeUndefined();
  });

  it('nothing fits within 60: said so', () => {
    const poor = structuredClone(doc.finances);
    poor.income[0]!.monthly = '1450.00'; // 50.00 a month
    const p = previewPlan(draft, doc.accounts, poor, TODAY);
    expect(p.warnings).toContainEqual({ kind: 'nothing-fits', capacity: '50.00' });
    expect(p.minInstallments).toBeNull();
  });

  it('bad input: 0 or 61 installments, an invalid date, unknown or no accounts', () => {
    expect(() => previewPlan({ ...draft, installments: 0 }, doc.accounts, doc.finances, TODAY)).toThrow(/1 到 60/);
    expect(() => previewPlan({ ...draft, installments: 61 }, doc.accounts, doc.finances, TODAY)).toThrow(/1 到 60/);
    expect(() => previewPlan({ ...draft, firstDate: '2026-02-30' }, doc.accounts, doc.finances, TODAY)).toThrow(/2026 年 2 月只有 28 天/);
    expect(() => previewPlan({ ...draft, accountIds: ['zzz'] }, doc.accounts, doc.finances, TODAY)).toThrow(/找不到账户/);
    expect(() => previewPlan({ ...draft, accountIds: [] }, doc.accounts, doc.finances, TODAY)).toThrow(/至少选择一个账户/);
  });

  it('property: every previewed schedule sums exactly to its total, dates clamp from the first date', () => {
    const dateArb = fc
      .record({ y: fc.integer({ min: 2026, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        dateArb,
        fc.constantFrom('everything' as const, 'principal' as const),
        fc.subarray(['a-huabei', 'a-jiebei'], { minLength: 1 }),
        (n, first, basis, ids) => {
          const p = previewPlan({ ...draft, accountIds: ids, basis, installments: n, firstDate: first }, doc.accounts, doc.finances, TODAY);
          const sum = p.installments.reduce((acc, i) => acc.plus(i.amount), new Money(0));
          expect(sum.toFixed(2)).toBe(p.total);
          expect(p.installments).toHaveLength(n);
          p.installments.forEach((i, k) => expect(i.date).toBe(addMonthsClamped(first, k)));
          expect(p.needsAcknowledgement).toBe(p.feasible === false);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('a collection message beside our own figures', () => {
  const ours = { total: '10410.00', overdueDays: 82 };
  it('the same amount and days: match', () => {
    const c = compareClaims('【花呗】您已逾期82天，欠款金额10,410.00元，请尽快还款。', ours);
    expect(c).toMatchObject({ verdict: 'match', amount: { claimed: '10410.00', difference: '0.00', matches: true }, days: { claimed: 82, matches: true } });
  });
  it('a higher amount and more days: differs, with the differences', () => {
    const c = compareClaims('您的借款已逾期九十天，欠款总额１２，０００．００元，将移交外访。', ours);
    expect(c).toMatchObject({
      verdict: 'differs',
      amount: { claimed: '12000.00', ours: '10410.00', difference: '1590.00', matches: false },
      days: { claimed: 90, ours: 82, difference: 8, matches: false },
    });
  });
  it('nothing to compare: nothing-found', () => {
    expect(compareClaims('请回电 95188', ours).verdict).toBe('nothing-found');
  });
});

describe('times in Beijing', () => {
  it('ISO with +08:00, whatever the machine zone; shown to the minute in Beijing time', async () => {
    const { beijingIso, beijingMinute } = await import('../../shared/time/beijing');
    expect(beijingIso(new Date('2026-11-22T20:42:05.900Z'))).toBe('2026-11-23T04:42:05+08:00');
    expect(beijingMinute('2026-11-22T20:42:05Z')).toBe('2026-11-23 04:42');
    expect(beijingMinute('2026-03-01T10:00:00+08:00')).toBe('2026-03-01 10:00');
  });
});

describe('a collection message beside our own figures: both directions', () => {
  const ours = { total: '10410.00', overdueDays: 82 };
  it('a claim above ours is unverified (ask for an itemised statement)', () => {
    const c = compareClaims('您的借款已逾期九十天，欠款总额１２，０００．００元。', ours);
    expect(c.amount.side).toBe('above');
    expect(c.days.side).toBe('above');
    expect(c.findings).toEqual(['unverified']);
  });
  it('a claim below ours says the person’s own entry may be wrong', () => {
    const c = compareClaims('【借呗】您已还款2,000.00元，剩余欠款8,410.00元，已逾期82天。', ours);
    expect(c).toMatchObject({ verdict: 'differs', amount: { claimed: '8410.00', difference: '-2000.00', side: 'below' }, days: { side: 'same' } });
    expect(c.findings).toEqual(['check-own']);
  });
  it('one field above and one below: both findings', () => {
    const c = compareClaims('已逾期100天，欠款金额9,000.00元', ours);
    expect(c.findings).toEqual(['unverified', 'check-own']);
  });
  it('equal figures: no finding', () => {
    expect(compareClaims('已逾期82天，欠款金额10,410.00元', ours).findings).toEqual([]);
  });
});
