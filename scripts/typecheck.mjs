// Type-checks each process against the globals it really has (see tsconfig.base.json):
// Node's side (tsconfig.json: main, the vault worker, CLI, bench, preload), the renderer
// (DOM, no Node), shared/ (neither) and the tests. Two at a time (the machine has 2 cores);
// incremental, so a second run checks only what changed (.tmp/tsc/).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['tsconfig.json', 'renderer/tsconfig.json', 'shared/tsconfig.json', 'test/tsconfig.json'];

function check(project) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project, '--noEmit', '--pretty'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ project, code, out, seconds: (Date.now() - started) / 1000 }));
  });
}

const queue = [...projects];
const results = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let p = queue.shift(); p; p = queue.shift()) results.push(await check(p));
  }),
);
let failed = 0;
for (const r of results.sort((a, b) => projects.indexOf(a.project) - projects.indexOf(b.project))) {
  if (r.code !== 0) failed++;
  console.log(`typecheck ${r.project}: ${r.code === 0 ? 'ok' : 'FAILED'} (${r.seconds.toFixed(1)} s)`);
  if (r.out.trim()) console.log(r.out.trimEnd());
}
process.exit(failed ? 1 : 0);
