// While a bulk import runs, the vault writes through a rollback journal (journal_mode
// DELETE) instead of its WAL. Measured (docs/probes.md, issue 14): SQLite3MultipleCiphers
// checkpoints by decrypting every WAL frame and encrypting it again for the main file
// (3 HMAC-SHA512 + 2 AES passes per page against 1 + 1 with a rollback journal): a commit
// costs half the CPU, the bench's import a fifth less. Outside a bulk import the vault
// stays in WAL, so a read-only process (`xieshang backup` while the app is open) never makes
// the app's small writes wait.
//
// Crash safety is SQLite's either way: every commit is atomic and durable (synchronous
// FULL); a kill mid-transaction leaves a hot journal that the next open rolls back
// (crash-recovery.ts does it for read-only opens too); a kill between two files leaves the
// vault in DELETE mode, and the next writable open puts it back in WAL (vault.ts).
import type { Db } from './sqlite';

interface Bulk {
  depth: number;
  /** This module switched the journal from WAL, so it switches it back. */
  switched: boolean;
}

const open = new WeakMap<Db, Bulk>();

function journalMode(db: Db): string {
  return String(db.pragma('journal_mode', { simple: true })).toLowerCase();
}

/** Starts (or joins) a bulk import on this connection. Never throws: at worst the import stays in WAL. */
export function beginBulkWrites(db: Db): void {
  const bulk = open.get(db);
  if (bulk) {
    bulk.depth++;
    return;
  }
  let switched = false;
  try {
    // Leaving WAL needs the vault to itself: another process reading it keeps it in WAL.
    if (!db.inTransaction && journalMode(db) === 'wal') switched = journalMode(setMode(db, 'DELETE')) === 'delete';
  } catch {
    switched = false;
  }
  open.set(db, { depth: 1, switched });
}

/** Ends one bulk import; the last one out puts the journal back in WAL. */
export function endBulkWrites(db: Db): void {
  const bulk = open.get(db);
  if (!bulk) return;
  if (--bulk.depth > 0) return;
  open.delete(db);
  if (!bulk.switched || !db.open || db.inTransaction) return;
  try {
    setMode(db, 'WAL');
  } catch {
    /* a reader holds the vault now; the next writable open sets WAL again */
  }
}

/** Runs fn (sync or async) as a bulk import. */
export async function withBulkWrites<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  beginBulkWrites(db);
  try {
    return await fn();
  } finally {
    endBulkWrites(db);
  }
}

function setMode(db: Db, mode: 'DELETE' | 'WAL'): Db {
  db.pragma(`journal_mode = ${mode}`);
  return db;
}
