// Content-addressed storage of original bytes inside the vault: one `blobs` row per
// distinct content, its bytes in CHUNK_BYTES rows of `blob_chunks` (every chunk is exactly
// CHUNK_BYTES except the last), so a file of any size is written and read with bounded
// memory and a byte range maps to a few chunk rows.
//
// Writing happens in two steps. A *staging* blob receives the chunks in small committed
// transactions (so the worker can yield, report progress and notice a cancel between
// them); it is invisible to everything else (no item names it, its sha256 is unknown).
// Then ONE transaction (see ingest.ts) turns it into a stored blob together with its
// item, renditions, text, index rows and audit row — or deletes it. A staging blob left
// behind by a crash is deleted by the next import (cleanupStaging).
import { createHash, type Hash } from 'node:crypto';
import type { Db } from '../sqlite';
import { CHUNK_BYTES } from '../../../shared/evidence/limits';

/** How many chunks go into one staging transaction (8 MiB): fewer fsyncs, still short. */
export const CHUNKS_PER_TRANSACTION = 8;

export function beginStaging(db: Db): number {
  const info = db.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES (NULL, 0, 'staging', ?)").run(new Date().toISOString());
  return Number(info.lastInsertRowid);
}

export function writeChunks(db: Db, blobId: number, firstSeq: number, chunks: readonly Uint8Array[]): void {
  const insert = db.prepare('INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)');
  db.transaction(() => {
    chunks.forEach((data, i) => insert.run(blobId, firstSeq + i, data));
  })();
}

/** Deletes a staging blob and its chunks (never a stored one); null (nothing staged yet) is a no-op. */
export function discardStaging(db: Db, blobId: number | null): void {
  if (blobId === null) return;
  db.transaction(() => {
    db.prepare("DELETE FROM blob_chunks WHERE blob_id = ? AND (SELECT state FROM blobs WHERE id = ?) = 'staging'").run(blobId, blobId);
    db.prepare("DELETE FROM blobs WHERE id = ? AND state = 'staging'").run(blobId);
  })();
}

/** Deletes staging blobs not in `keep` (left by a crash, a killed process, a lost upload). */
export function cleanupStaging(db: Db, keep: ReadonlySet<number> = new Set()): number {
  const ids = (db.prepare("SELECT id FROM blobs WHERE state = 'staging'").all() as { id: number }[]).map((r) => r.id).filter((id) => !keep.has(id));
  for (const id of ids) discardStaging(db, id);
  return ids.length;
}

export interface StoredBlob {
  id: number;
  sha256: string;
  size: number;
}

export function storedBlobBySha(db: Db, sha256: string): StoredBlob | null {
  return (db.prepare("SELECT id, sha256, size FROM blobs WHERE sha256 = ? AND state = 'stored'").get(sha256) as StoredBlob | undefined) ?? null;
}

export function blobById(db: Db, id: number): StoredBlob | null {
  return (db.prepare("SELECT id, sha256, size FROM blobs WHERE id = ? AND state = 'stored'").get(id) as StoredBlob | undefined) ?? null;
}

/** Every chunk of a blob, in order. */
export function* readChunks(db: Db, blobId: number): Generator<Buffer> {
  const stmt = db.prepare('SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?');
  for (let seq = 0; ; seq++) {
    const row = stmt.get(blobId, seq) as { data: Buffer } | undefined;
    if (!row) return;
    yield row.data;
  }
}

/** Bytes [start, end] (inclusive) of a blob of `size` bytes; the caller clamps the range. */
export function readRange(db: Db, blobId: number, start: number, end: number): Buffer {
  const first = Math.floor(start / CHUNK_BYTES);
  const last = Math.floor(end / CHUNK_BYTES);
  const rows = db.prepare('SELECT seq, data FROM blob_chunks WHERE blob_id = ? AND seq BETWEEN ? AND ? ORDER BY seq').all(blobId, first, last) as {
    seq: number;
    data: Buffer;
  }[];
  const parts: Buffer[] = [];
  for (const row of rows) {
    const offset = row.seq * CHUNK_BYTES;
    const from = Math.max(0, start - offset);
    const to = Math.min(row.data.length, end - offset + 1);
    if (to > from) parts.push(row.data.subarray(from, to));
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** The whole blob in memory (callers bound the size). */
export function readAll(db: Db, blobId: number): Buffer {
  return Buffer.concat([...readChunks(db, blobId)]);
}

/** Re-hashes a stored blob from its chunks: { sha256, size } of what is really there. */
export function hashStored(db: Db, blobId: number): { sha256: string; size: number } {
  const hash = createHash('sha256');
  let size = 0;
  for (const chunk of readChunks(db, blobId)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Accumulates incoming bytes into exact CHUNK_BYTES pieces for one blob, hashing as it
 * goes. Full chunks are written to a staging blob CHUNKS_PER_TRANSACTION at a time (the
 * staging row is created on the first write, or passed in); whatever has not been
 * written when the input ends is written by commitInto(), inside the transaction that
 * stores the item, so a file up to 8 MiB costs one transaction and a duplicate writes
 * nothing. Keeps a copy of the whole content only when asked (for analysis of files up
 * to ANALYSE_MAX_BYTES); the first chunk is always kept (type sniffing).
 */
export class StagingWriter {
  readonly hash: Hash = createHash('sha256');
  size = 0;
  private seq = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private ready: Buffer[] = [];
  private kept: Buffer[] | null;
  private finished = false;
  head: Buffer | null = null;

  constructor(
    private readonly db: Db,
    private staged: number | null,
    keepAll: boolean,
  ) {
    this.kept = keepAll ? [] : null;
  }

  /** The staging blob's id, or null while nothing has been written to the vault. */
  get blobId(): number | null {
    return this.staged;
  }

  /** Stops keeping a full copy (the file turned out larger than announced). */
  dropKept(): void {
    this.kept = null;
  }

  /** Adds bytes; full chunks are written once CHUNKS_PER_TRANSACTION have gathered. */
  add(data: Uint8Array): void {
    if (this.finished) throw new Error('writer already finished');
    if (data.length === 0) return;
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    this.hash.update(buf);
    this.size += buf.length;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    while (this.pendingBytes >= CHUNK_BYTES) this.ready.push(this.takeChunk(CHUNK_BYTES));
    if (this.ready.length >= CHUNKS_PER_TRANSACTION) this.flushReady();
  }

  /** The input is complete: the last short chunk is formed (and written by commitInto). */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.pendingBytes > 0) this.ready.push(this.takeChunk(this.pendingBytes));
  }

  /**
   * Inside the storing transaction: writes the chunks not yet written and marks the blob
   * stored under its hash. Returns the blob id.
   */
  commitInto(db: Db, sha256: string): number {
    if (!this.finished) throw new Error('writer not finished');
    if (this.staged === null) {
      const info = db.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES (?, ?, 'stored', ?)").run(sha256, this.size, new Date().toISOString());
      this.staged = Number(info.lastInsertRowid);
      this.writeReady(db);
      return this.staged;
    }
    this.writeReady(db);
    const info = db.prepare("UPDATE blobs SET sha256 = ?, size = ?, state = 'stored' WHERE id = ? AND state = 'staging'").run(sha256, this.size, this.staged);
    if (info.changes !== 1) throw new Error('staging blob vanished');
    return this.staged;
  }

  /** Forgets what is in memory and deletes the staging blob, if any. */
  discard(db: Db): void {
    this.kept = this.kept ? [] : null;
    this.ready = [];
    this.pending = [];
    this.pendingBytes = 0;
    discardStaging(db, this.staged);
    this.staged = null;
  }

  /**
   * The whole content when it was kept (call once, after finish()), else null. The
   * written chunks are let go as they are joined: they are in the vault already.
   */
  keptBytes(): Buffer | null {
    if (!this.kept) return null;
    const whole = Buffer.concat([...this.kept, ...this.ready]);
    this.kept = [];
    return whole;
  }

  private takeChunk(n: number): Buffer {
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    // Copy: the source buffer may be reused by the caller.
    const chunk = Buffer.from(all.subarray(0, n));
    const rest = all.subarray(n);
    this.pending = rest.length ? [Buffer.from(rest)] : [];
    this.pendingBytes = rest.length;
    if (!this.head) this.head = chunk;
    return chunk;
  }

  private flushReady(): void {
    if (this.ready.length === 0) return;
    this.staged ??= beginStaging(this.db);
    this.writeReady(this.db);
  }

  private writeReady(db: Db): void {
    if (this.ready.length === 0 || this.staged === null) return;
    writeChunks(db, this.staged, this.seq, this.ready);
    this.seq += this.ready.length;
    this.kept?.push(...this.ready);
    this.ready = [];
  }
}
