// Messages that state amounts but never a debt claim: verification codes, carrier bills,
// account-balance / transaction notices and marketing. Their figures must not be read as
// "the amount you owe" — a 话费 arrear or a credit line on offer is no collection claim.

/** Words that tie a message to consumer credit (a lender, a card, a loan, a collector). */
// Not 逾期 / 欠费: carriers write those too ("话费已逾期未缴，欠费56.80元").
const CREDIT = /花呗|借呗|白条|金条|微粒贷|信用卡|贷款|借款|网贷|消费金融|分期|欠款|催收|律师|调解|法务|债权/;
/** The lender's or collector's own words that a debt is overdue or unpaid. */
const OVERDUE = /已逾期|逾期\s*[:：]?\s*[\d第一二三四五六七八九十两百]|欠款|拖欠|未还|待还|催收|委托.{0,8}(处理|催)|应还|未结清|结清|还款/;

const VERIFICATION = /验证码|校验码|动态码|动态密码|短信密码|verification code/i;
const CARRIER = /话费|流量|套餐|停机|宽带|中国移动|中国联通|中国电信|手机号码.{0,6}欠费|手机.{0,4}欠费|缴费/;
const TRANSACTION =
  /余额宝|零钱通|今日收益|理财收益|(支出|收入|存入|转入|转出|消费|入账|取款|支付|交易|代扣|扣款|工资)[^。]{0,40}余额|余额[为:：]?\s*[¥\d]|可用余额|可用额度[为:：]?\s*[¥\d]/;
const MARKETING_OPT_OUT = /退订|回T|回TD|拒收|回N/i;
const MARKETING_OFFER = /额度|可借|提额|最高可|放款|利率|日息|优惠券|福利|抽奖|免息|秒到账|限时|领取|立即申请|预审|专享|低至|大促|满减|特惠/;

export type NonClaimKind = 'verification' | 'carrier' | 'balance' | 'marketing';

/** Why a message can carry no debt claim, or null when it may carry one. */
export function nonClaimKind(text: string): NonClaimKind | null {
  if (VERIFICATION.test(text)) return 'verification';
  if (CARRIER.test(text) && !CREDIT.test(text)) return 'carrier';
  if (TRANSACTION.test(text) && !OVERDUE.test(text)) return 'balance';
  if (MARKETING_OPT_OUT.test(text) && MARKETING_OFFER.test(text) && !OVERDUE.test(text)) return 'marketing';
  if (/(最高|可借|额度).{0,10}(万|元)/.test(text) && MARKETING_OFFER.test(text) && !OVERDUE.test(text)) return 'marketing';
  return null;
}
