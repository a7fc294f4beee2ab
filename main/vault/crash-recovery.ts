// A hot journal left by a crash (a SIGKILL during `passwd`, which rekeys in rollback-journal
// mode) must be rolled back before anyone can read the vault: a read-only connection cannot
// do it (SQLITE_READONLY_ROLLBACK), and every read-only command (list, timeline, search,
// backup — what a user tries first after a crash) answered INTERNAL until a write happened.
// So any open first rolls it back on a brief read-write connection, under the writer lock.
// SQLite keeps the journal until a playback succeeds, so a wrong passphrase changes nothing
// recoverable: the next open with the right one finishes the rollback.
import fs from 'node:fs';
import path from 'node:path';
import { openEncrypted } from './sqlite';
import { WriterLock } from './writer-lock';
import { VaultDamagedError, VaultInUseError, VaultNeedsRecoveryError, WrongPassphraseOrDamagedError, XieshangError } from '../../shared/errors';

export function journalPathFor(vaultPath: string): string {
  return `${vaultPath}-journal`;
}

/** A rollback journal with content: SQLite calls it hot when no connection holds a lock on the vault. */
export function hasHotJournal(vaultPath: string): boolean {
  try {
    return fs.statSync(journalPathFor(vaultPath)).size > 0;
  } catch {
    return false;
  }
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');
/** SQLCipher's format keeps the key-derivation salt in plain text as the first 16 bytes of page 1. */
const SALT_BYTES = 16;

/**
 * The salt of page 1 as the journal holds it (the committed state), when the journal has a
 * page-1 record; null when it has none or is not a hot journal's.
 */
export function journalSalt(vaultPath: string): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(journalPathFor(vaultPath), 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(28);
    if (fs.readSync(fd, header, 0, 28, 0) < 28 || !header.subarray(0, 8).equals(JOURNAL_MAGIC)) return null;
    const records = header.readUInt32BE(8);
    const sector = header.readUInt32BE(20);
    const pageSize = header.readUInt32BE(24);
    if (sector < 32 || sector > 65536 || pageSize < 512 || pageSize > 65536) return null;
    // Records of the first segment: page number (4 bytes), the page, a checksum (4). A rekey
    // journals page 1 first. Only the records the header counts (when it counts them).
    const size = fs.fstatSync(fd).size;
    const step = 4 + pageSize + 4;
    const end = records > 0 && records !== 0xffffffff ? Math.min(size, sector + records * step) : size;
    const pgno = Buffer.alloc(4);
    for (let at = sector; at + step <= end; at += step) {
      fs.readSync(fd, pgno, 0, 4, at);
      if (pgno.readUInt32BE(0) !== 1) continue;
      const salt = Buffer.alloc(SALT_BYTES);
      return fs.readSync(fd, salt, 0, SALT_BYTES, at + 4) === SALT_BYTES ? salt : null;
    }
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A rekey (`passwd`) gives page 1 a new salt. Killed after page 1 reached the file but before
 * the commit, the vault's key is derived from that new salt whatever the passphrase, so the
 * journal (written under the old key, from the old salt) could never be played back: neither
 * passphrase opened the vault (found by the kill trials). The committed state is the
 * journal's, so its page-1 salt is put in place for the playback, which then rewrites all of
 * page 1. Under the writer lock; returns the salt it replaced (null: nothing to do).
 */
function putJournalSalt(vaultPath: string): Buffer | null {
  const salt = journalSalt(vaultPath);
  if (!salt) return null;
  const current = readSalt(vaultPath);
  if (current.equals(salt)) return null;
  writeSalt(vaultPath, salt);
  return current;
}

function readSalt(vaultPath: string): Buffer {
  const fd = fs.openSync(vaultPath, 'r');
  try {
    const salt = Buffer.alloc(SALT_BYTES);
    fs.readSync(fd, salt, 0, SALT_BYTES, 0);
    return salt;
  } finally {
    fs.closeSync(fd);
  }
}

function writeSalt(vaultPath: string, salt: Buffer): void {
  const fd = fs.openSync(vaultPath, 'r+');
  try {
    fs.writeSync(fd, salt, 0, SALT_BYTES, 0);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens read-write and reads page 1 (openEncrypted's key check), which plays the journal back. */
function playBack(vaultPath: string, passphrase: string, nativeBinding: string | undefined): void {
  try {
    openEncrypted(vaultPath, passphrase, { nativeBinding }).close();
  } catch (err) {
    // Only when the plain playback failed, and put back as it was if that does not help
    // either: a hot journal of any other crash is never touched.
    const replaced = putJournalSalt(vaultPath);
    if (!replaced) throw err;
    try {
      openEncrypted(vaultPath, passphrase, { nativeBinding }).close();
    } catch (again) {
      if (hasHotJournal(vaultPath)) writeSalt(vaultPath, replaced);
      throw again;
    }
  }
}

/**
 * Rolls back a hot journal, if there is one. Returns true when it did. When another process
 * holds the writer lock, that process's own open has done (or will do) the rollback.
 */
export function rollBackHotJournal(vaultPath: string, passphrase: string, nativeBinding?: string): boolean {
  if (!hasHotJournal(vaultPath)) return false;
  if (!writable(vaultPath)) throw new VaultNeedsRecoveryError();
  let lock: WriterLock;
  try {
    lock = WriterLock.acquire(vaultPath);
  } catch (err) {
    if (err instanceof VaultInUseError) return false;
    throw err;
  }
  try {
    playBack(vaultPath, passphrase, nativeBinding);
    return true;
  } catch (err) {
    // A playback under the wrong key fails as corruption: the two cannot be told apart here.
    if (err instanceof VaultDamagedError) throw new WrongPassphraseOrDamagedError();
    if (err instanceof XieshangError) throw err;
    throw new VaultNeedsRecoveryError();
  } finally {
    lock.release();
  }
}
