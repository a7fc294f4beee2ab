// Real OCR at import on a real encrypted vault: screenshots drawn in the system CJK font
// are read in the OCR worker thread, their text and line boxes stored (blob_ocr), found by
// search (also a phrase that a chat bubble wrapped over two lines), returned by itemText,
// and the category follows from the text (an IMG_… chat → 聊天截图, an SMS list → 短信).
import { describe, it, expect, beforeAll } from 'vitest';
import { importPaths } from '../../main/vault/evidence/import-files';
import { itemText, listItems, searchAll } from '../../main/vault/evidence/items';
import { ocrOfBlob } from '../../main/vault/evidence/ocr-store';
import { drawChat, drawSmsList, type DrawnScreen } from '../../bench/ocr-screens';
import { newVault, noTask } from '../evidence/fixtures';
import { write } from '../evidence/samples';

let chat: DrawnScreen;
let sms: DrawnScreen;

beforeAll(async () => {
  chat = await drawChat('chat', '花呗客服', '昨天 22:41', [
    { side: 'left', text: '您好，您的花呗账单已逾期第15日，剩余应还金额¥3,256.78元。' },
    { side: 'right', text: '我目前收入中断，申请停息挂账，分60期还款。' },
    { side: 'left', text: '请于今日23:59前还款，否则将上报征信并委托第三方催收。' },
  ]);
  sms = await drawSmsList('sms', [
    { sender: '95188', date: '10月18日', text: '【支付宝】您的花呗本月账单3,256.78元已逾期，请尽快还款。' },
    { sender: '106575550123', date: '昨天', text: '【借呗】您尚欠款项12,000.00元，已逾期第32日。' },
  ]);
});

describe('OCR at import', () => {
  it('stores the lines with boxes, indexes the text (across a wrapped line), guesses the category, gives the text', async () => {
    const { vault, dir } = newVault();
    const chatFile = write(dir, 'in/IMG_20261018_224100.png', chat.png);
    const smsFile = write(dir, 'in/IMG_20261019_091500.png', sms.png);
    const { results } = await importPaths(vault, [chatFile, smsFile], {}, noTask);
    const [c, s] = results as { id: string; category: string }[];
    expect(c!.category).toBe('chat_screenshot');
    expect(s!.category).toBe('sms');

    const blob = (vault.handle.prepare('SELECT blob_id FROM evidence_items WHERE id = ?').get(c!.id) as { blob_id: number }).blob_id;
    const ocr = ocrOfBlob(vault.handle, blob)!;
    expect(ocr).toMatchObject({ status: 'done', engine: 'ppocr-v4', width: 1080, height: 2340 });
    const header = ocr.lines.find((l) => l.text.replace(/\s/g, '') === '昨天22:41')!;
    expect(header, ocr.lines.map((l) => l.text).join('|')).toBeDefined();
    // The header is drawn centred at y≈320 (baseline) in 34 px type.
    expect(header.box.x + header.box.w / 2).toBeGreaterThan(480);
    expect(header.box.x + header.box.w / 2).toBeLessThan(600);
    expect(header.box.y).toBeGreaterThan(270);
    expect(header.box.y + header.box.h).toBeLessThan(345);
    // Reading order: top to bottom.
    for (let i = 1; i < ocr.lines.length; i++) expect(ocr.lines[i]!.box.y + ocr.lines[i]!.box.h).toBeGreaterThan(ocr.lines[i - 1]!.box.y);

    // A word inside the image; an amount typed with a half-width ¥; a phrase wrapped over two bubble lines (…否则将上 | 报征信…).
    for (const q of ['停息挂账', '¥3,256.78', '否则将上报征信', '逾期']) {
      expect(
        searchAll(vault.handle, q).map((h) => h.id),
        q,
      ).toContain(c!.id);
    }
    expect(searchAll(vault.handle, '尚欠款项').map((h) => h.id)).toEqual([s!.id]);
    expect(listItems(vault.handle, { query: '委托第三方催收' }).items.map((i) => i.id)).toEqual([c!.id]);

    const text = itemText(vault.handle, c!.id);
    expect(text.source).toBe('ocr');
    expect(text.text).toContain('请于今日23:59前还款，否则将上报征信并委托第三方催收。');
    vault.close();
  }, 120_000);

  it('--no-ocr (ocr: false) keeps the image without text; nothing is found inside it', async () => {
    const { vault, dir } = newVault();
    const file = write(dir, 'in/IMG_20261018_224100.png', chat.png);
    const { results } = await importPaths(vault, [file], { ocr: false }, noTask);
    const id = (results[0] as { id: string }).id;
    expect(itemText(vault.handle, id)).toEqual({ text: '', source: null });
    expect(searchAll(vault.handle, '停息挂账')).toEqual([]);
    expect(vault.handle.prepare('SELECT COUNT(*) AS n FROM blob_ocr').get()).toEqual({ n: 0 });
    vault.close();
  }, 60_000);
});
