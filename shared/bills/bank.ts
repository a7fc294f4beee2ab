// A bank statement CSV with the user's column mapping (`--columns date=交易日期,amount=交易金额,
// direction=收支,counterparty=对方户名`): the header row is found by those names; without a
// direction column the amount's sign decides (negative = spending).
import { NotABillError, UsageError } from '../errors';
import { billAmount, billDate, classify, columnIndex, findHeader, money, missingColumns, type BillDirection, type ParsedBill } from './rows';

export const MAPPING_FIELDS = ['date', 'amount', 'direction', 'counterparty', 'description', 'category'] as const;
export type ColumnMapping = Partial<Record<(typeof MAPPING_FIELDS)[number], string>> & { date: string; amount: string };

export function parseColumnsOption(text: string): ColumnMapping {
  const map: Record<string, string> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) throw new UsageError(`--columns 写成 date=列名,amount=列名,…：${part}`);
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (!(MAPPING_FIELDS as readonly string[]).includes(key)) throw new UsageError(`--columns 不认识 ${key}（可用：${MAPPING_FIELDS.join(', ')}）`);
    if (value === '') throw new UsageError(`--columns 的 ${key} 没有列名`);
    map[key] = value;
  }
  if (!map.date || !map.amount) throw new UsageError('--columns 至少要有 date= 和 amount=');
  return map as ColumnMapping;
}

/** The header row's signature, for remembering the mapping: the cells joined. */
export function headerKey(header: readonly string[]): string {
  return header.map((h) => h.trim()).join('|');
}

/** Finds the header row naming every mapped column. */
export function bankHeader(rows: readonly string[][], mapping: ColumnMapping): number {
  return findHeader(
    rows,
    Object.values(mapping).map((v) => [v as string]),
  );
}

export function parseBank(rows: readonly string[][], mapping: ColumnMapping): ParsedBill {
  const h = bankHeader(rows, mapping);
  if (h < 0) {
    const head = rows.slice(0, 60);
    const missing = Object.values(mapping).filter((v) => !head.some((r) => r.some((c) => c.trim() === v)));
    if (missing.length) missingColumns('银行流水', missing as string[]);
    throw new NotABillError('找不到同时含有这些列的表头行');
  }
  const header = rows[h]!;
  const at = (name: string | undefined) => (name ? columnIndex(header, [name]) : -1);
  const col = {
    date: at(mapping.date),
    amount: at(mapping.amount),
    dir: at(mapping.direction),
    counterparty: at(mapping.counterparty),
    description: at(mapping.description),
    category: at(mapping.category),
  };
  const out: ParsedBill = { source: 'bank', rows: [], skipped: 0 };
  for (const r of rows.slice(h + 1)) {
    const cell = (i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
    const date = billDate(cell(col.date));
    const amount = billAmount(cell(col.amount));
    if (!date || !amount) {
      out.skipped++;
      continue;
    }
    let direction: BillDirection;
    if (col.dir >= 0) {
      const d = cell(col.dir);
      direction = /收|入|贷/.test(d) ? 'income' : /支|出|借/.test(d) ? 'spending' : 'neutral';
    } else direction = amount.isNegative() ? 'spending' : 'income';
    const c = classify({ direction, type: cell(col.category), counterparty: cell(col.counterparty), description: cell(col.description), status: '' });
    if (!c) {
      out.skipped++;
      continue;
    }
    out.rows.push({
      date,
      ...c,
      amount: money(amount),
      category: cell(col.category) || '其他',
      counterparty: cell(col.counterparty),
      description: cell(col.description),
      orderNo: '',
    });
  }
  return out;
}
