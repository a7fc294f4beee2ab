// Finding 1 of issue 13: a 555 KB crafted PDF (3,000 pages sharing one content stream of
// 50,000 nested q … Q) held `import` at 100 % CPU for minutes and froze the vault worker;
// one page of 10,000 pairs alone cost ~6 s. Analysis now runs in its own thread with a
// budget per file: past it the file is KEPT, marked not_analysed, and the rest goes on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { importPaths } from '../../main/vault/evidence/import-files';
import { detail } from '../../main/vault/evidence/items';
import { readAll } from '../../main/vault/evidence/blob-store';
import { createWorkerHost } from '../../main/vault/host';
import { Vault } from '../../main/vault/vault';
import { NOT_ANALYSED } from '../../main/vault/evidence/analyse-bounded';
import { PASS, tmpDir } from '../helpers/tmp';
import { cli, ROOT } from '../helpers/cli';
import { newVault, noTask, png, write } from '../evidence/fixtures';
import { nestedQPdf } from './hostile-pdf';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
  delete process.env.XIESHANG_ANALYSE_BUDGET_MS;
});

describe('analysis bounded in time per file', () => {
  it('keeps a crafted PDF as not analysed within the budget, and imports the next file normally', async () => {
    process.env.XIESHANG_ANALYSE_BUDGET_MS = '1500';
    const { vault, dir } = newVault();
    open.push(vault);
    const bomb = nestedQPdf(3000, 50_000);
    const one = nestedQPdf(1, 10_000);
    const a = write(dir, 'a-bomb.pdf', bomb);
    const b = write(dir, 'b-one-page.pdf', one);
    const c = write(dir, 'c-shot.png', await png(40, 80));
    const started = Date.now();
    const { results } = await importPaths(vault, [a, b, c], {}, noTask);
    const took = Date.now() - started;
    // Two budgets at most (the two PDFs overlap in two threads) plus the PNG.
    expect(took).toBeLessThan(8_000);
    const [ra, rb, rc] = results as { id: string }[];
    for (const r of [ra, rb]) {
      const item = detail(vault.handle, r!.id);
      expect(item.damaged).toBe(NOT_ANALYSED);
      expect(item.mime).toBe('application/pdf');
    }
    // The original bytes are kept exactly.
    const blobId = (vault.handle.prepare('SELECT blob_id AS b FROM evidence_items WHERE id = ?').get(ra!.id) as { b: number }).b;
    expect(readAll(vault.handle, blobId).equals(bomb)).toBe(true);
    expect(detail(vault.handle, rc!.id).damaged).toBeNull();
  }, 60_000);

  it('the vault worker keeps answering while a crafted PDF is being analysed', async () => {
    process.env.XIESHANG_ANALYSE_BUDGET_MS = '3000';
    const dir = tmpDir();
    const file = write(dir, 'bomb.pdf', nestedQPdf(3000, 50_000));
    const host = createWorkerHost({ vaultPath: path.join(dir, 'v.xsv'), actor: 'app' }, path.join(ROOT, 'dist/main/vault-worker.js'));
    try {
      await host.create(PASS);
      const importing = host.invoke('evidence', 'importPaths', [[file]]);
      await new Promise((r) => setTimeout(r, 500));
      const t = Date.now();
      expect(await host.status()).toMatchObject({ state: 'unlocked' });
      await host.invoke('evidence', 'list', [{}]);
      expect(Date.now() - t).toBeLessThan(1000);
      const {
        results: [r],
      } = (await importing) as { results: { id: string }[] };
      expect(r!.id).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await host.dispose();
    }
  }, 60_000);

  it('`xieshang import` of the crafted PDF finishes, keeps it and says it was not analysed', () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    const env = { XIESHANG_PASSPHRASE: PASS, XIESHANG_ANALYSE_BUDGET_MS: '1500' };
    expect(cli(['--vault', vault, 'init'], { env }).status).toBe(0);
    const file = path.join(dir, 'bomb.pdf');
    fs.writeFileSync(file, nestedQPdf(3000, 50_000));
    const started = Date.now();
    const r = cli(['--vault', vault, '--json', 'import', file], { env });
    expect(r.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
    const [item] = JSON.parse(r.stdout) as { id: string; mime: string }[];
    expect(item!.mime).toBe('application/pdf');
  }, 60_000);
});
