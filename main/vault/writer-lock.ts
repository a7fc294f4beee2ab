// One writer per vault: the app and the CLI never write the same file at once. The lock is
// a file beside the vault created with O_EXCL. It names its owner (host + pid), so a lock
// left by a killed process is recognised as stale and taken over: the user is never locked
// out by a crash. Readers (backup, list, verify) take no lock; WAL lets them read safely.
import fs from 'node:fs';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { VaultInUseError } from '../../shared/errors';

interface LockInfo {
  pid: number;
  host: string;
  token: string;
  createdAt: string;
}

export function lockPathFor(vaultPath: string): string {
  return `${vaultPath}.lock`;
}

/** True when a process with this pid exists on this machine. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') {
      return parsed as LockInfo;
    }
  } catch {
    /* unreadable or half-written: judged by age below */
  }
  return null;
}

function isStale(file: string, info: LockInfo | null): boolean {
  if (info === null) {
    // A lock file that never got its content (killed between create and write).
    try {
      return Date.now() - fs.statSync(file).mtimeMs > 5_000;
    } catch {
      return true;
    }
  }
  if (info.host !== os.hostname()) return false; // another machine (shared folder): respect it
  if (info.pid === process.pid) return false; // held by this very process
  return !isProcessAlive(info.pid);
}

export class WriterLock {
  private released = false;
  private constructor(
    readonly file: string,
    private readonly token: string,
  ) {}

  static acquire(vaultPath: string): WriterLock {
    const file = lockPathFor(vaultPath);
    const info: LockInfo = { pid: process.pid, host: os.hostname(), token: randomUUID(), createdAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = fs.openSync(file, 'wx', 0o600);
        try {
          fs.writeSync(fd, JSON.stringify(info));
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
        return new WriterLock(file, info.token);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        if (!isStale(file, readLock(file))) throw new VaultInUseError();
        // Stale: remove it and race for a fresh one (O_EXCL decides the winner).
        try {
          fs.unlinkSync(file);
        } catch {
          /* someone else removed it first */
        }
      }
    }
    throw new VaultInUseError();
  }

  /** Removes the lock file, only if it is still ours. */
  release(): void {
    if (this.released) return;
    this.released = true;
    const current = readLock(this.file);
    if (current?.token === this.token) {
      try {
        fs.unlinkSync(this.file);
      } catch {
        /* already gone */
      }
    }
  }
}
