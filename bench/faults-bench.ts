// `npm run bench` (and `node dist/bench/bench.js faults [N]`): N ≥ 100 SIGKILL trials of the
// real CLI at random moments across import, SMS import, call import, rekey, backup, restore,
// case import, package build and edits (evidence, timeline contacts, the case — by a child
// that edits as the app does until it is killed; every edit it reported must be there), each followed by what a user does after a crash (a read-only `list`) and
// the checks of test/faults/kill-trials.ts: integrity_check, the audit chain, no recording
// without its timeline entry, no item visible over an unfinished blob, no stray partial file;
// every 10 trials `verify` re-hashes every item. Prints the trial figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { monoWav16 } from '../main/demo/wav';
import { checkEdits, checkVault, runKilled, runKilledCapturing, strayFiles } from '../test/faults/kill-trials';
import { sampleCase } from '../test/case/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'xieshang.cjs');
const PASSES = ['bench passphrase 证据 one', 'bench passphrase 证据 two'];

function run(args: string[], pass: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, XIESHANG_PASSPHRASE: pass }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function smsXml(n: number, seed: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const date = 1729200000000 + (seed * n + i) * 61_000;
    return `<sms protocol="0" address="95188" date="${date}" type="1" subject="null" body="【花呗】您已逾期 ${i % 90} 天，欠款 ${1000 + i}.00 元，请尽快还款 ${seed}-${i}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1" readable_date="" contact_name="(Unknown)" />`;
  });
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${n}">\n${rows.join('\n')}\n</smses>\n`;
}

export interface FaultFigures {
  trials: number;
  killed: number;
  finishedBeforeKill: number;
  problems: string[];
  byOp: Record<string, number>;
  verifyRuns: number;
  /** Edits the edit children reported committed before their kill (each checked). */
  editsReported: number;
  ms: number;
}

export async function runFaultsBench(trials = 100): Promise<FaultFigures> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-faults-bench-'));
  const vault = path.join(dir, 'v.xsv');
  let pass = PASSES[0]!;
  const must = (args: string[]) => {
    const r = run(args, pass);
    if (r.status !== 0 && r.status !== 3) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return r;
  };
  must(['--vault', vault, 'init']);
  const inputs = path.join(dir, 'inputs');
  fs.mkdirSync(inputs);
  const nextFile = path.join(inputs, 'next.txt');
  const backup = path.join(dir, 'start-backup.xsv');
  must(['--vault', vault, 'backup', '--out', backup]);
  // A case with creditors: package build needs one to address (the first one's id).
  const caseJson = path.join(inputs, 'case.json');
  const doc = sampleCase();
  fs.writeFileSync(caseJson, JSON.stringify(doc));
  must(['--vault', vault, 'case', 'import', caseJson]);
  const creditor = doc.creditors[0]!.id;
  const ops = ['import', 'import-sms', 'import-calls', 'passwd', 'backup', 'restore', 'case import', 'package build', 'edits'] as const;
  const figures: FaultFigures = { trials: 0, killed: 0, finishedBeforeKill: 0, problems: [], byOp: {}, verifyRuns: 0, editsReported: 0, ms: 0 };
  for (let t = 0; t < trials; t++) {
    const op = ops[t % ops.length]!;
    const tag = `${t}-${randomBytes(3).toString('hex')}`;
    let args: string[];
    switch (op) {
      case 'import': {
        const files = Array.from({ length: 4 }, (_, i) => {
          const f = path.join(inputs, `file-${tag}-${i}.bin`);
          fs.writeFileSync(f, randomBytes(1024 * 1024 * (1 + i)));
          return f;
        });
        args = ['import', ...files];
        break;
      }
      case 'import-sms': {
        const f = path.join(inputs, `sms-${tag}.xml`);
        fs.writeFileSync(f, smsXml(3000, t));
        args = ['import-sms', f];
        break;
      }
      case 'import-calls': {
        const files = Array.from({ length: 5 }, (_, i) => {
          const f = path.join(inputs, `9518${i}_20241018${String(100000 + t * 10 + i).slice(-6)}.wav`);
          fs.writeFileSync(
            f,
            monoWav16(8000, 8000 * 20, (k) => Math.round(Math.sin((k * (i + t + 1)) / 30) * 8000)),
          );
          return f;
        });
        args = ['import-calls', ...files];
        break;
      }
      case 'passwd':
        fs.writeFileSync(nextFile, pass === PASSES[0] ? PASSES[1]! : PASSES[0]!);
        args = ['passwd', '--new-passphrase-file', nextFile];
        break;
      case 'backup':
        args = ['backup', '--out', path.join(dir, `b-${tag}.xsv`)];
        break;
      case 'restore':
        args = ['restore', '--from', backup];
        break;
      case 'package build':
        args = ['package', 'build', '--out', path.join(dir, `p-${tag}.pdf`), '--creditor', creditor, '--sign'];
        break;
      case 'edits':
        args = [];
        break;
      default:
        args = ['case', 'import', caseJson];
    }
    const killAfter = 150 + Math.random() * 2500;
    let finished: boolean;
    let editReports = '';
    if (op === 'edits') {
      // Edits as the app makes them (evidence, timeline contacts, the case), by a child that edits until killed
      // (killed at a random moment after its first committed edit).
      const r = await runKilledCapturing(__filename, ['edits-child', vault, tag], { ...process.env, XIESHANG_PASSPHRASE: pass }, killAfter);
      finished = r.finished;
      editReports = r.stdout;
      figures.editsReported += editReports.split('\n').filter((l) => l.startsWith('{')).length;
    } else finished = await runKilled(BIN, ['--vault', vault, ...args], { ...process.env, XIESHANG_PASSPHRASE: pass }, killAfter);
    figures.trials++;
    figures.byOp[op] = (figures.byOp[op] ?? 0) + 1;
    if (finished) figures.finishedBeforeKill++;
    else figures.killed++;
    // After the crash, what a user tries first: a read-only command, with either passphrase (a killed passwd or restore).
    let list = run(['--vault', vault, 'list'], pass);
    if (list.status === 4) {
      pass = pass === PASSES[0] ? PASSES[1]! : PASSES[0]!;
      list = run(['--vault', vault, 'list'], pass);
    }
    const where = `trial ${t} (${op}, killed after ${Math.round(killAfter)} ms${finished ? ', had finished' : ''})`;
    if (list.status !== 0) figures.problems.push(`${where}: list → ${list.stderr.trim()}`);
    for (const p of checkVault(vault, [pass])) figures.problems.push(`${where}: ${p}`);
    if (op === 'edits') for (const p of checkEdits(vault, pass, tag, editReports)) figures.problems.push(`${where}: ${p}`);
    if (op === 'package build') {
      // The output is whole or absent: never a half-written PDF under its name.
      const out = path.join(dir, `p-${tag}.pdf`);
      if (fs.existsSync(out)) {
        const pdf = fs.readFileSync(out);
        if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-' || !pdf.subarray(-32).toString('latin1').includes('%%EOF'))
          figures.problems.push(`${where}: ${out} is not a whole PDF`);
        fs.rmSync(out, { force: true });
      }
    }
    const strays = strayFiles(dir);
    if (strays.length) figures.problems.push(`${where}: stray files ${strays.join(', ')}`);
    if (t % 10 === 9) {
      figures.verifyRuns++;
      const v = run(['--vault', vault, '--json', 'verify'], pass);
      const doc = v.status === 0 ? (JSON.parse(v.stdout) as { mismatched: string[] }) : null;
      if (!doc || doc.mismatched.length) figures.problems.push(`${where}: verify → ${v.stderr.trim() || JSON.stringify(doc)}`);
      // Old backups and inputs are not needed again: keep the disk small.
      for (const n of fs.readdirSync(dir)) if (/^b-.*\.xsv$/.test(n)) fs.rmSync(path.join(dir, n), { force: true });
      for (const n of fs.readdirSync(inputs)) if (n !== 'next.txt' && n !== 'case.json') fs.rmSync(path.join(inputs, n), { force: true });
    }
  }
  figures.ms = Date.now() - started;
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}

export function printFaultFigures(f: FaultFigures): void {
  console.log('\n## Faults: SIGKILL trials (issue 13)');
  console.log(`trials ${f.trials} · killed mid-way ${f.killed} · finished before the kill ${f.finishedBeforeKill} · verify runs ${f.verifyRuns} · ${Math.round(f.ms / 1000)} s`);
  console.log(`edits reported committed before a kill, each found in the vault: ${f.editsReported}`);
  console.log(
    `by operation: ${Object.entries(f.byOp)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(`problems found: ${f.problems.length}`);
  for (const p of f.problems.slice(0, 20)) console.log(`  - ${p}`);
}
