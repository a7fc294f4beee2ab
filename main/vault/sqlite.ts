// Opening the encrypted SQLite file. SQLCipher v4 scheme (AES-256-CBC with HMAC-SHA512 per
// page, PBKDF2-HMAC-SHA512 with 256,000 iterations and a per-file salt): authenticated, and
// a file the user can also open with DB Browser for SQLite (SQLCipher 4 mode).
import Database from 'better-sqlite3-multiple-ciphers';
import { VaultDamagedError, WrongPassphraseError, NotAVaultError, VaultNeedsRecoveryError } from '../../shared/errors';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  create?: boolean;
  nativeBinding?: string | undefined;
}

/** 'XSHG' in ASCII: marks the file as ours (PRAGMA application_id), checked at every open. */
export const APPLICATION_ID = 0x58534847;

function configureCipher(db: Db): void {
  // Must be set on every connection, before the key.
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
}

/** Opens and keys a connection; the passphrase bytes are zeroed as soon as SQLite has them. */
export function openEncrypted(file: string, passphrase: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: !options.create,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const key = Buffer.from(passphrase, 'utf8');
  try {
    configureCipher(db);
    db.key(key);
    // A wrong key is only noticed on the first read of page 1.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    throw classifyOpenError(err);
  } finally {
    key.fill(0);
  }
  return db;
}

export function rekey(db: Db, next: string): void {
  const key = Buffer.from(next, 'utf8');
  try {
    // SQLite3MultipleCiphers cannot rekey in WAL mode.
    db.pragma('journal_mode=DELETE');
    db.rekey(key);
  } finally {
    key.fill(0);
    db.pragma('journal_mode=WAL');
  }
}

export function classifyOpenError(err: unknown): Error {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return new WrongPassphraseError();
  if (code === 'SQLITE_CORRUPT') return new VaultDamagedError();
  if (code === 'SQLITE_CANTOPEN') return new NotAVaultError();
  // A crash left a journal or WAL that a read-only connection may not replay.
  if (code === 'SQLITE_READONLY_ROLLBACK' || code === 'SQLITE_READONLY_RECOVERY' || code === 'SQLITE_READONLY_CANTINIT') return new VaultNeedsRecoveryError();
  return err instanceof Error ? err : new Error(String(err));
}

/** SQLite errors met after a successful open: corruption is reported as damage, never as internal. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}
