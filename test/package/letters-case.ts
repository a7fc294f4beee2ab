// A small case with two creditors for the letters tests (issue 10), built here so the tests
// do not depend on another issue's fixtures: Ant (花呗 and 借呗, one legal name) and a bank's
// credit card; a salary, unemployment benefits that end, a family loan and a priority debt;
// an offer to each creditor. `together` decides whether the two offers fit the capacity
// together (they each fit the whole alone).
import { emptyCase, type CaseDoc } from '../../shared/case/schema';

export const ANT = '重庆蚂蚁消费金融有限公司';
export const BANK = '招商银行股份有限公司信用卡中心';
export const LETTER_DATE = '2026-03-18';

const penalty = (start: string) => ({ mode: 'simple' as const, dailyRate: '0.0005', graceDays: 0, startDate: start });

export function twoCreditorCase(opts: { together: 'fits' | 'exceeds' }): CaseDoc {
  const doc = emptyCase();
  delete doc.contacts;
  const plan = (id: string, accountIds: string[], total: string, installments: number, step?: { count: number; amount: string }) => ({
    id,
    name: `方案 ${id}`,
    role: 'offer' as const,
    accountIds,
    basis: 'principal' as const,
    asOf: LETTER_DATE,
    owed: { principal: total, interest: '0.00', penalty: '0.00', fees: '0.00', total },
    interestOffered: '0.00',
    total,
    installments,
    firstDate: '2026-04-15',
    capacity: null,
    overCapacityAck: null,
    note: '',
    createdAt: '2026-03-18T10:00:00.000Z',
    ...(step ? { step } : {}),
  });
  return {
    ...doc,
    applicant: { name: '李四', idNumber: '110101199001011237', phone: '13800000000', address: '北京市东城区某街 1 号' },
    creditors: [
      { id: 'c-huabei', legalName: ANT, product: 'huabei', productName: '', channels: [{ kind: 'hotline', value: '95188', note: '' }], note: '' },
      { id: 'c-jiebei', legalName: ANT, product: 'jiebei', productName: '', channels: [], note: '', creditCode: '91500000MA5U7AQ39J' },
      { id: 'c-bank', legalName: BANK, product: 'credit-card', productName: '', channels: [{ kind: 'hotline', value: '95555', note: '' }], note: '' },
    ],
    accounts: [
      {
        id: 'a-huabei',
        creditorId: 'c-huabei',
        label: '花呗',
        number: 'HB-1',
        principal: '8000.00',
        interest: '0.00',
        fees: '0.00',
        dueDate: '2025-12-09',
        overdueSince: '2025-12-10',
        penalty: penalty('2025-12-09'),
        contractDate: null,
        evidenceIds: [],
        note: '',
      },
      {
        id: 'a-jiebei',
        creditorId: 'c-jiebei',
        label: '借呗',
        number: 'JB-2',
        principal: '12000.00',
        interest: '0.00',
        fees: '0.00',
        dueDate: '2025-12-15',
        overdueSince: '2025-12-16',
        penalty: penalty('2025-12-15'),
        contractDate: null,
        evidenceIds: [],
        note: '',
      },
      {
        id: 'a-card',
        creditorId: 'c-bank',
        label: '信用卡',
        number: '6225****8888',
        principal: '10000.00',
        interest: '0.00',
        fees: '0.00',
        dueDate: '2026-01-05',
        overdueSince: '2026-01-06',
        penalty: penalty('2026-01-05'),
        contractDate: null,
        evidenceIds: [],
        note: '',
      },
    ],
    hardship: { category: 'job-loss', text: '2025 年 10 月被裁员，现靠失业保险金和零工收入生活。', since: '2025-10-15' },
    finances: {
      household: { adults: 1, dependants: 0, housing: 'rent', employment: 'unemployed', note: '' },
      income: [
        { id: 'i-1', category: 'salary', label: '零工收入', monthly: '3500.00', evidenceId: null, note: '' },
        { id: 'i-2', category: 'benefits', label: '失业保险金', monthly: '1500.00', evidenceId: null, note: '', until: '2026-08-31' },
      ],
      fixedCosts: [{ id: 'f-1', category: 'housing', label: '房租', monthly: '1800.00', evidenceId: null, note: '' }],
      flexibleCosts: [{ id: 'x-1', category: 'food-housekeeping', label: '伙食', monthly: '1000.00', evidenceId: null, note: '' }],
      debts: [
        { id: 'd-1', creditor: '房东（欠租）', priority: true, owed: '900.00', monthly: '150.00', evidenceId: null, note: '' },
        { id: 'd-2', creditor: '表哥', priority: false, owed: '6000.00', monthly: '250.00', evidenceId: null, note: '借款', family: true },
      ],
      assets: [],
      reference: null,
    },
    // Capacity 1800.00 until August (3500 + 1500 − 1800 − 1000 − 150 − 250), 300.00 after.
    // Shares pro rata: Ant owes ≈ 2/3 of the total, the bank ≈ 1/3.
    plans:
      opts.together === 'exceeds'
        ? [plan('p-ant', ['a-huabei', 'a-jiebei'], '20000.00', 20), plan('p-bank', ['a-card'], '10000.00', 10)]
        : [
            // Within the shares and the whole before and after the benefits end.
            plan('p-ant', ['a-huabei', 'a-jiebei'], '3600.00', 20),
            plan('p-bank', ['a-card'], '1080.00', 12),
          ],
    agreements: [],
    lpr: [],
  };
}
