// Chinese numerals in money and counts: 大写 (壹万贰仟叁佰元整, 叁仟贰佰伍拾陆元柒角捌分) and
// 小写 (一万二千元, 三十七). Money through Decimal; counts are small integers.
import { Money, type Decimal } from '../money/decimal';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** The characters an integer in Chinese numerals is made of (for regular expressions). */
export const CN_INT_CHARS = '零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億';

/** 三十七 → 37, 一百零五 → 105, 壹万贰仟叁佰 → 12300; undefined if it is not such a number. */
export function parseChineseInteger(text: string): number | undefined {
  if (text === '') return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastWasDigit = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    const small = SMALL_UNITS[ch];
    const big = BIG_UNITS[ch];
    if (d !== undefined) {
      // Two digits in a row without a unit ("一二") is not a number, except 零 fillers.
      if (lastWasDigit && d !== 0 && digit !== 0) return undefined;
      digit = d;
      lastWasDigit = true;
    } else if (small !== undefined) {
      section += (digit ?? 1) * small; // number-ok: integer count assembly
      digit = undefined;
      lastWasDigit = false;
    } else if (big !== undefined) {
      const part = section + (digit ?? 0); // number-ok: integer count assembly
      if (big === 100_000_000)
        total = (total + part) * big; // number-ok: integer count assembly
      else total += (part === 0 ? 1 : part) * big; // number-ok: integer count assembly
      section = 0;
      digit = undefined;
      lastWasDigit = false;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0); // number-ok: integer count assembly
}

/**
 * An amount written in Chinese numerals: "壹万贰仟叁佰元整" → 12300, "叁仟贰佰伍拾陆元柒角捌分" →
 * 3256.78, "一万二千元" → 12000, "伍角" → 0.5. The text is exactly the amount (元/圆 and the
 * optional 角, 分, 整); undefined if it is not one.
 */
export function parseChineseAmount(text: string): Decimal | undefined {
  const m = /^([^元圆角分整]*)(?:[元圆])?(?:([^元圆角分整])角)?(?:([^元圆角分整])分)?整?$/.exec(text);
  if (!m) return undefined;
  const [, intPart = '', jiao, fen] = m;
  const yuan = intPart === '' ? 0 : parseChineseInteger(intPart);
  if (yuan === undefined) return undefined;
  if (intPart !== '' && !/[元圆]/.test(text)) return undefined;
  const j = jiao === undefined ? 0 : DIGITS[jiao];
  const f = fen === undefined ? 0 : DIGITS[fen];
  if (j === undefined || f === undefined) return undefined;
  return new Money(yuan).plus(new Money(j).dividedBy(10)).plus(new Money(f).dividedBy(100));
}
