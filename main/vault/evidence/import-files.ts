// Import by path (the CLI, the app's open dialog): every file independently. A file is
// read once, in CHUNK_BYTES pieces, straight into a staging blob (bounded memory), with
// the worker yielding between batches so progress is reported, a cancel is noticed and
// other calls are served; then ingest.ts commits it in one transaction. A bad file is
// reported with its reason and the others go on. Cancel: the files already committed
// stay; the file in progress is discarded; the rest are reported as cancelled.
import fs from 'node:fs';
import path from 'node:path';
import { StagingWriter } from './blob-store';
import { commitStaged, cleanName, type IngestMeta } from './ingest';
import { walkPaths, errorForFs, type WalkEntry } from './walk';
import { runtimeOf } from './runtime';
import { withBulkWrites } from '../bulk-writes';
import type { VaultLike } from './items';
import { importError, type ImportErrorCode } from '../../../shared/evidence/import-errors';
import { XieshangError } from '../../../shared/errors';
import { ANALYSE_MAX_BYTES, CHUNK_BYTES, MAX_EVIDENCE_BYTES } from '../../../shared/evidence/limits';
import { encodeImportLabel } from '../../../shared/evidence/progress';
import type { EvidenceCategory } from '../../../shared/evidence/categories';
import type { ImportResult } from '../../../shared/contracts/evidence';
import type { FeatureContext } from '../feature';

export interface ImportOptions {
  category?: EvidenceCategory | undefined;
  note?: string | undefined;
  tags?: string[] | undefined;
  /** false: do not read images with OCR now (`import --no-ocr`). */
  ocr?: boolean | undefined;
}

export type TaskContext = Pick<FeatureContext, 'progress' | 'cancelled'>;

class FileRefused extends Error {
  constructor(readonly reason: ImportErrorCode) {
    super(reason);
  }
}

export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The vault was locked mid-import: stop (what was committed stays), report VAULT_LOCKED. */
const isLocked = (err: unknown) => err instanceof XieshangError && err.code === 'VAULT_LOCKED';

/** Files up to this size (screenshots, most PDFs) overlap; larger ones go one at a time. */
const PIPELINE_MAX_BYTES = 8 * 1024 * 1024;

const O_READ = fs.constants.O_RDONLY | (process.platform === 'win32' ? 0 : (fs.constants.O_NONBLOCK ?? 0));

interface Progress {
  report(fileDone: number): void;
}

type Staged = { result: ImportResult } | { writer: StagingWriter; meta: IngestMeta };

/**
 * Reads one file into a StagingWriter (bounded memory; chunks beyond the first 8 MiB go to
 * a staging blob as they come). Returns the writer to commit, or the reason it was refused.
 */
async function stageOne(vault: VaultLike, entry: { path: string; size: number }, opts: ImportOptions, task: TaskContext, progress: Progress): Promise<Staged> {
  const refuse = (code: ImportErrorCode): Staged => ({ result: { path: entry.path, error: importError(code) } });
  if (entry.size === 0) return refuse('EMPTY_FILE');
  if (entry.size > MAX_EVIDENCE_BYTES) return refuse('FILE_TOO_LARGE');
  let fd: number;
  try {
    // Non-blocking open: a pipe put where a file was expected must not hang the import.
    fd = fs.openSync(entry.path, O_READ);
  } catch (err) {
    return { result: { path: entry.path, error: errorForFs(err) } };
  }
  let writer: StagingWriter | null = null;
  try {
    const before = fs.fstatSync(fd);
    if (!before.isFile()) throw new FileRefused('NOT_A_FILE');
    if (before.size === 0) throw new FileRefused('EMPTY_FILE');
    if (before.size > MAX_EVIDENCE_BYTES) throw new FileRefused('FILE_TOO_LARGE');
    const db = vault.handle;
    writer = new StagingWriter(db, null, before.size <= ANALYSE_MAX_BYTES);
    let sinceYield = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK_BYTES);
      let n: number;
      try {
        n = readFull(fd, buf);
      } catch {
        throw new FileRefused('UNREADABLE');
      }
      if (n === 0) break;
      writer.add(buf.subarray(0, n));
      if (writer.size > MAX_EVIDENCE_BYTES) throw new FileRefused('FILE_TOO_LARGE');
      if (writer.size > ANALYSE_MAX_BYTES) writer.dropKept();
      sinceYield += n;
      if (sinceYield >= 8 * CHUNK_BYTES) {
        sinceYield = 0;
        progress.report(writer.size);
        await yieldToLoop();
        if (task.cancelled()) throw new FileRefused('CANCELLED');
      }
    }
    writer.finish();
    const after = fs.fstatSync(fd);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || writer.size !== before.size) throw new FileRefused('CHANGED_DURING_IMPORT');
    progress.report(writer.size);
    if (task.cancelled()) throw new FileRefused('CANCELLED');
    const staged = writer;
    writer = null; // the caller commits it (commitStaged discards it on failure)
    return {
      writer: staged,
      meta: {
        label: entry.path,
        name: cleanName(path.basename(entry.path)),
        modifiedMs: Math.round(before.mtimeMs),
        route: 'path',
        category: opts.category,
        note: opts.note,
        tags: opts.tags,
        ocr: opts.ocr,
      },
    };
  } catch (err) {
    if (isLocked(err)) throw err;
    writer?.discard(vault.handle);
    return refuse(err instanceof FileRefused ? err.reason : 'INTERNAL');
  } finally {
    fs.closeSync(fd);
  }
}

function readFull(fd: number, buf: Buffer): number {
  let got = 0;
  while (got < buf.length) {
    const n = fs.readSync(fd, buf, got, buf.length - got, null);
    if (n === 0) break;
    got += n;
  }
  return got;
}

export interface ImportPathsResult {
  results: ImportResult[];
  /** True when a cancel stopped the import before every file was done. */
  interrupted: boolean;
}

/** Imports files and folders (recursively). Results are in input order, one per file found. */
export async function importPaths(
  vault: VaultLike,
  paths: readonly string[],
  opts: ImportOptions = {},
  task: TaskContext = { progress: () => {}, cancelled: () => false },
): Promise<ImportPathsResult> {
  runtimeOf(vault).ensureClean();
  // A rollback journal while the files go in: half the CPU per commit, a fifth less over the bench corpus (bulk-writes.ts).
  return withBulkWrites(vault.handle, () => importEntries(vault, paths, opts, task));
}

async function importEntries(vault: VaultLike, paths: readonly string[], opts: ImportOptions, task: TaskContext): Promise<ImportPathsResult> {
  const entries: WalkEntry[] = walkPaths(paths);
  const files = entries.filter((e): e is { path: string; size: number } => 'size' in e);
  const totalBytes = files.reduce((sum, f) => sum + Math.min(f.size, MAX_EVIDENCE_BYTES), 0);
  let doneBytes = 0;
  let index = 0;
  let interrupted = false;
  // Up to two commits in flight: while one file's bytes are written (on this thread), the
  // next one's thumbnail is made (sharp works on the libuv pool) and the one after is read
  // and hashed. Results keep the input order. Large files go one at a time, so memory
  // stays near the largest file.
  const slots: Promise<ImportResult>[] = [];
  const inFlight: { promise: Promise<ImportResult>; size: number }[] = [];
  const settle = async (keep: number) => {
    while (inFlight.length > keep) await inFlight.shift()!.promise;
  };
  for (const entry of entries) {
    if ('error' in entry) {
      slots.push(Promise.resolve(entry));
      continue;
    }
    index++;
    if (interrupted || task.cancelled()) {
      interrupted = true;
      slots.push(Promise.resolve({ path: entry.path, error: importError('CANCELLED') }));
      continue;
    }
    if (entry.size > PIPELINE_MAX_BYTES || inFlight.some((f) => f.size > PIPELINE_MAX_BYTES)) await settle(0);
    const name = path.basename(entry.path);
    const fileTotal = Math.min(entry.size, MAX_EVIDENCE_BYTES);
    const base = doneBytes;
    const report = (fileDone: number) =>
      task.progress(Math.min(base + fileDone, totalBytes), totalBytes, encodeImportLabel({ file: index, files: files.length, fileDone, fileTotal, name }));
    report(0);
    const staged = await stageOne(vault, entry, opts, task, { report });
    doneBytes += fileTotal;
    if ('result' in staged) {
      if ('error' in staged.result && staged.result.error.code === 'CANCELLED') interrupted = true;
      slots.push(Promise.resolve(staged.result));
    } else {
      await settle(1);
      const previous = inFlight.at(-1)?.promise;
      const promise = commitStaged(vault, staged.writer, staged.meta, Date.now, previous).catch((err: unknown): ImportResult => {
        if (isLocked(err)) throw err;
        return { path: entry.path, error: importError('INTERNAL') };
      });
      // Handled later (settle / Promise.all); mark it now so a rejection is never "unhandled".
      promise.catch(() => undefined);
      inFlight.push({ promise, size: entry.size });
      slots.push(promise);
    }
    report(fileTotal);
    await yieldToLoop();
  }
  return { results: await Promise.all(slots), interrupted };
}
