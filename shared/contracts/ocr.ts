// The OCR capability's IPC contract. Spread into `contract` in ../contract.ts.
import { z } from 'zod';
import { EvidenceIdSchema } from './evidence';

const TaskId = z.string().regex(/^[\w-]{1,64}$/);

export const OcrLineSchema = z.object({
  text: z.string(),
  box: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
  confidence: z.number(),
});

export const OcrItemTextSchema = z.object({
  /** unread: not read yet; timeout / failed: kept, not analysed. */
  status: z.enum(['done', 'timeout', 'failed', 'unread']),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  lines: z.array(OcrLineSchema),
});
export type OcrItemText = z.infer<typeof OcrItemTextSchema>;

const Count = z.number().int().nonnegative();

export const ocrContract = {
  'ocr:counts': { args: z.object({}).strict(), result: z.object({ images: Count, read: Count, notAnalysed: Count, pending: Count }) },
  /** Reads the images not read yet, one by one (each committed): a task with progress, cancelled by evidence:cancel. */
  'ocr:readPending': {
    args: z.object({ taskId: TaskId }).strict(),
    result: z.object({ read: Count, notAnalysed: Count, cancelled: z.boolean(), remaining: Count }),
  },
  'ocr:lines': { args: z.object({ id: EvidenceIdSchema }).strict(), result: OcrItemTextSchema },
};
