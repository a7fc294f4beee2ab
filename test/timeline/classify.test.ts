// Messages that are never collection (issue 10), and collection that stays collection.
import { describe, expect, it } from 'vitest';
import { unrelatedKind } from '../../shared/timeline/classify';

describe('messages about nothing owed', () => {
  it.each([
    ['【支付宝】验证码 482913，用于登录，5分钟内有效。', '95188', 'verification_code'],
    ['您的动态密码为 6612，请勿告诉他人', '95555', 'verification_code'],
    ['尊敬的客户，您10月话费账单已出：套餐费58.00元，当前余额12.30元。', '10086', 'carrier_bill'],
    ['您本月已用流量 3.2GB，套餐剩余 6.8GB。', '10010', 'carrier_bill'],
    ['【蜀信银行】您尾号1234的储蓄卡10月9日支出200.00元，余额1,230.55元。', '95999', 'bank_notice'],
    ['【某某商城】双十一狂欢，全场满300减50，回T退订。', '10690002222', 'marketing'],
    ['信用卡、网贷逾期？专业债务协商团队，停息挂账办理，征信修复，成功后收费。', '10650003333', 'debt_scam'],
    ['逾期不用怕，债务优化一站式服务', '13900000000', 'debt_scam'],
  ] as const)('%s → %s', (text, sender, kind) => {
    expect(unrelatedKind(text, sender)).toBe(kind);
  });

  it.each([
    ['【花呗】您的花呗已逾期9天，应还金额8,620.00元，请尽快还款。', '95188'],
    ['【蜀信银行】您尾号4821的信用卡已逾期，欠款13,580.00元，余额请以账单为准。', '95999'],
    ['您的借呗欠款已委外处理，请尽快联系回电。', '13800008888'],
    ['已向重庆市渝北区人民法院提起诉讼，案号（2026）渝0112民初12345号', '02388880000'],
  ])('collection stays collection: %s', (text, sender) => {
    expect(unrelatedKind(text, sender)).toBeNull();
  });
});
