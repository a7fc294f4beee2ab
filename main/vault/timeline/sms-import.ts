// Import of an Android "SMS Backup & Restore" XML backup
// (<smses count="N"><sms address date type body readable_date contact_name/>…</smses>):
// each message becomes a timeline entry (channel 'sms').
//
// Atomicity, per file: the whole file is read in one transaction. A file that is not
// well-formed XML anywhere (malformed, truncated, an undecodable byte, an unsupported
// encoding) imports nothing and says where it broke. Inside a well-formed file each
// message stands alone: one with no date, a bad date or a type other than received (1) /
// sent (2) is skipped with its reason and the others go in.
// Idempotent: a message's natural key is SHA-256(sender, date, type, body); importing
// the same file again adds nothing (each message counts as a duplicate).
// Streaming: saxes is fed one decoded chunk at a time; memory does not grow with the file.
import { createHash, randomUUID } from 'node:crypto';
import { SaxesParser } from 'saxes';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Vault } from '../vault';
import { BadInputError, XieshangError } from '../../../shared/errors';
import { extractClaims, type CollectionClaims } from '../../../shared/collection-claims';
import { isoWithOffset } from '../../../shared/time/beijing';
import { numberKey } from '../../../shared/timeline/numbers';
import type { Direction } from '../../../shared/timeline/kinds';
import { decodeText, type ByteSource } from './xml-text';
import { newContactIndexer } from './search';
import { openSource, stageSource, type RecordingInput } from './calls-import';
import { cleanName, commitStaged } from '../evidence/ingest';
import { MAX_EVIDENCE_BYTES } from '../../../shared/evidence/limits';

export interface ImportedSms {
  id: string;
  address: string;
  at: string;
  direction: Direction;
  body: string;
  claims: CollectionClaims;
}

export interface SmsImportOutcome {
  imported: number;
  /** duplicates + rejected */
  skipped: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
  rejectedCount: number;
  encoding: string;
  sha256: string;
  /** Only when asked for (the CLI prints them); null otherwise, to keep memory flat. */
  messages: ImportedSms[] | null;
}

export interface SmsImportOptions {
  /** The file's name, for the audit log. */
  name: string;
  collectMessages?: boolean;
  progress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
  /** The backup file's own evidence item: every message (new or already there) links to it. */
  evidenceId?: string;
}

export const MAX_REJECTED_LISTED = 200;
/** Dates before this are not phone messages (a 0 or a seconds value read as ms). */
export const MIN_DATE_MS = Date.UTC(2000, 0, 1);

class XmlProblem extends Error {}

export interface SmsToWrite {
  address: string;
  ms: number;
  direction: Direction;
  body: string;
  contactName: string;
}

/**
 * The one insert path of SMS, whatever the file (XML backup, CSV or text table): the
 * natural key SHA-256(sender, date, type, body) — so the same message from two exports
 * is one entry —, claims of incoming messages (dated, so a due date gets its year), and
 * the search index. Returns null for a message already in the vault.
 */
export function smsWriter(db: Database.Database, evidenceId?: string): (m: SmsToWrite) => ImportedSms | null {
  const now = new Date().toISOString();
  // The exported file itself, kept as evidence: every message (new or already there) links to it.
  const linkOriginal = evidenceId ? db.prepare("INSERT OR IGNORE INTO evidence_links (item_id, target_kind, target_id) VALUES (?, 'contact', ?)") : null;
  const bySourceKey = db.prepare('SELECT id FROM contacts WHERE source_key = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO contacts (id, at, at_ms, channel, direction, phone, phone_key, connected, body, contact_name, claims,
       source, source_key, created_at, updated_at)
     VALUES (@id, @at, @at_ms, 'sms', @direction, @phone, @phone_key, 1, @body, @contact_name, @claims,
       'sms_backup', @source_key, @now, @now)
     ON CONFLICT (source_key) DO NOTHING`,
  );
  const index = newContactIndexer(db);
  return ({ address, ms, direction, body, contactName }) => {
    const type = direction === 'incoming' ? '1' : '2';
    const key = createHash('sha256')
      .update(`sms\n${numberKey(address)}\n${ms}\n${type}\n${body}`, 'utf8')
      .digest('hex');
    const at = isoWithOffset(ms);
    const claims: CollectionClaims = direction === 'incoming' ? extractClaims(body, { received: at.slice(0, 10) }) : {};
    const row = {
      id: randomUUID(),
      at,
      at_ms: ms,
      direction,
      phone: address || null,
      phone_key: numberKey(address) || null,
      body,
      contact_name: contactName && contactName !== '(Unknown)' ? contactName : null,
      claims: Object.keys(claims).length > 0 ? JSON.stringify(claims) : null,
      source_key: key,
      now,
    };
    if (insert.run(row).changes === 0) {
      linkOriginal?.run(evidenceId, bySourceKey.get(key) as string);
      return null;
    }
    linkOriginal?.run(evidenceId, row.id);
    index({
      id: row.id,
      source: 'sms_backup',
      organisation: null,
      person: null,
      contact_name: row.contact_name,
      agent_id: null,
      phone: row.phone,
      body,
      summary: '',
      they_said: '',
      i_promised: '',
      outcome: '',
    });
    return { id: row.id, address, at, direction, body, claims };
  };
}

export function importSmsBackup(vault: Vault, source: ByteSource, opts: SmsImportOptions): SmsImportOutcome {
  try {
    return vault.change((db, audit) => {
      const text = decodeText(source);
      const outcome: SmsImportOutcome = {
        imported: 0,
        skipped: 0,
        duplicates: 0,
        rejected: [],
        rejectedCount: 0,
        encoding: text.declared ?? text.encoding,
        sha256: '',
        messages: opts.collectMessages ? [] : null,
      };
      const write = smsWriter(db, opts.evidenceId);
      const parser = new SaxesParser({ xmlns: false, position: true });
      let depth = 0;
      let rootSeen = false;
      let ordinal = 0;
      const reject = (reason: string) => {
        outcome.rejectedCount++;
        if (outcome.rejected.length < MAX_REJECTED_LISTED) outcome.rejected.push({ index: ordinal, reason });
      };
      parser.on('error', (err) => {
        throw new XmlProblem(err.message);
      });
      parser.on('opentag', (tag) => {
        depth++;
        if (depth === 1) {
          rootSeen = true;
          if (tag.name !== 'smses') throw new BadInputError(`这不是“SMS Backup & Restore”的短信备份（根元素是 <${tag.name.slice(0, 40)}>，应为 <smses>）`);
          return;
        }
        if (depth !== 2) return;
        if (tag.name === 'mms') {
          ordinal++;
          reject('彩信（MMS）不导入，只导入文字短信');
          return;
        }
        if (tag.name !== 'sms') return;
        ordinal++;
        const a = tag.attributes as Record<string, string>;
        const dateText = (a.date ?? '').trim();
        if (dateText === '') return reject('缺少日期（date）');
        if (!/^\d{1,15}$/.test(dateText)) return reject(`日期不是数字：${dateText.slice(0, 30)}`);
        const ms = Number(dateText);
        if (ms < MIN_DATE_MS || ms > Date.now() + 366 * 86_400_000) return reject(`日期不合理：${dateText.slice(0, 30)}`);
        const type = (a.type ?? '').trim();
        if (type !== '1' && type !== '2') return reject(`不是收到或已发送的短信（type=${type.slice(0, 10) || '空'}：草稿、发件箱或发送失败）`);
        const direction: Direction = type === '1' ? 'incoming' : 'outgoing';
        const address = (a.address ?? '').trim();
        const body = a.body ?? '';
        const written = write({ address, ms, direction, body, contactName: (a.contact_name ?? '').trim() });
        if (written === null) {
          outcome.duplicates++;
          return;
        }
        outcome.imported++;
        outcome.messages?.push(written);
      });
      parser.on('closetag', () => {
        depth--;
      });

      try {
        for (let piece = text.next(); piece !== null; piece = text.next()) {
          parser.write(piece);
          opts.progress?.(text.bytesRead(), source.size);
          if (opts.cancelled?.()) throw new XieshangError('CANCELLED');
        }
        parser.close();
      } catch (err) {
        if (err instanceof XmlProblem && !rootSeen && /root element/i.test(err.message)) throw new BadInputError('文件是空的，或不是短信备份（没有找到 <smses>）');
        if (err instanceof XmlProblem) throw xmlError(err.message, parser.line, parser.column, source.size, text.bytesRead());
        throw err;
      }
      if (!rootSeen) throw new BadInputError('文件是空的，或不是短信备份');
      outcome.skipped = outcome.duplicates + outcome.rejectedCount;
      outcome.sha256 = text.sha256();
      audit({
        action: 'timeline.import_sms',
        entity: 'sms_backup',
        entityId: outcome.sha256,
        newValue: {
          name: opts.name,
          sha256: outcome.sha256,
          encoding: outcome.encoding,
          imported: outcome.imported,
          duplicates: outcome.duplicates,
          rejected: outcome.rejectedCount,
        },
      });
      return outcome;
    });
  } finally {
    source.close();
  }
}

function xmlError(message: string, line: number, column: number, size: number, read: number): BadInputError {
  const detail = message.replace(/^\d+:\d+:\s*/, '').slice(0, 120);
  if (read >= size && /unclosed|unexpected end|root element/i.test(detail)) {
    return new BadInputError(`短信备份文件不完整（在第 ${line} 行意外结束），可能被截断或没有复制完整；没有导入任何短信。（${detail}）`);
  }
  return new BadInputError(`短信备份文件的 XML 格式有误（第 ${line} 行第 ${column} 列）；没有导入任何短信。（${detail}）`);
}

export interface SmsBackupOutcome extends SmsImportOutcome {
  /** The backup file itself, kept as evidence (byte-exact, SHA-256). */
  evidenceId: string;
}

/**
 * import-sms as docs/cli.md says: the backup file itself is stored as evidence (category
 * 'sms', byte-exact with its SHA-256) and every message links to it, in one transaction
 * with the messages: a file that is not a backup leaves neither. The same file again adds
 * no item and no message; its messages link to the item already there.
 */
export async function importSmsBackupKeepingOriginal(
  vault: Vault,
  input: RecordingInput,
  /** The text to read; for an upload, the item's own stored bytes (by its id). */
  source: (evidenceId: string) => ByteSource,
  opts: SmsImportOptions,
): Promise<SmsBackupOutcome> {
  return importSmsKeepingOriginal(vault, input, (evidenceId) => importSmsBackup(vault, source(evidenceId), { ...opts, evidenceId }));
}

/**
 * Any SMS export (XML backup, CSV or text table) kept as evidence with its messages:
 * `importMessages` runs inside the item's transaction with the new (or existing) item's id.
 */
export async function importSmsKeepingOriginal(vault: Vault, input: RecordingInput, importMessages: (evidenceId: string) => SmsImportOutcome): Promise<SmsBackupOutcome> {
  const opened = openSource(input);
  if ('error' in opened) throw new BadInputError(`${opened.error.message}：${input.label}`);
  let outcome: SmsImportOutcome | null = null;
  let stored: Awaited<ReturnType<typeof commitStaged>>;
  try {
    if (opened.size === 0) throw new BadInputError('文件是空的，或不是短信备份');
    if (opened.size > MAX_EVIDENCE_BYTES) throw new BadInputError('文件超过 2 GB 的上限，没有导入');
    const db = vault.handle;
    const writer = stageSource(db, opened);
    if (writer === 'changed') throw new BadInputError('文件在导入过程中被修改了，没有导入，请重新导入');
    stored = await commitStaged(vault, writer, {
      label: input.label,
      name: cleanName(input.name),
      modifiedMs: opened.modifiedMs,
      route: input.source.kind === 'path' ? 'path' : 'upload',
      category: 'sms',
      within: (itemId) => {
        outcome = importMessages(itemId);
      },
    });
  } finally {
    opened.close();
  }
  if ('error' in stored) throw new BadInputError(stored.error.message);
  const done: SmsImportOutcome = outcome ?? importMessages(stored.id);
  return { ...done, evidenceId: stored.id };
}
