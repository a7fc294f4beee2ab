// What OCR read from a stored image (migration 0012's blob_ocr), per blob: written in the
// same transaction as the item at import, or later by the background job; read by search
// (the text), `text ID`, the preview's text overlay and the package's exhibit pages (the
// lines with their boxes).
import type { Db } from '../sqlite';
import type { OcrOutcome } from '../../ocr/client';
import { paragraphText } from '../../ocr/reading-order';
import { ENGINE_NAME } from '../../ocr/engine-name';
import type { OcrLine } from '../../../shared/ocr/types';

export type OcrStatus = 'done' | 'timeout' | 'failed';

export interface StoredOcr {
  status: OcrStatus;
  engine: string;
  width: number | null;
  height: number | null;
  lines: OcrLine[];
  text: string;
  ms: number;
}

export function storeOcr(db: Db, blobId: number, outcome: OcrOutcome, now = Date.now()): void {
  const put = db.prepare(
    `INSERT OR REPLACE INTO blob_ocr (blob_id, status, engine, width, height, lines, text, ms, read_ms)
     VALUES (@blob_id, @status, @engine, @width, @height, @lines, @text, @ms, @read_ms)`,
  );
  if (outcome.status === 'done') {
    const r = outcome.result;
    put.run({
      blob_id: blobId,
      status: 'done',
      engine: r.engine,
      width: r.width,
      height: r.height,
      lines: JSON.stringify(r.lines),
      text: paragraphText(r.lines),
      ms: r.ms,
      read_ms: now,
    });
  } else {
    put.run({
      blob_id: blobId,
      status: outcome.status,
      engine: ENGINE_NAME,
      width: null,
      height: null,
      lines: '[]',
      text: '',
      ms: outcome.status === 'timeout' ? outcome.ms : 0,
      read_ms: now,
    });
  }
}

export function ocrOfBlob(db: Db, blobId: number): StoredOcr | null {
  const row = db.prepare('SELECT status, engine, width, height, lines, text, ms FROM blob_ocr WHERE blob_id = ?').get(blobId) as
    { status: OcrStatus; engine: string; width: number | null; height: number | null; lines: string; text: string; ms: number } | undefined;
  return row ? { ...row, lines: JSON.parse(row.lines) as OcrLine[] } : null;
}

/** The recognised text of a blob ('' when it was not read, or read nothing). */
export function ocrTextOf(db: Db, blobId: number): string {
  return (db.prepare("SELECT text FROM blob_ocr WHERE blob_id = ? AND status = 'done'").get(blobId) as { text: string } | undefined)?.text ?? '';
}
