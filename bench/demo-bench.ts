// Issue 14's two absolute goals, each beside a reference measured in the same run (the
// machines are shared: read the CPU seconds and the reference, not the wall time alone):
// - `xieshang demo` ≤ 5 s (the CLI as a user runs it, process start included);
// - unlock → first screen ≤ 1.5 s: the demo vault as the person's own, in the real renderer
//   over the loopback harness (Debian Chromium), from the click on 解锁 until the evidence
//   section shows its cards; and where the time goes, measured in process on the same vault:
//   the key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations: the design's minimum), the
//   rest of the open (lock, schema check, settings), the first queries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { Vault } from '../main/vault/vault';
import { openEncrypted } from '../main/vault/sqlite';
import { listItems } from '../main/vault/evidence/items';
import { home } from '../main/vault/repayments/home';
import { VAULT_FILE_NAME } from '../main/paths';
import type { BenchRow } from './report';

const DEMO_PASS = 'demo-passphrase';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Wall time, and the CPU seconds of the process through /usr/bin/time where it exists. */
function timeDemo(bin: string, out: string): { wallMs: number; cpuMs: number } {
  const timed = fs.existsSync('/usr/bin/time');
  const t = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, 'demo', '--out', out], { encoding: 'utf8' })
    : spawnSync(process.execPath, [bin, 'demo', '--out', out], { encoding: 'utf8' });
  const wallMs = performance.now() - t;
  if (r.status !== 0) throw new Error(`xieshang demo failed (${r.status}): ${r.stderr}`);
  if (!timed) return { wallMs, cpuMs: 0 };
  const [user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wallMs, cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000 };
}

function inProcessUnlock(file: string): { kdfMs: number; openMs: number; queriesMs: number } {
  const kdf: number[] = [];
  const open: number[] = [];
  const queries: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    openEncrypted(file, DEMO_PASS, { readonly: true }).close();
    kdf.push(performance.now() - t);
    t = performance.now();
    const vault = Vault.open(file, DEMO_PASS, { actor: 'app' });
    open.push(performance.now() - t);
    t = performance.now();
    listItems(vault.handle, {});
    home(vault);
    queries.push(performance.now() - t);
    vault.close();
  }
  return { kdfMs: median(kdf), openMs: median(open), queriesMs: median(queries) };
}

async function harnessUnlock(dataDir: string): Promise<{ firstScreenMs: number; cards: number }> {
  const { chromium } = await import('playwright-core');
  const dist = path.resolve(__dirname, '..');
  const child = spawn(process.execPath, [path.join(dist, 'harness', 'server.js'), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve((JSON.parse(buf.slice(0, nl)) as { url: string }).url);
      });
      child.on('exit', (code) => reject(new Error(`harness exited (${code})`)));
    });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const runs: number[] = [];
      let cards = 0;
      for (let i = 0; i < 3; i++) {
        // A new page each time: the renderer starts cold, as after a lock and a restart.
        const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, locale: 'zh-CN' });
        await page.goto(url);
        await page.getByTestId('unlock-passphrase').fill(DEMO_PASS);
        const t0 = Date.now();
        await page.getByTestId('unlock-submit').click();
        await page.getByTestId('evidence-card').first().waitFor({ timeout: 60_000 });
        runs.push(Date.now() - t0);
        cards = await page.getByTestId('evidence-card').count();
        await page.getByTestId('lock-button').click();
        await page.getByTestId('unlock-passphrase').waitFor();
        await page.close();
      }
      return { firstScreenMs: median(runs), cards };
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runDemoBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-demo-bench-'));
  try {
    const bin = path.resolve(__dirname, '..', '..', 'bin', 'xieshang.cjs');
    // Reference for this machine's state right now: the CLI's own start-up (`--help`).
    const startMs = median(
      [0, 1, 2].map(() => {
        const t = performance.now();
        spawnSync(process.execPath, [bin, '--help'], { stdio: 'ignore' });
        return performance.now() - t;
      }),
    );
    // One run to bring the bundle into the page cache (the first run after a build is ~2 s
    // slower), then five: this shared machine varies by ±0.4 s from run to run, so the median
    // is reported with the range.
    timeDemo(bin, path.join(dir, 'warm-up'));
    const runs = [1, 2, 3, 4, 5].map((i) => timeDemo(bin, path.join(dir, i === 1 ? 'demo' : `demo-${i}`)));
    const demo = { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) };
    const range = `${(Math.min(...runs.map((r) => r.wallMs)) / 1000).toFixed(1)}–${(Math.max(...runs.map((r) => r.wallMs)) / 1000).toFixed(1)} s`;
    const rows: BenchRow[] = [
      {
        name: '`xieshang demo` (vault, 35 screenshots, proofs, SMS, calls, signed package), median of 5 runs, goal ≤ 5 s',
        ours: `${(demo.wallMs / 1000).toFixed(1)} s${demo.cpuMs ? ` (${(demo.cpuMs / 1000).toFixed(1)} s CPU)` : ''}, range ${range}`,
        reference: '5.0 s goal',
        ratio: demo.wallMs / 5000,
        goal: { atMost: 1 },
      },
      {
        name: '`xieshang demo` against the CLI start-up in the same run',
        ours: ms(demo.wallMs),
        reference: `${ms(startMs)} (xieshang --help)`,
        ratio: demo.wallMs / startMs,
      },
    ];

    // Unlock: the demo vault as the person's own.
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    fs.copyFileSync(path.join(dir, 'demo', 'demo.vault'), path.join(dataDir, VAULT_FILE_NAME));
    const parts = inProcessUnlock(path.join(dataDir, VAULT_FILE_NAME));
    rows.push({
      name: 'unlock, in process: open (lock, key, schema check) + first queries (evidence list, 首页)',
      ours: `${ms(parts.openMs + parts.queriesMs)} (open ${ms(parts.openMs)}, queries ${ms(parts.queriesMs)})`,
      reference: `${ms(parts.kdfMs)} (key derivation alone, PBKDF2 256k)`,
      ratio: (parts.openMs + parts.queriesMs) / parts.kdfMs,
    });
    try {
      const ui = await harnessUnlock(dataDir);
      rows.push(
        {
          name: `unlock → first screen (evidence section, ${ui.cards} cards) in the harness, goal ≤ 1.5 s`,
          ours: ms(ui.firstScreenMs),
          reference: '1500 ms goal',
          ratio: ui.firstScreenMs / 1500,
          goal: { atMost: 1 },
        },
        {
          name: 'unlock → first screen against the key derivation in the same run',
          ours: ms(ui.firstScreenMs),
          reference: `${ms(parts.kdfMs)} (PBKDF2 256k alone)`,
          ratio: ui.firstScreenMs / parts.kdfMs,
        },
      );
    } catch (err) {
      console.log(`(unlock in the harness not measured: ${String(err)})`);
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
