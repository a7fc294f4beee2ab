// Cheap checks on the raw file before any key is tried, so that "not a vault" and
// "damaged" are told apart from "wrong passphrase" (SQLCipher says NOTADB for all three).
import fs from 'node:fs';
import { NotAVaultError, NotAVaultKindError, VaultDamagedError, VaultMissingError } from '../../shared/errors';
import { knownKindOf } from './known-kinds';

export const PAGE_SIZE = 4096;
const PLAIN_SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** An encrypted page is uniformly random: ~250 distinct byte values in 1 KiB; text or images far fewer. */
export function looksEncrypted(head: Buffer): boolean {
  const sample = head.subarray(0, 1024);
  if (sample.length < 1024) return false;
  return new Set(sample).size >= 200;
}

export function checkVaultFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new VaultMissingError();
  }
  if (!stat.isFile() || stat.size === 0) throw new NotAVaultError();
  const head = Buffer.alloc(Math.min(PAGE_SIZE, stat.size));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  // A photo, a PDF, a zip picked by mistake is named as such, never called damaged.
  const kind = knownKindOf(head);
  if (kind) throw new NotAVaultKindError(kind);
  if (head.subarray(0, 16).equals(PLAIN_SQLITE_MAGIC)) throw new NotAVaultError();
  if (!looksEncrypted(head)) throw new NotAVaultError();
  // Every SQLCipher page is PAGE_SIZE bytes, so the main file is a whole number of pages.
  if (stat.size % PAGE_SIZE !== 0) throw new VaultDamagedError();
}
