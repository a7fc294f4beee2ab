// An exhibit page of a package carries the recognised text invisibly over the screenshot:
// pdftotext finds the words on that page, and the page looks exactly the same as without
// the text (render mode 3 draws nothing).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { buildPackage } from '../../shared/pdf/build';
import { OcrClient } from '../../main/ocr/client';
import { drawChat } from '../../bench/ocr-screens';
import { baseModel, exhibit, fontBytes } from '../package/fixtures';
import { pdftotext } from '../package/poppler';
import { tmpDir } from '../helpers/tmp';

describe('exhibit pages carry the OCR text', () => {
  it('pdftotext reads the recognised words on the exhibit page; the rendering is unchanged', async () => {
    const shot = await drawChat('c', '花呗客服', '昨天 22:41', [
      { side: 'left', text: '您好，您的花呗账单已逾期第15日，剩余应还金额¥3,256.78元。' },
      { side: 'right', text: '我目前收入中断，申请停息挂账，分60期还款。' },
    ]);
    const client = new OcrClient(1);
    const out = await client.recognise(shot.png);
    await client.close();
    if (out.status !== 'done') throw new Error(JSON.stringify(out));
    const ocr = { width: out.result.width, height: out.result.height, lines: out.result.lines.map((l) => ({ text: l.text, box: l.box })) };
    const bytes = new Uint8Array(shot.png);
    const ex = { ...exhibit({ n: 1, title: '花呗客服聊天', category: '聊天截图', kind: 'image', mime: 'image/png', fileName: 'IMG_1.png', bytes }) };
    const dir = tmpDir();
    const withText = path.join(dir, 'with.pdf');
    const without = path.join(dir, 'without.pdf');
    fs.writeFileSync(withText, (await buildPackage(baseModel({ exhibits: [{ ...ex, ocr }] }), fontBytes())).bytes!);
    fs.writeFileSync(without, (await buildPackage(baseModel({ exhibits: [ex] }), fontBytes())).bytes!);

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [withText], { encoding: 'utf8' }))![1]);
    const pageText = (file: string, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const exhibitPage = Array.from({ length: pages }, (_, i) => i + 1).find((n) => pageText(withText, n).includes('证据 1：花呗客服聊天'))!;
    expect(exhibitPage).toBeDefined();
    const text = pageText(withText, exhibitPage).replace(/\s+/g, '');
    for (const w of ['剩余应还金额', '3,256.78', '申请停息挂账', '昨天22:41']) expect(text, text).toContain(w);
    expect(pageText(without, exhibitPage)).not.toContain('停息挂账');
    expect(pdftotext(withText).length).toBeGreaterThan(pdftotext(without).length);

    // Invisible: the exhibit page renders to the same pixels with and without the text.
    const render = (file: string) => {
      const base = path.join(dir, path.basename(file, '.pdf'));
      execFileSync('pdftoppm', ['-f', String(exhibitPage), '-l', String(exhibitPage), '-r', '40', '-gray', '-singlefile', file, base]);
      return fs.readFileSync(`${base}.pgm`);
    };
    expect(render(withText).equals(render(without))).toBe(true);
  }, 120_000);
});
