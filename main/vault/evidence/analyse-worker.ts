// The thread that analyses one file at a time for analyse-bounded.ts. Separate from the
// vault worker so that a hostile file (a PDF whose content stream takes minutes, a
// decompression bomb) can be stopped by terminating this thread: the vault stays responsive.
import { parentPort } from 'node:worker_threads';
import { analyse, type AnalyseInput } from './analyse';

export interface AnalyseRequest {
  id: number;
  input: { name: string; size: number; head: Uint8Array; bytes: Uint8Array | null; modifiedMs: number | null };
}

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

const port = parentPort;
if (!port) throw new Error('analyse worker must run in a worker thread');
port.on('message', (req: AnalyseRequest) => {
  const input: AnalyseInput = { ...req.input, head: asBuffer(req.input.head), bytes: req.input.bytes ? asBuffer(req.input.bytes) : null };
  analyse(input).then(
    (analysis) => port.postMessage({ id: req.id, ok: true, analysis }),
    () => port.postMessage({ id: req.id, ok: false }),
  );
});
