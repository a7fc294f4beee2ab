/// <reference lib="webworker" />
// The application package is built here, off the window's thread: the isomorphic builder
// (shared/pdf) reads each exhibit from the vault over fetch (vault:// in Electron, /vault/
// in the harness; both authorised for this origin only) and streams the PDF back in chunks.
// Cancel = the wizard terminates this worker.
import { buildFromDraft } from '../../../../shared/package/build-from-draft';
import type { ByteSink } from '../../../../shared/pdf/writer';
import { CHUNK_BYTES } from '../../../../shared/evidence/limits';
import type { FromWorker, ToWorker, WorkerError } from './build-protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (msg: FromWorker, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

let acked: (() => void) | null = null;
const waitAck = () => new Promise<void>((resolve) => (acked = resolve));

/** Gathers the builder's writes into CHUNK_BYTES pieces; each waits for the wizard's ack. */
class ChunkSink implements ByteSink {
  private buf = new Uint8Array(CHUNK_BYTES);
  private used = 0;
  async write(chunk: Uint8Array): Promise<void> {
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(chunk.length - off, CHUNK_BYTES - this.used);
      this.buf.set(chunk.subarray(off, off + n), this.used);
      this.used += n;
      off += n;
      if (this.used === CHUNK_BYTES) await this.flush();
    }
  }
  async flush(): Promise<void> {
    if (this.used === 0) return;
    // A copy is transferred (the builder may still hold views into its own buffers).
    const out = this.buf.slice(0, this.used);
    this.used = 0;
    const ack = waitAck();
    post({ type: 'chunk', data: out }, [out.buffer]);
    await ack;
  }
}

function toWorkerError(err: unknown): WorkerError {
  if (err instanceof Error) {
    const e = err as Error & { code?: unknown; params?: unknown };
    return {
      name: err.name,
      message: err.message,
      ...(typeof e.code === 'string' ? { code: e.code } : {}),
      ...(typeof e.params === 'object' && e.params !== null ? { params: e.params as Record<string, string | number> } : {}),
    };
  }
  return { name: 'Error', message: String(err) };
}

async function build(msg: Extract<ToWorker, { type: 'build' }>): Promise<void> {
  const fontRes = await fetch(msg.fontUrl);
  if (!fontRes.ok) throw new Error(`font ${fontRes.status}`);
  const font = new Uint8Array(await fontRes.arrayBuffer());
  const sink = new ChunkSink();
  let lastProgress = 0;
  let lastLabel: string | undefined;
  const result = await buildFromDraft(msg.input, (id) => fetch(`${msg.evidenceBase}${id}`, { credentials: 'same-origin' }), font, {
    sink,
    onProgress: (progress) => {
      // ~10 updates a second is plenty for a progress bar, but the exhibit that starts is
      // always named: a dropped update would leave the previous title on screen while a
      // large recording is being added.
      const now = Date.now();
      if (now - lastProgress < 100 && progress.done < progress.total && progress.label === lastLabel) return;
      lastProgress = now;
      lastLabel = progress.label;
      post({ type: 'progress', progress });
    },
  });
  await sink.flush();
  post({ type: 'done', pages: result.pages, exhibits: result.exhibits, length: result.length });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.type === 'ack') {
    const resolve = acked;
    acked = null;
    resolve?.();
    return;
  }
  build(msg).catch((err: unknown) => post({ type: 'error', error: toWorkerError(err) }));
};
