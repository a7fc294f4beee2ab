// `npm run dev:browser`: the same UI in Chromium against the real services, over the
// loopback harness (127.0.0.1, random port, random token). Data goes to a folder of its
// own (default: .tmp/dev-data) so it never touches the app's real vault.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.argv[2] ?? path.join(root, '.tmp', 'dev-data'));
mkdirSync(dataDir, { recursive: true });

const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const harness = spawn(process.execPath, [path.join(root, 'dist/harness/server.js'), '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
harness.stdout.once('data', (chunk) => {
  const { url } = JSON.parse(chunk.toString().split('\n')[0]);
  console.log(`协商证据箱（浏览器模式）已启动 / running in the browser harness:\n  ${url}\n数据目录 data: ${dataDir}\n按 Ctrl+C 退出 / Ctrl+C to stop.`);
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium) && process.env.DISPLAY) {
    spawn(chromium, [`--app=${url}`, '--no-first-run', '--disable-background-networking', `--user-data-dir=${path.join(dataDir, '.chromium')}`], {
      stdio: 'ignore',
      detached: true,
    }).unref();
  }
});
const stop = () => harness.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
harness.on('exit', (code) => process.exit(code ?? 0));
