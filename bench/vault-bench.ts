// Vault benchmark: unlock (key derivation) time, and encrypted vs unencrypted write/read
// throughput of 200 KB blobs through the same library. Figures, never pass/fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../main/vault/vault';
import type { BenchRow } from './report';

const PASS = 'benchmark passphrase 口令';
const BLOB = 200 * 1024;
const COUNT = 500;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function throughput(db: Database.Database, blobs: Buffer[]): { writeMBs: number; readMBs: number } {
  db.exec('CREATE TABLE IF NOT EXISTS b (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO b (data) VALUES (?)');
  const t0 = performance.now();
  db.transaction(() => {
    for (const blob of blobs) insert.run(blob);
  })();
  const t1 = performance.now();
  let bytes = 0;
  for (const row of db.prepare('SELECT data FROM b').iterate() as IterableIterator<{ data: Buffer }>) bytes += row.data.length;
  const t2 = performance.now();
  const mb = (BLOB * blobs.length) / 1e6;
  if (bytes !== BLOB * blobs.length) throw new Error('read back the wrong number of bytes');
  return { writeMBs: mb / ((t1 - t0) / 1000), readMBs: mb / ((t2 - t1) / 1000) };
}

export function runVaultBench(): BenchRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-bench-'));
  try {
    const blobs = Array.from({ length: COUNT }, () => randomBytes(BLOB));
    const file = path.join(dir, 'v.xsv');
    Vault.create(file, PASS, { actor: 'cli' }).close();
    const opens: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      Vault.open(file, PASS, { actor: 'cli', readonly: true }).close();
      opens.push(performance.now() - t);
    }
    const plainOpens: number[] = [];
    const plainFile = path.join(dir, 'plain.db');
    new Database(plainFile).close();
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const d = new Database(plainFile);
      d.prepare('SELECT count(*) FROM sqlite_master').get();
      d.close();
      plainOpens.push(performance.now() - t);
    }

    const enc = Vault.open(file, PASS, { actor: 'cli' });
    const e = throughput(enc.handle, blobs);
    enc.close();
    const plain = new Database(plainFile);
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = FULL');
    const p = throughput(plain, blobs);
    plain.close();

    return [
      {
        name: 'unlock (open + key derivation), median of 5',
        ours: `${median(opens).toFixed(0)} ms`,
        reference: `${median(plainOpens).toFixed(1)} ms (unencrypted open)`,
        ratio: median(opens) / median(plainOpens),
      },
      {
        name: `write ${COUNT} × 200 KB blobs, one transaction`,
        ours: `${e.writeMBs.toFixed(0)} MB/s (SQLCipher v4)`,
        reference: `${p.writeMBs.toFixed(0)} MB/s (no encryption)`,
        ratio: e.writeMBs / p.writeMBs,
      },
      {
        name: `read ${COUNT} × 200 KB blobs`,
        ours: `${e.readMBs.toFixed(0)} MB/s (SQLCipher v4)`,
        reference: `${p.readMBs.toFixed(0)} MB/s (no encryption)`,
        ratio: e.readMBs / p.readMBs,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
