// Turning a staged blob into evidence, atomically. The bytes are already in a staging
// blob (blob-store.ts); the analysis (type, damage, thumbnail, text, capture time) runs
// first, then ONE transaction marks the blob stored and writes the item, its renditions,
// its text, its search row and the audit row. If anything fails, the staging blob is
// deleted and nothing of the file remains. Same bytes as a live item: nothing new is
// stored and the existing item is reported (duplicateOf).
import { randomBytes } from 'node:crypto';
import { storedBlobBySha, type StagingWriter } from './blob-store';
import type { Analysis } from './analyse';
import { analyseBounded } from './analyse-bounded';
import { ENTITY, indexItem, normaliseTags, type VaultLike } from './items';
import { guessCategory } from '../../../shared/evidence/guess';
import type { EvidenceCategory } from '../../../shared/evidence/categories';
import { isoWithOffset } from '../../../shared/time/beijing';
import { MAX_NAME_CHARS } from '../../../shared/evidence/limits';
import type { ImportResult } from '../../../shared/contracts/evidence';
import { ocrClient, type OcrOutcome } from '../../ocr/client';
import { paragraphText } from '../../ocr/reading-order';
import { storeOcr } from './ocr-store';

export interface IngestMeta {
  /** What the result reports as `path`: the file's path, or the upload's relative path. */
  label: string;
  /** The original file name (NFC, at most MAX_NAME_CHARS). */
  name: string;
  modifiedMs: number | null;
  route: 'path' | 'upload';
  category?: EvidenceCategory | undefined;
  note?: string | undefined;
  tags?: readonly string[] | undefined;
  /**
   * Given the bytes' SHA-256: true to store a new item even when a live item holds the same
   * bytes (the bytes themselves are stored once and shared). Each call recording is its own
   * piece of evidence even when two files are identical (issue 10).
   */
  separate?: ((sha256: string) => boolean) | undefined;
  /**
   * Runs inside the transaction that stores the item (or finds its bytes already stored while
   * racing another import): what must exist together with it (a call recording's timeline entry,
   * an SMS export's messages) is committed with it, or neither is; if it throws, nothing is stored.
   */
  within?: ((itemId: string, sha256: string) => void) | undefined;
  /** Read images with OCR (default true; `import --no-ocr` turns it off: the background job can read them later). */
  ocr?: boolean | undefined;
}

export function newItemId(): string {
  return randomBytes(8).toString('hex');
}

export function cleanName(name: string): string {
  const clean = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if ([...clean].length <= MAX_NAME_CHARS) return clean || 'unnamed';
  // Keep the extension when shortening a very long name.
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 12 ? clean.slice(dot) : '';
  return [...clean.slice(0, clean.length - ext.length)].slice(0, MAX_NAME_CHARS - ext.length).join('') + ext;
}

interface LiveItem {
  id: string;
  mime: string;
  category: EvidenceCategory;
  captured_ms: number | null;
}

function liveItemBySha(vault: VaultLike, sha256: string): LiveItem | null {
  return (
    (vault.handle.prepare('SELECT id, mime, category, captured_ms FROM evidence_items WHERE sha256 = ? AND trashed_ms IS NULL ORDER BY imported_ms, rowid LIMIT 1').get(sha256) as
      LiveItem | undefined) ?? null
  );
}

function duplicateResult(label: string, sha256: string, size: number, live: LiveItem): ImportResult {
  return {
    path: label,
    id: live.id,
    sha256,
    size,
    mime: live.mime,
    category: live.category,
    capturedAt: live.captured_ms === null ? null : isoWithOffset(live.captured_ms),
    duplicateOf: live.id,
  };
}

/**
 * Finishes a staged file: analyse, then commit in one transaction (or discard). The
 * writer must be finished (finish() called). Never leaves the staging blob behind.
 */
export async function commitStaged(
  vault: VaultLike,
  writer: StagingWriter,
  meta: IngestMeta,
  now: () => number = Date.now,
  /** Commit only after this settles (keeps import order when analyses overlap). */
  after?: Promise<unknown>,
): Promise<ImportResult> {
  // Whole milliseconds or nothing: a fraction (stat's mtimeMs, a hostile upload) never reaches
  // an INTEGER column (test/fixtures/fuzz-regressions/ipc/aea08a1604db372d.json).
  const modifiedMs = meta.modifiedMs;
  meta = { ...meta, modifiedMs: modifiedMs !== null && Number.isFinite(modifiedMs) ? Math.round(modifiedMs) : null };
  const sha256 = writer.hash.digest('hex');
  const size = writer.size;
  try {
    const separate = meta.separate?.(sha256) === true;
    const live = separate ? null : liveItemBySha(vault, sha256);
    if (live) {
      writer.discard(vault.handle);
      return duplicateResult(meta.label, sha256, size, live);
    }
    const analysis = await analyseBounded({
      name: meta.name,
      size,
      head: writer.head ?? Buffer.alloc(0),
      bytes: writer.keptBytes(),
      modifiedMs: meta.modifiedMs,
    });
    // OCR in its own worker thread, within its time budget; this thread only awaits it.
    const bytes = writer.keptBytes();
    const ocr: OcrOutcome | null =
      meta.ocr !== false && analysis.kind === 'image' && !analysis.damaged && analysis.preview !== 'none' && bytes ? await ocrClient().recognise(bytes) : null;
    const ocrText = ocr?.status === 'done' ? paragraphText(ocr.result.lines) : null;
    if (after) await after.catch(() => undefined);
    return vault.change((db, audit) => {
      // Checked again inside the transaction: another import may have stored the same bytes meanwhile.
      const raced = separate ? null : liveItemBySha(vault, sha256);
      if (raced) {
        writer.discard(db);
        meta.within?.(raced.id, sha256);
        return duplicateResult(meta.label, sha256, size, raced);
      }
      let blobId: number;
      const stored = storedBlobBySha(db, sha256);
      if (stored) {
        // Only trashed items hold these bytes: the new item shares them (stored once).
        writer.discard(db);
        blobId = stored.id;
      } else {
        blobId = writer.commitInto(db, sha256);
        storeDerived(vault, blobId, analysis);
        if (ocr) storeOcr(db, blobId, ocr);
      }
      const id = newItemId();
      const category = meta.category ?? guessCategory({ name: meta.name, kind: analysis.kind, mime: analysis.mime, text: analysis.text?.text ?? ocrText });
      const importedMs = now();
      const note = meta.note ?? '';
      const tags = normaliseTags(meta.tags ?? []);
      db.prepare(
        `INSERT INTO evidence_items (id, blob_id, sha256, size, mime, kind, name, modified_ms, imported_ms, captured_ms, captured_source,
           category, category_source, note, width, height, duration_sec, pages, damaged, encrypted, name_mismatch, preview, route, trashed_ms)
         VALUES (@id, @blob_id, @sha256, @size, @mime, @kind, @name, @modified_ms, @imported_ms, @captured_ms, @captured_source,
           @category, @category_source, @note, @width, @height, @duration_sec, @pages, @damaged, @encrypted, @name_mismatch, @preview, @route, NULL)`,
      ).run({
        id,
        blob_id: blobId,
        sha256,
        size,
        mime: analysis.mime,
        kind: analysis.kind,
        name: meta.name,
        modified_ms: meta.modifiedMs,
        imported_ms: importedMs,
        captured_ms: analysis.captured?.ms ?? null,
        captured_source: analysis.captured?.source ?? null,
        category,
        category_source: meta.category ? 'import' : 'guess',
        note,
        width: analysis.width,
        height: analysis.height,
        duration_sec: analysis.durationSec,
        pages: analysis.pages,
        damaged: analysis.damaged,
        encrypted: analysis.encrypted ? 1 : 0,
        name_mismatch: analysis.nameMismatch ? 1 : 0,
        preview: analysis.preview,
        route: meta.route,
      });
      const putTag = db.prepare('INSERT INTO evidence_tags (item_id, tag) VALUES (?, ?)');
      for (const tag of tags) putTag.run(id, tag);
      indexItem(db, { id, name: meta.name, category, note, blob_id: blobId }, tags);
      const capturedAt = analysis.captured ? isoWithOffset(analysis.captured.ms) : null;
      audit({
        action: 'evidence.import',
        entity: ENTITY,
        entityId: id,
        newValue: {
          name: meta.name,
          sha256,
          size,
          mime: analysis.mime,
          category,
          capturedAt,
          capturedSource: analysis.captured?.source ?? null,
          note,
          tags,
          damaged: analysis.damaged,
          encrypted: analysis.encrypted,
          route: meta.route,
          sharedBytes: Boolean(stored),
          ...(ocr ? { ocr: ocr.status === 'done' ? { lines: ocr.result.lines.length, ms: ocr.result.ms } : ocr.status } : {}),
        },
      });
      meta.within?.(id, sha256);
      return { path: meta.label, id, sha256, size, mime: analysis.mime, category, capturedAt, duplicateOf: null };
    });
  } catch (err) {
    // The transaction rolled back; what is staged (or only in memory) goes too.
    writer.discard(vault.handle);
    throw err;
  }
}

function storeDerived(vault: VaultLike, blobId: number, a: Analysis): void {
  const db = vault.handle;
  const put = db.prepare('INSERT INTO blob_renditions (blob_id, kind, mime, width, height, data) VALUES (?, ?, ?, ?, ?, ?)');
  if (a.thumb) put.run(blobId, 'thumb', a.thumb.mime, a.thumb.width, a.thumb.height, a.thumb.data);
  if (a.display) put.run(blobId, 'display', a.display.mime, a.display.width, a.display.height, a.display.data);
  if (a.text) db.prepare('INSERT INTO blob_text (blob_id, source, text) VALUES (?, ?, ?)').run(blobId, a.text.source, a.text.text);
}
