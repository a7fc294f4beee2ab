// Every worker thread is found from wherever the code that starts it runs: the app's bundles
// (dist/main), the CLI, harness and bench bundles (dist/cli …), or the sources under a test
// runner. A wrong path here only shows when a user imports a file, so it is checked here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtWorkerPath, WorkerNotBuiltError } from '../../main/built-worker';
import { analyseWorkerPath } from '../../main/vault/evidence/analyse-bounded';
import { billWorkerPath } from '../../main/vault/bills/parse-bounded';
import { ocrWorkerPath } from '../../main/ocr/client';
import { fuzzWorkerPath } from '../../bench/fuzz/runner';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-built-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function layout(name: string, files: string[]): string {
  const repo = path.join(root, name);
  fs.mkdirSync(repo, { recursive: true });
  fs.writeFileSync(path.join(repo, 'package.json'), '{}');
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(repo, f)), { recursive: true });
    fs.writeFileSync(path.join(repo, f), '// built');
  }
  return repo;
}

describe('builtWorkerPath', () => {
  const repo = layout('repo', ['dist/main/x-worker.js', 'dist/bench/f-worker.js', 'dist/cli/xieshang.mjs', 'main/vault/evidence/a.ts']);

  it('beside the calling bundle (dist/main)', () => {
    expect(builtWorkerPath('x-worker.js', path.join(repo, 'dist/main'))).toBe(path.join(repo, 'dist/main/x-worker.js'));
  });
  it('from the CLI, harness or bench bundles: dist/main next to them', () => {
    for (const from of ['dist/cli', 'dist/harness', 'dist/bench']) {
      expect(builtWorkerPath('x-worker.js', path.join(repo, from))).toBe(path.join(repo, 'dist/main/x-worker.js'));
    }
    expect(builtWorkerPath('f-worker.js', path.join(repo, 'dist/bench'), 'bench')).toBe(path.join(repo, 'dist/bench/f-worker.js'));
  });
  it('from the sources: the dist of the repository they are in', () => {
    expect(builtWorkerPath('x-worker.js', path.join(repo, 'main/vault/evidence'))).toBe(path.join(repo, 'dist/main/x-worker.js'));
    expect(builtWorkerPath('f-worker.js', path.join(repo, 'bench/fuzz'), 'bench')).toBe(path.join(repo, 'dist/bench/f-worker.js'));
  });
  it('not built, or a folder by that name: a named error', () => {
    const bare = layout('bare', ['main/ocr/client.ts']);
    fs.mkdirSync(path.join(bare, 'dist/main/y-worker.js'), { recursive: true });
    for (const file of ['x-worker.js', 'y-worker.js']) {
      let err: unknown;
      try {
        builtWorkerPath(file, path.join(bare, 'main/ocr'));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WorkerNotBuiltError);
      expect((err as Error).message).toContain(file);
    }
  });
});

describe("this repository's workers", () => {
  it('each one the build writes is found from its caller, and is the file the build wrote', () => {
    const dist = path.resolve(__dirname, '../../dist');
    expect(analyseWorkerPath()).toBe(path.join(dist, 'main/analyse-worker.js'));
    expect(billWorkerPath()).toBe(path.join(dist, 'main/bill-worker.js'));
    expect(ocrWorkerPath()).toBe(path.join(dist, 'main/ocr-worker.js'));
    expect(fuzzWorkerPath()).toBe(path.join(dist, 'bench/fuzz-worker.js'));
  });
});
