// The fast sample of SIGKILL trials that `npm test` runs (the bench runs ≥ 100): a killed
// import-calls never leaves a recording without its timeline entry (finding of issue 13),
// a killed passwd leaves a vault every read-only command can open, a killed backup leaves
// no stray file once the next command ran; and the bench's own trial loop once over each
// operation it kills (import, SMS, calls, passwd, backup, restore, case import, package
// build, edits), with all of its checks.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { BIN, cli } from '../helpers/cli';
import { OTHER_PASS, PASS, tmpDir } from '../helpers/tmp';
import { wav } from '../timeline/fixtures';
import { checkVault, runKilled, strayFiles } from './kill-trials';

const env = (pass = PASS) => ({ ...process.env, XIESHANG_PASSPHRASE: pass });

describe('SIGKILL at random moments (fast sample)', () => {
  it('import-calls, passwd and backup: vault whole, audit chain whole, no orphan recording, no stray file', async () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    expect(cli(['--vault', vault, 'init'], { env: { XIESHANG_PASSPHRASE: PASS } }).status).toBe(0);
    const recordings = Array.from({ length: 8 }, (_, i) => {
      const f = path.join(dir, `9518${i}_2024101814302${i}.wav`);
      fs.writeFileSync(f, wav(30, i + 1));
      return f;
    });
    const pass = OTHER_PASS;
    fs.writeFileSync(path.join(dir, 'next.txt'), pass);
    const trials: [string, string[], number][] = [
      ['import-calls', ['import-calls', ...recordings], 700 + Math.random() * 1200],
      ['passwd', ['passwd', '--new-passphrase-file', path.join(dir, 'next.txt')], 400 + Math.random() * 900],
      ['backup', ['backup', '--out', path.join(dir, 'out', `b-${Date.now()}.xsv`)], 300 + Math.random() * 600],
    ];
    let current = PASS;
    for (const [op, args, ms] of trials) {
      const finished = await runKilled(BIN, ['--vault', vault, ...args], env(current), ms);
      // The first thing a user tries after a crash: a read-only command.
      let list = cli(['--vault', vault, 'list'], { env: { XIESHANG_PASSPHRASE: current } });
      if (list.status === 4 && op === 'passwd') {
        current = current === PASS ? pass : PASS;
        list = cli(['--vault', vault, 'list'], { env: { XIESHANG_PASSPHRASE: current } });
      }
      expect(list.stderr, `${op} killed after ${Math.round(ms)} ms (finished: ${finished})`).toBe('');
      expect(checkVault(vault, [current]), op).toEqual([]);
    }
    // The next backup into the same folder cleans what the killed one left.
    expect(cli(['--vault', vault, 'backup', '--out', path.join(dir, 'out', 'final.xsv')], { env: { XIESHANG_PASSPHRASE: current } }).status).toBe(0);
    expect(strayFiles(dir)).toEqual([]);
  }, 180_000);

  it('one trial of every operation the bench kills, through the bench itself: no problem found', () => {
    const bench = path.resolve(__dirname, '../../dist/bench/bench.js');
    const r = spawnSync(process.execPath, [bench, 'faults', '9', '--json'], { encoding: 'utf8', timeout: 240_000, maxBuffer: 16 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const figures = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { trials: number; byOp: Record<string, number>; problems: string[] };
    expect(figures.problems).toEqual([]);
    expect(figures.trials).toBe(9);
    expect(Object.keys(figures.byOp).sort()).toEqual(['backup', 'case import', 'edits', 'import', 'import-calls', 'import-sms', 'package build', 'passwd', 'restore']);
  }, 300_000);
});
