// Writes docs/case.schema.json from the zod case schema (shared/case/schema.ts).
// Run after changing the schema: node scripts/gen-case-schema.mjs
// test/case/json-schema.test.ts fails while the committed file differs.
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'xieshang-schema-'));
try {
  const outfile = path.join(tmp, 'json-schema.cjs');
  buildSync({
    entryPoints: [path.join(root, 'shared/case/json-schema.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  const { caseJsonSchemaText } = createRequire(import.meta.url)(outfile);
  const target = path.join(root, 'docs/case.schema.json');
  writeFileSync(target, caseJsonSchemaText());
  console.log(`wrote ${path.relative(root, target)}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
