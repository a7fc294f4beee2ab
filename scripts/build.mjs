// Builds every process: esbuild bundles main, the vault worker, preload, the CLI, the
// loopback harness and its browser bridge; Vite builds the renderer. ~2 s on 2 cores.
// Run by `npm ci` (prepare), `npm test`, `npm start` and `npm run bench`.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

// Native and Electron modules are loaded at run time, never bundled.
const external = ['electron', 'better-sqlite3-multiple-ciphers', 'sharp', 'pdfjs-dist', 'playwright-core', '@playwright/test', 'onnxruntime-node'];

const nodeTargets = [
  { name: 'main', entry: 'main/main.ts', out: 'main/main.js' },
  { name: 'worker', entry: 'main/vault/worker.ts', out: 'main/vault-worker.js' },
  { name: 'analyse', entry: 'main/vault/evidence/analyse-worker.ts', out: 'main/analyse-worker.js' },
  { name: 'harness', entry: 'main/harness/server-main.ts', out: 'harness/server.js' },
  { name: 'bench', entry: 'bench/bench.ts', out: 'bench/bench.js' },
  { name: 'ocr', entry: 'main/ocr/worker.ts', out: 'main/ocr-worker.js' },
  { name: 'fuzz', entry: 'bench/fuzz/worker.ts', out: 'bench/fuzz-worker.js' },
  { name: 'bills', entry: 'main/vault/bills/parse-worker.ts', out: 'main/bill-worker.js' },
];

// The CLI is ESM with code splitting: cli/registry.ts import()s each command's module, and
// each lands in its own chunk beside the entry, so `--help` or `calc …` compiles ~10 KB
// instead of the whole 6 MB engine (≈0.5 s → ≈0.1 s). bin/xieshang.cjs import()s the entry.
// The banner gives bundled CommonJS code the require/__dirname/__filename it expects; every
// chunk sits in dist/cli/, so __dirname is the same as for the old single file.
async function buildCli() {
  const outdir = path.join(dist, 'cli');
  const result = await build({
    entryPoints: { xieshang: path.join(root, 'cli/main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    external,
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.XIESHANG_BUNDLED': '"1"', __dirname: '__xsDirname', __filename: '__xsFilename' },
    banner: {
      js: [
        "import { createRequire as __xsCreateRequire } from 'node:module';",
        "import { fileURLToPath as __xsFileUrlToPath } from 'node:url';",
        "import { dirname as __xsPathDirname } from 'node:path';",
        'const require = __xsCreateRequire(import.meta.url);',
        'const __xsFilename = __xsFileUrlToPath(import.meta.url);',
        'const __xsDirname = __xsPathDirname(__xsFilename);',
      ].join(' '),
    },
  });
  // Chunks are named by content hash: remove those of earlier builds (after writing, so a
  // CLI that is running meanwhile still finds its files).
  // Metafile paths are relative to esbuild's working directory (the process's).
  const keep = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(f)));
  for (const name of readdirSync(outdir)) {
    const file = path.join(outdir, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
}

async function run() {
  const started = Date.now();
  if (!only) rmSync(dist, { recursive: true, force: true });
  const jobs = [];
  for (const t of nodeTargets) {
    if (only && only !== t.name) continue;
    if (!existsSync(path.join(root, t.entry))) throw new Error(`build entry missing: ${t.entry}`);
    jobs.push(
      build({
        entryPoints: [path.join(root, t.entry)],
        outfile: path.join(dist, t.out),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'linked',
        external,
        logLevel: 'warning',
        // Lets bundled code find files that ship beside dist/ (data, fonts, the worker).
        define: { 'process.env.XIESHANG_BUNDLED': '"1"' },
      }),
    );
  }
  if (!only || only === 'preload') {
    // The sandboxed preload may require only 'electron': everything else is bundled in.
    jobs.push(
      build({
        entryPoints: [path.join(root, 'preload/preload.ts')],
        outfile: path.join(dist, 'preload/preload.js'),
        bundle: true,
        platform: 'browser',
        format: 'cjs',
        target: 'chrome130',
        external: ['electron'],
        logLevel: 'warning',
      }),
    );
  }
  if (!only || only === 'bridge') {
    jobs.push(
      build({
        entryPoints: [path.join(root, 'renderer/harness-bridge.ts')],
        outfile: path.join(dist, 'harness/bridge.js'),
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'chrome130',
        logLevel: 'warning',
      }),
    );
  }
  if (!only || only === 'cli') jobs.push(buildCli());
  await Promise.all(jobs);
  if (!only || only === 'renderer') {
    await viteBuild({ configFile: path.join(root, 'vite.config.mts'), logLevel: quiet ? 'warn' : 'info' });
  }
  if (!quiet) console.log(`build: done in ${Date.now() - started} ms`);
}

run().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
