// 支付宝账单 CSV (both the current export — 交易时间, 交易分类, 收/支, 金额, 交易订单号 — and the
// older 交易创建时间 / 金额（元）layout): preamble lines before the header row, 收/支 of 收入 /
// 支出 / 不计收支, order numbers padded with a tab.
import { NotABillError } from '../errors';
import { billAmount, billDate, classify, columnIndex, findHeader, money, missingColumns, type BillDirection, type ParsedBill } from './rows';

const TIME = ['交易时间', '交易创建时间', '付款时间'];
const DIR = ['收/支'];
const AMOUNT = ['金额', '金额（元）', '金额(元)'];

export function looksLikeAlipay(rows: readonly string[][]): boolean {
  // By the header row only: a bank statement may well mention 支付宝 in a row.
  return findHeader(rows, [TIME, DIR]) >= 0;
}

export function parseAlipay(rows: readonly string[][]): ParsedBill {
  const h = findHeader(rows, [TIME, DIR]);
  if (h < 0) throw new NotABillError('找不到支付宝账单的表头（应有“交易时间”和“收/支”两列）');
  const header = rows[h]!;
  const col = {
    time: columnIndex(header, TIME),
    dir: columnIndex(header, DIR),
    amount: columnIndex(header, AMOUNT),
    category: columnIndex(header, ['交易分类']),
    counterparty: columnIndex(header, ['交易对方']),
    description: columnIndex(header, ['商品说明', '商品名称']),
    status: columnIndex(header, ['交易状态']),
    order: columnIndex(header, ['交易订单号', '交易号']),
    refunded: columnIndex(header, ['成功退款（元）']),
  };
  const missing = [col.amount < 0 ? '金额' : '', col.order < 0 ? '交易订单号' : ''].filter(Boolean);
  if (missing.length) missingColumns('支付宝账单', missing);
  const out: ParsedBill = { source: 'alipay', rows: [], skipped: 0 };
  for (const r of rows.slice(h + 1)) {
    const cell = (i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
    const date = billDate(cell(col.time));
    const amount = billAmount(cell(col.amount));
    if (!date || !amount) {
      // The old layout ends with a summary block; any other unreadable line is skipped and counted.
      out.skipped++;
      continue;
    }
    const dirText = cell(col.dir);
    const direction: BillDirection = dirText === '收入' ? 'income' : dirText === '支出' ? 'spending' : 'neutral';
    const c = classify({ direction, type: cell(col.category), counterparty: cell(col.counterparty), description: cell(col.description), status: cell(col.status) });
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
      orderNo: cell(col.order),
    });
  }
  return out;
}
