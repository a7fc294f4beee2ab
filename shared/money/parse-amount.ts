// Reading amounts, rates and counts typed by people (or pasted from apps and SMS).
// Lenient on form (full-width digits, ¥ / 元, thousands separators, spaces around),
// strict on meaning: anything that could be read two ways is rejected with a Chinese
// message that says how to write it, never guessed.
import { BadInputError } from '../errors';
import { Money, formatMoneyGrouped, type Decimal } from './decimal';

/**
 * The largest amount accepted: 100,000,000.00 元 (1 亿). Consumer credit in this app is
 * far below it; anything larger is a typo (an extra 0, a pasted account number), and
 * 大写 conversion is only specified up to 亿.
 */
export const MAX_AMOUNT = new Money('100000000.00');

export interface AmountOptions {
  /** What the field is called in messages, e.g. "本金". Default "金额". */
  label?: string;
  allowNegative?: boolean;
  /** Default true. */
  allowZero?: boolean;
}

/** NFKC folds full-width digits, ．，￥％－ and the ideographic space to ASCII. */
function fold(input: string): string {
  return input.normalize('NFKC').replace(/。/g, '.').trim();
}

function describe(input: string): string {
  return input.length > 40 ? `${input.slice(0, 40)}…` : input;
}

const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;

/**
 * Parses the digits of a non-negative decimal number; `maxDecimals` limits the
 * fraction. Throws BadInputError naming `label` on anything ambiguous.
 */
function parseUnsigned(body: string, label: string, original: string, maxDecimals: number, allowGrouping: boolean): Decimal {
  if (body === '') throw new BadInputError(`${label}为空`);
  if (/^(nan|[+-]?inf(inity)?)$/i.test(body)) throw new BadInputError(`${label}不是一个数字：${describe(original)}`);
  if (/\s/.test(body)) {
    throw new BadInputError(`${label}的数字中间有空格：${describe(original)}（请去掉空格，例如 12345.67）`);
  }
  if (/[eE]/.test(body)) throw new BadInputError(`${label}不能用科学计数法：${describe(original)}`);
  const dots = body.split('.').length - 1; // number-ok: counting characters, not money
  if (dots > 1) {
    throw new BadInputError(`${label}里有多个小数点：${describe(original)}（小数点只能有一个；千位分隔请用逗号，例如 1,234.56）`);
  }
  const [intPart = '', fracPart] = body.split('.');
  if (fracPart !== undefined && (intPart === '' || fracPart === '')) {
    throw new BadInputError(`${label}的小数点前后都要有数字：${describe(original)}`);
  }
  if (fracPart !== undefined && !PLAIN.test(fracPart)) {
    if (fracPart.includes(',')) {
      throw new BadInputError(`${label}的逗号位置不对：${describe(original)}（逗号只用作千位分隔，例如 1,234.56）`);
    }
    throw new BadInputError(`${label}不是有效的数字：${describe(original)}`);
  }
  if (intPart.includes(',')) {
    if (!allowGrouping) throw new BadInputError(`${label}里不能有逗号：${describe(original)}`);
    if (!GROUPED.test(intPart)) {
      throw new BadInputError(`${label}的千位分隔符位置不对：${describe(original)}（逗号后面必须正好是三位数字，例如 1,234.56；如果是小数，请用小数点）`);
    }
    if (intPart.startsWith('0')) throw new BadInputError(`${label}的写法有歧义：${describe(original)}`);
  } else if (!PLAIN.test(intPart)) {
    throw new BadInputError(`${label}不是有效的数字：${describe(original)}（只能包含数字、小数点和千位逗号）`);
  }
  if (fracPart !== undefined && fracPart.length > maxDecimals) {
    throw new BadInputError(
      maxDecimals === 2 ? `${label}最多两位小数（精确到分）：${describe(original)}` : `${label}的小数位太多（最多 ${maxDecimals} 位）：${describe(original)}`,
    );
  }
  return new Money(fracPart === undefined ? intPart.replace(/,/g, '') : `${intPart.replace(/,/g, '')}.${fracPart}`);
}

/**
 * An amount of money in 元: "1234.56", "1,234.56", "１２３４．５６", "¥1,234.56", "￥ 12",
 * "12345.67元", "-5" (only with allowNegative). At most 2 decimals, at most
 * MAX_AMOUNT in absolute value.
 */
export function parseAmount(input: unknown, options: AmountOptions = {}): Decimal {
  const label = options.label ?? '金额';
  if (typeof input !== 'string') throw new BadInputError(`${label}必须是文字形式的数字，例如 "1234.56"`);
  let s = fold(input);
  if (s === '') throw new BadInputError(`请输入${label}`);
  let negative = false;
  // Sign first or after the currency sign: "-¥12", "¥-12".
  const signed = /^([+-])?\s*(¥|RMB|CNY)?\s*([+-])?\s*/i.exec(s);
  if (signed) {
    if (signed[1] !== undefined && signed[3] !== undefined) throw new BadInputError(`${label}的正负号重复：${describe(input)}`);
    negative = (signed[1] ?? signed[3]) === '-';
    s = s.slice(signed[0].length);
  }
  s = s.replace(/\s*(元|块)\s*$/, '').trimEnd();
  if (/^\d[\d,.]*\s*万/.test(s)) {
    throw new BadInputError(`${label}请写成完整数字，不要用"万"：${describe(input)}（例如 12000）`);
  }
  const value = parseUnsigned(s, label, input, 2, true);
  if (value.isZero()) {
    if (options.allowZero === false) throw new BadInputError(`${label}不能为 0`);
    return new Money(0);
  }
  if (negative && !options.allowNegative) throw new BadInputError(`${label}不能为负数：${describe(input)}`);
  if (value.greaterThan(MAX_AMOUNT)) {
    throw new BadInputError(`${label}过大：${describe(input)}（上限 ${formatMoneyGrouped(MAX_AMOUNT)} 元）`);
  }
  return negative ? value.negated() : value;
}

export type RateKind = 'daily' | 'annual';

const RATE_NAMES: Record<RateKind, string> = { daily: '日利率', annual: '年利率' };

/**
 * A rate: a decimal ("0.0005") or a percentage ("0.05%", "０．０５％"). Must be ≥ 0 and
 * below 100 % per day or per year (a daily rate of 1 would double the debt every day).
 * Up to 12 significant decimals; no grouping commas.
 */
export function parseRate(input: unknown, kind: RateKind, label = RATE_NAMES[kind]): Decimal {
  if (typeof input !== 'string') throw new BadInputError(`${label}必须是文字形式的数字，例如 "0.0005" 或 "0.05%"`);
  let s = fold(input);
  if (s === '') throw new BadInputError(`请输入${label}`);
  if (s.startsWith('-')) throw new BadInputError(`${label}不能为负数：${describe(input)}`);
  if (s.startsWith('+')) s = s.slice(1).trimStart();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trimEnd();
  if (s.includes('%')) throw new BadInputError(`${label}的写法不对：${describe(input)}`);
  const raw = parseUnsigned(s, label, input, percent ? 10 : 12, false);
  const rate = percent ? raw.dividedBy(100) : raw;
  if (rate.greaterThanOrEqualTo(1)) {
    throw new BadInputError(`${label}必须小于 100%：${describe(input)}（小数写法如 0.0005，百分比写法如 0.05%）`);
  }
  return rate;
}

export interface CountOptions {
  label: string;
  min: number;
  max: number;
}

/** A whole number typed by a person (days, installments): full-width digits accepted. */
export function parseCount(input: unknown, { label, min, max }: CountOptions): number {
  if (typeof input !== 'string') throw new BadInputError(`${label}必须是整数`);
  const s = fold(input);
  if (s === '') throw new BadInputError(`请输入${label}`);
  if (!/^[+-]?\d+$/.test(s)) throw new BadInputError(`${label}必须是整数：${describe(input)}`);
  if (s.replace(/^[+-]/, '').length > 9) throw new BadInputError(`${label}过大：${describe(input)}（范围 ${min}–${max}）`);
  const n = Number.parseInt(s, 10);
  if (n < min || n > max) throw new BadInputError(`${label}必须在 ${min} 到 ${max} 之间：${describe(input)}`);
  return n;
}
