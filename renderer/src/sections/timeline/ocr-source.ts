// Where the screenshot parser gets an image's recognised lines: the text the OCR stored for
// it in the vault (ocr:lines). An image not read yet, or not analysable, has none, and the
// button says so instead of guessing.
import type { OcrResult } from '../../../../shared/ocr/types';
import { api } from '../../lib/api';

export async function ocrLinesFor(evidenceId: string): Promise<OcrResult | null> {
  const ocr = await api().ocr.lines({ id: evidenceId });
  if (ocr.status !== 'done' || ocr.width === null || ocr.height === null) return null;
  return { engine: 'stored', width: ocr.width, height: ocr.height, lines: ocr.lines, ms: 0 };
}
