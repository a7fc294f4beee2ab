// The way into the OCR worker thread: one worker per process, started on first use, one
// image at a time (the queue keeps two parallel imports from doubling the memory). Each read
// has a time budget counted from the moment the worker starts on it (loading the models is
// not counted); past it the worker is terminated — the only way to stop an onnxruntime run —
// and the image is reported 'timeout': the caller keeps the item, marked not analysed. A
// worker idle for IDLE_MS is ended too, so the models' memory goes back after an import.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { builtWorkerPath } from '../built-worker';
import type { OcrResult } from '../../shared/ocr/types';
import type { OcrReply, OcrRequest } from './protocol';

export type OcrOutcome = { status: 'done'; result: OcrResult } | { status: 'timeout'; ms: number } | { status: 'failed'; message: string };

/** Per image. A phone screenshot takes 0.5–1.5 s of CPU; the rest is headroom for a busy machine. */
export const OCR_BUDGET_MS = 30_000;
/** Loading the models (~20 MB) the first time: a worker that is not ready by then has failed. */
const LOAD_BUDGET_MS = 60_000;
const IDLE_MS = 60_000;

/** The built ocr-worker.js (main/built-worker.ts), unless XIESHANG_OCR_WORKER names another. */
export function ocrWorkerPath(): string {
  return process.env.XIESHANG_OCR_WORKER || builtWorkerPath('ocr-worker.js', __dirname);
}

interface Job {
  bytes: Uint8Array;
  budgetMs: number;
  resolve(outcome: OcrOutcome): void;
}

export class OcrClient {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private running = false;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly threads = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length))) {}

  recognise(bytes: Uint8Array, budgetMs = OCR_BUDGET_MS): Promise<OcrOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ bytes, budgetMs, resolve });
      this.pump();
    });
  }

  /** Ends the worker now (a lock, a cancelled job); queued reads resolve as failed. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.resolve({ status: 'failed', message: 'closed' });
    await this.stopWorker();
  }

  private pump(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) {
      this.armIdle();
      return;
    }
    this.running = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    void this.runOne(job).then((outcome) => {
      this.running = false;
      job.resolve(outcome);
      this.pump();
    });
  }

  private armIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (!this.worker) return;
    this.idleTimer = setTimeout(() => void this.stopWorker(), IDLE_MS);
    this.idleTimer.unref();
  }

  private async stopWorker(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate().catch(() => undefined);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(ocrWorkerPath());
    // The CLI exits when its work is done even if the worker is still loaded.
    w.unref();
    this.worker = w;
    return w;
  }

  private runOne(job: Job): Promise<OcrOutcome> {
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch (err) {
      return Promise.resolve({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
    const id = this.nextId++;
    return new Promise<OcrOutcome>((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      let startedAt = 0;
      const finish = (outcome: OcrOutcome, kill: boolean) => {
        if (timer) clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) void this.stopWorker();
        resolve(outcome);
      };
      const arm = (ms: number, onTimeout: () => OcrOutcome) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => finish(onTimeout(), true), ms);
      };
      const onMessage = (reply: OcrReply) => {
        if (reply.id !== id) return;
        if (reply.kind === 'started') {
          startedAt = performance.now();
          arm(job.budgetMs, () => ({ status: 'timeout', ms: Math.round(performance.now() - startedAt) }));
        } else if (reply.kind === 'done') finish({ status: 'done', result: reply.result }, false);
        else finish({ status: 'failed', message: reply.message }, false);
      };
      const onError = (err: Error) => finish({ status: 'failed', message: err.message }, true);
      const onExit = () => finish({ status: 'failed', message: 'OCR worker exited' }, false);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      arm(LOAD_BUDGET_MS, () => ({ status: 'failed', message: 'OCR models did not load in time' }));
      // A copy: the caller keeps its bytes (they are committed to the vault afterwards).
      const copy = new Uint8Array(job.bytes);
      worker.postMessage({ id, bytes: copy, threads: this.threads } satisfies OcrRequest, [copy.buffer]);
    });
  }
}

let shared: OcrClient | null = null;
/** The process's one client (the vault worker thread, or the CLI process). */
export function ocrClient(): OcrClient {
  shared ??= new OcrClient();
  return shared;
}
