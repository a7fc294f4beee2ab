// The one way bytes go from the renderer to main: begin → chunks (CHUNK_BYTES each, base64,
// in order, each answered before the next, so memory stays a chunk or two whatever the
// file's size) → the consumer's commit, or abort. Files for the vault (evidence, the
// timeline's SMS exports and call recordings, bills) are staged inside the encrypted vault
// (evidence:upload*); a built application package goes to main's package file
// (package:upload*), with the same chunks. The renderer never names a path.
import type { ImportResult } from '../../../shared/contracts/evidence';
import { CHUNK_BYTES } from '../../../shared/evidence/limits';
import { api } from './api';

/** FileReader's data URL is the browser's own fast base64 encoder; the prefix is stripped. */
export function readAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(blob);
  });
}

/** base64 → bytes (a stored signature arrives as base64). */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Where the chunks go: the upload's id, and one chunk call. */
export type ChunkSink = (seq: number, data: string) => Promise<unknown>;

/** The file could not be read (it vanished, or another program locks it: NotReadableError). */
export class ReadFailedError extends Error {
  constructor() {
    super('read failed');
    this.name = 'ReadFailedError';
  }
}

/** Sends a Blob in order, chunk by chunk; `cancelled` is checked before each. Throws on failure. */
export async function sendChunks(data: Blob, sink: ChunkSink, opts: { cancelled?: () => boolean; onBytes?: (sent: number) => void } = {}): Promise<'sent' | 'cancelled'> {
  for (let offset = 0, seq = 0; offset < data.size; offset += CHUNK_BYTES, seq++) {
    if (opts.cancelled?.()) return 'cancelled';
    const chunk = await readAsBase64(data.slice(offset, offset + CHUNK_BYTES)).catch(() => {
      throw new ReadFailedError();
    });
    await sink(seq, chunk);
    opts.onBytes?.(Math.min(data.size, offset + CHUNK_BYTES));
  }
  return opts.cancelled?.() ? 'cancelled' : 'sent';
}

export interface StageOptions {
  /** A label for results ("账单/2024/a.pdf"): a dropped folder's relative path; never opened. */
  label?: string;
  cancelled?: () => boolean;
  onBytes?: (sent: number) => void;
}

export type StageFailure = Extract<ImportResult, { error: unknown }>;
export type Staged = { uploadId: string } | { failure: StageFailure };

const failure = (path: string, code: 'UNREADABLE' | 'CANCELLED' | 'INTERNAL'): { failure: StageFailure } => ({ failure: { path, error: { code, message: code } } });

/**
 * Stages a file's bytes in the vault; the caller then hands the upload id to its consumer
 * (evidence:uploadCommit, timeline:importSmsUpload, timeline:importCallUpload, …), which
 * takes it. A refused begin (empty, too large), a cancel or an unreadable file come back as
 * a failure, and leave nothing behind.
 */
export async function stageFile(file: File, opts: StageOptions = {}): Promise<Staged> {
  const label = opts.label ?? file.name;
  const begun = await api().evidence.uploadBegin({
    name: file.name || 'unnamed',
    relativePath: label,
    size: file.size,
    lastModified: Math.max(0, Math.round(file.lastModified || 0)),
  });
  if (!('uploadId' in begun)) return { failure: begun };
  const { uploadId } = begun;
  const abort = () =>
    api()
      .evidence.uploadAbort({ uploadId })
      .catch(() => undefined);
  try {
    const sent = await sendChunks(file, (seq, data) => api().evidence.uploadChunk({ uploadId, seq, data }), opts);
    if (sent === 'cancelled') {
      await abort();
      return failure(label, 'CANCELLED');
    }
    return { uploadId };
  } catch (err) {
    await abort();
    return failure(label, err instanceof ReadFailedError ? 'UNREADABLE' : 'INTERNAL');
  }
}
