// The OCR capability's IPC channel names (no zod: the preload imports this file).
// A running job is cancelled with evidence:cancel and its taskId.
export const OCR_CHANNELS = ['ocr:counts', 'ocr:readPending', 'ocr:lines'] as const;

export type OcrChannel = (typeof OCR_CHANNELS)[number];
