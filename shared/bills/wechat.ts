// 微信支付账单明细 (xlsx, read to rows by main/vault/bills/xlsx.ts): preamble rows, then
// 交易时间 / 交易类型 / 交易对方 / 商品 / 收/支 / 金额(元) / 支付方式 / 当前状态 / 交易单号;
// amounts written "¥25.00"; 收/支 "/" for neutral transactions.
import { NotABillError } from '../errors';
import { billAmount, billDate, classify, columnIndex, findHeader, money, missingColumns, type BillDirection, type ParsedBill } from './rows';

const TIME = ['交易时间'];
const DIR = ['收/支'];

export function parseWechat(rows: readonly string[][]): ParsedBill {
  const h = findHeader(rows, [TIME, DIR]);
  if (h < 0) throw new NotABillError('找不到微信支付账单的表头（应有“交易时间”和“收/支”两列）');
  const header = rows[h]!;
  const col = {
    time: columnIndex(header, TIME),
    type: columnIndex(header, ['交易类型']),
    counterparty: columnIndex(header, ['交易对方']),
    description: columnIndex(header, ['商品']),
    dir: columnIndex(header, DIR),
    amount: columnIndex(header, ['金额(元)', '金额（元）', '金额']),
    status: columnIndex(header, ['当前状态']),
    order: columnIndex(header, ['交易单号']),
  };
  const missing = [col.amount < 0 ? '金额(元)' : '', col.order < 0 ? '交易单号' : ''].filter(Boolean);
  if (missing.length) missingColumns('微信支付账单', missing);
  const out: ParsedBill = { source: 'wechat', rows: [], skipped: 0 };
  for (const r of rows.slice(h + 1)) {
    const cell = (i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
    const date = billDate(cell(col.time));
    const amount = billAmount(cell(col.amount));
    if (!date || !amount) {
      out.skipped++;
      continue;
    }
    const dirText = cell(col.dir);
    const direction: BillDirection = dirText === '收入' ? 'income' : dirText === '支出' ? 'spending' : 'neutral';
    const c = classify({ direction, type: cell(col.type), counterparty: cell(col.counterparty), description: cell(col.description), status: cell(col.status) });
    if (!c) {
      out.skipped++;
      continue;
    }
    out.rows.push({
      date,
      ...c,
      amount: money(amount),
      category: cell(col.type) || '其他',
      counterparty: cell(col.counterparty),
      description: cell(col.description) === '/' ? '' : cell(col.description),
      orderNo: cell(col.order),
    });
  }
  return out;
}
