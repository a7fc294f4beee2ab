import { describe, expect, it } from 'vitest';
import { checkPlanSteps } from '../../shared/money/plan-step-check';
import { steppedSchedule } from '../../shared/money/plan-steps';
import { dec } from '../../shared/money/decimal';

// 5,000 wage + 1,500 benefit until 2026-06-30, 4,000 costs: 2,500 a month until June, 1,000 after.
const finances = {
  income: [{ monthly: '5000.00' }, { monthly: '1500.00', until: '2026-06-30' }],
  fixedCosts: [{ monthly: '4000.00' }],
  flexibleCosts: [],
  debts: [],
};

describe('checkPlanSteps', () => {
  it('a plan that stays level over an income that ends does not fit after it ends', () => {
    const schedule = steppedSchedule(dec('12000'), 6, '2026-04-10', null); // 2,000 a month
    const steps = checkPlanSteps({ schedule, finances, shares: [{ id: 'A', owed: '12000' }], planCreditors: ['A'] });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ from: 1, to: 6, amount: '2000.00', capacity: '1000.00', withinCapacity: false, share: null, withinShare: null });
  });

  it('a step-down then up plan is checked per run, each against its own months', () => {
    // First 3 at 2,000 (April–June, capacity 2,500), then 3 sharing 3,000 → 1,000 each (capacity 1,000).
    const schedule = steppedSchedule(dec('9000'), 6, '2026-04-10', { count: 3, amount: '2000.00' });
    const steps = checkPlanSteps({ schedule, finances, shares: [{ id: 'A', owed: '9000' }], planCreditors: ['A'] });
    expect(steps.map((s) => [s.from, s.to, s.amount, s.capacity, s.withinCapacity])).toEqual([
      [1, 3, '2000.00', '2500.00', true],
      [4, 6, '1000.00', '1000.00', true],
    ]);
  });

  it('with another creditor in the case, each run is checked against this creditor’s share too', () => {
    const schedule = steppedSchedule(dec('9000'), 6, '2026-04-10', { count: 3, amount: '2000.00' });
    // Owed 9,000 here and 9,000 elsewhere: half of the capacity each (1,250 then 500).
    const steps = checkPlanSteps({
      schedule,
      finances,
      shares: [
        { id: 'A', owed: '9000' },
        { id: 'B', owed: '9000' },
      ],
      planCreditors: ['A'],
    });
    expect(steps[0]).toMatchObject({ share: '1250.00', withinCapacity: true, withinShare: false });
    expect(steps[1]).toMatchObject({ share: '500.00', withinShare: false });
    // A share the user fixed for A (2,000) is honoured as far as the capacity goes.
    const fixed = checkPlanSteps({
      schedule,
      finances,
      shares: [
        { id: 'A', owed: '9000', fixed: '2000.00' },
        { id: 'B', owed: '9000' },
      ],
      planCreditors: ['A'],
    });
    expect(fixed[0]).toMatchObject({ share: '2000.00', withinShare: true });
    expect(fixed[1]).toMatchObject({ share: '1000.00', withinShare: true });
  });
});
