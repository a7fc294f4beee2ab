// Runs Electronegativity (Doyensec's Electron security scanner) over the app's own code
// and fails on any finding that is not in the reviewed allowlist below. Offline it cannot
// fetch Electron's release list; that check is skipped with a warning by the tool itself.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Reviewed findings. Each names the check, the file (relative, or N/A for global checks)
 * and why it does not apply. The static scanner cannot see values built by a function.
 */
const ALLOW = [
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'N/A',
    why: 'The CSP is a response header set on every app:// response (main/protocol.ts, main/security.ts), not a <meta> tag; test/electron/security.test.ts checks it has no unsafe-* source.',
  },
  {
    check: 'NODE_INTEGRATION_JS_CHECK',
    file: 'main/window.ts',
    why: 'webPreferences come from hardenedWebPreferences() (nodeIntegration false, also in workers and subframes); test/electron/security.test.ts asserts each value.',
  },
  { check: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/window.ts', why: 'contextIsolation: true via hardenedWebPreferences(); asserted in test/electron/security.test.ts.' },
  { check: 'SANDBOX_JS_CHECK', file: 'main/window.ts', why: 'sandbox: true via hardenedWebPreferences() and app.enableSandbox() in main/main.ts; asserted in tests.' },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main/window.ts',
    why: 'window.open and every navigation away from app:// are denied for all webContents (main/window.ts; test/electron/window-guards.test.ts), so a middle click opens nothing.',
  },
  { check: 'REMOTE_MODULE_JS_CHECK', file: 'main/window.ts', why: 'The remote module no longer exists in Electron ≥ 14 (we ship 45).' },
];

const scan = mkdtempSync(path.join(os.tmpdir(), 'xieshang-eneg-'));
try {
  for (const part of ['main', 'preload', 'renderer/src', 'renderer/index.html', 'package.json']) {
    cpSync(path.join(root, part), path.join(scan, part), { recursive: true });
  }
  const out = path.join(scan, 'report.csv');
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
  const run = spawnSync(bin, ['-i', scan, '-o', out, '-e', '45.4.1', '-r'], { encoding: 'utf8', timeout: 180_000 });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
  const findings = rows.map((line) => {
    const cells = line.match(/("[^"]*"|[^,]+)/g) ?? [];
    const file = (cells[3] ?? '').replace(/"/g, '');
    return { check: cells[0], file: file === 'N/A' ? 'N/A' : path.relative(scan, path.resolve(scan, file)), line };
  });
  const unexpected = findings.filter((f) => !ALLOW.some((a) => a.check === f.check && a.file === f.file));
  console.log(`electronegativity: ${findings.length} finding(s), ${findings.length - unexpected.length} reviewed and allowed`);
  if (unexpected.length) {
    console.error('electronegativity: new findings (fix them, or review and add to the allowlist with a reason):');
    for (const f of unexpected) console.error(`  ${f.line}`);
    process.exit(1);
  }
} finally {
  rmSync(scan, { recursive: true, force: true });
}
