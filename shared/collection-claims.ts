// What a collection SMS claims: the amount owed and the days overdue. The app shows
// these beside the user's own figures so a claim that does not match stands out
// ("confirm the overdue is real; don't believe unverified high fees"). Heuristic and
// conservative: a field is left undefined rather than guessed.
import { Money, formatMoney, type Decimal } from './money/decimal';
import { MAX_AMOUNT } from './money/parse-amount';

export interface CollectionClaims {
  /** The total the message says is owed, "12345.67". */
  amountOwed?: string;
  /** The days overdue the message states. */
  overdueDays?: number;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 三十七 → 37, 十五 → 15, 一百零五 → 105, 两百 → 200; undefined if it is not such a number. */
export function parseChineseCount(text: string): number | undefined {
  let total = 0;
  let current: number | undefined;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    const unit = CN_UNITS[ch];
    if (d !== undefined) {
      current = d;
    } else if (unit !== undefined) {
      total += (current ?? 1) * unit;
      current = undefined;
    } else {
      return undefined;
    }
  }
  total += current ?? 0;
  return text === '' ? undefined : total;
}

const DAYS_NUM = '(\\d{1,5}|[零〇一二两三四五六七八九十百千]{1,8})';
/** "已逾期37天", "逾期天数：37天", "逾期已达三十七天", "逾期超过 90 日". */
const DAYS_PATTERNS = [
  new RegExp(`逾期(?:天数)?\\s*[:：]?\\s*(?:已经|已|了|达到|已达|达|共|超过|长达)?\\s*${DAYS_NUM}\\s*(?:天|日)`),
  new RegExp(`(?:已经|已)?(?:拖欠|欠款|超期)\\s*${DAYS_NUM}\\s*(?:天|日)`),
];

function parseDays(text: string): number | undefined {
  for (const re of DAYS_PATTERNS) {
    const m = re.exec(text);
    const raw = m?.[1];
    if (raw === undefined) continue;
    const n = /^\d+$/.test(raw) ? Number(raw) : parseChineseCount(raw);
    if (n !== undefined && n > 0 && n <= 36500) return n;
  }
  return undefined;
}

/** Words that introduce the total a message says is owed. */
const OWED_WORDS = '欠款总额|欠款金额|欠款|欠费|应还总额|应还金额|应还款|应还|待还金额|待还款|待还|未还金额|未还款|未还|全额|逾期金额|逾期总额|总欠款|共计|合计|总计|总额';
/** Words meaning the amount is something else: a minimum, an offer, a fee. */
const NOT_OWED = /(最低|减免|优惠|仅需|只需|折后|罚息|利息|手续费|违约金|滞纳金)[^，,。；;]{0,6}$/;
const AMOUNT = '(?:[¥]|RMB|人民币)?\\s*(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?)\\s*(万)?\\s*(元|块)?';
const OWED_RE = new RegExp(`(${OWED_WORDS})[^\\d¥，,。；;!！?？]{0,10}?${AMOUNT}`, 'g');

function toAmount(digits: string, wan: string | undefined): Decimal | undefined {
  let value = new Money(digits.replace(/,/g, ''));
  if (wan) value = value.times(10000);
  if (value.isZero() || value.greaterThan(MAX_AMOUNT) || !value.toDecimalPlaces(2).equals(value)) return undefined;
  return value;
}

function parseAmountOwed(text: string): string | undefined {
  for (const m of text.matchAll(OWED_RE)) {
    const digits = m[2];
    if (digits === undefined) continue;
    // A bare number after 共计 etc. could be a count ("共计3笔"): require 元, ¥ or a decimal.
    const hasUnit = m[4] !== undefined || /[¥]|RMB|人民币/.test(m[0]) || digits.includes('.') || digits.includes(',');
    if (!hasUnit && !/金额|总额/.test(m[1] ?? '')) continue;
    const before = text.slice(0, m.index ?? 0) + (m[1] ?? '');
    if (NOT_OWED.test(before)) continue;
    const value = toAmount(digits, m[3]);
    if (value) return formatMoney(value);
  }
  return undefined;
}

/** Reads the amount owed and the days overdue that an SMS body claims. */
export function extractClaims(body: string): CollectionClaims {
  // NFKC: full-width digits, ￥ and ，：to ASCII.
  const text = body.normalize('NFKC');
  const claims: CollectionClaims = {};
  const amountOwed = parseAmountOwed(text);
  if (amountOwed !== undefined) claims.amountOwed = amountOwed;
  const overdueDays = parseDays(text);
  if (overdueDays !== undefined) claims.overdueDays = overdueDays;
  return claims;
}
