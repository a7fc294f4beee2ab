// Issue 12 on real OCR: a chat screenshot drawn here in the system CJK font is dropped in and
// read at import; "从截图生成联系记录" proposes its messages from the stored OCR lines (times
// resolved against the capture date, directions from the bubble side), one is corrected, the
// ticked ones are confirmed and appear in the timeline linked to the screenshot, with the
// claims of what the other side wrote.
import { test, expect } from './fixtures';
import { createVault, dropFiles } from './steps';
import { drawChat } from '../bench/ocr-screens';

test('a chat screenshot proposes its contacts from the real OCR lines; corrected and confirmed, they are in the timeline', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);

  // Taken 2026-10-18 09:15 (the file name): "昨天 22:41" is 2026-10-17 22:41.
  const chat = await drawChat('chat', '花呗客服', '昨天 22:41', [
    { side: 'left', text: '您好，您的花呗账单已逾期第15日，剩余应还金额¥3,256.78元。' },
    // One line: a right bubble wrapped to the full drawing width starts where a left one does
    // (bench/ocr-screens.ts draws both sides 690 px wide), which no geometry can tell apart.
    { side: 'right', text: '申请停息挂账，分60期还款。' },
    { side: 'left', text: '请于今日23:59前还款，否则将上报征信。' },
  ]);
  await dropFiles(page, [{ name: 'IMG_20261018_091500.png', bytes: chat.png, type: 'image/png' }]);
  await expect(id('evidence-import-panel')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await id('evidence-import-close').click();
  const card = page.locator('[data-testid="evidence-card"][data-name="IMG_20261018_091500.png"]');
  await expect(card).toContainText('聊天截图');

  await card.getByTestId('evidence-card-open').click();
  await expect(id('evidence-detail')).toBeVisible();
  await id('screenshot-contacts').click();
  const dialog = id('proposed-contacts');
  await expect(dialog).toBeVisible();
  const items = dialog.getByTestId('proposed-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveAttribute('data-direction', 'incoming');
  await expect(items.nth(1)).toHaveAttribute('data-direction', 'outgoing');
  await expect(items.nth(2)).toHaveAttribute('data-direction', 'incoming');
  for (let i = 0; i < 3; i++) await expect(items.nth(i).getByTestId('proposed-at')).toHaveValue('2026-10-17T22:41');
  await expect(items.nth(0).getByTestId('proposed-sender')).toHaveValue('花呗客服');
  await expect(items.nth(0).getByTestId('proposed-text')).toHaveValue(/已逾期第15日/);
  await expect(items.nth(1).getByTestId('proposed-text')).toHaveValue(/申请停息挂账/);
  await expect(items.nth(0).getByTestId('proposed-claims')).toContainText('3256.78');
  await expect(items.nth(0).getByTestId('proposed-claims')).toContainText('15');

  // A correction: the reply was written four minutes later than the header says.
  await items.nth(1).getByTestId('proposed-at').fill('2026-10-17T22:45');
  await dialog.scrollIntoViewIfNeeded();
  await app.shot('ocr-03-proposed-contacts');
  await dialog.getByTestId('proposed-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(id('screenshot-contacts-note')).toContainText('3');
  await id('evidence-detail-close').click();

  // In the timeline: three chat entries on 2026-10-17, directions and times as confirmed, each with the screenshot.
  await id('nav-timeline').click();
  const entries = id('timeline-entry');
  await expect(entries).toHaveCount(3);
  const reply = entries.filter({ hasText: '22:45' });
  await expect(reply).toHaveCount(1);
  await expect(reply).toContainText('申请停息挂账');
  await expect(reply.locator('.tl-chip')).toHaveText(/^去/);
  const first = entries.filter({ hasText: '已逾期第15日' });
  await expect(first).toContainText('22:41');
  await expect(first.locator('.tl-chip')).toHaveText(/^来/);
  await expect(first).toContainText('证据 1');
  await first.click();
  const detail = id('entry-detail');
  await expect(detail).toContainText('3256.78');
  await expect(detail).toContainText('15');
  await expect(detail.getByTestId('detail-body')).toContainText('已逾期第15日');
  await expect(detail).toContainText('消息原文（截图识别）');
  await expect(detail.getByTestId('detail-evidence-open')).toContainText('IMG_20261018_091500.png');
  await app.shot('ocr-04-timeline-from-screenshot');
});
