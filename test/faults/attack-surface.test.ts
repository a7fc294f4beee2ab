// Findings 4 of issue 13: folder import follows links only inside the folder; names with
// terminal escapes are never printed raw; a recording dated 2099 is not believed; the harness
// answers 405/400, not 500, to TRACE on a vault route and to a malformed percent-encoded path.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { walkPaths } from '../../main/vault/evidence/walk';
import { startHarness, type Harness } from '../../main/harness/server';
import { cli } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
import { wav } from '../timeline/fixtures';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

describe('folder import and links', () => {
  it('a link inside the folder to a file outside is reported, never imported; a link inside stays', () => {
    const outside = tmpDir();
    const secret = path.join(outside, 'id_ed25519');
    fs.writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----');
    const folder = tmpDir();
    fs.writeFileSync(path.join(folder, 'shot.txt'), '截图');
    fs.symlinkSync(secret, path.join(folder, 'key-link'));
    fs.symlinkSync(outside, path.join(folder, 'dir-link'));
    fs.symlinkSync(path.join(folder, 'shot.txt'), path.join(folder, 'inside-link.txt'));
    const entries = walkPaths([folder]);
    const byName = Object.fromEntries(entries.map((e) => [path.basename(e.path), 'error' in e ? e.error.code : 'ok']));
    expect(byName).toEqual({ 'dir-link': 'SYMLINK_OUTSIDE', 'inside-link.txt': 'ok', 'key-link': 'SYMLINK_OUTSIDE', 'shot.txt': 'ok' });
    // Named explicitly, a link is the user's own choice and is followed.
    expect(walkPaths([path.join(folder, 'key-link')])[0]).toMatchObject({ size: secret.length > 0 ? expect.any(Number) : 0 });
  });
});

describe('names from outside, printed by the CLI', () => {
  it('escape sequences in a recording name never reach the terminal raw; a name dated 2099 is not believed', () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    const env = { XIESHANG_PASSPHRASE: PASS };
    expect(cli(['--vault', vault, 'init'], { env }).status).toBe(0);
    const evil = path.join(dir, '\u001b]0;pwned\u0007\u001b[2J95188_20241018143022.wav');
    fs.writeFileSync(evil, wav(2, 3));
    const future = path.join(dir, '95188_20990101120000.wav');
    fs.writeFileSync(future, wav(2, 4));
    const r = cli(['--vault', vault, 'import-calls', evil, future], { env });
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
    const at = JSON.parse(cli(['--vault', vault, '--json', 'import-calls', future], { env }).stdout) as { at: string }[];
    expect(at[0]!.at.startsWith('2099')).toBe(false);
    for (const args of [['timeline'], ['list'], ['--json', 'timeline'], ['--json', 'list']]) {
      const out = cli(['--vault', vault, ...args], { env });
      expect(out.status).toBe(0);
      expect(out.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
      expect(out.stdout).not.toMatch(/2099-01-01/);
    }
  });
});

describe('the harness', () => {
  it('answers 405 to TRACE on a vault route and 400 to a malformed percent-encoded RPC path', async () => {
    const rendererDir = tmpDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const bridgeFile = path.join(rendererDir, 'bridge.js');
    fs.writeFileSync(bridgeFile, '');
    const harness = await startHarness({ dataDir: tmpDir(), rendererDir, bridgeFile });
    harnesses.push(harness);
    const granted = await fetch(`http://127.0.0.1:${harness.port}/__harness/vault-cookie`, { method: 'POST', headers: { 'x-xieshang-token': harness.token } });
    const jar = granted.headers.get('set-cookie')!.split(';')[0]!;
    const status = (method: string, p: string, headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: harness.port, method, path: p, headers: { host: `127.0.0.1:${harness.port}`, ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('TRACE', '/vault/original/0123456789abcdef', { cookie: jar })).toBe(405);
    expect(await status('PUT', '/vault/original/0123456789abcdef', { cookie: jar })).toBe(405);
    expect(await status('POST', '/rpc/vault%3Astatus%E0%A4%A', { 'x-xieshang-token': harness.token })).toBe(400);
    expect(await status('POST', '/rpc/%', { 'x-xieshang-token': harness.token })).toBe(400);
  });
});
