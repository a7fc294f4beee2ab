// Messages that are never debt collection, whoever sent them: verification codes, phone
// bills from the carriers, bank balance and transaction notices, marketing (退订 / 回T),
// and the paid "债务优化 / 债务协商 / 征信修复" offers five regulators warned against
// (docs/domain.md §7). Such a message gets no conduct flag and no creditor side: a code
// at 02:00 is not night collection, a scam offer is not the creditor's collector.
// Heuristic on purpose, on NFKC text; the user can still set a side by hand. Isomorphic.

export const UNRELATED_KINDS = ['verification_code', 'carrier_bill', 'bank_notice', 'marketing', 'debt_scam'] as const;
export type UnrelatedKind = (typeof UNRELATED_KINDS)[number];

/** The kind in words (zh-CN), for the timeline and the CLI. */
export const UNRELATED_ZH: Record<UnrelatedKind, string> = {
  verification_code: '验证码',
  carrier_bill: '运营商话费/流量通知',
  bank_notice: '银行余额或交易提醒',
  marketing: '营销广告',
  debt_scam: '“债务优化/协商/征信修复”类推销（监管部门提示的骗局）',
};

const VERIFICATION = /验证码|校验码|动态码|动态密码|确认码|认证码|verification code/i;
const SCAM =
  /债务优化|债务协商|债务重组|债务规划|债务置换|债务处理(?:中心|团队|专家)|征信(?:修复|洗白|优化|铲单|消除|逾期处理)|修复征信|洗白征信|停息挂账(?:办理|专家|团队|服务|咨询)|(?:代理|代办|专业|一站式)(?:协商|停息|分期|还款)|逾期上岸|债务上岸/;
const CARRIER_SENDERS = /^(?:10086|10010|10000|10001|10011|10099|100\d{2})$/;
const CARRIER_WORDS = /话费|流量|套餐|月租|通信费|宽带|中国移动|中国联通|中国电信|中国广电/;
const BILLING = /账单|余额|消费|欠费|扣费|已用|剩余|缴费|充值|结余/;
const BANK_NOTICE = /余额|可用额度|(?:支出|收入|存入|转入|转出|入账|出账|扣款|消费|退款|代发|工资)(?:人民币|RMB)?[\d,.]+元?|动账|交易(?:提醒|通知)/;
const MARKETING = /退订|回T|回复T|回TD|拒收请回|回N退|回R拒|回复R/i;
/** Words of an overdue debt: with these a balance or marketing line is not "unrelated". */
const DEBT = /逾期|欠款|拖欠|催收|催缴|催款|委外|追偿|追讨|清收|违约|应还未还|未按时还款|还款日已过|诉讼|起诉/;

/** Why a message is not collection, or null when it may be. `sender` is the number key. */
export function unrelatedKindNfkc(text: string, sender: string): UnrelatedKind | null {
  if (text.trim() === '') return null;
  if (VERIFICATION.test(text) && /\d{4,8}/.test(text)) return 'verification_code';
  if (SCAM.test(text)) return 'debt_scam';
  if ((CARRIER_SENDERS.test(sender) || CARRIER_WORDS.test(text)) && CARRIER_WORDS.test(text) && BILLING.test(text) && !DEBT.test(text)) return 'carrier_bill';
  if (DEBT.test(text)) return null;
  if (BANK_NOTICE.test(text)) return 'bank_notice';
  if (MARKETING.test(text)) return 'marketing';
  return null;
}

export function unrelatedKind(text: string, sender: string): UnrelatedKind | null {
  return unrelatedKindNfkc(text.normalize('NFKC'), sender);
}
