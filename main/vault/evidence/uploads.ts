// The one upload primitive: bytes from the renderer (drag-and-drop of files and folders, a
// pasted screenshot, a file input) arrive as begin → chunks (base64, in order) → a
// consumer's commit, or abort. The bytes go into a staging blob INSIDE the vault as they
// arrive (never a file on disk; memory stays a few chunks); an upload left idle is dropped,
// and staging blobs go when the vault locks and at the next open. Consumers: the evidence
// commit below (analysed and stored exactly like an import by path), and through
// takeUpload() the timeline's imports (SMS backups and tables, call recordings). The
// renderer never names a path on disk: `relativePath` is only a label.
import { randomBytes } from 'node:crypto';
import { acceptChunk } from '../upload-chunks';
import { StagingWriter } from './blob-store';
import { commitStaged, cleanName } from './ingest';
import { runtimeOf } from './runtime';
import type { VaultLike } from './items';
import type { ImportOptions } from './import-files';
import { importError } from '../../../shared/evidence/import-errors';
import { ANALYSE_MAX_BYTES, MAX_EVIDENCE_BYTES } from '../../../shared/evidence/limits';
import { BadInputError } from '../../../shared/errors';
import type { ImportResult } from '../../../shared/contracts/evidence';

export interface UploadBegin {
  name: string;
  relativePath?: string | undefined;
  size: number;
  lastModified?: number | undefined;
}

export function uploadBegin(vault: VaultLike, args: UploadBegin, now = Date.now()): { uploadId: string } | { path: string; error: ReturnType<typeof importError> } {
  const rt = runtimeOf(vault);
  rt.ensureClean();
  rt.dropIdleUploads(now);
  const label = args.relativePath || args.name;
  // The name is the last segment of what the renderer says; slashes never reach the vault as structure.
  const name = cleanName(args.name.split(/[\\/]/).pop() ?? args.name);
  if (args.size === 0) return { path: label, error: importError('EMPTY_FILE') };
  if (args.size > MAX_EVIDENCE_BYTES) return { path: label, error: importError('FILE_TOO_LARGE') };
  const db = vault.handle;
  const uploadId = randomBytes(16).toString('hex');
  rt.uploads.set(uploadId, {
    writer: new StagingWriter(db, null, args.size <= ANALYSE_MAX_BYTES),
    name,
    label,
    declared: args.size,
    lastModified: args.lastModified ?? null,
    chunks: { nextSeq: 0, received: 0 },
    touched: now,
  });
  return { uploadId };
}

function upload(vault: VaultLike, uploadId: string) {
  const u = runtimeOf(vault).uploads.get(uploadId);
  if (!u) throw new BadInputError('上传已结束或不存在');
  return u;
}

export function uploadChunk(vault: VaultLike, args: { uploadId: string; seq: number; data: string }, now = Date.now()): { received: number } {
  const u = upload(vault, args.uploadId);
  let bytes: Buffer;
  try {
    bytes = acceptChunk(u.chunks, args.seq, args.data, { declared: u.declared });
  } catch (err) {
    // Out of order, not base64 or more than announced: this file is given up.
    runtimeOf(vault).dropUpload(args.uploadId);
    throw err;
  }
  u.writer.add(bytes);
  u.touched = now;
  return { received: u.writer.size };
}

export async function uploadCommit(vault: VaultLike, args: { uploadId: string } & ImportOptions): Promise<ImportResult> {
  const rt = runtimeOf(vault);
  const u = upload(vault, args.uploadId);
  rt.uploads.delete(args.uploadId);
  try {
    u.writer.finish();
  } catch {
    rt.uploads.set(args.uploadId, u);
    rt.dropUpload(args.uploadId);
    return { path: u.label, error: importError('INTERNAL') };
  }
  if (u.writer.size !== u.declared) {
    rt.uploads.set(args.uploadId, u);
    rt.dropUpload(args.uploadId);
    return { path: u.label, error: importError('SIZE_MISMATCH') };
  }
  try {
    return await commitStaged(vault, u.writer, {
      label: u.label,
      name: u.name,
      modifiedMs: u.lastModified,
      route: 'upload',
      category: args.category,
      note: args.note,
      tags: args.tags,
    });
  } catch {
    return { path: u.label, error: importError('INTERNAL') };
  }
}

/** A finished upload handed to a consumer other than the evidence commit. */
export interface TakenUpload {
  /** Finished: every byte is in it (in the staging blob, or in memory until the consumer's commit). */
  writer: StagingWriter;
  name: string;
  label: string;
  lastModified: number | null;
}

/**
 * Ends an upload for another consumer (the timeline's imports): every declared byte arrived.
 * The consumer commits the writer through commitStaged and discards it in any case (a no-op
 * once committed: only staging blobs are deleted).
 */
export function takeUpload(vault: VaultLike, uploadId: string): TakenUpload {
  const rt = runtimeOf(vault);
  const u = upload(vault, uploadId);
  if (u.writer.size !== u.declared) {
    rt.dropUpload(uploadId);
    throw new BadInputError(importError('SIZE_MISMATCH').message);
  }
  rt.uploads.delete(uploadId);
  u.writer.finish();
  return { writer: u.writer, name: u.name, label: u.label, lastModified: u.lastModified };
}

export function uploadAbort(vault: VaultLike, uploadId: string): { ok: true } {
  runtimeOf(vault).dropUpload(uploadId);
  return { ok: true };
}
