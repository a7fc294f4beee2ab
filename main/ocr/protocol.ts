// Messages between a vault thread (or the CLI) and the OCR worker thread.
import type { OcrResult } from '../../shared/ocr/types';

export interface OcrRequest {
  id: number;
  bytes: Uint8Array;
  threads: number;
}

export type OcrReply = { kind: 'started'; id: number } | { kind: 'done'; id: number; result: OcrResult } | { kind: 'failed'; id: number; message: string };
