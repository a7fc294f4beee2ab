// Bulk imports write through a rollback journal (bulk-writes.ts, issue 14): the vault is in
// DELETE mode while the files go in and back in WAL afterwards (and after a reopen); a
// reader in another connection keeps it in WAL; a kill in the middle of an import leaves a
// whole vault (hot journal rolled back, nothing half-visible, audit chain whole); the vault
// at rest and its backup are one file each.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { importPaths } from '../../main/vault/evidence/import-files';
import { Vault } from '../../main/vault/vault';
import { beginBulkWrites, endBulkWrites } from '../../main/vault/bulk-writes';
import { timelineFeature } from '../../main/vault/timeline/feature';
import { PASS, tmpDir } from '../helpers/tmp';
import { BIN, cli } from '../helpers/cli';
import { jpeg, png, wav, write } from '../evidence/samples';
import { checkVault, runKilled, strayFiles } from '../faults/kill-trials';
import { spawn } from 'node:child_process';

/**
 * A journal SQLite will play back: its header starts with the journal magic, written (and
 * synced) only once the original pages are safe in it, just before the vault's own pages
 * are overwritten. A journal with a zeroed header is ignored by SQLite (nothing in the
 * vault was touched yet).
 */
function journalIsHot(vault: string): boolean {
  try {
    const fd = fs.openSync(`${vault}-journal`, 'r');
    try {
      const head = Buffer.alloc(8);
      return fs.readSync(fd, head, 0, 8, 0) === 8 && head.equals(Buffer.from('d9d505f920a163d7', 'hex'));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Starts a CLI import and SIGKILLs it the moment its rollback journal is hot (inside a commit). */
function killInsideTransaction(vault: string, args: string[], env: NodeJS.ProcessEnv): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--vault', vault, ...args], { env, stdio: 'ignore' });
    let killed = false;
    const poll = setInterval(() => {
      if (!killed && journalIsHot(vault)) {
        killed = true;
        child.kill('SIGKILL');
      }
    }, 1);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(killed);
    });
  });
}

const mode = (v: Vault) => String(v.handle.pragma('journal_mode', { simple: true }));

async function someFiles(dir: string, n: number): Promise<string> {
  const src = path.join(dir, 'src');
  fs.mkdirSync(src);
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) write(src, `shot-${i}.png`, await png(600, 1200, i));
    else if (i % 3 === 1) write(src, `photo-${i}.jpg`, await jpeg(640 + i, 480));
    else write(src, `call-${i}.wav`, wav(150 + i * 20));
  }
  return src;
}

describe('bulk writes: a rollback journal while an import runs', () => {
  it('imports in DELETE mode, returns to WAL after, and WAL persists after a reopen', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    const src = await someFiles(dir, 6);
    const vault = Vault.create(file, PASS, { actor: 'cli' });
    expect(mode(vault)).toBe('wal');
    const seen = new Set<string>();
    const { results } = await importPaths(vault, [src], { ocr: false }, { progress: () => seen.add(mode(vault)), cancelled: () => false });
    expect(results.filter((r) => 'error' in r)).toEqual([]);
    expect(results).toHaveLength(6);
    expect(seen).toEqual(new Set(['delete']));
    expect(mode(vault)).toBe('wal');
    vault.close();
    // At rest: the vault is one file (the lock file is empty and only names a holder while open).
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('v.xsv') && !n.endsWith('.lock'))).toEqual(['v.xsv']);
    const again = Vault.open(file, PASS, { actor: 'cli' });
    expect(mode(again)).toBe('wal');
    expect((again.handle.prepare('SELECT count(*) AS n FROM evidence_items').get() as { n: number }).n).toBe(6);
    expect(again.handle.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(again.verifyAudit().ok).toBe(true);
    // A backup is one encrypted file that opens on its own.
    const out = path.join(dir, 'backup', 'b.xsv');
    again.backup(out);
    again.close();
    expect(fs.readdirSync(path.join(dir, 'backup'))).toEqual(['b.xsv']);
    const copy = Vault.open(out, PASS, { actor: 'cli', readonly: true });
    expect((copy.handle.prepare('SELECT count(*) AS n FROM evidence_items').get() as { n: number }).n).toBe(6);
    copy.close();
  }, 60_000);

  it('stays in WAL while another connection reads the vault, and the import still succeeds', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    const src = await someFiles(dir, 3);
    const vault = Vault.create(file, PASS, { actor: 'cli' });
    const reader = Vault.open(file, PASS, { actor: 'cli', readonly: true });
    try {
      reader.meta('vault_id');
      const seen = new Set<string>();
      const { results } = await importPaths(vault, [src], { ocr: false }, { progress: () => seen.add(mode(vault)), cancelled: () => false });
      expect(results.filter((r) => 'error' in r)).toEqual([]);
      expect(seen).toEqual(new Set(['wal']));
      expect(mode(vault)).toBe('wal');
      // The reader sees the committed items.
      expect((reader.handle.prepare('SELECT count(*) AS n FROM evidence_items').get() as { n: number }).n).toBe(3);
    } finally {
      reader.close();
      vault.close();
    }
  }, 60_000);

  it('call recordings (the app import, import-calls) go through the rollback journal too, and the vault is back in WAL after', async () => {
    const dir = tmpDir();
    const vault = Vault.create(path.join(dir, 'v.xsv'), PASS, { actor: 'cli' });
    try {
      const files = [0, 1, 2].map((i) => write(dir, `0571888999${i}_2026071909301${i}.wav`, wav(40 + i * 10)));
      const seen = new Set<string>();
      const ctx = { vault: () => vault, progress: () => seen.add(mode(vault)), cancelled: () => false };
      const results = await timelineFeature.importCallsFiles(
        ctx,
        files.map((f) => ({ path: f, label: f })),
      );
      expect(results.filter((r) => 'error' in r)).toEqual([]);
      expect(results).toHaveLength(3);
      expect(seen).toEqual(new Set(['delete']));
      expect(mode(vault)).toBe('wal');
    } finally {
      vault.close();
    }
    const dir2 = tmpDir();
    const file = path.join(dir2, 'v.xsv');
    expect(cli(['--vault', file, 'init'], { env: { XIESHANG_PASSPHRASE: PASS } }).status).toBe(0);
    const recs = path.join(dir2, 'recs');
    fs.mkdirSync(recs);
    for (let i = 0; i < 2; i++) write(recs, `0571888999${i}_2026071909301${i}.wav`, wav(30));
    const r = cli(['--vault', file, '--json', 'import-calls', recs], { env: { XIESHANG_PASSPHRASE: PASS } });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    const again = Vault.open(file, PASS, { actor: 'cli' });
    expect(mode(again)).toBe('wal');
    expect(again.verifyAudit().ok).toBe(true);
    again.close();
  }, 60_000);

  it('nested bulk sections switch back only when the last one ends', () => {
    const dir = tmpDir();
    const vault = Vault.create(path.join(dir, 'v.xsv'), PASS, { actor: 'cli' });
    try {
      beginBulkWrites(vault.handle);
      beginBulkWrites(vault.handle);
      expect(mode(vault)).toBe('delete');
      endBulkWrites(vault.handle);
      expect(mode(vault)).toBe('delete');
      endBulkWrites(vault.handle);
      expect(mode(vault)).toBe('wal');
      endBulkWrites(vault.handle); // one too many: nothing happens
      expect(mode(vault)).toBe('wal');
    } finally {
      vault.close();
    }
  });

  it('the rollback journal holds no plaintext (its page images are encrypted like the vault)', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    const vault = Vault.create(file, PASS, { actor: 'cli' });
    const marker = 'PLAINTEXT-MARKER-借呗逾期证据-0123456789';
    try {
      vault.change((db) => {
        const put = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        for (let i = 0; i < 50; i++) put.run(`m${i}`, `${marker} ${i}`);
      });
      beginBulkWrites(vault.handle);
      const db = vault.handle;
      db.exec('BEGIN IMMEDIATE');
      // Changing the pages that hold the marker copies their old content into the journal.
      db.prepare("UPDATE meta SET value = 'changed' WHERE key LIKE 'm%'").run();
      const journal = fs.readFileSync(`${file}-journal`);
      expect(journal.length).toBeGreaterThan(0);
      for (const n of [Buffer.from(marker, 'utf8'), Buffer.from('PLAINTEXT-MARKER', 'utf8'), Buffer.from('借呗逾期证据', 'utf8')]) {
        expect(journal.includes(n), 'the journal contains plaintext').toBe(false);
      }
      db.exec('ROLLBACK');
      endBulkWrites(db);
      expect(vault.meta('m0')).toBe(`${marker} 0`);
    } finally {
      vault.close();
    }
  });

  it('a vault left in DELETE mode (killed between files) is back in WAL at the next writable open', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    const vault = Vault.create(file, PASS, { actor: 'cli' });
    beginBulkWrites(vault.handle);
    vault.close(); // closed without ending the bulk section, as a killed process would leave it
    const again = Vault.open(file, PASS, { actor: 'cli' });
    expect(mode(again)).toBe('wal');
    again.close();
  });

  it('SIGKILL during a CLI import: the vault opens whole, the hot journal is rolled back, then the import completes', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    const env = { ...process.env, XIESHANG_PASSPHRASE: PASS };
    expect(cli(['--vault', vault, 'init'], { env: { XIESHANG_PASSPHRASE: PASS } }).status).toBe(0);
    const src = await someFiles(dir, 24);
    // First a kill that lands inside a write transaction: the journal must be rolled back.
    let sawHotJournal = false;
    for (let attempt = 0; attempt < 5 && !sawHotJournal; attempt++) {
      if (!(await killInsideTransaction(vault, ['import', '--no-ocr', src], env))) break;
      sawHotJournal = journalIsHot(vault);
      const list = cli(['--vault', vault, 'list'], { env: { XIESHANG_PASSPHRASE: PASS } });
      expect(list.stderr).toBe('');
      expect(journalIsHot(vault)).toBe(false);
      expect(checkVault(vault, [PASS], { recordingsAreCalls: false })).toEqual([]);
    }
    expect(sawHotJournal).toBe(true);
    // Then kills at random moments.
    for (const ms of [600 + Math.random() * 400, 1000 + Math.random() * 800, 1600 + Math.random() * 1200]) {
      const finished = await runKilled(BIN, ['--vault', vault, 'import', '--no-ocr', src], env, ms);
      // The first thing a user tries after a crash: a read-only command.
      const list = cli(['--vault', vault, 'list'], { env: { XIESHANG_PASSPHRASE: PASS } });
      expect(list.stderr, `killed after ${Math.round(ms)} ms (finished: ${finished})`).toBe('');
      expect(list.status).toBe(0);
      expect(journalIsHot(vault)).toBe(false);
      expect(checkVault(vault, [PASS], { recordingsAreCalls: false })).toEqual([]);
    }
    // Whatever the kills left, one more import brings every file in, each once.
    const last = cli(['--vault', vault, 'import', '--no-ocr', src], { env: { XIESHANG_PASSPHRASE: PASS } });
    expect(last.status, last.stderr).toBe(0);
    const check = Vault.open(vault, PASS, { actor: 'cli', readonly: true });
    try {
      const n = (check.handle.prepare('SELECT count(DISTINCT sha256) AS n FROM evidence_items WHERE trashed_ms IS NULL').get() as { n: number }).n;
      expect(n).toBe(24);
      const staging = (check.handle.prepare("SELECT count(*) AS n FROM blobs WHERE state != 'stored'").get() as { n: number }).n;
      expect(staging).toBe(0);
    } finally {
      check.close();
    }
    expect(strayFiles(dir)).toEqual([]);
  }, 180_000);
});
