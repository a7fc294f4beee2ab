// One bill row as the budget sees it, how it is classified, and the readers' shared parts:
// finding the header row after a preamble, dates, amounts. Isomorphic; money via decimal.js.
import { NotABillError } from '../errors';
import { formatMoney, type Decimal } from '../money/decimal';
import { parseAmount } from '../money/parse-amount';
import { fromDays, isValidDate } from '../time/beijing';

export type BillDirection = 'income' | 'spending' | 'neutral';
export type BillKind = 'normal' | 'refund' | 'transfer' | 'repayment';
export type BillSource = 'alipay' | 'wechat' | 'bank';

export interface BillRow {
  date: string;
  direction: BillDirection;
  kind: BillKind;
  amount: string;
  category: string;
  counterparty: string;
  description: string;
  /** The platform's order / transaction number when the bill has one (dedupe key). */
  orderNo: string;
}

export interface ParsedBill {
  source: BillSource;
  rows: BillRow[];
  /** Rows that were read but do not count (closed / failed transactions, unreadable lines). */
  skipped: number;
}

/** The first row (within the first 60) holding every one of `required` (each: alternatives). */
export function findHeader(rows: readonly string[][], required: readonly (readonly string[])[]): number {
  const limit = Math.min(rows.length, 60);
  for (let i = 0; i < limit; i++) {
    const cells = rows[i]!.map((c) => c.trim());
    if (required.every((alts) => alts.some((a) => cells.includes(a)))) return i;
  }
  return -1;
}

export function columnIndex(header: readonly string[], names: readonly string[]): number {
  for (const n of names) {
    const i = header.findIndex((h) => h.trim() === n);
    if (i >= 0) return i;
  }
  return -1;
}

/** "2024-03-30 12:00:00", "2024/3/30 12:00", "20240330", or an Excel day serial → YYYY-MM-DD. */
export function billDate(value: string): string | null {
  const v = value.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(v);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(v);
  if (m) {
    const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isValidDate(d) ? d : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    // Excel serial: day 25569 is 1970-01-01.
    const d = fromDays(Math.floor(Number(v)) - 25569);
    return isValidDate(d) ? d : null;
  }
  return null;
}

/** "¥1,234.50", "￥25.00", "25.00", "-12.00" → Decimal; null when it is not an amount. */
export function billAmount(value: string): Decimal | null {
  try {
    return parseAmount(value, { allowNegative: true });
  } catch {
    return null;
  }
}

const REPAYMENT = /还款|花呗|借呗|白条|信用卡/;
// Money moved between the person’s own accounts; "本人" is how bank statements name oneself.
const OWN_TRANSFER = /余额宝|零钱通|转入零钱|零钱提现|零钱充值|提现|充值|转账到银行卡|转账到支付宝|转账到微信|转出到|理财|基金申购|基金赎回|(^| )本人( |$)/;

/**
 * Refunds, transfers between one's own accounts and repayments are not income or spending
 * (direction 'neutral'); `status` with 关闭 / 失败 means no money moved (null: skip the row).
 */
export function classify(input: {
  direction: BillDirection;
  type: string;
  counterparty: string;
  description: string;
  status: string;
}): { direction: BillDirection; kind: BillKind } | null {
  const { type, counterparty, description, status } = input;
  if (/关闭|失败|已撤销/.test(status) && !/退款/.test(status)) return null;
  if (/退款/.test(status) || /退款/.test(type) || /^退款/.test(description)) return { direction: 'neutral', kind: 'refund' };
  const text = `${type} ${counterparty} ${description}`;
  if (input.direction !== 'income' && REPAYMENT.test(text) && /还款|还/.test(text)) return { direction: 'neutral', kind: 'repayment' };
  if (OWN_TRANSFER.test(text)) return { direction: 'neutral', kind: 'transfer' };
  if (input.direction === 'neutral') return { direction: 'neutral', kind: 'transfer' };
  return { direction: input.direction, kind: 'normal' };
}

export function money(d: Decimal): string {
  return formatMoney(d.abs());
}

export function missingColumns(what: string, names: readonly string[]): never {
  throw new NotABillError(`${what}缺少这些列：${names.join('、')}`);
}
