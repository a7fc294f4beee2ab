// Reading what people type into the case forms, with the shared parsers (full-width digits,
// thousands separators, ¥; ambiguity refused with a Chinese message that says how to write it).
import { detailOf } from '../../../../shared/case/detail';
import { todayBeijing } from '../../../../shared/time/beijing';
import { parseDateInput, type DateInputKind, type DateInputWhen } from '../../../../shared/date-input';
import { formatMoney, formatMoneyGrouped, formatPercent, formatRate } from '../../../../shared/money/decimal';
import { parseAmount, parseCount, parseRate } from '../../../../shared/money/parse-amount';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

function attempt<T>(fn: () => T): Checked<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    return { ok: false, error: detailOf(err) };
  }
}

/** An amount typed by the user → "1234.50" (the case's money string). Empty → "0.00" when allowed. */
export function checkAmount(text: string, label: string, opts: { emptyIsZero?: boolean; allowZero?: boolean } = {}): Checked<string> {
  if (text.trim() === '' && opts.emptyIsZero) return { ok: true, value: '0.00' };
  return attempt(() => formatMoney(parseAmount(text, { label, allowZero: opts.allowZero ?? true })));
}

/** A daily rate typed as "0.05%" or "0.0005" → "0.0005". */
export function checkDailyRate(text: string, label: string): Checked<string> {
  return attempt(() => formatRate(parseRate(text, 'daily', label)));
}

/** An annual rate typed as "3%" or "0.03" → "0.03". */
export function checkAnnualRate(text: string, label: string): Checked<string> {
  return attempt(() => formatRate(parseRate(text, 'annual', label)));
}

/** A date as people type it (2026/10/10, 2026年10月10日, 10月10日 …; see shared/date-input) → YYYY-MM-DD. */
export function checkDate(
  text: string,
  label: string,
  opts: { optional?: boolean; when?: DateInputWhen; kind?: DateInputKind; notAfterToday?: boolean } = {},
): Checked<string | null> {
  if (text.trim() === '' && opts.optional) return { ok: true, value: null };
  const r = parseDateInput(text, { today: todayBeijing(), kind: opts.kind ?? 'day', when: opts.when ?? 'any', notAfterToday: opts.notAfterToday ?? false });
  return r.ok ? { ok: true, value: r.value } : { ok: false, error: `${label}：${r.message}` };
}

export function checkCount(text: string, label: string, min: number, max: number): Checked<number> {
  return attempt(() => parseCount(text, { label, min, max }));
}

/** "12345.6" → "¥12,345.60". */
export function yuan(amount: string): string {
  const grouped = formatMoneyGrouped(amount);
  return grouped.startsWith('-') ? `-¥${grouped.slice(1)}` : `¥${grouped}`;
}

/** A money string as people type it back into a field: "1,234.50". */
export function amountText(amount: string): string {
  return formatMoneyGrouped(amount);
}

/** "0.0005" → "0.05%". */
export function percentText(rate: string): string {
  return formatPercent(rate);
}
