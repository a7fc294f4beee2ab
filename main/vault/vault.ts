// The vault: one encrypted SQLite file. Plain Node (no electron import) so the CLI, the
// tests and the app's worker thread all run exactly this code.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { VaultExistsError, VaultDamagedError, XieshangError, PassphraseTooShortError } from '../../shared/errors';
import { isLongEnough, MIN_PASSPHRASE_LENGTH } from '../../shared/passphrase';
import { openEncrypted, rekey, isCorruption, type Db } from './sqlite';
import { checkVaultFile } from './file-checks';
import { assertCompatible, migrate, schemaVersion } from './migrate';
import { appendAudit, verifyAuditChain, type Actor, type AuditEntry, type AuditVerification } from './audit-log';
import { WriterLock } from './writer-lock';
import { rollBackHotJournal } from './crash-recovery';
import { cleanStalePartials, dropPartialDirIfEmpty, partialPathFor, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../partial-files';

export interface VaultOptions {
  /** Who writes the audit rows: the app or the CLI. */
  actor: Actor;
  readonly?: boolean;
  nativeBinding?: string | undefined;
}

/** Settings every connection needs: durability over speed, and no plaintext temp files. */
function configureConnection(db: Db, readonly: boolean): void {
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
  }
}

export function assertPassphrasePolicy(passphrase: string): void {
  if (!isLongEnough(passphrase)) throw new PassphraseTooShortError(MIN_PASSPHRASE_LENGTH);
}

export class Vault {
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly db: Db,
    private readonly lock: WriterLock | null,
    readonly actor: Actor,
    readonly readonly: boolean,
    /** The SQLite build this vault was opened with (Electron's in the app); every later open uses it too. */
    private readonly nativeBinding: string | undefined,
  ) {}

  /** Creates a new vault. Built under a temporary name and renamed, so a crash never leaves half a vault. */
  static create(file: string, passphrase: string, options: VaultOptions): Vault {
    assertPassphrasePolicy(passphrase);
    if (fs.existsSync(file)) throw new VaultExistsError();
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
    const lock = WriterLock.acquire(file);
    let temp = '';
    try {
      temp = partialPathFor(file);
      const db = openEncrypted(temp, passphrase, { create: true, nativeBinding: options.nativeBinding });
      try {
        db.pragma('journal_mode = DELETE');
        migrate(db);
        db.transaction(() => {
          const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
          put.run('vault_id', randomUUID());
          put.run('created_at', new Date().toISOString());
          appendAudit(db, { actor: options.actor, action: 'vault.create' });
        })();
      } finally {
        db.close();
      }
      if (fs.existsSync(file)) throw new VaultExistsError();
      // Private whatever the umask; SQLite gives its -wal and -shm files the same mode.
      fs.chmodSync(temp, PRIVATE_FILE_MODE);
      fs.renameSync(temp, file);
      dropPartialDirIfEmpty(file);
    } catch (err) {
      if (temp) fs.rmSync(temp, { force: true });
      dropPartialDirIfEmpty(file);
      lock.release();
      throw err;
    }
    try {
      return Vault.openLocked(file, passphrase, options, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  /** Opens an existing vault; a writer takes the single-writer lock first. */
  static open(file: string, passphrase: string, options: VaultOptions): Vault {
    checkVaultFile(file);
    // What a killed backup, create or package build left in this folder goes now.
    try {
      cleanStalePartials(path.dirname(path.resolve(file)));
    } catch {
      /* best effort: tried again at the next open */
    }
    // A read-only connection cannot roll back what a crash left; do it first (crash-recovery.ts).
    if (options.readonly) rollBackHotJournal(file, passphrase, options.nativeBinding);
    const lock = options.readonly ? null : WriterLock.acquire(file);
    try {
      return Vault.openLocked(file, passphrase, options, lock);
    } catch (err) {
      lock?.release();
      throw err;
    }
  }

  private static openLocked(file: string, passphrase: string, options: VaultOptions, lock: WriterLock | null): Vault {
    const readonly = options.readonly ?? false;
    const db = openEncrypted(file, passphrase, { readonly, nativeBinding: options.nativeBinding });
    try {
      assertCompatible(db);
      configureConnection(db, readonly);
      if (!readonly) migrate(db);
    } catch (err) {
      db.close();
      throw isCorruption(err) ? new VaultDamagedError() : err;
    }
    return new Vault(file, db, lock, options.actor, readonly, options.nativeBinding);
  }

  get schemaVersion(): number {
    return schemaVersion(this.handle);
  }

  /** The open connection, for the modules that own tables (evidence, timeline, …). */
  get handle(): Db {
    if (this.closed) throw new XieshangError('VAULT_LOCKED');
    return this.db;
  }

  meta(key: string): string | null {
    const row = this.handle.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** Runs fn and its audit rows in one transaction: all of it is committed, or none. */
  change<T>(fn: (db: Db, audit: (entry: Omit<AuditEntry, 'actor'>) => void) => T): T {
    const db = this.handle;
    return db.transaction(() => fn(db, (entry) => appendAudit(db, { actor: this.actor, ...entry })))();
  }

  verifyAudit(): AuditVerification {
    return verifyAuditChain(this.handle);
  }

  /** Changes the passphrase (rekey) after proving the current one. */
  changePassphrase(current: string, next: string): void {
    assertPassphrasePolicy(next);
    // Prove the current passphrase on a second, read-only connection; the open one proves nothing.
    // With the same native binding as every other open: the packaged app ships only Electron's build.
    openEncrypted(this.file, current, { readonly: true, nativeBinding: this.nativeBinding }).close();
    const db = this.handle;
    db.pragma('wal_checkpoint(TRUNCATE)');
    rekey(db, next);
    this.change((_db, audit) => audit({ action: 'vault.passphrase_changed' }));
  }

  /**
   * A consistent, encrypted copy with the same passphrase. SQLite's backup API refuses an
   * encrypted target here, and VACUUM INTO writes the copy through the same cipher and key,
   * inside one read transaction: safe while another process writes. Written under a
   * temporary name beside the target and renamed, so no half-copy is ever left.
   */
  backup(out: string): { out: string; bytes: number } {
    const target = path.resolve(out);
    if (fs.existsSync(target)) throw new XieshangError('OUTPUT_EXISTS', { path: target });
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
    let temp = '';
    try {
      temp = partialPathFor(target);
      this.handle.prepare('VACUUM INTO ?').run(temp);
      fs.chmodSync(temp, PRIVATE_FILE_MODE);
      fs.renameSync(temp, target);
      dropPartialDirIfEmpty(target);
    } catch (err) {
      if (temp) fs.rmSync(temp, { force: true });
      dropPartialDirIfEmpty(target);
      if (err instanceof XieshangError) throw err;
      throw new XieshangError('IO_ERROR', { detail: path.basename(target) });
    }
    if (!this.readonly) this.change((_db, audit) => audit({ action: 'vault.backup', newValue: { out: target } }));
    return { out: target, bytes: fs.statSync(target).size };
  }

  /** Closes the connection (the key leaves memory with it) and releases the writer lock. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      if (!this.readonly) this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      /* closing anyway */
    }
    this.db.close();
    this.lock?.release();
  }
}
