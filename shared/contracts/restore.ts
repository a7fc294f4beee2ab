// 从备份恢复 (issue 13): the backup file reaches main either through main's open dialog
// (Electron: restore:pick) or as bytes the renderer uploads in chunks (the harness, where no
// dialog exists: restore:uploadBegin / uploadChunk). Either way main holds the path and the
// renderer only a source id; restore:run proves the backup before it replaces anything.
import { z } from 'zod';
import type { RestoreChannel } from './restore-names';
import { CHUNK_BYTES } from '../evidence/limits';

const SourceId = z.string().regex(/^[0-9a-f]{32}$/);
const Base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The largest backup accepted as an upload (the harness); a dialog-picked file has no limit. */
export const MAX_RESTORE_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

export const RestoreSourceSchema = z.object({
  cancelled: z.literal(false),
  sourceId: SourceId,
  /** The file's name only (shown to the person), never its folder. */
  name: z.string().max(1024),
  bytes: z.number().int().min(0),
});

const VaultStatusAfterRestore = z.object({
  state: z.enum(['none', 'locked', 'unlocked']),
  path: z.string(),
  schemaVersion: z.number().int().nullable(),
  sample: z.boolean().default(false),
});

export const restoreContract = {
  /** Main's open dialog (Electron). Where no dialog exists the renderer uploads instead. */
  'restore:pick': {
    args: z.object({}).strict(),
    result: z.union([z.object({ cancelled: z.literal(true) }), RestoreSourceSchema]),
  },
  'restore:uploadBegin': {
    args: z.object({ name: z.string().min(1).max(1024), bytes: z.number().int().min(0).max(MAX_RESTORE_UPLOAD_BYTES) }).strict(),
    result: z.object({ sourceId: SourceId }),
  },
  'restore:uploadChunk': {
    args: z.object({ sourceId: SourceId, seq: z.number().int().min(0), data: Base64(CHUNK_BYTES) }).strict(),
    result: z.object({ received: z.number().int() }),
  },
  /** Forgets a picked or uploaded backup (an upload's copy is deleted). */
  'restore:discard': {
    args: z.object({ sourceId: SourceId }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  /**
   * Proves the backup (passphrase, integrity_check, audit chain), then replaces the vault with
   * it, keeps the replaced file beside it and opens the restored vault. A refusal changes nothing.
   */
  'restore:run': {
    args: z.object({ sourceId: SourceId, passphrase: z.string().min(1).max(1024) }).strict(),
    result: z.object({
      status: VaultStatusAfterRestore,
      /** The replaced vault's new file name (same folder), or null when there was none. */
      keptAs: z.string().nullable(),
      folder: z.string(),
    }),
  },
} as const satisfies Record<RestoreChannel, { args: z.ZodType; result: z.ZodType }>;
