// The OCR engine on screenshots drawn in the system CJK font (WenQuanYi Micro Hei), through
// the real worker thread: character error rate within the goal (≤ 2 %), line boxes where the
// text was drawn; a read past its budget is stopped and reported, and the next read works.
// Plus the pure parts (box finding, CTC decoding, reading order, paragraphs) on exact inputs.
import { describe, it, expect, afterAll } from 'vitest';
import { OcrClient } from '../../main/ocr/client';
import { characterErrors } from '../../main/ocr/cer';
import { boxesFromProbMap } from '../../main/ocr/db-postprocess';
import { ctcGreedy } from '../../main/ocr/ctc';
import { inReadingOrder, paragraphText } from '../../main/ocr/reading-order';
import { standardScreens } from '../../bench/ocr-screens';
import type { OcrLine } from '../../shared/ocr/types';

const client = new OcrClient(1);
afterAll(() => client.close());

describe('PP-OCRv4 on drawn phone screens', () => {
  it('reads a chat and an SMS list with CER ≤ 2 %', async () => {
    const screens = (await standardScreens()).filter((s) => s.name === 'chat-huabei' || s.name === 'sms-list-1');
    let errors = 0;
    let chars = 0;
    for (const s of screens) {
      const out = await client.recognise(s.png);
      if (out.status !== 'done') throw new Error(`${s.name}: ${JSON.stringify(out)}`);
      const e = characterErrors(s.lines.join('\n'), out.result.lines.map((l) => l.text).join('\n'));
      expect(e.errors / e.chars, `${s.name}: ${out.result.lines.map((l) => l.text).join('|')}`).toBeLessThanOrEqual(0.02);
      errors += e.errors;
      chars += e.chars;
      expect(out.result).toMatchObject({ engine: 'ppocr-v4', width: 1080, height: 2340 });
      for (const l of out.result.lines) {
        expect(l.box.x).toBeGreaterThanOrEqual(0);
        expect(l.box.x + l.box.w).toBeLessThanOrEqual(1080);
        expect(l.confidence).toBeGreaterThan(0.5);
      }
    }
    expect(chars).toBeGreaterThan(400);
    expect(errors / chars).toBeLessThanOrEqual(0.02);
    // The SMS list's first sender, drawn at x=200 with its baseline at y=370 in 46 px type.
    const sms = await client.recognise(screens[1]!.png);
    if (sms.status !== 'done') throw new Error('sms');
    const sender = sms.result.lines.find((l) => l.text === '95188')!;
    expect(sender.box.x).toBeGreaterThan(185);
    expect(sender.box.x).toBeLessThan(215);
    expect(sender.box.y).toBeGreaterThan(320);
    expect(sender.box.y + sender.box.h).toBeLessThan(390);
  }, 180_000);

  it('a read past its time budget is stopped and reported as timeout; the next read works', async () => {
    const [s] = await standardScreens();
    const out = await client.recognise(s!.png, 1);
    expect(out.status).toBe('timeout');
    const again = await client.recognise(s!.png);
    expect(again.status).toBe('done');
  }, 180_000);

  it('bytes that are not an image fail cleanly', async () => {
    const out = await client.recognise(Buffer.from('not an image at all'));
    expect(out.status).toBe('failed');
  }, 60_000);
});

describe('the pure steps', () => {
  it('finds one box per region, grown back by the unclip distance, and drops faint or thin regions', () => {
    const w = 40;
    const h = 20;
    const prob = new Float32Array(w * h);
    for (let y = 5; y < 9; y++) for (let x = 4; x < 24; x++) prob[y * w + x] = 0.9; // a 20×4 text core
    for (let y = 14; y < 18; y++) for (let x = 30; x < 38; x++) prob[y * w + x] = 0.4; // faint: mean below 0.6
    prob[2 * w + 35] = 0.95; // a single pixel
    const boxes = boxesFromProbMap(prob, w, h);
    expect(boxes).toHaveLength(1);
    const d = (20 * 4 * 1.5) / (2 * 24); // 2.5
    expect(boxes[0]).toMatchObject({ x: 4 - d, y: 5 - d, w: 20 + 2 * d, h: 4 + 2 * d });
    expect(boxes[0]!.score).toBeCloseTo(0.9, 5);
  });

  it('CTC: repeats collapse, blanks separate, class i is character i − 1', () => {
    const chars = ['欠', '款', '1'];
    const classes = 4;
    const seq = [1, 1, 0, 2, 2, 0, 2, 3];
    const probs = new Float32Array(seq.length * classes);
    seq.forEach((c, t) => (probs[t * classes + c] = 0.9));
    expect(ctcGreedy(probs, seq.length, classes, chars)).toEqual({ text: '欠款款1', confidence: expect.closeTo(0.9, 5) });
  });

  it('reading order by rows; a bubble wrapped over two lines is one paragraph', () => {
    const line = (text: string, x: number, y: number, w = 300, h = 40): OcrLine => ({ text, box: { x, y, w, h }, confidence: 0.9 });
    const lines = inReadingOrder([line('报征信。', 100, 160), line('10月18日', 800, 22, 150, 30), line('请于今日还款，否则将上', 100, 100), line('95188', 100, 20)]);
    expect(lines.map((l) => l.text)).toEqual(['95188', '10月18日', '请于今日还款，否则将上', '报征信。']);
    expect(paragraphText(lines)).toBe('95188\n10月18日\n请于今日还款，否则将上报征信。');
    expect(paragraphText([line('Please pay', 100, 100), line('today', 100, 150)])).toBe('Please pay today');
  });
});
