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
    // Opening read-write and reading page 1 (openEncrypted's key check) plays the journal back.
    openEncrypted(vaultPath, passphrase, { nativeBinding }).close();
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
