// Bytes for the evidence protocol (vault:// in Electron, /vault/ in the harness): the
// original (any byte range, so audio can seek and large files stream), the thumbnail and
// the display copy. The Content-Type is decided here from the SNIFFED type and is never
// text/html or SVG (media.ts servedContentType).
import { readRange } from './blob-store';
import { getRow } from './items';
import type { Db } from '../sqlite';
import { servedContentType } from '../../../shared/evidence/media';

export type ByteKind = 'original' | 'thumb' | 'display';

export interface ByteInfo {
  size: number;
  contentType: string;
  name: string;
}

export function byteInfo(db: Db, kind: ByteKind, id: string): ByteInfo | null {
  const row = getRow(db, id);
  if (!row) return null;
  if (kind === 'original') return { size: row.size, contentType: servedContentType(row.mime), name: row.name };
  const r = db.prepare('SELECT mime, length(data) AS size FROM blob_renditions WHERE blob_id = ? AND kind = ?').get(row.blob_id, kind === 'thumb' ? 'thumb' : 'display') as
    { mime: string; size: number } | undefined;
  return r ? { size: r.size, contentType: servedContentType(r.mime), name: row.name } : null;
}

/** Bytes [start, end] inclusive; the caller has checked the range against byteInfo().size. */
export function byteRange(db: Db, kind: ByteKind, id: string, start: number, end: number): Uint8Array {
  const row = getRow(db, id);
  if (!row) return new Uint8Array(0);
  if (kind === 'original') return readRange(db, row.blob_id, start, end);
  const r = db.prepare('SELECT data FROM blob_renditions WHERE blob_id = ? AND kind = ?').get(row.blob_id, kind === 'thumb' ? 'thumb' : 'display') as { data: Buffer } | undefined;
  return r ? r.data.subarray(start, end + 1) : new Uint8Array(0);
}
