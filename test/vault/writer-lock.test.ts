import fs from 'node:fs';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, it, expect, afterEach } from 'vitest';
import { Vault } from '../../main/vault/vault';
import { WriterLock, lockPathFor, isProcessAlive } from '../../main/vault/writer-lock';
import { tmpDir, PASS } from '../helpers/tmp';
import { bundle } from '../helpers/bundle';
import { cli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '..', '..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

function holdVault(file: string): Promise<ChildProcess> {
  const script = bundle(path.join(ROOT, 'test/fixtures/hold-vault.ts'), path.dirname(file));
  const child = spawn(process.execPath, [script, file], {
    env: { ...process.env, XIESHANG_PASSPHRASE: PASS, NODE_PATH: path.join(ROOT, 'node_modules') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
  });
}

function makeVault(): string {
  const file = path.join(tmpDir(), 'v.xsv');
  Vault.create(file, PASS, { actor: 'app' }).close();
  return file;
}

describe('single-writer lock', () => {
  it('a second writer in the same process is refused', () => {
    const file = makeVault();
    const v = Vault.open(file, PASS, { actor: 'app' });
    expect(() => Vault.open(file, PASS, { actor: 'cli' })).toThrow(expect.objectContaining({ code: 'VAULT_IN_USE' }));
    v.close();
    Vault.open(file, PASS, { actor: 'cli' }).close();
  });

  it('another process holding the vault makes the CLI answer "vault in use" (exit 5), readers still work', async () => {
    const file = makeVault();
    const holder = await holdVault(file);
    const newPass = path.join(path.dirname(file), 'new.txt');
    fs.writeFileSync(newPass, 'a brand new passphrase\n');
    const r = cli(['passwd', '--vault', file, '--new-passphrase-file', newPass], { env: { XIESHANG_PASSPHRASE: PASS } });
    expect(r.status).toBe(5);
    expect(r.stderr).toContain('[VAULT_IN_USE]');
    // Backup is a reader: it works while the app holds the vault.
    const out = path.join(path.dirname(file), 'b.xsv');
    const b = cli(['backup', '--vault', file, '--out', out, '--json'], { env: { XIESHANG_PASSPHRASE: PASS } });
    expect(b.status).toBe(0);
    expect(JSON.parse(b.stdout)).toEqual({ out, bytes: fs.statSync(out).size });
    holder.kill('SIGTERM');
  });

  it('a lock left by a killed process never locks the user out', async () => {
    const file = makeVault();
    const holder = await holdVault(file);
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
    holder.kill('SIGKILL');
    await new Promise((r) => holder.on('exit', r));
    expect(fs.existsSync(lockPathFor(file))).toBe(true); // left behind by the crash
    expect(isProcessAlive(holder.pid!)).toBe(false);
    const v = Vault.open(file, PASS, { actor: 'app' });
    v.close();
    expect(fs.existsSync(lockPathFor(file))).toBe(false);
  });

  it('an empty lock file from a crash between create and write is taken over once old', () => {
    const file = makeVault();
    const lock = lockPathFor(file);
    fs.writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    WriterLock.acquire(file).release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('release only removes a lock that is still ours', () => {
    const file = makeVault();
    const lock = WriterLock.acquire(file);
    fs.writeFileSync(lockPathFor(file), JSON.stringify({ pid: 1, host: 'elsewhere', token: 'theirs' }));
    lock.release();
    expect(fs.existsSync(lockPathFor(file))).toBe(true);
  });
});
