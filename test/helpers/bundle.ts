// Bundles a TypeScript entry into a runnable CommonJS file for child processes and workers.
import path from 'node:path';
import { buildSync } from 'esbuild';

export function bundle(entry: string, outDir: string): string {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.cjs`);
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'error',
    nodePaths: [path.resolve(__dirname, '..', '..', 'node_modules')],
  });
  return outfile;
}
