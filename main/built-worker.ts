// Where a worker thread's bundle is. scripts/build.mjs writes each worker to its own file in
// dist/main (dist/bench for the bench's); the code that starts one may itself run from
// dist/main (app main, vault worker), from dist/cli, dist/harness or dist/bench, or from its
// sources under a test runner.
import fs from 'node:fs';
import path from 'node:path';

export class WorkerNotBuiltError extends Error {
  constructor(readonly file: string) {
    super(`${file} is not built (run node scripts/build.mjs)`);
    this.name = 'WorkerNotBuiltError';
  }
}

/**
 * dist/<distDir>/<file>, looked for beside the calling code (`from`: its __dirname), in the
 * dist folder next to it, then under the repository the code is in.
 */
export function builtWorkerPath(file: string, from: string, distDir: 'main' | 'bench' = 'main'): string {
  const candidates = [path.join(from, file), path.join(from, '..', distDir, file)];
  for (let dir = from, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      candidates.push(path.join(dir, 'dist', distDir, file));
      break;
    }
  }
  const found = candidates.find((c) => fs.statSync(c, { throwIfNoEntry: false })?.isFile());
  if (!found) throw new WorkerNotBuiltError(file);
  return found;
}
