// Deliverable 3 of issue 13: restore from a backup. The backup must open with the passphrase
// and pass integrity_check and the audit chain before anything is replaced; the replaced
// vault is kept beside it (0600); refused while another process holds the vault.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { cli, ROOT } from '../helpers/cli';
import { bundle } from '../helpers/bundle';
import { OTHER_PASS, PASS, tmpDir } from '../helpers/tmp';
import { rawOpen } from '../evidence/fixtures';

const env = { XIESHANG_PASSPHRASE: PASS };
const json = <T>(r: { stdout: string }) => JSON.parse(r.stdout) as T;

function vaultWithBackup() {
  const dir = tmpDir();
  const vault = path.join(dir, 'v.xsv');
  const backup = path.join(dir, 'b.xsv');
  const note = (text: string) => {
    const f = path.join(dir, `${text}.txt`);
    fs.writeFileSync(f, text);
    expect(cli(['--vault', vault, 'import', f], { env }).status).toBe(0);
  };
  expect(cli(['--vault', vault, 'init'], { env }).status).toBe(0);
  note('before-backup');
  expect(cli(['--vault', vault, 'backup', '--out', backup], { env }).status).toBe(0);
  note('after-backup');
  return { dir, vault, backup };
}

const names = (vault: string) =>
  json<{ name: string }[]>(cli(['--vault', vault, '--json', 'list'], { env }))
    .map((i) => i.name)
    .sort();

describe('xieshang restore --from', () => {
  it('replaces the vault with a checked backup and keeps the replaced file beside it', () => {
    const { dir, vault, backup } = vaultWithBackup();
    expect(names(vault)).toEqual(['after-backup.txt', 'before-backup.txt']);
    const r = cli(['--vault', vault, '--json', 'restore', '--from', backup], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = json<{ restored: boolean; from: string; previousKeptAs: string }>(r);
    expect(doc).toEqual({ restored: true, from: backup, previousKeptAs: expect.stringMatching(/v\.before-restore-\d{8}T\d{6}Z\.xsv$/) });
    expect(names(vault)).toEqual(['before-backup.txt']);
    expect(names(doc.previousKeptAs)).toEqual(['after-backup.txt', 'before-backup.txt']);
    expect(fs.statSync(vault).mode & 0o777).toBe(0o600);
    expect(fs.statSync(doc.previousKeptAs).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
    // The restored vault still verifies and its audit chain is whole.
    const db = rawOpen(vault);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'vault.restore'").get()).toEqual({ n: 1 });
    db.close();
    expect(cli(['--vault', vault, 'verify'], { env }).status).toBe(0);
  });

  it('refuses a backup under another passphrase, a tampered audit chain, a damaged file and a photo; the vault is untouched', () => {
    const { dir, vault, backup } = vaultWithBackup();
    const before = fs.readFileSync(vault);
    expect(cli(['--vault', vault, 'restore', '--from', backup], { env: { XIESHANG_PASSPHRASE: OTHER_PASS } }).status).toBe(4);
    const tampered = path.join(dir, 'tampered.xsv');
    fs.copyFileSync(backup, tampered);
    const db = rawOpen(tampered);
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string }[])
      db.exec(`DROP TRIGGER "${name}"`);
    db.prepare("UPDATE audit_log SET action = 'evidence.nothing' WHERE id = (SELECT max(id) FROM audit_log)").run();
    db.close();
    const t = cli(['--vault', vault, 'restore', '--from', tampered], { env });
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/审计记录链.*\[BACKUP_INVALID\]/);
    const cut = path.join(dir, 'cut.xsv');
    fs.writeFileSync(cut, fs.readFileSync(backup).subarray(0, 4096 * 3 + 100));
    expect(cli(['--vault', vault, 'restore', '--from', cut], { env }).stderr).toMatch(/BACKUP_INVALID/);
    const photo = path.join(dir, 'photo.jpg');
    fs.writeFileSync(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]));
    expect(cli(['--vault', vault, 'restore', '--from', photo], { env }).stderr).toMatch(/BACKUP_INVALID/);
    expect(fs.readFileSync(vault).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('is refused while another process holds the vault', async () => {
    const { vault, backup } = vaultWithBackup();
    const holder = bundle(path.join(ROOT, 'test/fixtures/hold-vault.ts'), tmpDir());
    const child = spawn(process.execPath, [holder, vault], { env: { ...process.env, ...env, NODE_PATH: path.join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
    });
    try {
      const r = cli(['--vault', vault, 'restore', '--from', backup], { env });
      expect(r.status).toBe(5);
      expect(r.stderr).toMatch(/VAULT_IN_USE/);
    } finally {
      child.kill();
    }
  });
});
