// Export of originals: the stored bytes written out unchanged (hashed while written and
// compared with the SHA-256 recorded at import), one file, or many into a new folder with
// a manifest (manifest.csv, UTF-8 with BOM for Excel, and manifest.json: name, category,
// capture time, SHA-256). Never overwrites: files are created exclusively, and a failed
// export removes what it wrote. Each export is an audit row.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { readChunks } from './blob-store';
import { ENTITY, requireRow, type ItemRow, type VaultLike } from './items';
import { XieshangError } from '../../../shared/errors';
import { CATEGORY_LABELS } from '../../../shared/evidence/categories';
import { isoWithOffset } from '../../../shared/time/beijing';

class IntegrityError extends XieshangError {
  constructor(name: string) {
    super('IO_ERROR', { detail: `${name} 的内容与导入时记录的 SHA-256 不符，已停止导出（请运行“校验”）` });
    this.name = 'IntegrityError';
  }
}

/** Writes one blob to `file` (which must not exist); returns the SHA-256 of what was written. */
function writeOriginal(db: VaultLike['handle'], row: ItemRow, file: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new XieshangError('OUTPUT_EXISTS', { path: file });
    throw new XieshangError('IO_ERROR', { detail: path.basename(file) });
  }
  const hash = createHash('sha256');
  let ok = false;
  try {
    for (const chunk of readChunks(db, row.blob_id)) {
      hash.update(chunk);
      let off = 0;
      while (off < chunk.length) off += fs.writeSync(fd, chunk, off, chunk.length - off);
    }
    fs.fsyncSync(fd);
    const sha = hash.digest('hex');
    if (sha !== row.sha256) throw new IntegrityError(row.name);
    ok = true;
    return sha;
  } catch (err) {
    if (err instanceof XieshangError) throw err;
    throw new XieshangError('IO_ERROR', { detail: path.basename(file) });
  } finally {
    fs.closeSync(fd);
    if (!ok) fs.rmSync(file, { force: true });
  }
}

/** `export-evidence ID --out FILE`: the original bytes, unchanged. */
export function exportOne(vault: VaultLike, id: string, out: string): { id: string; out: string; sha256: string } {
  const row = requireRow(vault.handle, id);
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new XieshangError('OUTPUT_EXISTS', { path: target });
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const sha256 = writeOriginal(vault.handle, row, target);
  try {
    vault.change((_db, audit) => audit({ action: 'evidence.export', entity: ENTITY, entityId: id, newValue: { out: target, sha256 } }));
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw err;
  }
  return { id, out: target, sha256 };
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A file name that is safe on Windows, macOS and Linux, keeping the original as far as possible. */
export function safeFileName(name: string, fallback: string): string {
  let clean = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  if (!clean || clean === '.' || clean === '..') clean = fallback;
  if (WINDOWS_RESERVED.test(clean)) clean = `_${clean}`;
  return clean;
}

function uniqueName(used: Set<string>, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  let candidate = name;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${stem} (${i})${ext}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote everything; a leading = + - @ would be a formula in Excel: prefix a quote mark.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

export function exportStamp(now = new Date()): string {
  const iso = isoWithOffset(now.getTime());
  return iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}

export interface FolderExport {
  folder: string;
  files: number;
  manifest: string[];
}

/** Writes the originals of `ids` into a new folder inside `parent`, with manifest.csv and manifest.json. */
export function exportToFolder(vault: VaultLike, ids: readonly string[], parent: string, now = new Date()): FolderExport {
  const db = vault.handle;
  const rows = [...new Set(ids)].map((id) => requireRow(db, id));
  fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
  let folder = path.join(parent, `协商证据导出-${exportStamp(now)}`);
  for (let i = 2; fs.existsSync(folder); i++) folder = path.join(parent, `协商证据导出-${exportStamp(now)}-${i}`);
  fs.mkdirSync(folder, { mode: 0o700 });
  const written: string[] = [];
  try {
    const used = new Set<string>(['manifest.csv', 'manifest.json']);
    const entries = rows.map((row) => {
      const file = uniqueName(used, safeFileName(row.name, `evidence-${row.id}`));
      const target = path.join(folder, file);
      written.push(target);
      writeOriginal(db, row, target);
      return {
        file,
        originalName: row.name,
        id: row.id,
        category: row.category,
        categoryLabel: CATEGORY_LABELS[row.category]['zh-CN'],
        capturedAt: row.captured_ms === null ? null : isoWithOffset(row.captured_ms),
        capturedSource: row.captured_source,
        importedAt: isoWithOffset(row.imported_ms),
        sha256: row.sha256,
        size: row.size,
        mime: row.mime,
        note: row.note,
      };
    });
    const json = path.join(folder, 'manifest.json');
    const csv = path.join(folder, 'manifest.csv');
    written.push(json, csv);
    const exportedAt = isoWithOffset(now.getTime());
    fs.writeFileSync(json, `${JSON.stringify({ exportedAt, count: entries.length, hashAlgorithm: 'SHA-256', items: entries }, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    const header = ['name', 'original_name', 'category', 'category_label', 'captured_at', 'sha256', 'size', 'id', 'note'];
    const lines = entries.map((e) => [e.file, e.originalName, e.category, e.categoryLabel, e.capturedAt, e.sha256, e.size, e.id, e.note].map(csvCell).join(','));
    fs.writeFileSync(csv, `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`, { flag: 'wx', mode: 0o600 });
    vault.change((_db, audit) =>
      audit({ action: 'evidence.export', entity: ENTITY, newValue: { folder, items: entries.map((e) => ({ id: e.id, file: e.file, sha256: e.sha256 })) } }),
    );
    return { folder, files: entries.length, manifest: [csv, json] };
  } catch (err) {
    for (const f of written) fs.rmSync(f, { force: true });
    fs.rmSync(folder, { recursive: true, force: true });
    throw err;
  }
}
