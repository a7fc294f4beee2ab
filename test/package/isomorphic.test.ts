// The builder is isomorphic: shared/pdf bundles for the browser with no Node module, and
// the bundle builds a package inside a real Web Worker (Debian Chromium, no document, no
// process), reading its exhibit through the async reader and hashing it with WebCrypto.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { fontBytes, ROOT, screenshot } from './fixtures';
import { pdftotext } from './poppler';

const CHROMIUM = '/usr/bin/chromium';

const WORKER_ENTRY = `
import { buildPackage } from './index';
self.onmessage = async (ev) => {
  try {
    const { font, png, sha } = ev.data;
    const r = await buildPackage({
      template: 'negotiation', date: '2025-03-18',
      creditor: { name: '重庆蚂蚁消费金融有限公司' }, applicant: { name: '张晓梅' },
      accounts: [{ label: '花呗', principal: '100.00', interest: '0.00', penalty: '1.00', fees: '0.00' }],
      hardship: { reason: '失业后收入减少。' },
      exhibits: [{ n: 1, title: '聊天截图', category: '聊天记录', sha256: sha, size: png.length, mime: 'image/png', kind: 'image', fileName: 'a.png', source: { read: async () => png } }],
    }, font, { onProgress: () => {} });
    self.postMessage({ ok: true, bytes: r.bytes, pages: r.pages, env: [typeof document, typeof process] });
  } catch (e) {
    self.postMessage({ ok: false, error: String(e && e.stack || e) });
  }
};
`;

function bundleForBrowser(): string {
  const r = buildSync({
    stdin: { contents: WORKER_ENTRY, resolveDir: path.join(ROOT, 'shared', 'pdf'), loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

describe('isomorphic builder', () => {
  it('bundles for the browser without any Node module', () => {
    const r = buildSync({
      entryPoints: [path.join(ROOT, 'shared/pdf/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const inputs = Object.keys(r.metafile!.inputs);
    expect(inputs.filter((i) => /^(node:|fs$|path$|zlib$|crypto$|buffer$)/.test(i))).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it.skipIf(!fs.existsSync(CHROMIUM))(
    'builds a package in a Web Worker (Chromium)',
    async () => {
      const bundle = bundleForBrowser();
      const png = await screenshot('png', { width: 60, height: 100 });
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        const result = await page.evaluate(
          async ({ bundle, font, png, sha }) => {
            const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
            const w = new Worker(URL.createObjectURL(new Blob([bundle], { type: 'text/javascript' })));
            const r = await new Promise<{ ok: boolean; bytes?: Uint8Array; pages?: number; env?: string[]; error?: string }>((resolve) => {
              w.onmessage = (e) => resolve(e.data);
              w.onerror = (e) => resolve({ ok: false, error: e.message });
              w.postMessage({ font: bytes(font), png: bytes(png), sha });
            });
            let b64 = '';
            if (r.bytes) for (let i = 0; i < r.bytes.length; i += 0x8000) b64 += String.fromCharCode(...r.bytes.subarray(i, i + 0x8000));
            return { ...r, bytes: r.bytes ? btoa(b64) : undefined };
          },
          {
            bundle,
            font: Buffer.from(fontBytes()).toString('base64'),
            png: Buffer.from(png).toString('base64'),
            sha: createHash('sha256').update(png).digest('hex'),
          },
        );
        expect(result.error).toBeUndefined();
        expect(result.ok).toBe(true);
        expect(result.env).toEqual(['undefined', 'undefined']);
        const file = path.join(os.tmpdir(), `xieshang-worker-${process.pid}.pdf`);
        fs.writeFileSync(file, Buffer.from(result.bytes!, 'base64'));
        try {
          const text = pdftotext(file).replace(/\s+/g, '');
          expect(text).toContain('张晓梅');
          expect(text).toContain('证据1：聊天截图');
        } finally {
          fs.rmSync(file, { force: true });
        }
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
