// scripts/electron-native.mjs with a stand-in node-gyp: it must build in a COPY, pass
// Electron's target and headers, ignore npm's nodedir, and on failure change nothing —
// above all not the Node build in node_modules that tests and the CLI load.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'electron-native.mjs');
const nodeBuild = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');

const FAKE_GYP_OK = `
const fs = require('node:fs');
const path = require('node:path');
fs.writeFileSync(path.join(process.env.FAKE_GYP_LOG), JSON.stringify({
  cwd: process.cwd(), args: process.argv.slice(2), nodedir: process.env.npm_config_nodedir ?? null,
  hasBuildDir: fs.existsSync(path.join(process.cwd(), 'build')), hasBindingGyp: fs.existsSync('binding.gyp'),
}));
fs.mkdirSync('build/Release', { recursive: true });
fs.writeFileSync('build/Release/better_sqlite3.node', 'fake electron build');
`;
const FAKE_GYP_OFFLINE = `
console.error('gyp ERR! stack Error: This is most likely not a problem with node-gyp or the package itself and');
console.error('gyp ERR! stack is related to network connectivity.');
process.exit(1);
`;

function fingerprint(file: string): string {
  if (!fs.existsSync(file)) return 'absent';
  const stat = fs.statSync(file);
  return `${stat.size}:${stat.mtimeMs}:${crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
}

describe('scripts/electron-native.mjs', () => {
  let work: string;
  const before = fingerprint(nodeBuild);

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-native-test-'));
    fs.writeFileSync(path.join(work, 'gyp-ok.cjs'), FAKE_GYP_OK);
    fs.writeFileSync(path.join(work, 'gyp-offline.cjs'), FAKE_GYP_OFFLINE);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const run = (gyp: string, out: string, extra: string[] = []) =>
    spawnSync(process.execPath, [script, `--node-gyp=${path.join(work, gyp)}`, `--out=${out}`, '--target=45.4.1', '--abi=150', ...extra], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FAKE_GYP_LOG: path.join(work, 'gyp-log.json'), npm_config_nodedir: '/usr' },
      timeout: 60_000,
    });

  it('on failure (offline): one clear message, exit 1, nothing created, Node build untouched', () => {
    const out = path.join(work, 'native-offline');
    const result = run('gyp-offline.cjs', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('无法下载 Electron 45.4.1 的头文件');
    expect(result.stderr).toContain('Could not download the Electron 45.4.1 headers');
    expect(fs.existsSync(out)).toBe(false);
    expect(fingerprint(nodeBuild)).toBe(before);
    const leftovers = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('xieshang-electron-native-'));
    expect(leftovers.filter((n) => fs.statSync(path.join(os.tmpdir(), n)).mtimeMs > Date.now() - 60_000)).toEqual([]);
  }, 60_000);

  it('on success: builds in a copy with Electron’s target and headers, writes native/electron-<abi>/', () => {
    const out = path.join(work, 'native-ok');
    const result = run('gyp-ok.cjs', out);
    expect(result.status, result.stderr).toBe(0);
    const built = path.join(out, 'electron-150', 'better_sqlite3.node');
    expect(fs.readFileSync(built, 'utf8')).toBe('fake electron build');
    const info = JSON.parse(fs.readFileSync(path.join(out, 'electron-150', 'build-info.json'), 'utf8'));
    expect(info).toMatchObject({ electron: '45.4.1', abi: '150', arch: process.arch });

    const log = JSON.parse(fs.readFileSync(path.join(work, 'gyp-log.json'), 'utf8'));
    expect(log.cwd.startsWith(path.join(root, 'node_modules'))).toBe(false);
    expect(log.hasBindingGyp).toBe(true);
    expect(log.hasBuildDir).toBe(false); // the Node build is not even copied
    expect(log.nodedir).toBeNull(); // npm's nodedir would mean Node headers, not Electron's
    expect(log.args).toEqual(expect.arrayContaining(['rebuild', '--target=45.4.1', '--dist-url=https://electronjs.org/headers']));
    expect(fingerprint(nodeBuild)).toBe(before);

    // Present already: a no-op unless --force.
    const again = run('gyp-offline.cjs', out);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already present');
  }, 60_000);
});
