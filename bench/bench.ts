// `npm run bench`: figures side by side with a reference, as ratios (these machines are
// noisy). Never pass/fail on time.
import os from 'node:os';
import { printTable } from './report';
import { runVaultBench } from './vault-bench';
import { runTimelineBench, runTimelineRenderBench } from './timeline-bench';
import { runPackageBench } from './package-bench';
import { runEvidenceBench } from './evidence-bench';
import { CHILD_FLAG, packageMemoryChild, runPackageMemoryBench } from './package-memory';
import { runOcrBench } from './ocr-bench';
import { printFaultFigures, runFaultsBench } from './faults-bench';
import { runDemoBench } from './demo-bench';
import { editsChild } from './edits-child';
import { printFuzzFigures, REGRESSIONS_DIR, replayKept, runFuzz } from './fuzz/runner';

if (process.argv[2] === 'edits-child') {
  // A child of the kill trials: edits until killed (bench/edits-child.ts).
  editsChild(process.argv[3]!, process.argv[4] ?? 'x');
} else if (process.argv[2] === CHILD_FLAG) {
  // A child of the package memory bench: measured alone, prints JSON, nothing else.
  packageMemoryChild(process.argv[3]!).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
} else if (process.argv[2] === 'ocr') {
  // `node dist/bench/bench.js ocr`: only the OCR figures (about a minute).
  void runOcrBench().then((rows) => printTable('OCR of phone screenshots (issue 12)', rows));
} else if (process.argv[2] === 'package-memory') {
  // `node dist/bench/bench.js package-memory`: only this one (it takes a minute and 1 GB of disk).
  void runPackageMemoryBench().then((rows) => printTable('Application package: memory (issue 6)', rows));
} else if (process.argv[2] === 'package') {
  // `node dist/bench/bench.js package`: only the package build against img2pdf + qpdf.
  void runPackageBench().then((rows) => printTable('Application package (issue 6)', rows));
} else if (process.argv[2] === 'evidence') {
  // `node dist/bench/bench.js evidence`: only the evidence import (1 GB of disk, a few minutes).
  void runEvidenceBench().then((rows) => printTable('Evidence import (issue 3)', rows));
} else if (process.argv[2] === 'demo') {
  // `node dist/bench/bench.js demo`: only `xieshang demo` and unlock → first screen (issue 14).
  void runDemoBench().then((rows) => printTable('Demo and unlock (issue 14)', rows));
} else if (process.argv[2] === 'faults') {
  // `node dist/bench/bench.js faults [N] [--json]`: only the SIGKILL trials (issue 13); --json for the fast sample in npm test.
  const json = process.argv.includes('--json');
  void runFaultsBench(Number(process.argv[3] ?? 100)).then((f) => (json ? console.log(JSON.stringify(f)) : printFaultFigures(f)));
} else if (process.argv[2] === 'fuzz') {
  // `node dist/bench/bench.js fuzz [N] [target,…]`: only the fuzzers (issue 13), N inputs per target.
  void runFuzzBench(Number(process.argv[3] ?? 200), process.argv[4]?.split(','));
} else if (process.argv[2] === 'fuzz-replay') {
  // `node dist/bench/bench.js fuzz-replay`: the kept inputs only (what npm test replays).
  void replayKept(REGRESSIONS_DIR, { log: (l) => console.log(l) }).then((f) => printFuzzFigures('Fuzzing: kept inputs replayed', f));
} else runAll();

/** Every importer and IPC channel fuzzed; new findings kept under test/fixtures/fuzz-regressions/. */
function runFuzzBench(perTarget: number, only?: string[]): Promise<void> {
  return runFuzz({ perTarget, keepDir: REGRESSIONS_DIR, log: (l) => console.log(l), ...(only ? { only } : {}) }).then((f) =>
    printFuzzFigures('Fuzzing: every importer and IPC channel (issue 13)', f),
  );
}

function runAll(): void {
  console.log(`# Xieshang benchmarks — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  printTable('Vault (issue 2)', runVaultBench());
  printTable('Timeline: SMS import and query (issue 5)', runTimelineBench());
  const timelineRender = runTimelineRenderBench().then(
    (rows) => printTable('Timeline in the harness (issue 5)', rows),
    (err: unknown) => console.log(`timeline render bench failed: ${String(err)}`),
  );
  // After the timeline's harness bench, so the two do not share the 2 cores.
  const packageBench = timelineRender
    .then(() => runPackageBench())
    .then(
      (rows) => printTable('Application package (issue 6)', rows),
      (err: unknown) => console.log(`package bench failed: ${String(err)}`),
    )
    .then(() => runPackageMemoryBench())
    .then(
      (rows) => printTable('Application package: memory (issue 6)', rows),
      (err: unknown) => console.log(`package memory bench failed: ${String(err)}`),
    );
  const demoBench = packageBench
    .then(() => runDemoBench())
    .then(
      (rows) => printTable('Demo and unlock (issue 14)', rows),
      (err: unknown) => console.log(`demo bench failed: ${String(err)}`),
    );
  // Last: the 1 GB evidence import wants the 2 cores to itself.
  const evidenceBench = demoBench
    .then(() => runEvidenceBench())
    .then(
      (rows) => printTable('Evidence import (issue 3)', rows),
      (err: unknown) => console.log(`evidence bench failed: ${String(err)}`),
    );
  void evidenceBench
    .then(() => runOcrBench())
    .then(
      (rows) => printTable('OCR of phone screenshots (issue 12)', rows),
      (err: unknown) => console.log(`ocr bench failed: ${String(err)}`),
    )
    // Issue 13: ≥ 100 SIGKILL trials, after everything else (they spawn a CLI per step).
    .then(() => runFaultsBench(100))
    .then(printFaultFigures, (err: unknown) => console.log(`faults bench failed: ${String(err)}`))
    .then(() => runFuzzBench(200))
    .catch((err: unknown) => console.log(`fuzz bench failed: ${String(err)}`));
}
