// Import of call recordings: each file becomes an evidence item (original bytes stored in
// the vault with its SHA-256, through the evidence module's own staging and commit) and a
// timeline entry: a connected phone call, incoming unless the user later marks it
// outgoing, with the number and time from the file name (../../../shared/timeline/
// recording-names.ts) and the duration from the audio. A name in no known form still
// imports, timed by the file's modification time and marked "check the time".
//
// Refused before anything is stored: an empty file, and bytes that are not audio (the
// type is sniffed from the bytes, never the extension). Idempotent: the same bytes again
// give the same entry (the evidence is deduplicated by SHA-256, the entry by its key
// call:<sha256>). If the entry could not be written after the evidence was stored, the
// next import of the same file creates it. Plain Node.
import fs from 'node:fs';
import { NotRegularFileError, openRegularFile } from '../../regular-file';
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { beginStaging, discardStaging, readAll, StagingWriter } from '../evidence/blob-store';
import { cleanName, commitStaged } from '../evidence/ingest';
import { sniffMime } from '../evidence/analyse';
import { ANALYSE_MAX_BYTES, CHUNK_BYTES, MAX_EVIDENCE_BYTES } from '../../../shared/evidence/limits';
import { isoWithOffset } from '../../../shared/time/beijing';
import { parseRecordingName } from '../../../shared/timeline/recording-names';
import { numberKey } from '../../../shared/timeline/numbers';
import { amrDurationSec } from '../../../shared/timeline/amr';
import type { ImportCallResult } from '../../../shared/contracts/timeline';
import { linkEvidence } from './contacts';
import { indexContact } from './search';
import type { ContactRow } from './store';

export type RecordingSource =
  | { kind: 'path'; path: string }
  | { kind: 'bytes'; bytes: Buffer; modifiedMs: number | null }
  /** Bytes that came through the upload primitive, already in the vault's staging area (../evidence/uploads.ts takeUpload). */
  | { kind: 'staged'; writer: StagingWriter; modifiedMs: number | null };

export interface RecordingInput {
  /** What the result reports as `file`. */
  label: string;
  /** The file's own name (patterns are read from it). */
  name: string;
  source: RecordingSource;
}

/** Containers phones record calls in: any audio type, and MP4 / 3GP / QuickTime holding sound. */
export function isRecordingType(mime: string): boolean {
  return mime.startsWith('audio/') || mime === 'video/mp4' || mime === 'video/3gpp' || mime === 'video/3gpp2' || mime === 'video/quicktime';
}

type Failure = Extract<ImportCallResult, { error: unknown }>;
const fail = (file: string, code: string, message: string): Failure => ({ file, error: { code, message } });

export interface Opened {
  size: number;
  modifiedMs: number | null;
  head: Buffer;
  /** The bytes are staged already (an upload): nothing to pump. */
  staged?: StagingWriter;
  /** Feeds every byte to `add`, chunk by chunk. */
  pump(add: (chunk: Buffer) => void): void;
  close(): void;
}

export function openSource(input: RecordingInput): Opened | Failure {
  if (input.source.kind === 'staged') {
    const { writer, modifiedMs } = input.source;
    return { size: writer.size, modifiedMs, head: writer.head ?? Buffer.alloc(0), staged: writer, pump() {}, close() {} };
  }
  if (input.source.kind === 'bytes') {
    const bytes = input.source.bytes;
    return {
      size: bytes.length,
      modifiedMs: input.source.modifiedMs,
      head: bytes.subarray(0, 64 * 1024),
      pump(add) {
        for (let at = 0; at < bytes.length; at += CHUNK_BYTES) add(bytes.subarray(at, at + CHUNK_BYTES));
      },
      close() {},
    };
  }
  const file = input.source.path;
  let fd: number;
  let stat: fs.Stats;
  try {
    // Non-blocking open, regular files only: a FIFO must not hang the import.
    ({ fd, stat } = openRegularFile(file));
  } catch (err) {
    if (err instanceof NotRegularFileError) return fail(input.label, 'NOT_A_FILE', '这不是普通文件，没有导入');
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? fail(input.label, 'NOT_FOUND', '找不到这个文件') : fail(input.label, 'UNREADABLE', '无法读取这个文件（没有权限，或被其他程序占用）');
  }
  const head = Buffer.alloc(Math.min(stat.size, 64 * 1024));
  fs.readSync(fd, head, 0, head.length, 0);
  return {
    size: stat.size,
    modifiedMs: Math.round(stat.mtimeMs),
    head,
    pump(add) {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      let pos = 0;
      for (;;) {
        const n = fs.readSync(fd, buf, 0, CHUNK_BYTES, pos);
        if (n === 0) break;
        pos += n;
        add(buf.subarray(0, n));
      }
      if (pos !== stat.size) throw Object.assign(new Error('changed'), { changed: true });
    },
    close() {
      fs.closeSync(fd);
    },
  };
}

/**
 * Streams an opened file into the vault's staging area. 'changed' when the file changed while
 * it was read: then nothing is kept.
 */
export function stageSource(db: Db, opened: Opened): StagingWriter | 'changed' {
  if (opened.staged) return opened.staged;
  const writer = new StagingWriter(db, beginStaging(db), opened.size <= ANALYSE_MAX_BYTES);
  try {
    opened.pump((chunk) => writer.add(chunk));
    writer.finish();
    return writer;
  } catch (err) {
    discardStaging(db, writer.blobId);
    if ((err as { changed?: boolean }).changed) return 'changed';
    throw err;
  }
}

export async function importRecording(vault: Vault, input: RecordingInput): Promise<ImportCallResult> {
  const opened = openSource(input);
  if ('error' in opened) return opened;
  let evidence: Awaited<ReturnType<typeof commitStaged>>;
  let entry: ImportCallResult | null = null;
  try {
    if (opened.size === 0) return fail(input.label, 'EMPTY_FILE', '文件是空的（0 字节），没有导入');
    if (opened.size > MAX_EVIDENCE_BYTES) return fail(input.label, 'FILE_TOO_LARGE', '文件超过 2 GB 的上限，没有导入');
    const mime = await sniffMime(opened.head);
    if (!isRecordingType(mime)) {
      return fail(input.label, 'NOT_AUDIO', `这不是录音文件（按内容识别为 ${mime}），没有导入`);
    }
    const db = vault.handle;
    const writer = stageSource(db, opened);
    if (writer === 'changed') return fail(input.label, 'CHANGED_DURING_IMPORT', '文件在导入过程中被修改了，没有导入，请重新导入');
    evidence = await commitStaged(vault, writer, {
      label: input.label,
      name: cleanName(input.name),
      modifiedMs: opened.modifiedMs,
      route: input.source.kind === 'path' ? 'path' : 'upload',
      category: 'call_recording',
      // Another file with the same bytes is another call: its own item (the bytes are shared).
      separate: (sha) => existingCall(db, sha, cleanName(input.name)) === null,
      // The recording and its timeline entry in ONE transaction: a kill never leaves one without the other.
      within: (evidenceId, sha256) => {
        entry = callEntryFor(vault, input, evidenceId, sha256, opened.modifiedMs);
      },
    });
  } finally {
    opened.close();
  }
  if ('error' in evidence) return { file: input.label, error: evidence.error };
  // Bytes already stored as a live item (found before any transaction): its entry is made now.
  return entry ?? callEntryFor(vault, input, evidence.id, evidence.sha256, opened.modifiedMs);
}

/**
 * The entry a file of these bytes and this name already made: keyed call:<sha256>:<name>
 * (each file its own call, issue 10), or an entry of the older key call:<sha256> whose
 * recording has this name. null when there is none.
 */
function existingCall(db: Db, sha256: string, name: string): { row: ContactRow; evidenceId: string | null } | null {
  const linked = (id: string) =>
    db
      .prepare(
        `SELECT i.id, i.name FROM evidence_links l JOIN evidence_items i ON i.id = l.item_id
         WHERE l.target_kind = 'contact' AND l.target_id = ? AND i.sha256 = ? AND i.trashed_ms IS NULL ORDER BY i.imported_ms, i.id`,
      )
      .all(id, sha256) as { id: string; name: string }[];
  const row = db.prepare('SELECT * FROM contacts WHERE source_key = ?').get(`call:${sha256}:${name}`) as ContactRow | undefined;
  if (row) return { row, evidenceId: linked(row.id)[0]?.id ?? null };
  const legacy = db.prepare('SELECT * FROM contacts WHERE source_key = ?').get(`call:${sha256}`) as ContactRow | undefined;
  if (legacy) {
    const same = linked(legacy.id).find((i) => i.name === name);
    if (same) return { row: legacy, evidenceId: same.id };
  }
  return null;
}

/** The timeline entry of a stored recording: the existing one, or a new one. */
function callEntryFor(vault: Vault, input: RecordingInput, evidenceId: string, sha256: string, modifiedMs: number | null): ImportCallResult {
  const sourceKey = `call:${sha256}:${cleanName(input.name)}`;
  return vault.change((db, audit) => {
    const found = existingCall(db, sha256, cleanName(input.name));
    if (found) {
      const existing = found.row;
      if (found.evidenceId === null) linkEvidence(db, existing.id, evidenceId);
      evidenceId = found.evidenceId ?? evidenceId;
      return {
        file: input.label,
        id: existing.id,
        number: existing.phone,
        at: existing.at,
        durationSec: existing.duration_sec,
        timeUncertain: existing.time_uncertain === 1,
        duplicate: true,
        evidenceId,
      };
    }
    const item = db.prepare('SELECT blob_id, mime, duration_sec, modified_ms, imported_ms FROM evidence_items WHERE id = ?').get(evidenceId) as {
      blob_id: number;
      mime: string;
      duration_sec: number | null;
      modified_ms: number | null;
      imported_ms: number;
    };
    let duration = item.duration_sec;
    if (duration === null && item.mime === 'audio/amr') duration = amrDurationSec(readAll(db, item.blob_id));
    const named = parseRecordingName(input.name);
    // A name dated in the future (2099…) or before smartphones is no recording time: the
    // file's date is used instead and the time is marked uncertain.
    const nameTime = named && named.atMs <= Date.now() + 86_400_000 && named.atMs >= Date.UTC(2000, 0, 1) ? named.atMs : null;
    const atMs = nameTime ?? modifiedMs ?? item.modified_ms ?? item.imported_ms;
    const number = named?.number ?? null;
    const now = new Date().toISOString();
    const row = {
      id: randomUUID(),
      at: isoWithOffset(atMs),
      at_ms: atMs,
      phone: number,
      phone_key: number ? numberKey(number) : null,
      person: named?.name ?? null,
      duration_sec: duration === null ? null : Math.round(duration),
      time_uncertain: nameTime !== null ? 0 : 1,
      source_key: sourceKey,
      now,
    };
    db.prepare(
      `INSERT INTO contacts (id, at, at_ms, channel, direction, person, phone, phone_key, duration_sec, connected, time_uncertain,
         source, source_key, created_at, updated_at)
       VALUES (@id, @at, @at_ms, 'phone', 'incoming', @person, @phone, @phone_key, @duration_sec, 1, @time_uncertain,
         'call_recording', @source_key, @now, @now)`,
    ).run(row);
    linkEvidence(db, row.id, evidenceId);
    indexContact(db, db.prepare('SELECT * FROM contacts WHERE id = ?').get(row.id) as ContactRow);
    audit({
      action: 'timeline.import_call',
      entity: 'contact',
      entityId: row.id,
      newValue: {
        file: input.name,
        evidenceId,
        number,
        at: row.at,
        durationSec: row.duration_sec,
        timeFrom: named && nameTime !== null ? `name:${named.pattern}` : 'file_modified',
      },
    });
    return {
      file: input.label,
      id: row.id,
      number,
      at: row.at,
      durationSec: row.duration_sec,
      timeUncertain: nameTime === null,
      duplicate: false,
      evidenceId,
    };
  });
}
