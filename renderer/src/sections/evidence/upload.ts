// Evidence arriving as bytes: dropped files and whole folders, a pasted screenshot, the
// browser's file input. Each file goes through the one upload primitive (../../lib/upload.ts)
// into a staging area inside the vault, then is committed in one transaction. The
// renderer never names a path on disk; a dropped folder's relative path is only a label.
import type { ImportResult } from '../../../../shared/contracts/evidence';
import type { EvidenceCategory } from '../../../../shared/evidence/categories';
import { api } from '../../lib/api';
import { stageFile } from '../../lib/upload';

export interface PickedFile {
  file: File;
  /** "账单/2024/a.pdf" for files from a folder, else the name. */
  label: string;
}

const failure = (path: string, code: 'INTERNAL'): ImportResult => ({ path, error: { code, message: code } });

export interface UploadOptions {
  category?: EvidenceCategory | undefined;
  note?: string | undefined;
  cancelled: () => boolean;
  onBytes: (sent: number) => void;
}

/** Uploads one file (the one upload primitive, ../../lib/upload.ts); never throws for a bad file (it becomes an error result). */
export async function uploadFile({ file, label }: PickedFile, opts: UploadOptions): Promise<ImportResult> {
  const staged = await stageFile(file, { label, cancelled: opts.cancelled, onBytes: opts.onBytes });
  if ('failure' in staged) return staged.failure;
  try {
    return await api().evidence.uploadCommit({ uploadId: staged.uploadId, ...(opts.category ? { category: opts.category } : {}), ...(opts.note ? { note: opts.note } : {}) });
  } catch {
    await api()
      .evidence.uploadAbort({ uploadId: staged.uploadId })
      .catch(() => undefined);
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
