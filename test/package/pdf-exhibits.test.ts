// PDF exhibits as a reader shows them: a rotated page keeps its orientation, a filled form
// keeps its field values (annotation appearances drawn into the page), a cropped page keeps
// its crop; a broken content stream is refused, never a blank page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees, PDFName } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../shared/pdf/build';
import { ExhibitDamagedError } from '../../shared/pdf/errors';
import { baseModel, exhibit, fontBytes } from './fixtures';
import { pageDeviations, pdftotext } from './poppler';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-pdfex-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const pdfEx = (bytes: Uint8Array, title = '合同') => exhibit({ n: 1, title, category: '合同', kind: 'pdf', mime: 'application/pdf', fileName: 'c.pdf', bytes });

async function build(bytes: Uint8Array, name: string): Promise<{ file: string; sizes: [number, number][] }> {
  const r = await buildPackage(baseModel({ exhibits: [pdfEx(bytes)] }), fontBytes(), { collectLayout: true });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, r.bytes!);
  return { file, sizes: r.pageSizes! };
}

describe('PDF exhibits', () => {
  it('a page with /Rotate 90 is shown turned, on a landscape page, text intact', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    page.drawText('Rotated loan contract', { x: 50, y: 780, size: 20, font });
    page.setRotation(degrees(90));
    const { file, sizes } = await build(new Uint8Array(await doc.save()), 'rotated');
    const [w, h] = sizes.at(-1)!;
    expect(w).toBeGreaterThan(h);
    expect(pdftotext(file)).toContain('Rotated loan contract');
  });

  it('a filled form keeps its values (widget appearances drawn into the page)', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([400, 300]);
    const form = doc.getForm();
    const field = form.createTextField('amount');
    field.setText('Agreed amount 12345.67');
    field.addToPage(page, { x: 40, y: 150, width: 300, height: 30 });
    form.updateFieldAppearances();
    const { file } = await build(new Uint8Array(await doc.save()), 'form');
    expect(pdftotext(file)).toContain('Agreed amount 12345.67');
  });

  it('a crop box is respected (content outside it is not shown)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([600, 800]);
    page.drawText('INSIDE the crop', { x: 120, y: 500, size: 18, font });
    page.drawText('OUTSIDE the crop', { x: 120, y: 100, size: 18, font });
    page.setCropBox(100, 300, 400, 400);
    const { file } = await build(new Uint8Array(await doc.save()), 'crop');
    const text = pdftotext(file);
    expect(text).toContain('INSIDE the crop');
    expect(text).not.toContain('OUTSIDE the crop');
  });

  it('a content stream that does not decode is refused (not shipped as a blank page)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([300, 300]).drawText('hello', { x: 10, y: 10, size: 12, font });
    // Replace the page's content with garbage that claims to be Flate data.
    const page = doc.getPage(0);
    const garbage = doc.context.stream(
      new Uint8Array(200).map((_, i) => (i * 37 + 11) & 255),
      { Filter: 'FlateDecode' },
    );
    page.node.set(PDFName.of('Contents'), doc.context.register(garbage));
    const bytes = new Uint8Array(await doc.save({ useObjectStreams: false }));
    await expect(buildPackage(baseModel({ exhibits: [pdfEx(bytes, '坏掉的合同')] }), fontBytes())).rejects.toBeInstanceOf(ExhibitDamagedError);
  });

  it('every exhibit page renders with content', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 0; i < 3; i++) doc.addPage([300, 400]).drawText(`Receipt ${i + 1}`, { x: 20, y: 300, size: 30, font });
    const { file } = await build(new Uint8Array(await doc.save()), 'receipts');
    const devs = await pageDeviations(file, fs.mkdtempSync(path.join(dir, 'p-')));
    for (const d of devs) expect(d).toBeGreaterThan(3);
  });
});
