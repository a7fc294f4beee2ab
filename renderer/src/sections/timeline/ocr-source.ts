// Where the screenshot parser gets an image's recognised lines.
// WIRING NOTE for the lead: this branch (issue-12-claims) has no OCR storage; the OCR
// branch (issue-12-ocr) stores an OcrResult per image. Once merged, return it here, e.g.
// `return (await api().evidence.ocrLines({ id })) ?? null;`. Until then no image has
// recognised lines, and the button says so instead of guessing.
import type { OcrResult } from '../../../../shared/ocr/types';

export async function ocrLinesFor(_evidenceId: string): Promise<OcrResult | null> {
  return null;
}
