// Amounts in Chinese capital numerals (大写金额) for financial documents.
//
// Convention: 中国人民银行《支付结算办法》（银发〔1997〕393号）附件一《正确填写票据和结算凭证
// 的基本规定》:
//  - 大写金额到"元"为止的，"元"之后写"整"；到"角"为止的，"角"之后可以不写"整"；有"分"的，
//    "分"后面不写"整"。We write NO 整 after 角 (100.50 → 壹佰元伍角): the rule allows it,
//    and cli.md says 整 only "when there are no 角 and 分".
//  - 数字中间有"0"时写"零"；连续几个"0"只写一个"零"；元位是"0"而角位不是"0"时，可写可不写
//    "零" — we do not (1680.32 → 壹仟陆佰捌拾元叁角贰分); 角 is 0 and 分 is not → 零 (1.05 →
//    壹元零伍分).
//  - Every 拾 carries its digit: 10 → 壹拾元整 (never 拾元整), so nothing can be prefixed.
// The leading 人民币 is left to the document template.
import { BadInputError } from '../errors';
import { dec, formatMoney, toCents, type DecimalInput } from './decimal';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
/** Position names inside a group of four digits, most significant first. */
const PLACES = ['仟', '佰', '拾', ''] as const;
/** Units of the three four-digit groups of a 12-digit integer part. */
const GROUP_UNITS = ['亿', '万', ''] as const;

function digit(ch: string): string {
  const d = DIGITS[Number(ch)];
  if (d === undefined) throw new Error(`not a digit: ${ch}`);
  return d;
}

/** The integer part in words, '' for 0. Zeros inside and between groups become one 零. */
function integerWords(intDigits: string): string {
  const groups = intDigits.padStart(12, '0').match(/\d{4}/g) ?? [];
  let out = '';
  let pendingZero = false;
  groups.forEach((group, gi) => {
    if (group === '0000') {
      if (out !== '') pendingZero = true;
      return;
    }
    [...group].forEach((ch, j) => {
      if (ch === '0') {
        if (out !== '') pendingZero = true;
        return;
      }
      if (pendingZero) out += '零';
      pendingZero = false;
      out += digit(ch) + (PLACES[j] ?? '');
    });
    out += GROUP_UNITS[gi] ?? '';
    // Trailing zeros of a group are read as part of its unit: 107000 → 壹拾万柒仟.
    pendingZero = false;
  });
  return out;
}

/**
 * 大写 for a non-negative amount with at most two decimals, below 1 万亿:
 * 1.05 → 壹元零伍分, 10000 → 壹万元整, 100.50 → 壹佰元伍角, 0.05 → 伍分, 0 → 零元整.
 */
export function daxie(amount: DecimalInput): string {
  const value = dec(amount);
  if (!value.isFinite()) throw new BadInputError('金额不是有效数字');
  if (value.isNegative() && !value.isZero()) throw new BadInputError('大写金额不能为负数');
  if (!toCents(value).equals(value)) throw new BadInputError(`金额最多两位小数（精确到分）：${value.toFixed()}`);
  const [intDigits = '0', frac = '00'] = formatMoney(value.abs()).split('.');
  if (intDigits.length > 12) throw new BadInputError('金额过大，无法写成大写（上限为万亿以下）');
  const jiao = frac.charAt(0);
  const fen = frac.charAt(1);
  const yuan = integerWords(intDigits);
  if (jiao === '0' && fen === '0') return `${yuan || '零'}元整`;
  let out = yuan === '' ? '' : `${yuan}元`;
  if (jiao !== '0') out += `${digit(jiao)}角`;
  else if (yuan !== '') out += '零';
  if (fen !== '0') out += `${digit(fen)}分`;
  return out;
}
