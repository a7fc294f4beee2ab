// Builds the bundles that tests run as real processes (the CLI, the vault worker). esbuild
// only: ~1 s. `npm test` has already built everything; this keeps `npx vitest` honest too.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '..');
  for (const only of ['cli', 'worker', 'analyse', 'ocr', 'bills']) {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), `--only=${only}`, '--quiet'], { cwd: root, stdio: 'inherit' });
  }
}
