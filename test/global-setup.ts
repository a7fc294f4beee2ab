// Builds the bundles that tests run as real processes (the CLI, the vault worker, the bench's
// kill trials). esbuild only: a few seconds. `npm test` has already built everything; this keeps `npx vitest` honest too.
// Also makes the run's own folder, where the demo vault is built once for every test that
// reads it (test/helpers/demo.ts), and removes it when the run ends.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this test run only (shared builds such as the demo vault). */
    runDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = path.resolve(__dirname, '..');
  for (const only of ['cli', 'worker', 'analyse', 'ocr', 'bills', 'bench']) {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), `--only=${only}`, '--quiet'], { cwd: root, stdio: 'inherit' });
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-run-'));
  project.provide('runDir', runDir);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
