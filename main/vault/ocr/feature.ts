// The OCR feature module: counts for the evidence page, the background job that reads
// the images already in the vault (progress, cancel, resumable), and one item's lines with
// their boxes for the preview's text overlay.
import type { FeatureContext } from '../feature';
import { ocrCounts, readPendingImages } from './backfill';
import { requireRow } from '../evidence/items';
import { ocrOfBlob } from '../evidence/ocr-store';
import type { OcrItemText } from '../../../shared/contracts/ocr';

export const ocrFeature = {
  counts: (ctx: FeatureContext) => ocrCounts(ctx.vault().handle),
  readPending: (ctx: FeatureContext) => readPendingImages(ctx.vault(), ctx),
  lines: (ctx: FeatureContext, id: string): OcrItemText => {
    const db = ctx.vault().handle;
    const row = requireRow(db, id);
    const ocr = row.kind === 'image' ? ocrOfBlob(db, row.blob_id) : null;
    if (!ocr) return { status: 'unread', width: null, height: null, lines: [] };
    return { status: ocr.status, width: ocr.width, height: ocr.height, lines: ocr.lines };
  },
};
