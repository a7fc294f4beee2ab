// Analysis of a file, bounded in time and memory. analyse.ts runs in a separate thread
// (analyse-worker.ts) with a heap limit; past the time budget the thread is terminated and
// the file is kept, marked 'not_analysed' ("未能分析"): no thumbnail, no text, capture time
// from the name or the file's date only. A crafted PDF (thousands of pages sharing one
// content stream of deeply nested q … Q) used to hold the vault worker at 100 % CPU for
// minutes; now it costs at most the budget and the rest of the import goes on.
import { Worker } from 'node:worker_threads';
import { builtWorkerPath } from '../../built-worker';
import { sniffMime, type Analysis, type AnalyseInput } from './analyse';
import type { AnalyseRequest } from './analyse-worker';
import { extensionLies, kindOfMime } from '../../../shared/evidence/media';
import { timeFromFileName } from '../../../shared/evidence/capture-time';

/** What `damaged` says of a file whose analysis ran out of time or memory. */
export const NOT_ANALYSED = 'not_analysed';
const DEFAULT_BUDGET_MS = 20_000;
/** Heap for one analysis: far above any real file's needs (pdf.js on a 250-page statement uses ~150 MB). */
const HEAP_LIMIT_MB = 768;
const MAX_THREADS = 2;

export function analyseBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.XIESHANG_ANALYSE_BUDGET_MS);
  return Number.isFinite(n) && n >= 100 ? n : DEFAULT_BUDGET_MS;
}

/** The built analyse-worker.js (main/built-worker.ts). */
export function analyseWorkerPath(): string {
  return builtWorkerPath('analyse-worker.js', __dirname);
}

type Reply = { id: number; ok: true; analysis: Analysis } | { id: number; ok: false };

class AnalyserThread {
  readonly worker: Worker;
  private waiter: ((r: Reply | null) => void) | null = null;
  dead = false;
  constructor(file: string) {
    this.worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    this.worker.unref();
    this.worker.on('message', (r: Reply) => this.settle(r));
    const die = () => {
      this.dead = true;
      this.settle(null);
    };
    this.worker.on('error', die);
    this.worker.on('exit', die);
  }
  private settle(r: Reply | null) {
    const w = this.waiter;
    this.waiter = null;
    w?.(r);
  }
  /** One analysis; null when it failed, ran out of memory or passed the budget (the thread is then ended). */
  run(req: AnalyseRequest, budgetMs: number, transfer: ArrayBuffer[]): Promise<Reply | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.dead = true;
        this.settle(null);
        void this.worker.terminate();
      }, budgetMs);
      this.worker.ref();
      this.waiter = (r) => {
        clearTimeout(timer);
        this.worker.unref();
        resolve(r);
      };
      this.worker.postMessage(req, transfer);
    });
  }
}

const idle: AnalyserThread[] = [];
let busy = 0;
const queue: (() => void)[] = [];
let nextId = 1;

async function takeThread(): Promise<AnalyserThread> {
  while (busy >= MAX_THREADS) await new Promise<void>((r) => queue.push(r));
  busy++;
  let t = idle.pop();
  while (t?.dead) t = idle.pop();
  try {
    return t ?? new AnalyserThread(analyseWorkerPath());
  } catch (err) {
    busy--;
    queue.shift()?.();
    throw err;
  }
}

function giveBack(t: AnalyserThread): void {
  busy--;
  if (!t.dead) idle.push(t);
  queue.shift()?.();
}

/**
 * Starts the analysis threads ahead of an import, so their start (loading sharp and the
 * rest: ~0.1 s of CPU each) overlaps other work: `xieshang demo` calls it while it makes the
 * vault. (Earlier, while the files are drawn, the threads only competed for the two cores.)
 */
export function warmAnalysers(): void {
  try {
    while (idle.length + busy < MAX_THREADS) idle.push(new AnalyserThread(analyseWorkerPath()));
  } catch {
    /* the first analysis reports it */
  }
}

const toBuffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Buffers cross the thread boundary as Uint8Array: make them Buffers again. */
function revive(a: Analysis): Analysis {
  const r = (x: Analysis['thumb']) => (x ? { ...x, data: toBuffer(x.data) } : null);
  return { ...a, thumb: r(a.thumb), display: r(a.display) };
}

/** The facts that need no parsing: the type from the first bytes, the time from the name or the file's date. */
export async function unanalysed(input: AnalyseInput): Promise<Analysis> {
  const mime = await sniffMime(input.head);
  const named = timeFromFileName(input.name);
  const captured = named
    ? { ms: named.ms, source: 'filename' as const }
    : input.modifiedMs && input.modifiedMs > 0
      ? { ms: input.modifiedMs, source: 'file_modified' as const }
      : null;
  return {
    mime,
    kind: kindOfMime(mime),
    nameMismatch: extensionLies(input.name, mime),
    damaged: NOT_ANALYSED,
    encrypted: false,
    width: null,
    height: null,
    durationSec: null,
    pages: null,
    captured,
    preview: 'none',
    thumb: null,
    display: null,
    text: null,
  };
}

export async function analyseBounded(input: AnalyseInput, budgetMs = analyseBudgetMs()): Promise<Analysis> {
  const thread = await takeThread();
  let reply: Reply | null;
  try {
    // The head is copied (it may be a view into a larger pooled buffer); the bytes too, so
    // the caller's buffer stays valid for the commit.
    const head = new Uint8Array(input.head);
    const bytes = input.bytes ? new Uint8Array(input.bytes) : null;
    const transfer = [head.buffer, ...(bytes ? [bytes.buffer] : [])];
    reply = await thread.run({ id: nextId++, input: { ...input, head, bytes } }, budgetMs, transfer);
  } finally {
    giveBack(thread);
  }
  if (reply?.ok) return revive(reply.analysis);
  return unanalysed(input);
}
