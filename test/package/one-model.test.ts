// One package model, two ways to build it (issue 14): the CLI's `package build` (the vault
// read in-process, buildPackageToFile) and the app's path (package:draft through the real
// services, then build-from-draft with the exhibits fetched through the evidence protocol
// as the renderer's worker fetches them). The same case must give the same pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { cli } from '../helpers/cli';
import { makeServices } from '../helpers/services';
import { copyDemoVault, sharedDemoVault } from '../helpers/demo';
import { readDefaultFont } from '../../main/package/build-to-file';
import { buildFromDraft, type PickedExhibit } from '../../shared/package/build-from-draft';
import type { PackageDraft } from '../../shared/contracts/package';
import { MemorySink } from '../../shared/pdf/writer';
import { todayBeijing } from '../../shared/time/beijing';

let dir = '';
let demoVault = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-one-model-'));
  demoVault = await copyDemoVault(path.join(dir, 'demo.vault')); // the CLI opens it for writing
}, 240_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text of each page, as poppler reads it. */
function pages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\f')
    .slice(0, -1);
}

async function appBuild(creditorId: string, date: string, out: string): Promise<void> {
  const t = await makeServices();
  try {
    fs.copyFileSync(await sharedDemoVault(), path.join(t.dataDir, 'vault.xsv'));
    const call = async <T>(channel: string, args: unknown): Promise<T> => {
      const env = await t.dispatch(channel, args);
      if (!env.ok) throw new Error(`${channel}: ${env.error.code} ${env.error.message}`);
      return env.value as T;
    };
    await call('vault:unlock', { passphrase: 'demo-passphrase' });
    const draft = await call<PackageDraft>('package:draft', { template: 'negotiation', date, creditorId });
    expect(draft.missing).toEqual([]);
    // The wizard's default: the suggested exhibits, in the suggested order, titles as proposed.
    const picks: PickedExhibit[] = draft.candidates.filter((c) => c.suggested).map((candidate) => ({ candidate, title: candidate.title }));
    const open = (id: string) => t.services.evidenceRequest({ kind: 'original', id }, new Request('http://harness/vault/original/' + id), null);
    const sink = new MemorySink();
    await buildFromDraft({ draft: draft.model, exhibits: picks, sign: false }, open, readDefaultFont(), { sink });
    fs.writeFileSync(out, sink.bytes());
  } finally {
    await t.services.dispose();
  }
}

describe('one package model for the CLI and the app', () => {
  it('package build and the wizard give the same letter pages and the same exhibit list', async () => {
    const cliPdf = path.join(dir, 'cli.pdf');
    const appPdf = path.join(dir, 'app.pdf');
    // The CLI dates the letter today (Beijing); build again if midnight passed in between.
    let date: string;
    do {
      date = todayBeijing();
      fs.rmSync(cliPdf, { force: true });
      const r = cli(['package', 'build', '--vault', demoVault, '--out', cliPdf, '--creditor', 'c-jiebei', '--json'], { env: { XIESHANG_PASSPHRASE: 'demo-passphrase' } });
      expect(r.status, r.stderr).toBe(0);
    } while (todayBeijing() !== date);
    await appBuild('c-jiebei', date, appPdf);

    const a = pages(cliPdf);
    const b = pages(appPdf);
    expect(a.length).toBeGreaterThan(20);
    expect(b.length).toBe(a.length);
    // Every page: the letter, the statement, the exhibit list and each exhibit's header.
    for (let i = 0; i < a.length; i++) expect(b[i], `page ${i + 1}`).toBe(a[i]);
    const list = a.findIndex((p) => /[一二三四五六七八九十]、证据清单/.test(p));
    expect(list).toBeGreaterThan(0);
    expect(a[list]).toMatch(/^\s+1\s+\S+/m); // exhibit 1's row
    expect(a.join('')).toContain('周晓雯');
  }, 300_000);
});
