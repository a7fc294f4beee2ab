// Import of SMS exported as a table (CSV or tab/semicolon/| separated text: sender, time,
// body, optionally the direction) through a column mapping. Each row becomes a timeline
// entry by the same insert path as the XML backup (smsWriter): same natural key, claims,
// search index. One transaction per file: a file that cannot be read (encoding, an
// unclosed quote, a column that does not exist) imports nothing; inside a readable file a
// row with no valid time or no text is skipped with its reason and the others go in.
import { createHash } from 'node:crypto';
import type { Vault } from '../vault';
import { BadInputError } from '../../../shared/errors';
import { decodeTable, guessColumns, parseSmsDirection, parseSmsTime, parseTable, resolveColumns, type SmsColumns } from '../../../shared/timeline/sms-table';
import type { Direction } from '../../../shared/timeline/kinds';
import { MAX_REJECTED_LISTED, MIN_DATE_MS, smsWriter, type SmsImportOutcome } from './sms-import';

export interface SmsTableOptions {
  name: string;
  /** The mapping; when absent, the header row must name the columns (号码/时间/内容, address/date/body …). */
  columns?: SmsColumns;
  collectMessages?: boolean;
  /** The table file's own evidence item: every message links to it. */
  evidenceId?: string;
}

/** Exports larger than this are not phone SMS tables (the XML path streams; this one reads whole). */
export const MAX_TABLE_BYTES = 64 * 1024 * 1024;

export function importSmsTable(vault: Vault, bytes: Uint8Array, opts: SmsTableOptions): SmsImportOutcome {
  if (bytes.length > MAX_TABLE_BYTES) throw new BadInputError(`表格文件太大（${Math.round(bytes.length / 1048576)} MB，上限 64 MB）；请分成几个文件导入`);
  const { text, encoding } = decodeTable(bytes);
  const rows = parseTable(text);
  const first = rows[0];
  if (!first) throw new BadInputError('表格文件是空的');
  const columns = opts.columns ?? guessColumns(first);
  if (!columns) {
    throw new BadInputError(
      `无法从表头认出号码、时间和内容三列（表头是：${first
        .slice(0, 12)
        .map((c) => c.trim())
        .join('、')}）。请指定列：--columns sender=列名,time=列名,body=列名`,
    );
  }
  const { index, hasHeader } = resolveColumns(columns, first);
  return vault.change((db, audit) => {
    const write = smsWriter(db, opts.evidenceId);
    const outcome: SmsImportOutcome = {
      imported: 0,
      skipped: 0,
      duplicates: 0,
      rejected: [],
      rejectedCount: 0,
      encoding,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      messages: opts.collectMessages ? [] : null,
    };
    const reject = (rowNumber: number, reason: string) => {
      outcome.rejectedCount++;
      if (outcome.rejected.length < MAX_REJECTED_LISTED) outcome.rejected.push({ index: rowNumber, reason });
    };
    const cell = (row: string[], i: number | undefined) => (i === undefined ? '' : (row[i] ?? ''));
    rows.forEach((row, k) => {
      if (k === 0 && hasHeader) return;
      const rowNumber = k + 1; // number-ok: rows counted from 1, the header included
      const timeText = cell(row, index.time).trim();
      const ms = parseSmsTime(timeText);
      if (timeText === '') return reject(rowNumber, '缺少时间');
      if (ms === null) return reject(rowNumber, `时间无法识别：${timeText.slice(0, 30)}（例如 2024-10-18 14:30:22）`);
      if (ms < MIN_DATE_MS || ms > Date.now() + 366 * 86_400_000) return reject(rowNumber, `时间不合理：${timeText.slice(0, 30)}`);
      const body = cell(row, index.body);
      if (body.trim() === '') return reject(rowNumber, '短信内容为空');
      let direction: Direction = 'incoming';
      if (index.direction !== undefined) {
        const d = parseSmsDirection(cell(row, index.direction));
        if (d === null) return reject(rowNumber, `收发类型无法识别：${cell(row, index.direction).slice(0, 20) || '空'}（应为 收到/发送 或 1/2）`);
        direction = d;
      }
      const written = write({ address: cell(row, index.sender).trim(), ms, direction, body, contactName: '' });
      if (written === null) {
        outcome.duplicates++;
        return;
      }
      outcome.imported++;
      outcome.messages?.push(written);
    });
    outcome.skipped = outcome.duplicates + outcome.rejectedCount;
    audit({
      action: 'timeline.import_sms',
      entity: 'sms_table',
      entityId: outcome.sha256,
      newValue: { name: opts.name, sha256: outcome.sha256, encoding, columns, imported: outcome.imported, duplicates: outcome.duplicates, rejected: outcome.rejectedCount },
    });
    return outcome;
  });
}
