// Bytes going to main for the application package: the chunked upload of a package PDF (a
// built one, or one brought to be verified), through the one renderer upload helper.
import { api } from '../../lib/api';
import { sendChunks } from '../../lib/upload';

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
    const sent = await sendChunks(data, (seq, chunk) => api().package.uploadChunk({ uploadId, seq, data: chunk }), opts);
    if (sent === 'cancelled') throw abortError();
  } catch (err) {
    await api()
      .package.discard({ uploadId })
      .catch(() => undefined);
    throw err;
  }
  return uploadId;
}
