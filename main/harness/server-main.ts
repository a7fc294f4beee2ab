// `node dist/harness/server.js [--data-dir DIR] [--port N]`: starts the loopback harness
// and prints one JSON line {url, port, token, dataDir} for scripts and e2e fixtures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
  });
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-harness-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const dist = path.resolve(__dirname, '..');
  const harness = await startHarness({
    dataDir,
    rendererDir: path.join(dist, 'renderer'),
    bridgeFile: path.join(dist, 'harness', 'bridge.js'),
    workerPath: path.join(dist, 'main', 'vault-worker.js'),
    port: values.port ? Number(values.port) : 0,
    log: (line) => process.stderr.write(`[harness] ${line}\n`),
  });
  process.stdout.write(`${JSON.stringify({ url: harness.url, port: harness.port, token: harness.token, dataDir })}\n`);
  const stop = () => {
    void harness.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`harness failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
