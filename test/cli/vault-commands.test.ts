import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { cli } from '../helpers/cli';
import { tmpDir, PASS, OTHER_PASS } from '../helpers/tmp';

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const env = { XIESHANG_PASSPHRASE: PASS };

function initVault(dir = tmpDir()): string {
  const file = path.join(dir, 'v.xsv');
  const r = cli(['init', '--vault', file, '--json'], { env });
  expect(r.status, r.stderr).toBe(0);
  return file;
}

describe('xieshang init', () => {
  it('creates a vault and prints exactly {"vault","created"} with --json', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'sub', 'v.xsv');
    const r = cli(['--json', 'init', '--vault', file], { env });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ vault: file, created: true });
    expect(r.stderr).toBe('');
    expect(fs.existsSync(file)).toBe(true);
  });

  it('uses the default vault in the user data folder', () => {
    const dataDir = tmpDir();
    const r = cli(['init', '--json'], { env: { ...env, XIESHANG_DATA_DIR: dataDir } });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).vault).toBe(path.join(dataDir, 'vault.xsv'));
  });

  it('refuses when the file exists (exit 2), leaving it untouched', () => {
    const file = initVault();
    const before = sha(file);
    const r = cli(['init', '--vault', file], { env });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('证据箱文件已存在，不会覆盖 [VAULT_EXISTS]');
    expect(r.stdout).toBe('');
    expect(sha(file)).toBe(before);
  });

  it('needs a passphrase from the environment or a file: missing → exit 2', () => {
    const file = path.join(tmpDir(), 'v.xsv');
    const r = cli(['init', '--vault', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[PASSPHRASE_MISSING]');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('never takes the passphrase as a plain argument', () => {
    const file = path.join(tmpDir(), 'v.xsv');
    const r = cli(['init', '--vault', file, '--passphrase', PASS]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[USAGE]');
    expect(r.stderr).not.toContain(PASS);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reads --passphrase-file (a trailing newline is not part of it)', () => {
    const dir = tmpDir();
    const pf = path.join(dir, 'pass.txt');
    fs.writeFileSync(pf, `${PASS}\n`);
    const file = path.join(dir, 'v.xsv');
    expect(cli(['init', '--vault', file, '--passphrase-file', pf]).status).toBe(0);
    // The same passphrase from the environment opens it.
    expect(cli(['backup', '--vault', file, '--out', path.join(dir, 'b.xsv')], { env }).status).toBe(0);
  });

  it('refuses a too short passphrase (exit 2) and creates nothing', () => {
    const file = path.join(tmpDir(), 'v.xsv');
    const r = cli(['init', '--vault', file, '--json'], { env: { XIESHANG_PASSPHRASE: 'short' } });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'PASSPHRASE_TOO_SHORT', message: '口令太短：至少需要 10 个字符' } });
    expect(r.stdout).toBe('');
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('xieshang passwd', () => {
  it('changes the passphrase: {"ok":true}, then only the new one works', () => {
    const file = initVault();
    const nf = path.join(path.dirname(file), 'new.txt');
    fs.writeFileSync(nf, OTHER_PASS);
    const r = cli(['passwd', '--vault', file, '--new-passphrase-file', nf, '--json'], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true });
    const out = path.join(path.dirname(file), 'b.xsv');
    expect(cli(['backup', '--vault', file, '--out', out], { env }).status).toBe(4);
    expect(cli(['backup', '--vault', file, '--out', out], { env: { XIESHANG_PASSPHRASE: OTHER_PASS } }).status).toBe(0);
  });

  it('a wrong passphrase exits 4 and leaves the vault byte-identical', () => {
    const file = initVault();
    const nf = path.join(path.dirname(file), 'new.txt');
    fs.writeFileSync(nf, OTHER_PASS);
    const before = sha(file);
    const r = cli(['passwd', '--vault', file, '--new-passphrase-file', nf], { env: { XIESHANG_PASSPHRASE: 'not the right one at all' } });
    expect(r.status).toBe(4);
    expect(r.stderr.trim()).toBe('口令错误，或者文件已损坏（两者无法区分） [WRONG_PASSPHRASE]');
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['new.txt', 'v.xsv']);
  });

  it('needs --new-passphrase-file (exit 2)', () => {
    const file = initVault();
    const r = cli(['passwd', '--vault', file], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--new-passphrase-file');
  });
});

describe('xieshang backup', () => {
  it('prints {"out","bytes"} and the copy opens with the same passphrase', () => {
    const file = initVault();
    const out = path.join(path.dirname(file), 'copy.xsv');
    const r = cli(['backup', '--vault', file, '--out', out, '--json'], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ out, bytes: fs.statSync(out).size });
    expect(cli(['backup', '--vault', out, '--out', path.join(path.dirname(file), 'copy2.xsv')], { env }).status).toBe(0);
  });

  it('never overwrites an existing output (exit 2)', () => {
    const file = initVault();
    const out = path.join(path.dirname(file), 'exists.xsv');
    fs.writeFileSync(out, 'keep me');
    const r = cli(['backup', '--vault', file, '--out', out], { env });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[OUTPUT_EXISTS]');
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
  });
});

describe('vault problems exit 5 with a clear message and touch nothing', () => {
  it('missing vault', () => {
    const r = cli(['backup', '--vault', path.join(tmpDir(), 'none.xsv'), '--out', path.join(tmpDir(), 'b.xsv')], { env });
    expect(r.status).toBe(5);
    expect(r.stderr.trim()).toBe('找不到证据箱文件 [VAULT_MISSING]');
  });

  it('a file that is not a vault', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'photo.xsv');
    fs.writeFileSync(file, Buffer.from('\xff\xd8\xff\xe0 not a vault at all '.repeat(500), 'latin1'));
    const before = sha(file);
    const r = cli(['passwd', '--vault', file, '--new-passphrase-file', file, '--json'], { env });
    expect(r.status).toBe(5);
    expect(JSON.parse(r.stderr).error).toEqual({ code: 'NOT_A_VAULT_KIND', message: '这不是证据箱文件（看起来是 JPEG 图片）。请选择你的证据箱文件（.xsv）' });
    expect(sha(file)).toBe(before);
  });

  it('a truncated vault', () => {
    const file = initVault();
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1000));
    const before = sha(file);
    const r = cli(['backup', '--vault', file, '--out', path.join(path.dirname(file), 'b.xsv')], { env });
    expect(r.status).toBe(5);
    expect(r.stderr).toContain('[VAULT_DAMAGED]');
    expect(sha(file)).toBe(before);
  });
});

describe('help and usage', () => {
  it('--help lists every command and the exit codes', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const name of ['init', 'passwd', 'backup']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('XIESHANG_PASSPHRASE');
  });

  it('an unknown command exits 2 with the error format', () => {
    const r = cli(['frobnicate', '--json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stderr).error.code).toBe('USAGE');
    expect(r.stdout).toBe('');
  });
});

describe('argument parsing', () => {
  it('a negative value after an option reaches the validator, which names the problem (exit 2)', () => {
    const r = cli(['calc', 'penalty', '--principal', '-5', '--daily-rate', '0.0005', '--days', '3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不能为负数');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('parser errors are one line', () => {
    const r = cli(['calc', 'penalty', '--bogus', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
