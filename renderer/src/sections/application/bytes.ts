// Bytes going to main for the application package: base64 of a Blob, and the chunked upload
// of a package PDF (a built one, or one brought to be verified). The contract carries
// base64 strings, at most CHUNK_BYTES of bytes per call.
import { CHUNK_BYTES } from '../../../../shared/evidence/limits';
import { api } from '../../lib/api';

/** FileReader's data URL is the browser's own fast base64 encoder; the prefix is stripped. */
export function blobToBase64(blob: Blob): Promise<string> {
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

/** base64 → bytes (the stored signature arrives as base64). */
export function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function abortError(): Error {
  const err = new Error('cancelled');
  err.name = 'AbortError';
  return err;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

export interface UploadPackageOptions {
  /** Bytes sent so far, after each chunk. */
  onBytes?: (sent: number) => void;
  /** Checked before every chunk: true discards the upload and throws an AbortError. */
  cancelled?: () => boolean;
}

/**
 * Uploads a PDF to main in CHUNK_BYTES pieces and resolves with its uploadId. On failure or
 * cancellation the partial upload is discarded (its temporary file may hold evidence).
 */
export async function uploadPackageBytes(data: Blob, purpose: 'build' | 'verify', opts: UploadPackageOptions = {}): Promise<string> {
  if (opts.cancelled?.()) throw abortError();
  const { uploadId } = await api().package.uploadBegin({ purpose });
  try {
    for (let offset = 0, seq = 0; offset < data.size; offset += CHUNK_BYTES, seq++) {
      if (opts.cancelled?.()) throw abortError();
      const chunk = await blobToBase64(data.slice(offset, offset + CHUNK_BYTES));
      await api().package.uploadChunk({ uploadId, seq, data: chunk });
      opts.onBytes?.(Math.min(data.size, offset + CHUNK_BYTES));
    }
    if (opts.cancelled?.()) throw abortError();
  } catch (err) {
    await api().package.discard({ uploadId }).catch(() => undefined);
    throw err;
  }
  return uploadId;
}
