// Runs fuzz cases in a worker with a time budget per case and a heap limit (issue 13), and
// replays the kept inputs. A case ends one of four ways: ok, refused with a named error,
// a finding (an unnamed error, INTERNAL, a result outside the contract), or the worker was
// ended (past the budget: 'timeout'; heap exhausted: 'memory'; anything else: 'crash').
// New findings are kept as files under test/fixtures/fuzz-regressions/<target>/ (with a
// .note beside each saying what happened) and replayed by npm test from then on.
import { Worker } from 'node:worker_threads';
import { builtWorkerPath } from '../../main/built-worker';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ALL_TARGETS, makeSeeds, type Target } from './targets';
import type { CaseMessage, CaseReply } from './worker';

export interface FuzzOptions {
  /** Generated cases per target. */
  perTarget: number;
  seed?: number;
  /** Time budget of one case. */
  budgetMs?: number;
  /** Heap limit of the worker, MB. */
  heapMb?: number;
  /** Where new findings are kept (absent: not kept). */
  keepDir?: string;
  /** Only these targets (names). */
  only?: readonly string[];
  log?: (line: string) => void;
}

export interface Finding {
  target: string;
  kind: 'unnamed' | 'timeout' | 'memory' | 'crash';
  detail: string;
  /** The kept input (when kept). */
  file?: string;
}

export interface FuzzFigures {
  seed: number;
  tried: number;
  perTarget: Record<string, { tried: number; ok: number; refused: number; findings: number; maxMs: number; codes: Record<string, number> }>;
  findings: Finding[];
  ms: number;
}

export const REGRESSIONS_DIR = 'test/fixtures/fuzz-regressions';
const DEFAULT_BUDGET_MS = 15_000;
const DEFAULT_HEAP_MB = 512;

export function fuzzWorkerPath(): string {
  return builtWorkerPath('fuzz-worker.js', __dirname, 'bench');
}

type Ended = { outcome: 'ended'; kind: 'timeout' | 'memory' | 'crash'; detail: string };

/** One worker at a time; restarted after it is ended. */
class CaseRunner {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private waiting: { id: number; resolve: (r: CaseReply | Ended) => void } | null = null;
  private nextId = 1;
  /** How long the last case took (worker start not counted). */
  lastMs = 0;
  constructor(
    private readonly heapMb: number,
    private readonly tmp: string,
  ) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(fuzzWorkerPath(), {
      workerData: { tmp: this.tmp },
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 64 },
      // The analysis thread's own budget, well inside the case budget.
      env: { ...process.env, XIESHANG_ANALYSE_BUDGET_MS: '3000' },
      stdout: true,
      stderr: true,
    });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: CaseReply) => {
        if (reply.outcome === 'ready') return resolve();
        if (this.waiting?.id === reply.id) {
          const w = this.waiting;
          this.waiting = null;
          w.resolve(reply);
        }
      });
      const died = (kind: Ended['kind'], detail: string) => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.ready = null;
        reject(new Error(`fuzz worker failed to start: ${detail}`));
        const w = this.waiting;
        this.waiting = null;
        w?.resolve({ outcome: 'ended', kind, detail });
      };
      worker.on('error', (err: Error & { code?: string }) =>
        died(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', `${err.code ?? err.name}: ${err.message}`.slice(0, 300)),
      );
      worker.on('exit', (code) => died('crash', `worker exited with code ${code}`));
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  async run(target: string, data: Buffer, budgetMs: number): Promise<CaseReply | Ended> {
    await this.start();
    const id = this.nextId++;
    const worker = this.worker!;
    const t0 = Date.now();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (this.waiting?.id !== id) return;
        this.waiting = null;
        this.worker = null;
        this.ready = null;
        void worker.terminate();
        this.lastMs = Date.now() - t0;
        resolve({ outcome: 'ended', kind: 'timeout', detail: `no answer within ${budgetMs} ms` });
      }, budgetMs);
      this.waiting = {
        id,
        resolve: (r) => {
          this.lastMs = Date.now() - t0;
          clearTimeout(timer);
          resolve(r);
        },
      };
      worker.postMessage({ id, target, data: new Uint8Array(data) } satisfies CaseMessage);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate();
  }
}

function keep(dir: string, target: Target, data: Buffer, finding: Omit<Finding, 'file'>): string {
  const folder = path.join(dir, target.name);
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${createHash('sha256').update(data).digest('hex').slice(0, 16)}.${target.ext}`);
  fs.writeFileSync(file, data);
  fs.writeFileSync(`${file}.note`, `${finding.kind}: ${finding.detail}\n`);
  return file;
}

async function runCases(
  cases: AsyncIterable<{ target: Target; data: Buffer }> | Iterable<{ target: Target; data: Buffer }>,
  opts: Omit<FuzzOptions, 'perTarget'>,
  seed: number,
): Promise<FuzzFigures> {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-fuzzrun-'));
  const runner = new CaseRunner(opts.heapMb ?? DEFAULT_HEAP_MB, tmp);
  const figures: FuzzFigures = { seed, tried: 0, perTarget: {}, findings: [], ms: 0 };
  try {
    for await (const { target, data } of cases) {
      const row = (figures.perTarget[target.name] ??= { tried: 0, ok: 0, refused: 0, findings: 0, maxMs: 0, codes: {} });
      const r = await runner.run(target.name, data, opts.budgetMs ?? DEFAULT_BUDGET_MS);
      row.maxMs = Math.max(row.maxMs, runner.lastMs);
      row.tried++;
      figures.tried++;
      if (r.outcome === 'ok') row.ok++;
      else if (r.outcome === 'refused') {
        row.refused++;
        row.codes[r.code] = (row.codes[r.code] ?? 0) + 1;
      } else if (r.outcome === 'finding' || r.outcome === 'ended') {
        row.findings++;
        const finding: Finding = { target: target.name, kind: r.outcome === 'ended' ? r.kind : 'unnamed', detail: r.detail };
        if (opts.keepDir) finding.file = keep(opts.keepDir, target, data, finding);
        figures.findings.push(finding);
        opts.log?.(`finding in ${target.name}: ${finding.kind}: ${finding.detail}`);
      }
    }
  } finally {
    await runner.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  figures.ms = Date.now() - started;
  return figures;
}

/** Generated cases: perTarget inputs of each target, from one seed (printed, so a run can be repeated). */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzFigures> {
  const seed = opts.seed ?? (Date.now() ^ (process.pid << 8)) >>> 0;
  const seeds = await makeSeeds();
  const targets = ALL_TARGETS.filter((t) => !opts.only || opts.only.includes(t.name));
  function* cases() {
    // Interleaved (one of each target in turn), so a short run still covers every target.
    const samples = targets.map((t, i) => fc.sample(t.inputs(seeds), { seed: seed + i, numRuns: opts.perTarget }));
    for (let n = 0; n < opts.perTarget; n++) for (let i = 0; i < targets.length; i++) yield { target: targets[i]!, data: samples[i]![n]! };
  }
  return runCases(cases(), opts, seed);
}

/** Every kept input, replayed: each must now end ok or refused. */
export async function replayKept(dir: string, opts: Omit<FuzzOptions, 'perTarget' | 'keepDir'> = {}): Promise<FuzzFigures> {
  function* cases() {
    for (const target of ALL_TARGETS) {
      const folder = path.join(dir, target.name);
      if (!fs.existsSync(folder)) continue;
      for (const name of fs.readdirSync(folder).sort()) {
        if (name.endsWith('.note')) continue;
        yield { target, data: fs.readFileSync(path.join(folder, name)) };
      }
    }
  }
  return runCases(cases(), opts, 0);
}

export function printFuzzFigures(title: string, f: FuzzFigures): void {
  console.log(`\n## ${title}`);
  console.log(`seed ${f.seed}; ${f.tried} inputs tried in ${(f.ms / 1000).toFixed(1)} s; ${f.findings.length} findings`);
  console.log('| target | tried | ok | refused (named) | findings | slowest case ms | refusals by code |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const [name, r] of Object.entries(f.perTarget)) {
    const codes = Object.entries(r.codes)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    console.log(`| ${name} | ${r.tried} | ${r.ok} | ${r.refused} | ${r.findings} | ${r.maxMs} | ${codes} |`);
  }
  for (const x of f.findings) console.log(`- ${x.target}: ${x.kind}: ${x.detail}${x.file ? ` (kept: ${x.file})` : ''}`);
}
