// Issue 13: the permanent fuzz suite's fast part. Every input a fuzz run once found failing
// (kept under test/fixtures/fuzz-regressions/<target>/, with a .note saying what happened)
// is replayed and must now succeed or be refused with a named error, within the time and
// memory bounds; then a small fresh sample of every importer and IPC channel. The full run
// is `npm run bench` (or `node dist/bench/bench.js fuzz 200`), which keeps new findings.
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayKept, runFuzz, REGRESSIONS_DIR } from '../../bench/fuzz/runner';
import { ALL_TARGETS } from '../../bench/fuzz/targets';

const root = path.resolve(__dirname, '../..');
const kept = path.join(root, REGRESSIONS_DIR);

describe('fuzzing (fast sample)', () => {
  it('replays every kept failing input: each now ends ok or with a named refusal', async () => {
    const files = fs.readdirSync(kept, { recursive: true }).filter((f) => !String(f).endsWith('.note') && fs.statSync(path.join(kept, String(f))).isFile());
    expect(files.length).toBeGreaterThan(0);
    const figures = await replayKept(kept, { budgetMs: 20_000 });
    expect(figures.findings).toEqual([]);
    expect(figures.tried).toBe(files.filter((f) => String(f).includes(path.sep)).length);
  }, 240_000);

  it('a fresh sample of every importer and IPC channel: no unnamed error, no INTERNAL, no case past its budget', async () => {
    const figures = await runFuzz({ perTarget: 6, budgetMs: 20_000 });
    // Printed so a failing sample can be rerun: node dist/bench/bench.js fuzz N with this seed.
    if (figures.findings.length) console.log(`fuzz seed ${figures.seed}`, figures.findings);
    expect(figures.findings).toEqual([]);
    expect(Object.keys(figures.perTarget).sort()).toEqual(ALL_TARGETS.map((t) => t.name).sort());
    expect(figures.tried).toBe(6 * ALL_TARGETS.length);
  }, 240_000);
});
