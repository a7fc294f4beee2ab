// Overdue days the way the creditor counts them (issue 10 item 7): the account's convention
// decides the count, the default is the creditor's own (day 1 = the day after the due date),
// and a creditor's SMS on the same dates agrees with it. The 24 % comparison sums interest,
// penalty, 违约金 and fees together (法发〔2017〕22号).
import { describe, expect, it } from 'vitest';
import { conventionText, overdueDaysOn, owedOn, SANE_DAILY_RATE_MAX } from '../../shared/money/penalty';
import { accountCeilings, caseOwedOn, type OwedAccount } from '../../shared/money/case-owed';
import { compareClaims } from '../../shared/money/claims-check';

const base: OwedAccount = {
  id: 'hb',
  principal: '8620.00',
  interest: '0.00',
  fees: '0.00',
  contractDate: null,
  penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2026-05-09' },
};

describe('overdue-day convention', () => {
  it('creditor: the day after the due date is day 1; inclusive: the due date is', () => {
    expect(overdueDaysOn('2026-05-09', '2026-05-09')).toBe(0);
    expect(overdueDaysOn('2026-05-09', '2026-05-10')).toBe(1);
    expect(overdueDaysOn('2026-05-09', '2026-05-10', 'inclusive')).toBe(2);
    expect(overdueDaysOn('2026-05-09', '2026-05-09', 'inclusive')).toBe(1);
    expect(overdueDaysOn('2026-05-09', '2026-05-08', 'inclusive')).toBe(0);
  });

  it('the engine reads the account convention; the default is the creditor one, and penalty follows the days', () => {
    const byDefault = caseOwedOn([base], '2026-06-08').accounts[0]!.owed;
    expect(byDefault.overdueDays).toBe(30);
    expect(byDefault.penalty).toBe('129.30'); // 8620 × 0.0005 × 30
    expect(byDefault.rule.convention).toBe('creditor');
    expect(byDefault.rule.text).toContain('应还款日次日算第 1 天');
    const inclusive = caseOwedOn([{ ...base, overdueConvention: 'inclusive' }], '2026-06-08').accounts[0]!.owed;
    expect(inclusive.overdueDays).toBe(31);
    expect(inclusive.penalty).toBe('133.61'); // 8620 × 0.0005 × 31 = 133.61
    expect(inclusive.rule.text).toContain('应还款日当天算第 1 天');
  });

  it('agrees with a creditor SMS on the same dates (due 2026-05-09, SMS of 2026-05-12 says 逾期3天)', () => {
    const sms = '【花呗】尊敬的用户，您的花呗账单已逾期3天，应还金额￥8,632.93，逾期将影响您的信用记录，请尽快还款。';
    const day = '2026-05-12';
    const ours = owedOn({ ...base.penalty, principal: base.principal, interest: '0.00', fees: '0.00' }, day);
    expect(ours.overdueDays).toBe(3);
    expect(ours.total).toBe('8632.93'); // 8620 + 8620 × 0.0005 × 3 = 8632.93
    const check = compareClaims(sms, { total: ours.total, overdueDays: ours.overdueDays }, day);
    expect(check.verdict).toBe('match');
    // The inclusive count would be one day more than the creditor's own, and the penalty with it.
    const inclusive = owedOn({ ...base.penalty, principal: base.principal, interest: '0.00', fees: '0.00', convention: 'inclusive' }, day);
    expect(compareClaims(sms, { total: inclusive.total, overdueDays: inclusive.overdueDays }, day).verdict).toBe('differs');
  });

  it('names the convention in words', () => {
    expect(conventionText()).toBe('应还款日次日算第 1 天');
    expect(conventionText('inclusive')).toBe('应还款日当天算第 1 天');
    expect(SANE_DAILY_RATE_MAX).toBe('0.001');
  });

  it('refuses an unknown convention', () => {
    expect(() => owedOn({ ...base.penalty, principal: '1.00', interest: '0.00', fees: '0.00', convention: 'guess' as never }, '2026-06-01')).toThrow(/逾期天数算法/);
  });
});

describe('the 24 % comparison sums interest, penalty, 违约金 and fees (法发〔2017〕22号)', () => {
  // 30000 principal, 1260 interest billed, 150 违约金; 0.05 %/day from 2026-04-14, on 2026-06-13: 60 days.
  const jb: OwedAccount = { ...base, id: 'jb', principal: '30000.00', interest: '1260.00', fees: '150.00', penalty: { ...base.penalty, startDate: '2026-04-14' } };

  it('without a contract date: over the penalty days, all four together', () => {
    const c = accountCeilings(jb, '2026-06-13');
    const f24 = c.ceilings.find((x) => x.kind === 'financial-loan-24')!;
    expect(c.penalty).toBe('900.00');
    expect(c.allCharges).toBe('2310.00'); // 1260 + 900 + 150
    expect(f24.compared).toBe('interest+penalty+fees');
    expect(f24.comparedAmount).toBe('2310.00');
    expect(f24.days).toBe(60);
    expect(f24.daysFrom).toBe('penalty');
    expect(f24.amount).toBe('1183.56'); // 30000 × 0.24 × 60 / 365
    expect(f24.chargesExceeds).toBe(true);
    expect(f24.penaltyExceeds).toBe(false);
    const lpr = c.ceilings.find((x) => x.kind === 'private-lending-4x-lpr')!;
    expect(lpr.compared).toBe('penalty+fees');
    expect(lpr.comparedAmount).toBe('1050.00');
  });

  it('with a contract date: over the days since the contract (the interest ran since then)', () => {
    const c = accountCeilings({ ...jb, contractDate: '2025-03-18' }, '2026-06-13');
    const f24 = c.ceilings.find((x) => x.kind === 'financial-loan-24')!;
    expect(f24.days).toBe(452);
    expect(f24.daysFrom).toBe('contract');
    expect(f24.amount).toBe('8916.16'); // 30000 × 0.24 × 452 / 365
    expect(f24.chargesExceeds).toBe(false);
  });
});
