// The case JSON's bad input: every problem reported with its JSON path, in Chinese, and
// nothing accepted while one remains (the vault side is in import-export.test.ts).
import { describe, expect, it } from 'vitest';
import { problemLine, validateCase, type CaseValidation } from '../../shared/case/validate';
import { sampleCase, TODAY } from './fixtures';

function problems(v: CaseValidation): string[] {
  if (v.ok) throw new Error('expected problems');
  return v.problems.map(problemLine);
}

function withChange(change: (doc: any) => void): unknown {
  const doc = structuredClone(sampleCase()) as any;
  change(doc);
  return doc;
}

describe('case JSON validation', () => {
  it('accepts the sample case, with no warnings', () => {
    const v = validateCase(sampleCase(), TODAY);
    expect(v).toMatchObject({ ok: true, warnings: [] });
  });

  it('wrong types: every problem at its JSON path, all of them at once', () => {
    const v = validateCase(
      withChange((d) => {
        d.accounts[1].principal = 20000;
        d.accounts[0].penalty.graceDays = '3';
        d.creditors[2].product = 'loan-shark';
        d.finances.income[0].monthly = null;
        d.plans[0].installments = 2.5;
        d.hardship = 'lost job';
        d.snapshots[0].extra = true;
        delete d.applicant.name;
      }),
      TODAY,
    );
    expect(problems(v)).toEqual([
      'applicant.name: 缺少这个字段',
      expect.stringMatching(/^creditors\[2\]\.product: 只能是 huabei \/ jiebei \/ credit-card \/ other 之一，而不是 "loan-shark"$/),
      'accounts[0].penalty.graceDays: 必须是整数，而不是 "3"',
      'accounts[1].principal: 金额必须是文字形式的数字（带引号），例如 "1825.00"，而不是 20000',
      'snapshots[0].extra: 未知字段（拼写是否有误？本程序不认识这个字段）',
      'hardship: 必须是对象（{…}），而不是 文字 "lost job"',
      expect.stringMatching(/^finances\.income\[0\]\.monthly: 金额必须是文字/),
      'plans[0].installments: 必须是整数，而不是 2.5',
    ]);
  });

  it('not an object at all, or the wrong format/version', () => {
    expect(problems(validateCase([], TODAY))).toEqual(['必须是对象（{…}），而不是 列表']);
    const v = validateCase(
      withChange((d) => ((d.format = 'other'), (d.version = 2))),
      TODAY,
    );
    expect(problems(v)).toEqual(['format: format 必须是 "xieshang-case"', 'version: version 必须是 1（本程序只认识这个版本）']);
  });

  it('negative, badly written and absurd amounts', () => {
    const v = validateCase(
      withChange((d) => {
        d.accounts[0].principal = '-5.00';
        d.accounts[0].interest = '12';
        d.accounts[0].fees = '1,000.00';
        d.accounts[1].principal = '100000000.01';
        d.accounts[1].interest = '9999999999.00';
        d.accounts[1].fees = '1.005';
      }),
      TODAY,
    );
    expect(problems(v)).toEqual([
      'accounts[0].principal: 金额不能为负数：-5.00',
      'accounts[0].interest: 金额必须正好有两位小数：12（例如 "12.00"）',
      'accounts[0].fees: 金额格式不对：1,000.00（应为两位小数的文字，例如 "1825.00"，不带逗号和货币符号）',
      'accounts[1].principal: 金额过大，不像真实欠款：100000000.01（上限 100,000,000.00 元）',
      'accounts[1].interest: 金额过大：9999999999.00（上限 100,000,000.00 元）',
      'accounts[1].fees: 金额最多两位小数（精确到分）：1.005',
    ]);
  });

  it('rates at or above 100 %, negative or written as a percentage', () => {
    const v = validateCase(
      withChange((d) => {
        d.accounts[0].penalty.dailyRate = '1';
        d.accounts[1].penalty.dailyRate = '0.05%';
      }),
      TODAY,
    );
    expect(problems(v)).toEqual([
      'accounts[0].penalty.dailyRate: 日利率必须小于 100%：1（"0.0005" 表示每天 0.05%）',
      'accounts[1].penalty.dailyRate: 日利率格式不对：0.05%（用小数写，例如 "0.0005" 表示每天 0.05%；不要写百分号）',
    ]);
    expect(
      problems(
        validateCase(
          withChange((d) => (d.accounts[0].penalty.dailyRate = '-0.0005')),
          TODAY,
        ),
      ),
    ).toEqual(['accounts[0].penalty.dailyRate: 日利率不能为负数：-0.0005']);
    expect(
      problems(
        validateCase(
          withChange((d) => (d.lpr = [{ from: '2026-03-20', rate: '0.3', note: '' }])),
          TODAY,
        ),
      ),
    ).toEqual([expect.stringMatching(/^lpr: .*不像一年期 LPR/)]);
  });

  it('zero or more than 60 installments', () => {
    expect(
      problems(
        validateCase(
          withChange((d) => (d.plans[0].installments = 0)),
          TODAY,
        ),
      ),
    ).toEqual(['plans[0].installments: 必须在 1 到 60 之间：0']);
    expect(
      problems(
        validateCase(
          withChange((d) => (d.plans[0].installments = 61)),
          TODAY,
        ),
      ),
    ).toEqual(['plans[0].installments: 必须在 1 到 60 之间：61']);
  });

  it('dates that do not exist, or are not YYYY-MM-DD', () => {
    const v = validateCase(
      withChange((d) => {
        d.plans[0].firstDate = '2026-02-30';
        d.accounts[0].dueDate = '2026/01/09';
        d.hardship.since = '2025-13-01';
      }),
      TODAY,
    );
    expect(problems(v)).toEqual([
      'accounts[0].dueDate: 日期格式不对：2026/01/09（应为 YYYY-MM-DD，例如 2026-01-31）',
      'hardship.since: 日期的月份不存在：2025-13-01（月份应为 01–12）',
      'plans[0].firstDate: 日期不存在：2026-02-30（2026 年 2 月只有 28 天）',
    ]);
  });

  it('a first payment date in the past is allowed, with a warning', () => {
    const v = validateCase(
      withChange((d) => (d.plans[0].firstDate = '2026-02-10')),
      TODAY,
    );
    expect(v).toEqual({
      ok: true,
      doc: expect.anything(),
      warnings: [{ path: 'plans[0].firstDate', message: '首期还款日 2026-02-10 已经过去' }],
    });
  });

  it('references that do not resolve, duplicate ids', () => {
    const v = validateCase(
      withChange((d) => {
        d.accounts[1].creditorId = 'nobody';
        d.snapshots[0].accountId = 'gone';
        d.plans[0].accountIds = ['a-huabei', 'missing'];
        d.agreements[0].planId = 'p-none';
        d.creditors[1].id = 'c-ant-huabei';
      }),
      TODAY,
    );
    expect(problems(v)).toEqual([
      'creditors[1].id: 编号 c-ant-huabei 重复',
      'accounts[1].creditorId: 找不到债权机构 nobody（creditors 里没有这个编号）',
      'snapshots[0].accountId: 找不到账户 gone',
      'plans[0].accountIds[1]: 找不到账户 missing',
      'agreements[0].planId: 找不到方案 p-none',
    ]);
  });

  it('plan totals must follow their basis; over capacity needs the acknowledgement', () => {
    expect(
      problems(
        validateCase(
          withChange((d) => (d.plans[0].total = '9000.00')),
          TODAY,
        ),
      ),
    ).toEqual(['plans[0].total: 与还款基础 principal 不符（应为 10000.00）']);
    expect(
      problems(
        validateCase(
          withChange((d) => (d.plans[0].owed.total = '1.00')),
          TODAY,
        ),
      ),
    ).toEqual(['plans[0].owed.total: 不等于本金、利息、罚息和费用之和（应为 10410.00）']);
    const over = withChange((d) => (d.plans[0].installments = 10));
    expect(problems(validateCase(over, TODAY))).toEqual([
      'plans[0].overCapacityAck: 每期最多 1,000.00 元，超出每月可用于还款的 400.00 元：超出能力的方案必须有明确确认（overCapacityAck）',
    ]);
    (over as any).plans[0].overCapacityAck = { at: '2026-03-01T10:00:00+08:00', capacity: '400.00', largestInstallment: '1000.00' };
    expect(validateCase(over, TODAY).ok).toBe(true);
  });

  it('agreement installments must number 1…N and sum to the total', () => {
    const v = validateCase(
      withChange((d) => {
        d.agreements[0].installments[1].n = 3;
        d.agreements[0].installments[1].amount = '4000.00';
        d.agreements[0].installments[1].paidOn = '2026-05-01';
      }),
      TODAY,
    );
    expect(problems(v)).toEqual([
      'agreements[0].installments[1].n: 期数应为 2（按顺序从 1 开始）',
      'agreements[0].installments[1].paidOn: 未还的一期不能有还款日期（paid 为 false 时 paidOn 应为 null）',
      'agreements[0].total: 各期之和为 9000.00，不等于协议总额 10000.00',
    ]);
  });
});
