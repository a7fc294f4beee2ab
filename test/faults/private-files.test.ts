// Findings 3 and 5 of issue 13: partial files in one private place, cleaned at the next start;
// everything the app writes is 0600 (folders 0700) under the usual umask 022.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { BIN, ROOT, cli } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
import { PARTIAL_DIR_NAME } from '../../main/partial-files';

const mode = (f: string) => fs.statSync(f).mode & 0o777;

/** The CLI under umask 022, as a shell would start it. */
function cliUmask(args: string[], env: Record<string, string> = { XIESHANG_PASSPHRASE: PASS }) {
  const r = spawnSync('/bin/sh', ['-c', 'umask 022; exec "$0" "$@"', process.execPath, BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No partial place, and no partial-looking file, anywhere under dir. */
function strays(dir: string): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    if (name.includes(PARTIAL_DIR_NAME) || /\.part$|partial-|creating-|-journal$/.test(name)) out.push(name);
  }
  return out;
}

describe('private files', () => {
  it('vault, backup, exported original and package are 0600 and new folders 0700 under umask 022', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'new-folder', 'v.xsv');
    expect(cliUmask(['--vault', vault, 'init']).status).toBe(0);
    expect(mode(vault)).toBe(0o600);
    expect(mode(path.dirname(vault))).toBe(0o700);
    const file = path.join(dir, 'note.txt');
    fs.writeFileSync(file, '催收电话记录 2024-10-18');
    const imported = JSON.parse(cliUmask(['--vault', vault, '--json', 'import', file]).stdout) as { id: string }[];
    const backup = path.join(dir, 'backups', 'b.xsv');
    expect(cliUmask(['--vault', vault, 'backup', '--out', backup]).status).toBe(0);
    expect(mode(backup)).toBe(0o600);
    expect(mode(path.dirname(backup))).toBe(0o700);
    const exported = path.join(dir, 'out', 'note.txt');
    expect(cliUmask(['--vault', vault, 'export-evidence', imported[0]!.id, '--out', exported]).status).toBe(0);
    expect(mode(exported)).toBe(0o600);
    const demo = path.join(dir, 'demo');
    expect(cliUmask(['demo', '--out', demo], {}).status).toBe(0);
    expect(mode(path.join(demo, 'demo.vault'))).toBe(0o600);
    expect(mode(path.join(demo, 'demo-application.pdf'))).toBe(0o600);
    expect(strays(dir)).toEqual([]);
  }, 120_000);

  it('a backup killed mid-copy leaves its partial only in the private place, removed by the next open', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    const env = { XIESHANG_PASSPHRASE: PASS };
    expect(cli(['--vault', vault, 'init'], { env }).status).toBe(0);
    const big = path.join(dir, 'big.bin');
    fs.writeFileSync(big, randomBytes(40 * 1024 * 1024));
    expect(cli(['--vault', vault, 'import', big], { env }).status).toBe(0);
    const out = path.join(dir, 'backups', 'b.xsv');
    const place = path.join(dir, 'backups', PARTIAL_DIR_NAME);
    const child = spawn(process.execPath, [BIN, '--vault', vault, 'backup', '--out', out], { env: { ...process.env, ...env }, cwd: ROOT });
    const exited = new Promise((r) => child.on('exit', r));
    let seen: string[] = [];
    for (let i = 0; i < 4000 && seen.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 5));
      try {
        seen = fs.readdirSync(place).filter((n) => fs.statSync(path.join(place, n)).size > 0);
      } catch {
        /* not yet */
      }
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen.length).toBe(1);
    expect(mode(place)).toBe(0o700);
    expect(fs.existsSync(out)).toBe(false);
    // Nothing beside the target: the partial is inside the private place only.
    expect(fs.readdirSync(path.dirname(out))).toEqual([PARTIAL_DIR_NAME]);
    // The next start that writes there (another backup) removes the dead process's partial.
    expect(cli(['--vault', vault, 'backup', '--out', out], { env }).status).toBe(0);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['b.xsv']);
  }, 120_000);

  it('the next open of a vault removes partials of dead processes beside it, and old-style leftovers', () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    const env = { XIESHANG_PASSPHRASE: PASS };
    expect(cli(['--vault', vault, 'init'], { env }).status).toBe(0);
    fs.mkdirSync(path.join(dir, PARTIAL_DIR_NAME), { mode: 0o700 });
    fs.writeFileSync(path.join(dir, PARTIAL_DIR_NAME, '999999999-abcdef-pkg.pdf.part'), 'plaintext of evidence');
    const legacy = [`.pkg.pdf.0123abcd.part`, `.v.xsv.partial-${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`];
    const old = new Date(Date.now() - 3600_000);
    for (const name of legacy) {
      fs.writeFileSync(path.join(dir, name), 'x');
      fs.utimesSync(path.join(dir, name), old, old);
    }
    expect(cli(['--vault', vault, 'list'], { env }).status).toBe(0);
    // (A reader leaves the WAL's -wal and -shm, as SQLite does; they are no partial files.)
    expect(fs.readdirSync(dir).filter((n) => !/-(?:wal|shm)$/.test(n))).toEqual(['v.xsv']);
  });
});
