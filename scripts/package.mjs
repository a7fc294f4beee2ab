// npm run package [-- <electron-builder args, e.g. --linux AppImage>]
// 1. the Electron build of the native module (scripts/electron-native.mjs, never in node_modules);
// 2. the bundles (scripts/build.mjs);
// 3. electron-builder with electron-builder.yml (its own native rebuild is off; the afterPack
//    hook checks the native module and flips the fuses).
// Needs internet: Electron headers (step 1, once) and the Electron zip (step 3).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const passThrough = process.argv.slice(2);

function fail(zh, en) {
  console.error(`[package] ${zh}\n[package] ${en}`);
  process.exit(1);
}

function resolveOrNull(id) {
  try {
    return require.resolve(id);
  } catch {
    return null;
  }
}

function run(file, args, env = process.env) {
  const result = spawnSync(process.execPath, [file, ...args], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The CLI file by path: package "exports" maps may hide deep paths from require.resolve.
const builderCli = [path.join(root, 'node_modules', 'electron-builder', 'cli.js')].find((f) => fs.existsSync(f));
if (!builderCli || !resolveOrNull('@electron/fuses')) {
  fail(
    '打包需要 electron-builder 和 @electron/fuses：npm install --save-dev electron-builder@26.17.0 @electron/fuses@1.8.0',
    'Packaging needs electron-builder and @electron/fuses: npm install --save-dev electron-builder@26.17.0 @electron/fuses@1.8.0',
  );
}

// The native module is built for this machine's arch only; a cross-arch package would ship
// a module that cannot load.
const archFlags = passThrough.filter((a) => /^--(x64|ia32|armv7l|arm64|universal)$/.test(a)).map((a) => a.slice(2));
if (archFlags.some((a) => a !== process.arch)) {
  fail(
    `本脚本只为本机架构（${process.arch}）打包；请在目标架构的机器上打包。`,
    `This script packages for this machine's arch (${process.arch}) only; package on a machine of the target arch.`,
  );
}

const electronDir = path.join(root, 'node_modules', 'electron');
let version;
let abi;
try {
  version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
} catch {
  fail('没有安装 electron 包：请先运行 npm ci。', 'The electron package is not installed: run npm ci first.');
}

run(path.join(root, 'scripts', 'electron-native.mjs'), [`--target=${version}`, `--abi=${abi}`]);
run(path.join(root, 'scripts', 'build.mjs'), []);
run(builderCli, ['--config', 'electron-builder.yml', '--publish', 'never', ...passThrough], {
  ...process.env,
  XIESHANG_ELECTRON_ABI: abi,
});
