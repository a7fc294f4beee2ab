// Replacing the vault with a backup (docs/cli.md `restore --from`; the app's 从备份恢复).
// Nothing is replaced until a private copy of the backup has opened with the passphrase and
// passed SQLite's integrity_check and the audit chain. The replaced vault is kept beside it
// (0600, with its -wal/-shm/-journal, so nothing committed is lost), and the copy takes the
// vault's name in one atomic rename. Refused while another process holds the writer lock.
import fs from 'node:fs';
import path from 'node:path';
import { openEncrypted } from './sqlite';
import { checkVaultFile } from './file-checks';
import { assertCompatible } from './migrate';
import { verifyAuditChain, appendAudit, type Actor } from './audit-log';
import { WriterLock } from './writer-lock';
import { openRegularFile } from '../regular-file';
import { dropPartialDirIfEmpty, partialPathFor, PRIVATE_FILE_MODE } from '../partial-files';
import { BackupInvalidError, WrongPassphraseError, XieshangError } from '../../shared/errors';

export interface RestoreResult {
  restored: true;
  from: string;
  /** Where the replaced vault now is; null when there was none. */
  previousKeptAs: string | null;
}

export interface RestoreOptions {
  actor: Actor;
  nativeBinding?: string | undefined;
  now?: Date;
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function keptName(vaultPath: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const ext = path.extname(vaultPath);
  const base = vaultPath.slice(0, vaultPath.length - ext.length);
  for (let n = 0; ; n++) {
    const candidate = `${base}.before-restore-${stamp}${n ? `-${n}` : ''}${ext || '.xsv'}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

/** Opens the copy and proves it: passphrase, schema, integrity_check, audit chain. Throws BackupInvalidError otherwise. */
function proveBackup(copy: string, passphrase: string, options: RestoreOptions): void {
  let db;
  try {
    db = openEncrypted(copy, passphrase, { readonly: true, nativeBinding: options.nativeBinding });
  } catch (err) {
    if (err instanceof WrongPassphraseError) throw err;
    throw new BackupInvalidError(err instanceof XieshangError ? err.message : '无法打开');
  }
  try {
    try {
      assertCompatible(db);
    } catch (err) {
      throw new BackupInvalidError(err instanceof XieshangError ? err.message : '不是证据箱');
    }
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupInvalidError('完整性检查未通过（integrity_check）');
    const audit = verifyAuditChain(db);
    if (!audit.ok) throw new BackupInvalidError(`审计记录链在第 ${audit.firstBadId} 条处断开，备份可能被改动过`);
  } catch (err) {
    if (err instanceof XieshangError) throw err;
    throw new BackupInvalidError('读取时出错，备份可能已损坏');
  } finally {
    db.close();
  }
}

/** A backup copied to the private partial place, proved and stamped; nothing replaced yet. */
export interface PreparedRestore {
  vault: string;
  from: string;
  copy: string;
  /** Removes the copy if it was not put in place. */
  discard(): void;
}

/**
 * Copies the backup to the vault folder's private partial place and proves the copy
 * (passphrase, schema, integrity_check, audit chain); the restore is recorded in it.
 * Changes nothing else and takes no lock, so the app can check a backup while the vault is
 * still open and keep it open when the backup is refused.
 */
export function prepareRestore(vaultPath: string, backupPath: string, passphrase: string, options: RestoreOptions): PreparedRestore {
  const vault = path.resolve(vaultPath);
  const from = path.resolve(backupPath);
  if (from === vault) throw new BackupInvalidError('备份文件就是证据箱本身');
  try {
    const { fd } = openRegularFile(from);
    fs.closeSync(fd);
    checkVaultFile(from);
  } catch (err) {
    throw new BackupInvalidError(err instanceof XieshangError ? err.message : '无法读取备份文件');
  }
  let copy = '';
  try {
    // Proved on a private copy, so the file checked is exactly the file that is put in place.
    copy = partialPathFor(vault);
    fs.copyFileSync(from, copy);
    fs.chmodSync(copy, PRIVATE_FILE_MODE);
    const fd = fs.openSync(copy, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    proveBackup(copy, passphrase, options);
    // Recorded inside the restored vault (the audit chain goes on from the backup's last row).
    const db = openEncrypted(copy, passphrase, { nativeBinding: options.nativeBinding });
    try {
      db.pragma('journal_mode = DELETE');
      appendAudit(db, { actor: options.actor, action: 'vault.restore', newValue: { from } });
    } finally {
      db.close();
    }
  } catch (err) {
    if (copy) fs.rmSync(copy, { force: true });
    dropPartialDirIfEmpty(vault);
    throw err;
  }
  const prepared: PreparedRestore = {
    vault,
    from,
    copy,
    discard() {
      if (prepared.copy) fs.rmSync(prepared.copy, { force: true });
      prepared.copy = '';
      dropPartialDirIfEmpty(vault);
    },
  };
  return prepared;
}

/**
 * Puts a prepared copy in the vault's place under the writer lock (VAULT_IN_USE while any
 * process, this one included, has the vault open): the old vault is kept beside it.
 */
export function commitRestore(prepared: PreparedRestore, options: Pick<RestoreOptions, 'now'> = {}): RestoreResult {
  const { vault, from } = prepared;
  if (!prepared.copy) throw new BackupInvalidError('备份副本已不在');
  const lock = WriterLock.acquire(vault);
  try {
    let previousKeptAs: string | null = null;
    if (fs.existsSync(vault)) {
      previousKeptAs = keptName(vault, options.now ?? new Date());
      // A hard link keeps the old vault under its new name while the vault's name still points to it.
      fs.linkSync(vault, previousKeptAs);
      fs.chmodSync(previousKeptAs, PRIVATE_FILE_MODE);
      // Its WAL (and any journal) belong with it: never pair an old WAL with the restored file.
      for (const side of SIDE_FILES) {
        if (fs.existsSync(vault + side)) fs.renameSync(vault + side, previousKeptAs + side);
      }
    }
    fs.renameSync(prepared.copy, vault);
    prepared.copy = '';
    return { restored: true, from, previousKeptAs };
  } finally {
    prepared.discard();
    lock.release();
  }
}

export function restoreFromBackup(vaultPath: string, backupPath: string, passphrase: string, options: RestoreOptions): RestoreResult {
  const vault = path.resolve(vaultPath);
  // Refused before any copy is made while another process holds the vault.
  WriterLock.acquire(vault).release();
  const prepared = prepareRestore(vault, backupPath, passphrase, options);
  try {
    return commitRestore(prepared, options);
  } finally {
    prepared.discard();
  }
}
