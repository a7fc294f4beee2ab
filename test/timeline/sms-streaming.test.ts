// The one large-file test: 100,000 messages (~30 MB) streamed in bounded memory. The
// throughput figures are in the benchmark (bench/timeline-bench.ts), not here.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, expect, it } from 'vitest';
import { importSmsBackup } from '../../main/vault/timeline/sms-import';
import { fileSource } from '../../main/vault/timeline/xml-text';
import { writeSmsBackup } from '../../bench/timeline-bench';
import type { Vault } from '../../main/vault/vault';
import { makeVault } from './fixtures';

let v: Vault | null = null;
afterEach(() => v?.close());

it('imports a 100,000-message backup without holding the file in memory', { timeout: 240_000 }, () => {
  const made = makeVault();
  v = made.vault;
  const file = path.join(made.dir, 'big.xml');
  const size = writeSmsBackup(file, 100_000);
  expect(size).toBeGreaterThan(25 * 2 ** 20);

  // Live memory, not garbage: collect before measuring (the flag can be set at run time).
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const base = process.memoryUsage();
  let peakHeap = 0;
  let peakBuffers = 0;
  let reports = 0;
  const r = importSmsBackup(v, fileSource(file), {
    name: 'big.xml',
    progress: () => {
      if (reports++ % 8 !== 0) return;
      gc();
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed - base.heapUsed);
      peakBuffers = Math.max(peakBuffers, m.arrayBuffers - base.arrayBuffers);
    },
  });
  console.log(`live heap growth ${(peakHeap / 2 ** 20).toFixed(1)} MiB, buffers ${(peakBuffers / 2 ** 20).toFixed(1)} MiB, file ${(size / 2 ** 20).toFixed(1)} MiB`);
  expect(r).toMatchObject({ imported: 100_000, skipped: 0, messages: null });
  expect(reports).toBeGreaterThan(100); // one per 256 KB chunk
  // Bounded: live Buffers and heap stay at a few chunks' worth; a whole-file read would
  // need the file's size in Buffers and about twice that in string.
  expect(peakBuffers).toBeLessThan(4 * 2 ** 20);
  expect(peakHeap).toBeLessThan(8 * 2 ** 20);
  expect((v.handle.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n).toBe(100_000);
  fs.rmSync(file);
});
