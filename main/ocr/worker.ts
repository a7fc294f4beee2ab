// The OCR worker thread: loads the models once and reads one image at a time. It never
// touches the vault: bytes come in, lines go out. The thread that owns the vault stays free
// (it only awaits the answer), and a read past its time budget is ended by terminating
// this thread (client.ts) — onnxruntime cannot be interrupted mid-run from outside.
import { parentPort } from 'node:worker_threads';
import { PpOcrEngine } from './engine';
import type { OcrRequest, OcrReply } from './protocol';

const port = parentPort;
if (!port) throw new Error('the OCR worker must run in a worker thread');

let engine: Promise<PpOcrEngine> | null = null;

port.on('message', (req: OcrRequest) => {
  engine ??= PpOcrEngine.load(undefined, req.threads);
  void engine
    .then(async (e) => {
      port.postMessage({ kind: 'started', id: req.id } satisfies OcrReply);
      const result = await e.recognise(Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength));
      return { kind: 'done', id: req.id, result } satisfies OcrReply;
    })
    .catch((err: unknown): OcrReply => ({ kind: 'failed', id: req.id, message: err instanceof Error ? err.message : String(err) }))
    .then((reply) => port.postMessage(reply));
});
