// Importing bill exports (docs/cli.md `import-bill`): the file is read and checked first (a
// file that is not a bill is refused before anything is kept), then kept as evidence
// (category 账单), then its rows are added — each under a stable key (the platform's order
// number, or the row's content and its occurrence in the file), so the same rows again add
// nothing. A bank CSV's column mapping is remembered by its header row. Plain Node; the
// parsing runs in its own bounded thread (parse-bounded.ts), the vault worker only stores rows.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { importPaths } from '../evidence/import-files';
import { byteInfo, byteRange } from '../evidence/read';
import { BadInputError, NotABillError, XieshangError } from '../../../shared/errors';
import { ZERO, formatMoney } from '../../../shared/money/decimal';
import { beijingIso } from '../../../shared/time/beijing';
import type { ColumnMapping } from '../../../shared/bills/bank';
import { XLSX_MAX_FILE_BYTES } from '../../../shared/bills/xlsx';
import type { BillSource, ParsedBill } from '../../../shared/bills/rows';
import type { BillOptions, KnownMappings, ParsedBillFile } from './parse';
import { parseBillBounded } from './parse-bounded';

export type { BillOptions } from './parse';

export interface BillImportDoc {
  file: string;
  source: BillSource;
  evidenceId: string;
  imported: number;
  duplicates: number;
  skipped: number;
  from: string | null;
  to: string | null;
  income: string;
  spending: string;
}

/** The bank column mappings remembered in the vault, for the parser thread. */
function knownMappings(db: Db): KnownMappings {
  const out: Record<string, ColumnMapping> = {};
  for (const r of db.prepare('SELECT header_key, mapping FROM bill_column_maps').all() as { header_key: string; mapping: string }[])
    out[r.header_key] = JSON.parse(r.mapping) as ColumnMapping;
  return out;
}

/** Reads the bytes as a bill in the bill parser thread (bounded); throws NotABillError for anything else. */
export function parseBill(db: Db, bytes: Uint8Array, opts: BillOptions): Promise<ParsedBillFile> {
  return parseBillBounded(bytes, opts, knownMappings(db));
}

function rowKey(source: BillSource, r: ParsedBill['rows'][number], occurrence: number): string {
  const basis = r.orderNo ? `${source}\norder\n${r.orderNo}` : `${source}\nrow\n${r.date}\n${r.direction}\n${r.amount}\n${r.counterparty}\n${r.description}\n${occurrence}`;
  return createHash('sha256').update(basis, 'utf8').digest('hex');
}

/** Adds the parsed rows under the kept evidence item; counts what was new. */
export function storeBill(vault: Vault, name: string, evidenceId: string, parsed: { bill: ParsedBill; remember: { key: string; mapping: ColumnMapping } | null }): BillImportDoc {
  const { bill, remember } = parsed;
  return vault.change((db, audit) => {
    const fileId = randomUUID();
    const put = db.prepare(
      `INSERT INTO bill_rows (file_id, row_key, date, direction, kind, amount, category, counterparty, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (row_key) DO NOTHING`,
    );
    const seen = new Map<string, number>();
    let imported = 0;
    let income = ZERO;
    let spending = ZERO;
    let from: string | null = null;
    let to: string | null = null;
    db.prepare('INSERT INTO bill_files (id, evidence_id, source, imported_at, imported, duplicates, skipped) VALUES (?, ?, ?, ?, 0, 0, ?)').run(
      fileId,
      evidenceId,
      bill.source,
      beijingIso(),
      bill.skipped,
    );
    for (const r of bill.rows) {
      const base = `${r.date}|${r.direction}|${r.amount}|${r.counterparty}|${r.description}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      if (put.run(fileId, rowKey(bill.source, r, n), r.date, r.direction, r.kind, r.amount, r.category, r.counterparty, r.description).changes > 0) imported++;
      if (r.direction === 'income') income = income.plus(r.amount);
      if (r.direction === 'spending') spending = spending.plus(r.amount);
      if (from === null || r.date < from) from = r.date;
      if (to === null || r.date > to) to = r.date;
    }
    const duplicates = bill.rows.length - imported;
    db.prepare('UPDATE bill_files SET imported = ?, duplicates = ? WHERE id = ?').run(imported, duplicates, fileId);
    if (remember) {
      db.prepare('INSERT INTO bill_column_maps (header_key, mapping) VALUES (?, ?) ON CONFLICT (header_key) DO UPDATE SET mapping = excluded.mapping').run(
        remember.key,
        JSON.stringify(remember.mapping),
      );
    }
    audit({ action: 'bills.import', entity: 'bill_file', entityId: fileId, newValue: { name, evidenceId, source: bill.source, imported, duplicates, skipped: bill.skipped } });
    return { file: name, source: bill.source, evidenceId, imported, duplicates, skipped: bill.skipped, from, to, income: formatMoney(income), spending: formatMoney(spending) };
  });
}

/** `import-bill FILE`: check, keep as evidence, add the rows. */
export async function importBillFile(vault: Vault, file: string, opts: BillOptions): Promise<BillImportDoc> {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > XLSX_MAX_FILE_BYTES) throw new NotABillError('文件超过 20 MB');
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof XieshangError) throw err;
    throw new XieshangError('IO_ERROR', { detail: `无法读取 ${path.basename(file)}` });
  }
  const parsed = await parseBill(vault.handle, bytes, opts);
  const { results } = await importPaths(vault, [file], {
    category: 'bill',
    note: `${parsed.bill.source === 'alipay' ? '支付宝' : parsed.bill.source === 'wechat' ? '微信支付' : '银行'}账单（用于预算）`,
  });
  const kept = results[0];
  if (!kept || 'error' in kept) throw new XieshangError('IO_ERROR', { detail: `账单文件没能存入证据箱：${kept && 'error' in kept ? kept.error.message : ''}` });
  return storeBill(vault, file, kept.duplicateOf ?? kept.id, parsed);
}

/** The app: a bill already imported as evidence is read from the vault and its rows added. */
export async function importBillFromEvidence(vault: Vault, evidenceId: string, opts: BillOptions): Promise<BillImportDoc> {
  const info = byteInfo(vault.handle, 'original', evidenceId);
  if (!info) throw new BadInputError(`找不到证据 ${evidenceId}`);
  if (info.size > XLSX_MAX_FILE_BYTES) throw new NotABillError('文件超过 20 MB');
  const bytes = byteRange(vault.handle, 'original', evidenceId, 0, info.size - 1);
  const parsed = await parseBill(vault.handle, bytes, opts);
  return storeBill(vault, info.name, evidenceId, parsed);
}
