// npm start: find an Electron binary, make sure the Electron build of the native module
// exists, build, and launch the app. Where no Electron binary can be had (offline, as on
// the development machines) it says so once, names the alternatives and exits 1 in
// seconds. It never requires('electron') (that downloads synchronously, with no timeout)
// and never rebuilds node_modules.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPkgDir = path.join(root, 'node_modules', 'electron');
const PROBE_TIMEOUT_MS = 5_000;
const OFFLINE_INSTALL_TIMEOUT_MS = 20_000; // enough to unpack a cached zip; offline fails in < 1 s
const ONLINE_INSTALL_TIMEOUT_MS = 10 * 60_000;

const say = (line) => console.log(`[start] ${line}`);

function noElectron(reason) {
  console.error(
    [
      `[start] 无法启动 Electron 桌面程序：${reason.zh}`,
      '[start] 可以改用：',
      '[start]   npm run dev:browser            —— 在 Chromium 中打开同样的界面，通过本机回环接口连接真实的服务',
      '[start]   npx xieshang --help            —— 命令行版本（无界面）',
      '[start]   npx xieshang demo --out demo   —— 生成一套演示数据',
      '[start] 联网后再运行 npm start 会自动下载 Electron；也可设置 ELECTRON_OVERRIDE_DIST_PATH 指向已有的 Electron 目录。',
      `[start] Cannot start the Electron desktop app: ${reason.en}`,
      '[start] Alternatives: `npm run dev:browser` (the same UI in Chromium against the real services over the loopback harness),',
      '[start]   the headless CLI `npx xieshang --help`, and `npx xieshang demo --out demo`.',
      '[start] With internet, `npm start` downloads Electron itself; or set ELECTRON_OVERRIDE_DIST_PATH to an Electron folder.',
    ].join('\n'),
  );
  process.exit(1);
}

/** The executable inside an Electron dist folder (same table as electron/install.js). */
function executableIn(distDir) {
  const rel = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
  return path.join(distDir, rel);
}

function installedElectron() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = executableIn(override);
    if (fs.existsSync(exe)) return exe;
    noElectron({
      zh: `ELECTRON_OVERRIDE_DIST_PATH 里没有 Electron 可执行文件（${exe}）。`,
      en: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable (${exe}).`,
    });
  }
  try {
    const rel = fs.readFileSync(path.join(electronPkgDir, 'path.txt'), 'utf8').trim();
    const exe = path.join(electronPkgDir, 'dist', rel);
    if (fs.existsSync(exe)) return exe;
  } catch {
    // not downloaded yet
  }
  return null;
}

async function downloadHostReachable() {
  const url = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/';
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

/** Electron's own lazy download (node_modules/electron/install.js), bounded in time. */
async function downloadElectron() {
  if (!fs.existsSync(path.join(electronPkgDir, 'install.js'))) return null;
  const online = await downloadHostReachable();
  if (online) say('正在下载 Electron（约 100 MB）… / Downloading Electron (about 100 MB)…');
  const result = spawnSync(process.execPath, [path.join(electronPkgDir, 'install.js')], {
    cwd: electronPkgDir,
    stdio: online ? 'inherit' : 'ignore',
    timeout: online ? ONLINE_INSTALL_TIMEOUT_MS : OFFLINE_INSTALL_TIMEOUT_MS,
  });
  if (result.status !== 0) return null;
  return installedElectron();
}

/** Asks the binary itself which Electron and ABI it is (the dev binary has RunAsNode on). */
function electronRuntime(exe) {
  const result = spawnSync(exe, ['-p', 'JSON.stringify([process.versions.electron, process.versions.modules])'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 15_000,
  });
  try {
    const [version, abi] = JSON.parse(result.stdout.trim());
    if (typeof version === 'string' && /^\d+$/.test(String(abi))) return { version, abi: String(abi) };
  } catch {
    // fall back to the electron package's own record
  }
  const version = JSON.parse(fs.readFileSync(path.join(electronPkgDir, 'package.json'), 'utf8')).version;
  const abi = fs.readFileSync(path.join(electronPkgDir, 'abi_version'), 'utf8').trim();
  return { version, abi };
}

function run(script, args = []) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  if (!fs.existsSync(electronPkgDir) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    noElectron({ zh: '没有安装 electron 包（请先运行 npm ci）。', en: 'the electron package is not installed (run npm ci).' });
  }
  const exe = installedElectron() ?? (await downloadElectron());
  if (!exe) {
    noElectron({
      zh: '本机没有 Electron 程序，且无法下载（需要联网）。',
      en: 'no Electron binary on this machine and it cannot be downloaded (needs internet).',
    });
  }

  const { version, abi } = electronRuntime(exe);
  const nativeFile = path.join(root, 'native', `electron-${abi}`, 'better_sqlite3.node');
  if (!fs.existsSync(nativeFile)) run('electron-native.mjs', [`--target=${version}`, `--abi=${abi}`]);

  run('build.mjs');

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(exe, [root], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err) => {
  console.error(`[start] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
