// Parsing a bill in its own thread, bounded in time and memory (the pattern of
// evidence/analyse-bounded.ts and the OCR client): one short-lived thread per file with a
// heap limit; past the time budget, or out of memory, the thread is terminated and the file
// is refused with a clear message. The vault worker only waits (asynchronously) and then
// stores the rows the thread sends back.
import { Worker } from 'node:worker_threads';
import { builtWorkerPath } from '../../built-worker';
import { BadInputError, NotABillError, XieshangError } from '../../../shared/errors';
import type { BillOptions, KnownMappings, ParsedBillFile } from './parse';
import type { BillParseReply, BillParseRequest } from './parse-worker';

const DEFAULT_BUDGET_MS = 20_000;
/** A real month of bills parses in well under 100 MB; an xlsx entry is capped at 48 MB of XML. */
const HEAP_LIMIT_MB = 384;

export function billParseBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.XIESHANG_BILL_BUDGET_MS);
  return Number.isFinite(n) && n >= 50 ? n : DEFAULT_BUDGET_MS;
}

/** The built bill-worker.js (main/built-worker.ts). */
export function billWorkerPath(): string {
  return builtWorkerPath('bill-worker.js', __dirname);
}

function rebuild(code: XieshangError['code'], params: XieshangError['params']): XieshangError {
  if (code === 'NOT_A_BILL') return new NotABillError(String(params.detail ?? ''));
  if (code === 'BAD_INPUT') return new BadInputError(String(params.detail ?? ''));
  return new XieshangError(code, params);
}

let nextId = 1;

export function parseBillBounded(bytes: Uint8Array, opts: BillOptions, known: KnownMappings, budgetMs = billParseBudgetMs()): Promise<ParsedBillFile> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(billWorkerPath(), { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    } catch (err) {
      reject(err);
      return;
    }
    const id = nextId++;
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => done(() => reject(new NotABillError(`账单在 ${Math.round(budgetMs / 1000)} 秒内没能读完（文件可能被做了手脚或太复杂），没有导入`))), budgetMs);
    worker.on('message', (r: BillParseReply) => {
      if (r.id !== id) return;
      done(() => (r.ok ? resolve(r.parsed) : reject(rebuild(r.code, r.params))));
    });
    worker.on('error', (err) =>
      done(() => reject(/memory|heap/i.test(err.message) ? new NotABillError('读这个账单需要的内存超过上限，没有导入') : new NotABillError('账单无法读取'))),
    );
    worker.on('exit', () => done(() => reject(new NotABillError('账单无法读取'))));
    // A copy: the caller keeps its bytes (the file is kept as evidence afterwards).
    const copy = new Uint8Array(bytes);
    worker.postMessage({ id, bytes: copy, opts, known } satisfies BillParseRequest, [copy.buffer]);
  });
}
