// The field types of the case JSON (docs/case.schema.json): money as strings with exactly
// two decimals ("1825.00"), rates as decimal strings ("0.0005"), dates as YYYY-MM-DD that
// exist on the calendar. Every check carries a Chinese message that says what to write;
// the path of the field is added by the caller (accounts[1].principal: …).
// Isomorphic: zod and shared/ only.
import { z } from 'zod';
import { detailOf } from './detail';
import { parseDate } from '../time/beijing';
import { Money } from '../money/decimal';
import { MAX_AMOUNT } from '../money/parse-amount';

export { detailOf };

/** The value as JSON, so "3" (text) and 3 (number) read differently in a type error. */
function shown(input: unknown): string {
  const s = JSON.stringify(input) ?? String(input);
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

function preview(input: unknown): string {
  const s = typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

export const MONEY_PATTERN = /^\d{1,9}\.\d{2}$/;

function moneyMessage(input: unknown): string {
  const s = typeof input === 'string' ? input.trim() : '';
  if (s.startsWith('-')) return `金额不能为负数：${preview(input)}`;
  if (/^\d+$/.test(s)) return `金额必须正好有两位小数：${preview(input)}（例如 "${s}.00"）`;
  if (/^\d+\.\d$/.test(s)) return `金额必须正好有两位小数：${preview(input)}（例如 "${s}0"）`;
  if (/^\d+\.\d{3,}$/.test(s)) return `金额最多两位小数（精确到分）：${preview(input)}`;
  if (/^\d{10,}(\.\d*)?$/.test(s)) return `金额过大：${preview(input)}（上限 100,000,000.00 元）`;
  return `金额格式不对：${preview(input)}（应为两位小数的文字，例如 "1825.00"，不带逗号和货币符号）`;
}

/** A non-negative amount in 元, at most 1 亿: "1825.00". */
export const MoneyString = z
  .string({ error: (iss) => `金额必须是文字形式的数字（带引号），例如 "1825.00"，而不是 ${shown(iss.input)}` })
  .regex(MONEY_PATTERN, { abort: true, error: (iss) => moneyMessage(iss.input) })
  .refine((s) => !new Money(s).greaterThan(MAX_AMOUNT), {
    error: (iss) => `金额过大，不像真实欠款：${preview(iss.input)}（上限 100,000,000.00 元）`,
  })
  .meta({ description: '金额（元），正好两位小数的文字 / amount in yuan, exactly two decimals', examples: ['1825.00'] });

export const DAILY_RATE_PATTERN = /^\d+(\.\d{1,12})?$/;

/** A daily rate as a decimal string below 1 (100 % a day): "0.0005" is 0.05 % a day. */
export const DailyRateString = z
  .string({ error: (iss) => `日利率必须是文字形式的小数（带引号），例如 "0.0005"，而不是 ${shown(iss.input)}` })
  .regex(DAILY_RATE_PATTERN, {
    abort: true,
    error: (iss) =>
      typeof iss.input === 'string' && iss.input.trim().startsWith('-')
        ? `日利率不能为负数：${preview(iss.input)}`
        : `日利率格式不对：${preview(iss.input)}（用小数写，例如 "0.0005" 表示每天 0.05%；不要写百分号）`,
  })
  .refine((s) => new Money(s).lessThan(1), {
    error: (iss) => `日利率必须小于 100%：${preview(iss.input)}（"0.0005" 表示每天 0.05%）`,
  })
  .meta({ description: '日利率，小数形式 / daily rate as a decimal string ("0.0005" = 0.05 % a day)', examples: ['0.0005'] });

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date that exists: YYYY-MM-DD. */
export const DateString = z
  .string({ error: (iss) => `日期必须是 YYYY-MM-DD 格式的文字，而不是 ${shown(iss.input)}` })
  .regex(DATE_PATTERN, {
    abort: true,
    error: (iss) => `日期格式不对：${preview(iss.input)}（应为 YYYY-MM-DD，例如 2026-01-31）`,
  })
  .superRefine((s, ctx) => {
    try {
      parseDate(s);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: detailOf(err) });
    }
  })
  .meta({ description: '日期 YYYY-MM-DD / a date that exists', examples: ['2026-01-31'] });

/** An ISO 8601 time with offset: 2024-10-18T14:30:22+08:00 (or Z). */
export const TimeString = z.iso
  .datetime({ offset: true, error: (iss) => `时间格式不对：${preview(iss.input)}（应为 ISO 8601，例如 2024-10-18T14:30:22+08:00）` })
  .meta({ description: 'ISO 8601 时间，带时区 / ISO 8601 time with offset' });

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The id of a record in the case: letters, digits, . _ : - (at most 64). */
export const IdString = z
  .string({ error: (iss) => `编号必须是文字，而不是 ${shown(iss.input)}` })
  .regex(ID_PATTERN, {
    error: (iss) => `编号格式不对：${preview(iss.input)}（1–64 个字母、数字或 . _ : -，以字母或数字开头）`,
  })
  .meta({ description: '记录编号 / record id' });

/** The id of an evidence item in the vault (issue 3); a link, not checked against the evidence table. */
export const EvidenceIdString = z
  .string({ error: (iss) => `证据编号必须是文字，而不是 ${shown(iss.input)}` })
  .min(1, { error: '证据编号不能为空（没有证据时写 null）' })
  .max(64, { error: '证据编号太长（最多 64 个字符）' })
  .meta({ description: '证据编号（证据箱中的证据）/ id of an evidence item in the vault' });

export function text(max: number, description: string) {
  return z
    .string({ error: (iss) => `必须是文字，而不是 ${shown(iss.input)}` })
    .max(max, { error: `太长了（最多 ${max} 个字符）` })
    .meta({ description });
}

export function requiredText(max: number, description: string) {
  return z
    .string({ error: (iss) => `必须是文字，而不是 ${shown(iss.input)}` })
    .trim()
    .min(1, { error: '不能为空' })
    .max(max, { error: `太长了（最多 ${max} 个字符）` })
    .meta({ description });
}

export function int(min: number, max: number, description: string) {
  return z
    .number({ error: (iss) => `必须是整数，而不是 ${shown(iss.input)}` })
    .int({ error: (iss) => `必须是整数，而不是 ${shown(iss.input)}` })
    .min(min, { error: (iss) => `必须在 ${min} 到 ${max} 之间：${preview(iss.input)}` })
    .max(max, { error: (iss) => `必须在 ${min} 到 ${max} 之间：${preview(iss.input)}` })
    .meta({ description });
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values, { error: (iss) => `只能是 ${values.join(' / ')} 之一，而不是 ${shown(iss.input)}` }).meta({ description });
}

export function list<T extends z.ZodType>(item: T, max: number, description: string) {
  return z
    .array(item, { error: (iss) => `必须是列表（[…]），而不是 ${shown(iss.input)}` })
    .max(max, { error: `最多 ${max} 项` })
    .meta({ description });
}
