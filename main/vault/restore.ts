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
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
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

export function restoreFromBackup(vaultPath: string, backupPath: string, passphrase: string, options: RestoreOptions): RestoreResult {
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
  const lock = WriterLock.acquire(vault);
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
    fs.renameSync(copy, vault);
    copy = '';
    dropPartialDirIfEmpty(vault);
    return { restored: true, from, previousKeptAs };
  } finally {
    if (copy) fs.rmSync(copy, { force: true });
    dropPartialDirIfEmpty(vault);
    lock.release();
  }
}
