// A realistic, valid case document (花呗 + 借呗 + a credit card) for the case tests.
import { emptyCase, type CaseDoc } from '../../shared/case/schema';

export const TODAY = '2026-03-01';

export function sampleCase(): CaseDoc {
  const doc = emptyCase();
  delete doc.contacts;
  return {
    ...doc,
    applicant: { name: '张三', idNumber: '110101199001011237', phone: '13800000000', address: '北京市东城区某街 1 号' },
    creditors: [
      {
        id: 'c-ant-huabei',
        legalName: '重庆蚂蚁消费金融有限公司',
        product: 'huabei',
        productName: '',
        channels: [{ kind: 'hotline', value: '95188', note: '' }],
        note: '',
      },
      { id: 'c-ant-jiebei', legalName: '重庆蚂蚁消费金融有限公司', product: 'jiebei', productName: '', channels: [], note: '' },
      {
        id: 'c-bank',
        legalName: '某某银行股份有限公司信用卡中心',
        product: 'credit-card',
        productName: '某某白金卡',
        channels: [{ kind: 'email', value: 'card@example.invalid', note: '' }],
        note: '',
      },
    ],
    accounts: [
      {
        id: 'a-huabei',
        creditorId: 'c-ant-huabei',
        label: '花呗',
        number: 'HB-2024-0001',
        principal: '10000.00',
        interest: '0.00',
        fees: '0.00',
        dueDate: '2025-12-09',
        overdueSince: '2025-12-10',
        penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-12-09' },
        contractDate: null,
        evidenceIds: ['ev-bill-1'],
        note: '',
      },
      {
        id: 'a-jiebei',
        creditorId: 'c-ant-jiebei',
        label: '借呗',
        number: 'JB-77',
        principal: '20000.00',
        interest: '300.00',
        fees: '0.00',
        dueDate: '2026-01-15',
        overdueSince: '2026-01-16',
        penalty: { mode: 'compound-daily', dailyRate: '0.00045', graceDays: 3, startDate: '2026-01-15' },
        contractDate: '2024-08-01',
        evidenceIds: [],
        note: '',
      },
    ],
    snapshots: [
      {
        id: 's-1',
        accountId: 'a-huabei',
        date: '2026-01-09',
        principal: '10000.00',
        interest: '0.00',
        penalty: '155.00',
        fees: '0.00',
        evidenceId: 'ev-bill-2',
        note: '',
      },
    ],
    hardship: { category: 'job-loss', text: '2025 年 10 月公司裁员，失业至今。', since: '2025-10-15' },
    finances: {
      household: { adults: 1, dependants: 1, housing: 'rent', employment: 'unemployed', note: '' },
      income: [{ id: 'i-1', category: 'benefits', label: '失业保险金', monthly: '1800.00', evidenceId: 'ev-ui', note: '' }],
      fixedCosts: [{ id: 'f-1', category: 'housing', label: '房租', monthly: '800.00', evidenceId: null, note: '' }],
      flexibleCosts: [{ id: 'x-1', category: 'food-housekeeping', label: '伙食', monthly: '500.00', evidenceId: null, note: '' }],
      debts: [
        { id: 'd-1', creditor: '房东（欠租）', priority: true, owed: '800.00', monthly: '100.00', evidenceId: null, note: '' },
        { id: 'd-2', creditor: '亲戚借款', priority: false, owed: '2000.00', monthly: '0.00', evidenceId: null, note: '' },
      ],
      assets: [{ id: 'as-1', label: '旧电动车', value: '600.00', evidenceId: null, note: '' }],
      reference: { label: '本地最低工资', amount: '2420.00', source: '用户自行查询' },
    },
    plans: [
      {
        id: 'p-offer',
        name: '报价方案',
        role: 'offer',
        accountIds: ['a-huabei'],
        basis: 'principal',
        asOf: '2026-03-01',
        owed: { principal: '10000.00', interest: '0.00', penalty: '410.00', fees: '0.00', total: '10410.00' },
        interestOffered: '0.00',
        total: '10000.00',
        installments: 25,
        firstDate: '2026-04-10',
        capacity: '400.00',
        overCapacityAck: null,
        note: '',
        createdAt: '2026-03-01T10:00:00.000Z',
      },
    ],
    agreements: [
      {
        id: 'g-1',
        planId: 'p-offer',
        creditorId: 'c-ant-huabei',
        accountIds: ['a-huabei'],
        signedOn: '2026-03-20',
        total: '10000.00',
        waived: { interest: '0.00', penalty: '410.00', fees: '0.00' },
        deadline: '2026-05-10',
        evidenceId: 'ev-agreement',
        installments: [
          { n: 1, date: '2026-04-10', amount: '5000.00', paid: true, paidOn: '2026-04-09', evidenceId: null },
          { n: 2, date: '2026-05-10', amount: '5000.00', paid: false, paidOn: null, evidenceId: null },
        ],
        note: '',
      },
    ],
    lpr: [],
  };
}

/** What `case export` adds for a vault with no agents, sides, rounds, payments or bank mappings (issues 10, 11). */
export function emptyAfterSections() {
  return {
    agents: [],
    sides: { contacts: [], evidence: [], marks: [] },
    rounds: [],
    payments: [],
    settings: { reminderDays: 3, reserveGoal: '0.00', reserveSaved: '0.00' },
    billColumnMaps: [],
  };
}
