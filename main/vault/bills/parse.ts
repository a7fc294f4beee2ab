// A bill file's bytes → its rows (Alipay CSV, WeChat Pay xlsx, bank CSV with a column
// mapping). Pure: no vault, no file system — it runs in the bill parser thread
// (parse-worker.ts), never in the vault worker, so a hostile file costs at most that
// thread's time and memory budget. The bank mappings remembered in the vault come in as a
// plain table (header key → mapping).
import { NotABillError } from '../../../shared/errors';
import { decodeBillBytes } from '../../../shared/bills/decode';
import { parseCsv } from '../../../shared/bills/csv';
import { looksLikeAlipay, parseAlipay } from '../../../shared/bills/alipay';
import { parseWechat } from '../../../shared/bills/wechat';
import { bankHeader, headerKey, parseBank, type ColumnMapping } from '../../../shared/bills/bank';
import { readXlsxRows, XLSX_MAX_FILE_BYTES } from '../../../shared/bills/xlsx';
import type { BillSource, ParsedBill } from '../../../shared/bills/rows';

export interface BillOptions {
  format?: BillSource | undefined;
  columns?: ColumnMapping | undefined;
}

export interface ParsedBillFile {
  bill: ParsedBill;
  /** A bank header and the mapping given for it, to remember in the vault. */
  remember: { key: string; mapping: ColumnMapping } | null;
}

export type KnownMappings = Readonly<Record<string, ColumnMapping>>;

function rememberedMapping(known: KnownMappings, rows: readonly string[][]): ColumnMapping | null {
  for (const r of rows.slice(0, 60)) {
    const key = headerKey(r);
    if (Object.prototype.hasOwnProperty.call(known, key)) return known[key]!;
  }
  return null;
}

/** Reads the bytes as a bill; throws NotABillError for anything else. */
export function parseBillBytes(bytes: Uint8Array, opts: BillOptions, known: KnownMappings): ParsedBillFile {
  if (bytes.length === 0) throw new NotABillError('文件是空的');
  if (bytes.length > XLSX_MAX_FILE_BYTES) throw new NotABillError('文件超过 20 MB');
  const zipOrOle = (bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf);
  let rows: string[][];
  if (zipOrOle) rows = readXlsxRows(bytes);
  else {
    const { text } = decodeBillBytes(bytes);
    if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new NotABillError('这是二进制文件，不是账单');
    try {
      rows = parseCsv(text);
    } catch {
      throw new NotABillError('行数太多');
    }
  }
  const format = opts.format ?? (zipOrOle ? 'wechat' : looksLikeAlipay(rows) ? 'alipay' : 'bank');
  if (format === 'alipay') return { bill: parseAlipay(rows), remember: null };
  if (format === 'wechat') return { bill: parseWechat(rows), remember: null };
  if (opts.columns) {
    const h = bankHeader(rows, opts.columns);
    const bill = parseBank(rows, opts.columns);
    return { bill, remember: h >= 0 ? { key: headerKey(rows[h]!), mapping: opts.columns } : null };
  }
  const mapping = rememberedMapping(known, rows);
  if (mapping) return { bill: parseBank(rows, mapping), remember: null };
  throw new NotABillError('认不出是哪种账单（不是支付宝或微信支付的导出）；如果是银行流水，请用 --format bank --columns date=日期列,amount=金额列,… 指明各列');
}
