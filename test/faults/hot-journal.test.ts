// Finding 3 of issue 13: after a SIGKILL during `passwd` (rekey runs in rollback-journal
// mode), every read-only command failed with INTERNAL until some write happened to roll the
// hot journal back. Now any open rolls it back first.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { cli, ROOT } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
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

describe('a hot journal left by a crash', () => {
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
