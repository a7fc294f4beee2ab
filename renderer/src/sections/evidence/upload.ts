// Evidence arriving as bytes: dropped files and whole folders, a pasted screenshot, the
// browser's file input. Each file goes over the contract in CHUNK_BYTES pieces (base64)
// into a staging area inside the vault, then is committed in one transaction. The
// renderer never names a path on disk; a dropped folder's relative path is only a label.
import type { ImportResult } from '../../../../shared/contracts/evidence';
import type { EvidenceCategory } from '../../../../shared/evidence/categories';
import { CHUNK_BYTES } from '../../../../shared/evidence/limits';
import { api } from '../../lib/api';

export interface PickedFile {
  file: File;
  /** "账单/2024/a.pdf" for files from a folder, else the name. */
  label: string;
}

/** FileReader's data URL is the browser's own fast base64 encoder. */
function readAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(blob);
  });
}

const failure = (path: string, code: 'UNREADABLE' | 'CANCELLED' | 'INTERNAL'): ImportResult => ({ path, error: { code, message: code } });

export interface UploadOptions {
  category?: EvidenceCategory | undefined;
  note?: string | undefined;
  cancelled: () => boolean;
  onBytes: (sent: number) => void;
}

/** Uploads one file; never throws for a bad file (it becomes an error result). */
export async function uploadFile({ file, label }: PickedFile, opts: UploadOptions): Promise<ImportResult> {
  const begun = await api().evidence.uploadBegin({ name: file.name || 'unnamed', relativePath: label, size: file.size, lastModified: Math.max(0, Math.round(file.lastModified || 0)) });
  if (!('uploadId' in begun)) return begun;
  const { uploadId } = begun;
  try {
    for (let offset = 0, seq = 0; offset < file.size; offset += CHUNK_BYTES, seq++) {
      if (opts.cancelled()) {
        await api().evidence.uploadAbort({ uploadId });
        return failure(label, 'CANCELLED');
      }
      let data: string;
      try {
        data = await readAsBase64(file.slice(offset, offset + CHUNK_BYTES));
      } catch {
        // The file vanished or is locked by another program (NotReadableError).
        await api().evidence.uploadAbort({ uploadId });
        return failure(label, 'UNREADABLE');
      }
      await api().evidence.uploadChunk({ uploadId, seq, data });
      opts.onBytes(Math.min(file.size, offset + CHUNK_BYTES));
    }
    return await api().evidence.uploadCommit({ uploadId, ...(opts.category ? { category: opts.category } : {}), ...(opts.note ? { note: opts.note } : {}) });
  } catch {
    await api().evidence.uploadAbort({ uploadId }).catch(() => undefined);
    return failure(label, 'INTERNAL');
  }
}

// ---------- what was dropped ----------

const JUNK = /^(?:\.DS_Store|Thumbs\.db|desktop\.ini|\._.*|~\$.*)$/i;
const MAX_DEPTH = 32;
const MAX_FILES = 50_000;

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

function entryFile(entry: FileSystemFileEntry): Promise<File | null> {
  return new Promise((resolve) => entry.file(resolve, () => resolve(null)));
}

/**
 * Files of a drop, folders walked recursively (with a depth limit, so a link loop the
 * browser might follow cannot recurse forever). Unreadable entries become `unreadable`.
 */
export async function filesFromDrop(items: DataTransferItemList): Promise<{ files: PickedFile[]; unreadable: string[] }> {
  const files: PickedFile[] = [];
  const unreadable: string[] = [];
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  const walk = async (entry: FileSystemEntry, prefix: string, depth: number): Promise<void> => {
    if (files.length >= MAX_FILES) return;
    const label = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isFile) {
      const f = await entryFile(entry as FileSystemFileEntry);
      if (f) files.push({ file: f, label });
      else unreadable.push(label);
      return;
    }
    if (!entry.isDirectory || depth > MAX_DEPTH) return;
    let children: FileSystemEntry[];
    try {
      children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
    } catch {
      unreadable.push(label);
      return;
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      if (JUNK.test(child.name)) continue;
      await walk(child, label, depth + 1);
    }
  };
  for (const entry of entries) await walk(entry, '', 0);
  for (const f of loose) files.push({ file: f, label: f.name });
  return { files, unreadable };
}

/** Files from an <input type="file"> (with webkitdirectory, their folder paths are the labels). */
export function filesFromInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? [])
    .filter((f) => !JUNK.test(f.name))
    .map((file) => ({ file, label: file.webkitRelativePath || file.name }));
}
