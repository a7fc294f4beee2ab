// Issue 12 in the real renderer: screenshots drawn in the system CJK font are dropped in,
// read by OCR at import, found by a word that is only inside the picture (also a phrase a
// chat bubble wrapped), categorised from their text; the preview shows the recognised text
// over the image, and that text can be selected.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createVault, dropFiles } from './steps';
import { drawChat, drawSmsList } from '../bench/ocr-screens';

const card = (page: Page, name: string) => page.locator(`[data-testid="evidence-card"][data-name="${name}"]`);

test('screenshots are read at import: search finds words inside them, the preview shows and selects the text', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);

  const chat = await drawChat('chat', '花呗客服', '昨天 22:41', [
    { side: 'left', text: '您好，您的花呗账单已逾期第15日，剩余应还金额¥3,256.78元。' },
    { side: 'right', text: '我目前收入中断，申请停息挂账，分60期还款。' },
    { side: 'left', text: '请于今日23:59前还款，否则将上报征信并委托第三方催收。' },
  ]);
  const sms = await drawSmsList('sms', [
    { sender: '95188', date: '10月18日', text: '【支付宝】您的花呗本月账单3,256.78元已逾期，请尽快还款。' },
    { sender: '106575550123', date: '昨天', text: '【借呗】您尚欠款项12,000.00元，已逾期第32日。' },
  ]);
  await dropFiles(page, [
    { name: 'IMG_20261018_224100.png', bytes: chat.png, type: 'image/png' },
    { name: 'IMG_20261019_091500.png', bytes: sms.png, type: 'image/png' },
  ]);
  await expect(id('evidence-import-panel')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(id('evidence-import-summary')).toHaveText('导入 2 个。');
  await id('evidence-import-close').click();
  // The category came from the recognised text: a chat and an SMS list, not 其他.
  await expect(card(page, 'IMG_20261018_224100.png')).toContainText('聊天截图');
  await expect(card(page, 'IMG_20261019_091500.png')).toContainText('短信');

  // A word that is only inside the chat picture; a phrase wrapped over two bubble lines; an amount.
  for (const [query, name] of [
    ['停息挂账', 'IMG_20261018_224100.png'],
    ['否则将上报征信', 'IMG_20261018_224100.png'],
    ['尚欠款项', 'IMG_20261019_091500.png'],
  ] as const) {
    await id('evidence-search').fill(query);
    await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(1);
    await expect(card(page, name)).toBeVisible();
  }
  await app.shot('ocr-01-search-inside-image');
  // The amount is in both pictures; with the ¥ sign only in the chat.
  await id('evidence-search').fill('3,256.78');
  await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(2);
  await id('evidence-search').fill('¥3,256.78');
  await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(1);
  await expect(card(page, 'IMG_20261018_224100.png')).toBeVisible();
  await id('evidence-search').fill('');
  await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(2);

  // The preview: the recognised lines over the picture, shown on request and selectable.
  await card(page, 'IMG_20261018_224100.png').getByTestId('evidence-card-open').click();
  await expect(id('viewer-ocr-note')).toContainText('识别出');
  const lines = page.getByTestId('ocr-line');
  await expect.poll(() => lines.count()).toBeGreaterThan(8);
  await expect(lines.filter({ hasText: '申请停息挂账' })).toHaveCount(1);
  // Transparent until asked: the picture is what is seen.
  expect(await lines.first().evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
  await id('viewer-ocr-toggle').click();
  await expect(id('viewer-ocr-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(id('viewer-ocr-note')).toContainText('可以选中、复制');
  // Each span sits on its line: the status-bar time is at the top left, the header centred.
  const box = await id('viewer-image').boundingBox();
  const header = await lines.filter({ hasText: '22:41' }).nth(1).boundingBox();
  expect(box && header).toBeTruthy();
  expect(Math.abs(header!.x + header!.width / 2 - (box!.x + box!.width / 2))).toBeLessThan(20);
  // Select the wrapped bubble with the mouse: the selection is the recognised text.
  const first = lines.filter({ hasText: '请于今日23:59前还款' });
  const second = lines.filter({ hasText: '报征信并委托第三方催收' });
  const a = (await first.boundingBox())!;
  const b = (await second.boundingBox())!;
  await page.mouse.move(a.x + 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width - 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  expect(selected.replace(/\s+/g, '')).toContain('否则将上报征信并委托第三方催收');
  await app.shot('ocr-02-text-over-image');
});
