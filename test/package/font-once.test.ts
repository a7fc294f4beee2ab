// The font is parsed once per bytes object (shared/pdf/fontkit-once.ts), and readDefaultFont
// hands out the same bytes while they are held: the demo's proofs, screenshots and package
// share one parse. Two documents built on one parse keep their own subsets.
import { PDFDocument } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { readDefaultFont } from '../../main/package/build-to-file';
import { fontkitOnce } from '../../shared/pdf/fontkit-once';
import { pdftotext } from './poppler';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('one parse of the font', () => {
  it('the same bytes give the same parsed font; other bytes (a copy) their own', () => {
    const bytes = readDefaultFont();
    // Compared as booleans: a failing toBe would print a 10 MB array or a whole parsed font.
    expect(readDefaultFont() === bytes).toBe(true);
    const a = fontkitOnce.create(bytes);
    expect(fontkitOnce.create(bytes) === a).toBe(true);
    expect(fontkitOnce.create(Uint8Array.from(bytes)) === a).toBe(false);
  });

  it('two documents embedding it from one parse each get their own subset with their own text', async () => {
    const bytes = readDefaultFont();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-font-once-'));
    try {
      const texts = ['协商还款申请书', '停止催收告知函 95188'];
      const sizes: number[] = [];
      for (const [i, text] of texts.entries()) {
        const doc = await PDFDocument.create();
        doc.registerFontkit(fontkitOnce);
        const font = await doc.embedFont(bytes, { subset: true });
        doc.addPage().drawText(text, { x: 50, y: 700, size: 20, font });
        const file = path.join(dir, `${i}.pdf`);
        const saved = await doc.save();
        sizes.push(saved.length);
        fs.writeFileSync(file, saved);
        expect(pdftotext(file).trim()).toBe(text);
      }
      // Subsets, not the whole 10 MB font.
      for (const size of sizes) expect(size).toBeLessThan(100_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
