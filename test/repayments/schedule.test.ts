// The schedule after payments (pure): allocation to the earliest open installment, statuses
// and days late, what remains, and the refusals.
import { describe, expect, it } from 'vitest';
import { buildSchedule, checkAgreementInstallments, checkPayment, type PaymentIn } from '../../shared/repayments/schedule';
import { dec } from '../../shared/money/decimal';
import { compareWithPlan } from '../../shared/repayments/terms';

const inst = [
  { n: 1, date: '2026-03-15', amount: '1000.00' },
  { n: 2, date: '2026-04-15', amount: '1000.00' },
  { n: 3, date: '2026-05-15', amount: '1000.01' },
];
const p = (id: string, date: string, amount: string, seq = 1): PaymentIn => ({ id, seq, date, amount, receiptId: null, note: '' });

describe('buildSchedule', () => {
  it('applies a partial payment to the earliest open installment and carries the rest over', () => {
    const s = buildSchedule('3000.01', inst, [p('a', '2026-03-14', '1000.00'), p('b', '2026-04-10', '500.00', 2)], '2026-04-12', 3);
    expect(s.installments.map((i) => [i.n, i.paid, i.status, i.daysLate])).toEqual([
      [1, '1000.00', 'paid', 0],
      [2, '500.00', 'partial', 0],
      [3, '0.00', 'upcoming', 0],
    ]);
    expect(s.paid).toBe('1500.00');
    expect(s.remaining).toBe('1500.01');
    expect(s.payments[1]!.applied).toEqual([{ n: 2, amount: '500.00' }]);
    expect(s.next?.n).toBe(2);
  });

  it('one payment spanning two installments is split; a late payment records its days late', () => {
    const s = buildSchedule('3000.01', inst, [p('a', '2026-03-20', '1500.00')], '2026-03-20', 3);
    expect(s.payments[0]!.applied).toEqual([
      { n: 1, amount: '1000.00' },
      { n: 2, amount: '500.00' },
    ]);
    expect(s.installments[0]).toMatchObject({ status: 'paid', daysLate: 5, paidOn: '2026-03-20' });
  });

  it('late with days late, due within the reminder days, upcoming after', () => {
    const s = buildSchedule('3000.01', inst, [], '2026-04-13', 3);
    expect(s.installments.map((i) => [i.status, i.daysLate])).toEqual([
      ['late', 29],
      ['due', 0],
      ['upcoming', 0],
    ]);
  });

  it('payments are applied in date order, whatever order they were entered in', () => {
    const s = buildSchedule('3000.01', inst, [p('late-entry', '2026-04-01', '1000.00', 2), p('first', '2026-03-10', '300.00', 1)], '2026-04-02', 3);
    expect(s.payments.map((x) => x.id)).toEqual(['first', 'late-entry']);
    expect(s.installments[0]).toMatchObject({ paid: '1000.00', status: 'paid', paidOn: '2026-04-01' });
    expect(s.installments[1]!.paid).toBe('300.00');
  });
});

describe('refusals', () => {
  const s = buildSchedule('3000.01', inst, [p('a', '2026-03-14', '2000.00')], '2026-03-20', 3);
  it('a payment above what remains', () => {
    expect(() => checkPayment(s, '2026-03-01', dec('1000.02'), '2026-03-20')).toThrow(/超过协议剩余未还的 1000\.01 元/);
    expect(() => checkPayment(s, '2026-03-01', dec('1000.01'), '2026-03-20')).not.toThrow();
  });
  it('not positive', () => {
    expect(() => checkPayment(s, '2026-03-01', dec('0'), '2026-03-20')).toThrow(/必须大于 0/);
    expect(() => checkPayment(s, '2026-03-01', dec('-5'), '2026-03-20')).toThrow(/必须大于 0/);
  });
  it('before the agreement date', () => {
    expect(() => checkPayment(s, '2026-03-01', dec('10'), '2026-02-28')).toThrow(/早于协议签订日 2026-03-01/);
  });
  it('installments that do not add up to the total', () => {
    expect(() => checkAgreementInstallments('3000.00', inst)).toThrow(/各期之和为 3000\.01 元，不等于协议总额 3000\.00 元/);
    expect(() => checkAgreementInstallments('3000.01', inst)).not.toThrow();
    expect(() => checkAgreementInstallments('1.00', [])).toThrow(/至少要有一期/);
  });
});

describe('compareWithPlan', () => {
  it('marks what differs from what was asked', () => {
    const rows = compareWithPlan(
      { total: '3000.00', installments: 3, firstDate: '2026-03-15', owed: { total: '3400.00' } },
      { total: '3000.01', installments: inst, waived: { interest: '200.00', penalty: '150.00', fees: '50.00' } },
    );
    const by = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(by.total).toMatchObject({ asked: '3000.00', agreed: '3000.01', differs: true });
    expect(by.count).toMatchObject({ differs: false });
    expect(by.first).toMatchObject({ differs: false });
    expect(by.last).toMatchObject({ asked: '2026-05-15', differs: false });
    expect(by.waived).toMatchObject({ asked: '400.00', agreed: '400.00', differs: false });
  });
});
