// The amounts a message states, each read with the words in front of it (or, failing
// those, right after it) to tell what it is: the total owed, what is left after a
// payment, this period's bill, the minimum payment, an amount paid, or something that is
// no debt at all (a fee on its own, an offer, a credit line). Amounts: 12,345.67 / ¥3256.78
// / 人民币58,230.00元 / 1.5万元 / 壹万贰仟叁佰元整 / 一万二千元.
import { Money, formatMoney, type Decimal } from '../money/decimal';
import { MAX_AMOUNT } from '../money/parse-amount';
import { CN_INT_CHARS, parseChineseAmount } from './cn-numerals';

export type AmountRole = 'remaining' | 'total' | 'period' | 'minimum' | 'paid' | 'other' | 'generic' | 'unlabelled';

export interface AmountMention {
  value: string;
  role: AmountRole;
  index: number;
}

// Longest first inside each alternation: the regex takes the first alternative that matches.
const LABELS: [AmountRole, string[]][] = [
  ['remaining', ['剩余欠款', '剩余应还', '剩余未还', '剩余待还', '剩余本息', '剩余金额', '剩余', '尚欠', '仍欠', '还欠', '尚需还款', '仍需还款', '还需还款', '尚未还清']],
  ['minimum', ['最低还款额', '最低还款金额', '最低还款', '最低应还', '最低']],
  ['paid', ['已还款', '已还', '已归还', '已偿还', '还款成功', '成功还款', '已入账', '已收到', '实还', '已扣款', '已缴']],
  [
    'period',
    [
      '本期应还金额',
      '本期应还款',
      '本期应还',
      '本期账单金额',
      '本期账单',
      '本月应还',
      '当期应还',
      '本期还款额',
      '账单金额',
      '应还款额',
      '应还金额',
      '应还款',
      '应还',
      '需还款',
      '需还',
      '还款金额',
      '应缴',
      '账单',
    ],
  ],
  [
    'total',
    [
      '欠款总额',
      '总欠款',
      '欠款金额',
      '欠款本息',
      '欠款',
      '欠费',
      '应还总额',
      '全部应还',
      '应还本息',
      '总应还',
      '待还总额',
      '待还金额',
      '待还本息',
      '待还款',
      '待还',
      '未还金额',
      '未还本息',
      '未还款',
      '未还',
      '逾期金额',
      '逾期总额',
      '逾期本息',
      '逾期款项',
      '逾期应还',
      '本息合计',
      '结清金额',
      '款项',
      '全额',
      '欠',
    ],
  ],
  ['generic', ['合计', '共计', '总计', '总额', '一共', '金额']],
  [
    'other',
    [
      '本金',
      '利息',
      '罚息',
      '复利',
      '手续费',
      '违约金',
      '滞纳金',
      '服务费',
      '逾期费',
      '管理费',
      '担保费',
      '年费',
      '减免',
      '优惠',
      '仅需',
      '只需',
      '折后',
      '一次性结清',
      '分期',
      '每期',
      '月供',
      '额度',
      '可借',
      '余额',
      '可用',
      '最高',
      '借款金额',
      '借款',
      '贷款金额',
      '贷款',
      '放款',
      '到账',
      '消费',
      '交易',
      '支出',
      '转账',
      '打款',
      '汇款',
      '收入',
    ],
  ],
];

const ROLE_OF = new Map<string, AmountRole>();
for (const [role, words] of LABELS) for (const w of words) if (!ROLE_OF.has(w)) ROLE_OF.set(w, role);
const LABEL_RE = new RegExp([...ROLE_OF.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

const ARABIC = String.raw`(¥|RMB|CNY|人民币)?\s*(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![\d%])\s*(万)?\s*(元|块|圆)?`;
const CHINESE = `(人民币|大写[:：]?)?\\s*([${CN_INT_CHARS}]+[元圆](?:[零壹贰叁肆伍陆柒捌玖一二三四五六七八九]角)?(?:[零壹贰叁肆伍陆柒捌玖一二三四五六七八九]分)?整?)`;
const MENTION_RE = new RegExp(`${ARABIC}|${CHINESE}`, 'g');
/** A number followed by one of these is a count or a time, not money (unless it has ¥). */
const NOT_MONEY_AFTER = /^\s*(天|日|期|笔|个|次|小时|分钟|秒|号|月|年|位|岁|条|家|%|倍|周)/;
const SENTENCE_END = /[。；;！!？?\n]/;
const CLAUSE_END = /[，,。；;！!？?\n]/;

function lastIndexOf(re: RegExp, s: string): number {
  let last = -1;
  for (let i = 0; i < s.length; i++) if (re.test(s.charAt(i))) last = i;
  return last;
}

/**
 * The role given by the label in front: the nearest one; a generic 合计/共计 takes the role
 * of a specific word earlier in its clause. `gap` is what stands between label and amount.
 */
function roleBefore(before: string): { role: AmountRole; gap: string } | undefined {
  const clause = before.slice(lastIndexOf(CLAUSE_END, before) + 1);
  const labels = [...clause.matchAll(LABEL_RE)];
  const last = labels.at(-1);
  if (!last) return undefined;
  const gap = clause.slice((last.index ?? 0) + last[0].length);
  // The label must be close: at most 8 characters between it and the amount.
  if (gap.length > 8) return undefined;
  const role = ROLE_OF.get(last[0]);
  if (role === undefined) return undefined;
  if (role !== 'generic') return { role, gap };
  // "本金、利息及罚息共计…": a sum of listed parts is the whole debt.
  if (/[、及和与]/.test(clause.slice(0, last.index ?? 0))) return { role: 'total', gap };
  for (let i = labels.length - 2; i >= 0; i--) {
    const r = ROLE_OF.get(labels[i]?.[0] ?? '');
    if (r && r !== 'generic') return { role: r === 'period' || r === 'remaining' || r === 'total' ? r : 'other', gap };
  }
  return { role: 'generic', gap };
}

function roleAfter(after: string): AmountRole | undefined {
  const clause = after.slice(0, Math.max(0, after.search(CLAUSE_END)) || after.length).slice(0, 10);
  if (/^.{0,3}(已还|还款成功|已入账|已到账|已扣)/.test(clause)) return 'paid';
  if (/^.{0,6}(逾期未还|尚未归还|尚未还款|仍未归还|未还|待还|未归还|未结清|欠款)/.test(clause)) return 'total';
  if (/^.{0,1}已逾期/.test(clause)) return 'total';
  return undefined;
}

function toValue(m: RegExpMatchArray): Decimal | undefined {
  if (m[2] !== undefined) {
    let v = new Money(m[2].replace(/,/g, ''));
    if (m[3]) v = v.times(10_000);
    return v;
  }
  return m[6] === undefined ? undefined : parseChineseAmount(m[6]);
}

/** Every amount of money in the (NFKC-folded) text, in order, with its role. */
export function amountMentions(text: string): AmountMention[] {
  const out: AmountMention[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(MENTION_RE)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    const isChinese = m[6] !== undefined;
    const hasCurrency = Boolean(m[1] || m[5]);
    const hasUnit = isChinese || Boolean(m[4] || m[3]);
    if (!isChinese && !hasCurrency && !m[4] && NOT_MONEY_AFTER.test(text.slice(end))) continue;
    const windowStart = Math.max(previousEnd, index - 20, lastIndexOf(SENTENCE_END, text.slice(0, index)) + 1);
    const before = text.slice(windowStart, index);
    const label = roleBefore(before);
    // A bare number counts as money only right after an amount word ("欠款：5000") or with cents ("3208.40").
    const cents = /\.\d{2}$/.test(m[2] ?? '');
    const bareOk = label !== undefined && label.role !== 'other' && /^\s*[:：为是]?\s*$/.test(label.gap);
    if (!hasCurrency && !hasUnit && !cents && !bareOk) continue;
    let role = label?.role;
    if (role === undefined) role = roleAfter(text.slice(end)) ?? 'unlabelled';
    else if (role === 'generic') role = roleAfter(text.slice(end)) ?? 'total';
    const value = toValue(m);
    previousEnd = end;
    if (!value || value.isZero() || value.greaterThan(MAX_AMOUNT) || !value.toDecimalPlaces(2).equals(value)) continue;
    out.push({ value: formatMoney(value), role, index });
  }
  return out;
}
