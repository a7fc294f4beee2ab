// Reading the images already in the vault (imported before OCR existed, with --no-ocr, or
// past their time budget): one image at a time, each committed on its own (its text, its
// items re-indexed, an audit row), so the job is resumable — stopped by a cancel, a lock or
// a crash, it goes on next time with the images still unread. Progress after each image.
import type { Db } from '../sqlite';
import type { FeatureContext } from '../feature';
import type { VaultLike } from '../evidence/items';
import { indexItem, ENTITY } from '../evidence/items';
import { readAll } from '../evidence/blob-store';
import { storeOcr } from '../evidence/ocr-store';
import { ocrClient } from '../../ocr/client';
import { yieldToLoop } from '../evidence/import-files';

export interface OcrCounts {
  /** Live images that can be read (decodable, not damaged). */
  images: number;
  read: number;
  /** Past the time budget or unreadable: kept, marked not analysed. */
  notAnalysed: number;
  /** Not read yet: what the job would read. */
  pending: number;
}

const READABLE = `i.kind = 'image' AND i.trashed_ms IS NULL AND i.damaged IS NULL AND i.preview <> 'none'`;

export function ocrCounts(db: Db): OcrCounts {
  const r = db
    .prepare(
      `SELECT COUNT(DISTINCT i.blob_id) AS images,
              COUNT(DISTINCT CASE WHEN o.status = 'done' THEN i.blob_id END) AS read,
              COUNT(DISTINCT CASE WHEN o.status IN ('timeout', 'failed') THEN i.blob_id END) AS notAnalysed,
              COUNT(DISTINCT CASE WHEN o.status IS NULL OR o.status = 'timeout' THEN i.blob_id END) AS pending
         FROM evidence_items i LEFT JOIN blob_ocr o ON o.blob_id = i.blob_id
        WHERE ${READABLE}`,
    )
    .get() as OcrCounts;
  return r;
}

/** Blobs to read: never read, or stopped by the time budget last time (a busy machine may manage now). */
function pendingBlobs(db: Db): number[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT i.blob_id AS id FROM evidence_items i LEFT JOIN blob_ocr o ON o.blob_id = i.blob_id
          WHERE ${READABLE} AND (o.status IS NULL OR o.status = 'timeout') ORDER BY i.blob_id`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id);
}

export interface BackfillResult {
  read: number;
  notAnalysed: number;
  cancelled: boolean;
  remaining: number;
}

export async function readPendingImages(vault: VaultLike, task: Pick<FeatureContext, 'progress' | 'cancelled'>): Promise<BackfillResult> {
  const todo = pendingBlobs(vault.handle);
  let read = 0;
  let notAnalysed = 0;
  let done = 0;
  task.progress(0, todo.length);
  for (const blobId of todo) {
    if (task.cancelled()) break;
    const bytes = readAll(vault.handle, blobId);
    const outcome = await ocrClient().recognise(bytes);
    if (outcome.status === 'done') read++;
    else notAnalysed++;
    vault.change((db, audit) => {
      storeOcr(db, blobId, outcome);
      const items = db.prepare('SELECT id, name, category, note, blob_id FROM evidence_items WHERE blob_id = ?').all(blobId) as {
        id: string;
        name: string;
        category: Parameters<typeof indexItem>[1]['category'];
        note: string;
        blob_id: number;
      }[];
      for (const item of items) {
        const tags = (db.prepare('SELECT tag FROM evidence_tags WHERE item_id = ? ORDER BY tag').all(item.id) as { tag: string }[]).map((t) => t.tag);
        indexItem(db, item, tags);
        audit({
          action: 'evidence.ocr',
          entity: ENTITY,
          entityId: item.id,
          newValue: outcome.status === 'done' ? { status: 'done', lines: outcome.result.lines.length, ms: outcome.result.ms } : { status: outcome.status },
        });
      }
    });
    done++;
    task.progress(done, todo.length);
    await yieldToLoop();
  }
  return { read, notAnalysed, cancelled: done < todo.length, remaining: todo.length - done };
}
