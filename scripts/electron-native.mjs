// Makes the Electron build of better-sqlite3-multiple-ciphers WITHOUT touching the Node
// build in node_modules (tests and the CLI keep using that one):
//   copy the module's sources to a temp dir → node-gyp rebuild there against Electron's
//   headers → copy the .node to native/electron-<abi>/better_sqlite3.node.
// electron-rebuild / install-app-deps are never used: they rebuild node_modules in place
// and delete the Node build when they fail (see docs/probes.md).
// On any failure (e.g. offline): one clear message, exit 1, nothing changed.
//
// Usage: node scripts/electron-native.mjs [--force] [--target=<electron version>]
//          [--abi=<modules version>] [--arch=<arch>] [--out=<native dir>] [--verbose]
//        (--node-gyp=<path to node-gyp.js> is for tests.)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = 'better-sqlite3-multiple-ciphers';
const NATIVE_FILE = 'better_sqlite3.node';
const HEADERS_URL = 'https://electronjs.org/headers';
const BUILD_TIMEOUT_MS = 20 * 60 * 1000;

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    return m ? [m[1], m[2] ?? true] : [a, true];
  }),
);
const verbose = Boolean(args.verbose);

/** A failure we explain; thrown so the temp dir is always cleaned up before exiting. */
class Failure extends Error {
  constructor(zh, en, detail) {
    super(en);
    this.lines = [zh, en, ...(detail ? [detail] : [])];
  }
}
function fail(zh, en, detail) {
  throw new Failure(zh, en, detail);
}

function readElectronInfo() {
  const dir = path.join(root, 'node_modules', 'electron');
  let version = typeof args.target === 'string' ? args.target : undefined;
  let abi = typeof args.abi === 'string' ? args.abi : undefined;
  try {
    version ??= JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    abi ??= fs.readFileSync(path.join(dir, 'abi_version'), 'utf8').trim();
  } catch {
    // handled below
  }
  if (!version || !abi || !/^\d+$/.test(abi)) {
    fail(
      '无法确定 Electron 版本或 ABI：请先运行 npm ci，或用 --target=<版本> --abi=<ABI> 指定。',
      'Cannot tell the Electron version or ABI: run npm ci first, or pass --target=<version> --abi=<abi>.',
    );
  }
  return { version, abi };
}

/** npm's own node-gyp (npm sets npm_config_node_gyp in scripts), else the copy npm ships with Node. */
function findNodeGyp() {
  const candidates = [
    typeof args['node-gyp'] === 'string' ? args['node-gyp'] : undefined,
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && fs.existsSync(c));
}

/**
 * node-gyp also reads npm_config_* from the environment, and `npm run` exports the user's
 * npmrc there: e.g. nodedir=/usr would silently build against Node's headers instead of
 * Electron's. Drop every setting that picks the headers or the target; keep the rest
 * (proxy, python, msvs_version).
 */
function cleanEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|tarball|build_from_source)$/i.test(key)) continue;
    env[key] = value;
  }
  return env;
}

function main() {
  const { version, abi } = readElectronInfo();
  const arch = typeof args.arch === 'string' ? args.arch : process.arch;
  const outRoot = path.resolve(typeof args.out === 'string' ? args.out : path.join(root, 'native'));
  const outDir = path.join(outRoot, `electron-${abi}`);
  const outFile = path.join(outDir, NATIVE_FILE);

  if (fs.existsSync(outFile) && !args.force) {
    console.log(`[electron-native] 已存在 / already present: ${path.relative(root, outFile) || outFile}`);
    return;
  }

  const source = path.join(root, 'node_modules', MODULE);
  if (!fs.existsSync(path.join(source, 'binding.gyp'))) {
    fail(`找不到 ${MODULE} 的源码：请先运行 npm ci。`, `${MODULE} sources not found: run npm ci first.`);
  }
  const nodeGyp = findNodeGyp();
  if (!nodeGyp) {
    fail('找不到 node-gyp（通常随 npm 一起安装）。', 'node-gyp not found (it normally ships with npm).');
  }

  const devDir = path.join(os.homedir(), '.electron-gyp');
  const devDirExisted = fs.existsSync(devDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-electron-native-'));
  try {
    // Sources only: the Node build in node_modules/…/build is neither read nor written.
    const copy = path.join(work, MODULE);
    fs.cpSync(source, copy, {
      recursive: true,
      filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build',
    });

    console.log(`[electron-native] 正在为 Electron ${version}（ABI ${abi}，${arch}）编译 ${MODULE}，约需 2 分钟…`);
    console.log(`[electron-native] Building ${MODULE} for Electron ${version} (ABI ${abi}, ${arch}), about 2 minutes…`);
    const result = spawnSync(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${version}`,
        `--arch=${arch}`,
        `--dist-url=${HEADERS_URL}`,
        // Electron headers are cached apart from Node's, keyed by version.
        `--devdir=${devDir}`,
      ],
      { cwd: copy, env: cleanEnv(), stdio: 'pipe', encoding: 'utf8', timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
    );
    if (verbose) process.stdout.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    const built = path.join(copy, 'build', 'Release', NATIVE_FILE);
    if (result.error || result.status !== 0 || !fs.existsSync(built)) {
      // node-gyp leaves an empty header cache behind when the download fails.
      if (!devDirExisted) fs.rmSync(devDir, { recursive: true, force: true });
      const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
      const offline = /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|getaddrinfo/i.test(output);
      const lastError = output
        .split('\n')
        .filter((l) => /gyp ERR! stack Error|\berror:/i.test(l))
        .slice(-2)
        .map((l) => l.trim())
        .join(' | ');
      fail(
        offline
          ? `无法下载 Electron ${version} 的头文件（需要联网）。Node 版本的模块未被改动；联网后重新运行 node scripts/electron-native.mjs。`
          : `为 Electron ${version} 编译 ${MODULE} 失败（需要 Python 3 和 C++ 编译器）。Node 版本的模块未被改动。`,
        offline
          ? `Could not download the Electron ${version} headers (needs internet). The Node build is untouched; run node scripts/electron-native.mjs again when online.`
          : `Building ${MODULE} for Electron ${version} failed (needs Python 3 and a C++ toolchain). The Node build is untouched.`,
        result.error ? `node-gyp: ${result.error.message}` : !offline && lastError ? `node-gyp: ${lastError} (--verbose shows all)` : undefined,
      );
    }

    // Write beside, then rename: a half-copied .node is never left where the app looks.
    fs.mkdirSync(outDir, { recursive: true });
    const partial = `${outFile}.partial-${process.pid}`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, outFile);
    fs.writeFileSync(
      path.join(outDir, 'build-info.json'),
      JSON.stringify({ module: MODULE, electron: version, abi, arch, platform: process.platform, builtAt: new Date().toISOString() }, null, 2) + '\n',
    );
    console.log(`[electron-native] 完成 / done: ${path.relative(root, outFile) || outFile}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  const lines = err instanceof Failure ? err.lines : ['意外错误，未做任何改动。', `Unexpected error; nothing was changed: ${err instanceof Error ? err.message : err}`];
  for (const line of lines) console.error(`[electron-native] ${line}`);
  process.exitCode = 1;
}
