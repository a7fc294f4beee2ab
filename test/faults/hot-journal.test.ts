// Finding 3 of issue 13: after a SIGKILL during `passwd` (rekey runs in rollback-journal
// mode), every read-only command failed with INTERNAL until some write happened to roll the
// hot journal back. Now any open rolls it back first.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { cli, ROOT } from '../helpers/cli';
import { OTHER_PASS, PASS, tmpDir } from '../helpers/tmp';
import { checkVault } from './kill-trials';
import { png } from '../evidence/fixtures';

/** A writer killed mid-transaction in rollback-journal mode, with pages already spilled into the vault file. */
function crashMidWrite(vault: string, passphrase: string): void {
  const script = `
    const D = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers'))});
    const db = new D(${JSON.stringify(vault)});
    db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.key(Buffer.from(${JSON.stringify(passphrase)}));
    db.pragma('journal_mode=DELETE'); db.pragma('cache_size=5');
    db.exec('BEGIN IMMEDIATE');
    db.exec('CREATE TABLE crash_junk(x)');
    const ins = db.prepare('INSERT INTO crash_junk VALUES (randomblob(3000))');
    for (let i = 0; i < 400; i++) ins.run();
    db.exec("UPDATE evidence_items SET note = 'half-written'");
    process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.signal).toBe('SIGKILL');
}

/**
 * A rekey killed after page 1 — with its new salt — reached the vault file, before the commit
 * (the journal still hot). Returns whether that moment was caught.
 */
function killRekeyAfterNewSalt(vault: string, from: string, to: string): Promise<boolean> {
  const oldSalt = fs.readFileSync(vault).subarray(0, 16);
  const script = `
    const D = require(${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3-multiple-ciphers'))});
    const db = new D(${JSON.stringify(vault)});
    db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.key(Buffer.from(${JSON.stringify(from)}));
    db.pragma('journal_mode=DELETE');
    db.rekey(Buffer.from(${JSON.stringify(to)}));`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    let caught = false;
    const head = Buffer.alloc(16);
    const poll = setInterval(() => {
      if (caught) return;
      try {
        const fd = fs.openSync(vault, 'r');
        fs.readSync(fd, head, 0, 16, 0);
        fs.closeSync(fd);
        if (!head.equals(oldSalt) && fs.statSync(`${vault}-journal`).size > 0) {
          caught = true;
          child.kill('SIGKILL');
        }
      } catch {
        /* no journal yet */
      }
    }, 1);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(caught);
    });
  });
}

describe('a hot journal left by a crash', () => {
  it('a passwd killed after the new salt reached page 1: the new passphrase is refused cleanly, the old one opens the vault whole', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    expect(cli(['--vault', vault, 'init'], { env: { XIESHANG_PASSPHRASE: PASS } }).status).toBe(0);
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    // Enough pages that the rekey's writes take a while after page 1.
    for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(src, `f${i}.bin`), randomBytes(3 * 1024 * 1024));
    expect(cli(['--vault', vault, 'import', '--no-ocr', src], { env: { XIESHANG_PASSPHRASE: PASS } }).status).toBe(0);
    let caught = false;
    for (let attempt = 0; attempt < 5 && !caught; attempt++) caught = await killRekeyAfterNewSalt(vault, PASS, OTHER_PASS);
    expect(caught).toBe(true);
    // Before: neither passphrase opened the vault again (the key came from the new salt, the journal needs the old).
    const asNew = cli(['--vault', vault, 'list'], { env: { XIESHANG_PASSPHRASE: OTHER_PASS } });
    expect(asNew.status).toBe(4);
    expect(asNew.stderr).not.toMatch(/INTERNAL/);
    const asOld = cli(['--vault', vault, '--json', 'list'], { env: { XIESHANG_PASSPHRASE: PASS } });
    expect(asOld.stderr).toBe('');
    expect(JSON.parse(asOld.stdout)).toHaveLength(4);
    expect(fs.existsSync(`${vault}-journal`)).toBe(false);
    expect(checkVault(vault, [PASS])).toEqual([]);
  });

  it('is rolled back by the next read-only command; nothing half-written is visible', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    const env = { XIESHANG_PASSPHRASE: PASS };
    expect(cli(['--vault', vault, 'init'], { env }).status).toBe(0);
    const shot = path.join(dir, 'shot.png');
    fs.writeFileSync(shot, await png(30, 60));
    expect(cli(['--vault', vault, 'import', shot], { env }).status).toBe(0);
    crashMidWrite(vault, PASS);
    expect(fs.statSync(`${vault}-journal`).size).toBeGreaterThan(0);

    const list = cli(['--vault', vault, '--json', 'list'], { env });
    expect(list.stderr).toBe('');
    expect(list.status).toBe(0);
    const items = JSON.parse(list.stdout) as { note: string }[];
    expect(items).toHaveLength(1);
    expect(items[0]!.note).toBe('');
    expect(fs.existsSync(`${vault}-journal`)).toBe(false);
    for (const args of [['timeline'], ['search', 'shot'], ['backup', '--out', path.join(dir, 'b.xsv')]]) {
      expect(cli(['--vault', vault, '--json', ...args], { env }).status).toBe(0);
    }
  });

  it('with a wrong passphrase the journal is kept and the right one recovers later', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    expect(cli(['--vault', vault, 'init'], { env: { XIESHANG_PASSPHRASE: PASS } }).status).toBe(0);
    crashMidWrite(vault, PASS);
    const wrong = cli(['--vault', vault, 'list'], { env: { XIESHANG_PASSPHRASE: 'not the passphrase at all' } });
    expect(wrong.status).toBe(4);
    expect(wrong.stderr).not.toMatch(/INTERNAL/);
    expect(fs.statSync(`${vault}-journal`).size).toBeGreaterThan(0);
    const right = cli(['--vault', vault, '--json', 'list'], { env: { XIESHANG_PASSPHRASE: PASS } });
    expect(right.status).toBe(0);
    expect(JSON.parse(right.stdout)).toEqual([]);
  });
});
