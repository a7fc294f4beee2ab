// Finding 2 of issue 13: only regular files are read. /dev/zero (or a link to it) given to
// `case import` or `--passphrase-file` was read until std::bad_alloc; a FIFO hung
// `import-sms` (holding the writer lock), `case import` and `--passphrase-file`; a folder
// given to `import-sms` answered INTERNAL. Each now answers a clear error at once.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { BIN, ROOT } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';

function run(args: string[], env: Record<string, string> = { XIESHANG_PASSPHRASE: PASS }) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started, killed: r.signal !== null };
}

let dir: string;
let vault: string;
let fifo: string;
let zeroLink: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-regular-'));
  vault = path.join(dir, 'v.xsv');
  expect(run(['--vault', vault, 'init']).status).toBe(0);
  fifo = path.join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  zeroLink = path.join(dir, 'zero-link.json');
  fs.symlinkSync('/dev/zero', zeroLink);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const clearly = (r: ReturnType<typeof run>, code: RegExp = /BAD_INPUT|USAGE/) => {
  expect(r.killed, 'the command hung').toBe(false);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(code);
  expect(r.stderr).not.toMatch(/INTERNAL/);
  expect(r.ms).toBeLessThan(10_000);
};

describe('only regular files are read', () => {
  it('--passphrase-file: /dev/zero, a link to it and a FIFO are refused at once', () => {
    for (const f of ['/dev/zero', zeroLink, fifo]) clearly(run(['--vault', vault, '--passphrase-file', f, 'list'], {}), /USAGE/);
  });

  it('case import: /dev/zero, a link to it, a FIFO and a folder are refused', () => {
    for (const f of ['/dev/zero', zeroLink, fifo, dir]) clearly(run(['--vault', vault, 'case', 'import', f]));
  });

  it('import-sms: a FIFO and a folder are refused, and the writer lock is not left held', () => {
    for (const f of [fifo, dir, '/dev/zero']) clearly(run(['--vault', vault, 'import-sms', f]));
    expect(fs.existsSync(`${vault}.lock`)).toBe(false);
    expect(run(['--vault', vault, 'list']).status).toBe(0);
  });

  it('import and import-calls: a FIFO, /dev/zero and a link to it are reported per file, nothing read', () => {
    for (const cmd of ['import', 'import-calls']) {
      const r = run(['--vault', vault, '--json', cmd, fifo, '/dev/zero', zeroLink]);
      expect(r.killed, `${cmd} hung`).toBe(false);
      expect([2, 3]).toContain(r.status);
      const out = JSON.parse(r.stdout) as { error?: { code: string } }[];
      expect(out).toHaveLength(3);
      for (const o of out) expect(o.error?.code).toBe('NOT_A_FILE');
    }
  });

  it('a passphrase file above 64 KiB is refused (read whole, so capped)', () => {
    const big = path.join(tmpDir(), 'pass.txt');
    fs.writeFileSync(big, 'x'.repeat(70 * 1024));
    clearly(run(['--vault', vault, '--passphrase-file', big, 'list'], {}), /USAGE/);
  });
});
