// Evidence benchmark (issue 3): a ~1 GB corpus like a real case (300 phone screenshots,
// 1170×2532, PNG and JPEG; 20 PDFs; 50 call recordings), imported the way the app does
// it, side by side with `cp` + `sha256sum` of the same files and with the same import into
// an unencrypted vault. The encrypted import runs in a child process through the real
// vault worker (dist/main/vault-worker.js, the same message protocol as main/vault/host.ts)
// so that the main-thread stall and the peak RSS are those of an app process doing only
// this. Figures, never pass/fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import Database from 'better-sqlite3-multiple-ciphers';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { migrate } from '../main/vault/migrate';
import { appendAudit } from '../main/vault/audit-log';
import { importPaths } from '../main/vault/evidence/import-files';
import type { VaultLike } from '../main/vault/evidence/items';
import type { BenchRow } from './report';
import { monoWav16 } from '../main/demo/wav';

const W = 1170;
const H = 2532;
const SCREENSHOTS = 300;
const PDFS = 20;
const RECORDINGS = 50;
const PASS = 'benchmark passphrase 口令';
const MB = 1e6;

/** A chat-like screenshot: grey background, bubbles, rows of "words" (noisy glyph blocks). */
export function chatPixels(seed: number): Buffer {
  const px = Buffer.alloc(W * H * 3, 0xed);
  const rnd = randomBytes(W * H);
  let r = seed * 7919;
  const next = (n: number) => {
    r = (r * 1103515245 + 12345) & 0x7fffffff;
    return r % n;
  };
  const fill = (x0: number, y0: number, w: number, h: number, rgb: [number, number, number], noise: number) => {
    for (let y = y0; y < Math.min(H, y0 + h); y++) {
      let o = (y * W + x0) * 3;
      for (let x = x0; x < Math.min(W, x0 + w); x++, o += 3) {
        const k = y * W + x;
        px[o] = noise ? Math.max(0, rgb[0] - (rnd[k % rnd.length]! % noise)) : rgb[0];
        px[o + 1] = noise ? Math.max(0, rgb[1] - (rnd[(k + 7919) % rnd.length]! % noise)) : rgb[1];
        px[o + 2] = noise ? Math.max(0, rgb[2] - (rnd[(k + 104_729) % rnd.length]! % noise)) : rgb[2];
      }
    }
  };
  fill(0, 0, W, 180, [247, 247, 247], 0);
  // Most chats carry a photo (a bill, a letter): the part of a screenshot that does not compress.
  if (seed % 5 !== 0) {
    const pw = 500 + next(300);
    const ph = 400 + next(500);
    const py = 300 + next(H - ph - 500);
    fill(60, py, pw, ph, [250, 250, 250], 250);
  }
  for (let y = 240; y < H - 200; y += 170 + next(120)) {
    const mine = next(2) === 1;
    const bw = 300 + next(600);
    const bx = mine ? W - 60 - bw : 60;
    const lines = 1 + next(3);
    const bh = 40 + lines * 56;
    fill(bx, y, bw, bh, mine ? [149, 236, 105] : [255, 255, 255], 0);
    for (let l = 0; l < lines; l++) {
      for (let x = bx + 28; x < bx + bw - 60; x += 34 + next(10)) fill(x, y + 28 + l * 56, 28 + next(6), 34, [40, 40, 40], 140);
    }
  }
  return px;
}

/** PCM WAV, 16 kHz mono 16-bit: a voice-like signal with noise (~32 KB a second). */
function wavBytes(seconds: number, seed: number): Buffer {
  const rate = 16_000;
  const n = rate * seconds;
  const noise = randomBytes(n);
  const table = new Int16Array(rate);
  for (let i = 0; i < rate; i++) table[i] = Math.round(Math.sin((i / rate) * 2 * Math.PI * (180 + seed)) * 6000);
  return monoWav16(rate, n, (i) => table[i % rate]! + (noise[i]! - 128) * 8);
}

export async function makeCorpus(dir: string): Promise<{ files: number; bytes: number; largest: number }> {
  const shots = path.join(dir, '聊天截图');
  const pdfs = path.join(dir, '账单');
  const calls = path.join(dir, '通话录音');
  for (const d of [shots, pdfs, calls]) fs.mkdirSync(d, { recursive: true });
  const jpegPages: Buffer[] = [];
  for (let i = 0; i < SCREENSHOTS; i++) {
    const img = sharp(chatPixels(i), { raw: { width: W, height: H, channels: 3 } });
    const stamp = `202410${String(1 + (i % 28)).padStart(2, '0')}-${String(100000 + i).slice(1)}`;
    if (i % 2 === 0) await img.png({ compressionLevel: 6 }).toFile(path.join(shots, `Screenshot_${stamp}.png`));
    else {
      const jpg = await img.jpeg({ quality: 95 }).toBuffer();
      fs.writeFileSync(path.join(shots, `IMG_${stamp.replace('-', '_')}.jpg`), jpg);
      if (jpegPages.length < PDFS * 8) jpegPages.push(jpg);
    }
  }
  for (let i = 0; i < PDFS; i++) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const cover = doc.addPage([595, 842]);
    cover.drawText(`Statement ${i + 1} / account 6222 **** ${1000 + i}`, { x: 50, y: 780, size: 16, font });
    for (let p = 0; p < 8; p++) {
      // Scans of paper bills: each page a full-size JPEG, embedded unchanged.
      const page = doc.addPage([595, 1287]);
      const jpg = await doc.embedJpg(jpegPages[(i * 8 + p) % jpegPages.length]!);
      page.drawImage(jpg, { x: 0, y: 0, width: 595, height: 1287 });
    }
    fs.writeFileSync(path.join(pdfs, `bank-statement-2024-${String(i + 1).padStart(2, '0')}.pdf`), await doc.save());
  }
  for (let i = 0; i < RECORDINGS; i++) {
    const seconds = 220 + ((i * 37) % 360);
    fs.writeFileSync(path.join(calls, `95188_202410${String(1 + (i % 28)).padStart(2, '0')}${String(90000 + i * 7).padStart(6, '0')}.wav`), wavBytes(seconds, i));
  }
  let files = 0;
  let bytes = 0;
  let largest = 0;
  for (const d of [shots, pdfs, calls]) {
    for (const f of fs.readdirSync(d)) {
      const size = fs.statSync(path.join(d, f)).size;
      files++;
      bytes += size;
      largest = Math.max(largest, size);
    }
  }
  return { files, bytes, largest };
}

/** The child: a bare "main process" that drives the real vault worker and measures itself. */
const CHILD = `
const { Worker } = require('node:worker_threads');
const [workerPath, vaultPath, corpus, pass] = process.argv.slice(2);
const worker = new Worker(workerPath, { workerData: { vaultPath, actor: 'app' } });
let id = 0;
const waiting = new Map();
worker.on('message', (m) => {
  if (m.kind !== 'result') return;
  const w = waiting.get(m.id); waiting.delete(m.id);
  m.ok ? w.resolve(m.value) : w.reject(new Error(m.error.code + ' ' + m.error.message));
});
const call = (msg) => new Promise((resolve, reject) => { const i = ++id; waiting.set(i, { resolve, reject }); worker.postMessage({ ...msg, id: i }); });
(async () => {
  await call({ kind: 'session', method: 'create', args: [pass] });
  const rssBefore = process.memoryUsage().rss;
  let worst = 0, last = performance.now();
  const timer = setInterval(() => { const now = performance.now(); worst = Math.max(worst, now - last - 10); last = now; }, 10);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await call({ kind: 'feature', feature: 'evidence', method: 'importPaths', args: [[corpus], { ocr: false }], taskId: 'bench' });
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpuSeconds = (used.user + used.system) / 1e6;
  clearInterval(timer);
  await call({ kind: 'session', method: 'lock', args: [] });
  await worker.terminate();
  const ok = r.results.filter((x) => !x.error).length;
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds, worst, ok, failed: r.results.length - ok, rssBefore, maxRss: process.resourceUsage().maxRSS * 1024 }) + '\\n');
})().catch((e) => { process.stderr.write(String(e) + '\\n'); process.exit(1); });
`;

function plainVault(file: string): { vault: VaultLike; close(): void } {
  const db = new Database(file);
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  migrate(db);
  const vault: VaultLike = {
    handle: db,
    change: (fn) => db.transaction(() => fn(db, (entry) => appendAudit(db, { actor: 'cli', ...entry })))(),
  };
  return { vault, close: () => db.close() };
}

export async function runEvidenceBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-evidence-bench-'));
  try {
    const corpus = path.join(dir, 'corpus');
    let t = performance.now();
    const c = await makeCorpus(corpus);
    console.log(`(corpus: ${c.files} files, ${(c.bytes / MB).toFixed(0)} MB, largest ${(c.largest / MB).toFixed(1)} MB, made in ${((performance.now() - t) / 1000).toFixed(0)} s)`);

    // Reference: copy and hash the same files with the system tools.
    t = performance.now();
    execFileSync('cp', ['-r', corpus, path.join(dir, 'copy')]);
    execFileSync('sh', ['-c', 'find "$1" -type f -print0 | xargs -0 sha256sum > /dev/null', 'sh', path.join(dir, 'copy')]);
    const cpSeconds = (performance.now() - t) / 1000;
    fs.rmSync(path.join(dir, 'copy'), { recursive: true, force: true });

    // The app's import: encrypted vault, through the worker, in a process of its own.
    const workerPath = path.resolve(__dirname, '..', 'main', 'vault-worker.js');
    const childFile = path.join(dir, 'child.cjs');
    fs.writeFileSync(childFile, CHILD);
    const child = spawnSync(process.execPath, [childFile, workerPath, path.join(dir, 'enc.xsv'), corpus, PASS], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`encrypted import failed: ${child.stderr}`);
    const enc = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      seconds: number;
      cpuSeconds: number;
      worst: number;
      ok: number;
      failed: number;
      rssBefore: number;
      maxRss: number;
    };

    // The same import into an unencrypted SQLite file (same code, same settings, no cipher).
    const plain = plainVault(path.join(dir, 'plain.db'));
    t = performance.now();
    const { results } = await importPaths(plain.vault, [corpus], { ocr: false });
    const plainSeconds = (performance.now() - t) / 1000;
    plain.close();
    const plainFailed = results.filter((r) => 'error' in r).length;
    if (enc.failed || plainFailed) console.log(`(warning: ${enc.failed} encrypted and ${plainFailed} unencrypted imports failed)`);

    const rate = (s: number) => c.bytes / MB / s;
    const budget = c.largest + 300 * MB;
    return [
      {
        name: `import ${c.files} files, ${(c.bytes / MB).toFixed(0)} MB (hash + store + thumbnail; OCR: see its own table), encrypted, via worker`,
        ours: `${rate(enc.seconds).toFixed(1)} MB/s (${enc.seconds.toFixed(1)} s, ${enc.cpuSeconds.toFixed(1)} s CPU)`,
        reference: `${rate(cpSeconds).toFixed(1)} MB/s (cp + sha256sum, ${cpSeconds.toFixed(1)} s)`,
        ratio: rate(enc.seconds) / rate(cpSeconds),
        // Issue 14: 60 MB/s where cp + sha256sum ran at 327 MB/s on the same machine: a ratio of 0.18.
        goal: { atLeast: 60 / 327 },
      },
      {
        // Issue 14's goal as an absolute rate on this corpus; the ratio is ours ÷ 60 MB/s.
        name: 'encrypted import against the goal (≥ 60 MB/s)',
        ours: `${rate(enc.seconds).toFixed(1)} MB/s`,
        reference: '60.0 MB/s goal',
        ratio: rate(enc.seconds) / 60,
        goal: { atLeast: 1 },
      },
      {
        name: 'the same import into an unencrypted vault',
        ours: `${rate(enc.seconds).toFixed(1)} MB/s (encrypted)`,
        reference: `${rate(plainSeconds).toFixed(1)} MB/s (unencrypted, ${plainSeconds.toFixed(1)} s)`,
        ratio: rate(enc.seconds) / rate(plainSeconds),
      },
      {
        name: 'longest main-thread stall during the import',
        ours: `${enc.worst.toFixed(1)} ms`,
        reference: 'aim: ≤ 100 ms',
        ratio: enc.worst / 100,
      },
      {
        name: 'peak RSS of the importing process',
        ours: `${(enc.maxRss / MB).toFixed(0)} MB (${(enc.rssBefore / MB).toFixed(0)} MB before)`,
        reference: `aim: largest file + 300 MB = ${(budget / MB).toFixed(0)} MB`,
        ratio: enc.maxRss / budget,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
