// Where a file is written before it is complete: ONE known, private place per output folder,
// `.xieshang-partial/` (0700) beside the target, so the final rename stays on one filesystem.
// Each partial is named `<pid>-<random>-<target name>.part` and created 0600; what a killed
// process left (a package build's .part holds evidence in clear; a backup's partial can be
// hundreds of MB) is removed by the next writer into that folder and by the next open of a
// vault there — only files whose process is gone, never one being written now.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isProcessAlive } from './vault/writer-lock';

export const PARTIAL_DIR_NAME = '.xieshang-partial';
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Names earlier versions wrote beside the target (no owner recorded): removed once older than this. */
const LEGACY = /^\..+\.(?:partial-[0-9a-f-]{36}|creating-[0-9a-f-]{36}|[0-9a-f]{8}\.part)$/;
const LEGACY_AGE_MS = 10 * 60_000;

export function partialDirFor(target: string): string {
  return path.join(path.dirname(path.resolve(target)), PARTIAL_DIR_NAME);
}

/** A folder that only its owner can enter (created 0700; an existing one is tightened). */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform !== 'win32' && (fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Removes partial files of processes that no longer run, in `folder`'s partial place (and legacy ones beside). */
export function cleanStalePartials(folder: string): number {
  let removed = 0;
  const dir = path.join(folder, PARTIAL_DIR_NAME);
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    /* none */
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (isProcessAlive(pid) && pid !== 0) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  if (names.length > 0 && names.length === removed) fs.rmSync(dir, { recursive: true, force: true });
  let beside: string[];
  try {
    beside = fs.readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of beside) {
    if (!LEGACY.test(name)) continue;
    const file = path.join(folder, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs < LEGACY_AGE_MS) continue;
      fs.rmSync(file, { force: true });
      removed++;
    } catch {
      /* gone meanwhile */
    }
  }
  return removed;
}

/** A fresh partial path for `target` in its folder's private partial place (stale ones cleaned first). */
export function partialPathFor(target: string): string {
  const dir = partialDirFor(target);
  fs.mkdirSync(path.dirname(dir), { recursive: true, mode: PRIVATE_DIR_MODE });
  cleanStalePartials(path.dirname(dir));
  ensurePrivateDir(dir);
  return path.join(dir, `${process.pid}-${randomBytes(6).toString('hex')}-${path.basename(target)}.part`);
}

/** Removes the partial place when nothing is left in it. */
export function dropPartialDirIfEmpty(target: string): void {
  try {
    fs.rmdirSync(partialDirFor(target));
  } catch {
    /* not empty (another writer) or already gone */
  }
}
