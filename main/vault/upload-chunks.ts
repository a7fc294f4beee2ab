// The one chunk protocol of every upload from the renderer, whatever holds the bytes: files
// for the vault (evidence, the timeline's imports, bills) go into a staging blob inside the
// vault (./evidence/uploads.ts), a built application package into main's package file
// (main/services/package-handlers.ts), a backup to restore from into the vault folder's
// private partial place (main/services/restore-handlers.ts). Either way: base64 chunks, strictly in order, never
// more than the upload may hold. A refused chunk ends the upload (the caller drops it).
// Plain Node: runs in the vault worker and in main.
import { BadInputError } from '../../shared/errors';
import { detail } from '../../shared/error-details';

export interface ChunkState {
  /** The next chunk's number (0 first). */
  nextSeq: number;
  /** Bytes accepted so far. */
  received: number;
}

/** What an upload may hold: exactly what was announced (a file), or at most a cap (a PDF being built). */
export type ChunkLimit = { declared: number } | { max: number; label: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Checks chunk `seq` against the upload's state and limit; returns its bytes and advances the state. */
export function acceptChunk(state: ChunkState, seq: number, data: string, limit: ChunkLimit): Buffer {
  if (seq !== state.nextSeq) throw new BadInputError(detail('UPLOAD_CHUNK_ORDER', { expected: state.nextSeq, got: seq }));
  if (!BASE64.test(data)) throw new BadInputError(detail('NOT_BASE64'));
  const bytes = Buffer.from(data, 'base64');
  const total = state.received + bytes.length;
  if ('declared' in limit && total > limit.declared) throw new BadInputError(detail('UPLOAD_SIZE_MISMATCH', { got: total, expected: limit.declared }));
  if ('max' in limit && total > limit.max) throw new BadInputError(detail('UPLOAD_TOO_LARGE', { limit: limit.label }));
  state.nextSeq += 1;
  state.received = total;
  return bytes;
}
