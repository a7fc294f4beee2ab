// Realistic collection messages, written for these tests (no real people or numbers).
import { describe, expect, it } from 'vitest';
import { extractClaims, parseChineseCount } from '../../shared/collection-claims';

describe('extractClaims', () => {
  it.each([
    ['您的借呗已逾期37天，欠款金额共计12,345.67元，请尽快处理。', { amountOwed: '12345.67', overdueDays: 37 }],
    ['【花呗】尊敬的用户，您的花呗账单已逾期15天，应还金额￥3,208.40，逾期将影响您的信用记录，请于今日内还款。', { amountOwed: '3208.40', overdueDays: 15 }],
    ['【XX银行】您尾号8812的信用卡已逾期，当前欠款人民币58,230.00元，其中最低还款额5,823.00元，请立即还款。', { amountOwed: '58230.00', minimumPayment: '5823.00' }],
    ['【XX消费金融】王先生，您的借款逾期天数：92天，待还总计：２０，５１６．３３元。如未在48小时内全额还款，我司将按合同约定处理。', { amountOwed: '20516.33', overdueDays: 92 }],
    ['您好，您在我司的贷款已逾期三十七天，请于今天下午5点前全额还款8800元，否则将上门核实。', { amountOwed: '8800.00', overdueDays: 37 }],
    ['温馨提示：您的账户已逾期一百零五天，未还金额：¥ 9999.99', { amountOwed: '9999.99', overdueDays: 105 }],
    ['您的欠款已拖欠两百天，共计1.5万元，请联系客服协商。', { amountOwed: '15000.00', overdueDays: 200 }],
    ['本期账单应还款 1,200.00 元，最后还款日 10月18日。', { amountOwed: '1200.00', dueDate: '10-18' }],
    ['【XX银行】您的信用卡本期最低还款额320.00元，请按时还款，如已还款请忽略。', { minimumPayment: '320.00' }],
    ['限时活动：逾期罚息共计300元可申请减免，仅需还款8000元即可结清。', {}],
    ['您好，您的验证码是 482910，5分钟内有效。', {}],
    ['您的账户已逾期，罚息合计256.30元，应还总额10,256.30元（含罚息）。', { amountOwed: '10256.30' }],
  ])('%s', (body, expected) => {
    expect(extractClaims(body)).toEqual(expected);
  });

  it('leaves fields undefined when absent', () => {
    const c = extractClaims('请尽快还款。');
    expect(c.amountOwed).toBeUndefined();
    expect(c.overdueDays).toBeUndefined();
  });
  it('does not read a count as an amount (共计3笔)', () => {
    expect(extractClaims('您共计3笔借款已逾期10天').amountOwed).toBeUndefined();
  });
});

describe('parseChineseCount', () => {
  it.each([
    ['三十七', 37],
    ['十五', 15],
    ['十', 10],
    ['一百零五', 105],
    ['两百', 200],
    ['九十九', 99],
    ['一千二百三十', 1230],
  ])('%s → %d', (s, n) => {
    expect(parseChineseCount(s)).toBe(n);
  });
  it('rejects what is not a Chinese count', () => {
    expect(parseChineseCount('')).toBeUndefined();
    expect(parseChineseCount('三天')).toBeUndefined();
  });
});
