// The links between sections (issues 4 and 5): two chat screenshots selected in 证据 become
// one contact in 时间线; from the contact to its evidence and back again; and in 债务 an
// imported SMS picked into "check a collection message" instead of pasting it.
import { test, expect } from './fixtures';
import { createVault } from './steps';
import { addDays, beijingLocalToMs, todayBeijing } from '../shared/time/beijing';
import { chatScreenshot } from '../test/evidence/samples';

const bj = (mo: number, d: number, h: number, mi = 0) => beijingLocalToMs(2024, mo, d, h, mi, 0);

/** One message of an "SMS Backup & Restore" file, as in timeline.spec.ts. */
function sms(address: string, date: number, type: 1 | 2, body: string): string {
  return `  <sms protocol="0" address="${address}" date="${date}" type="${type}" subject="null" body="${body}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" readable_date="" contact_name="(Unknown)" />`;
}

const CLAIM = '【花呗】您的账单已逾期75天，欠款总额12,888.00元，请立即还款，否则将移交外访。';
const BACKUP = [
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
  '<smses count="2">',
  sms('95188', bj(10, 14, 9, 30), 1, CLAIM),
  sms('95188', bj(10, 14, 9, 45), 2, '我已经在申请协商。'),
  '</smses>',
].join('\n');

test('links: screenshots → a contact → its evidence and back; an imported SMS into the debts check', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  const card = (name: string) => page.locator(`[data-testid="evidence-card"][data-name="${name}"]`);

  await createVault(page);

  // Two chat screenshots (the earlier one at 2024-10-18 14:30:22 by its name).
  await id('evidence-file-input').setInputFiles([
    { name: 'Screenshot_20241018-143022.png', mimeType: 'image/png', buffer: await chatScreenshot(['您好，您的花呗已逾期 35 天', '我想申请分期'], { seed: 1 }) },
    { name: 'Screenshot_20241018-143510.png', mimeType: 'image/png', buffer: await chatScreenshot(['可以提交困难证明申请', '好的'], { seed: 2 }) },
  ]);
  await expect(id('evidence-import-panel')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await id('evidence-import-close').click();
  await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(2);

  // Select both → 生成联系记录 (the channel defaults to in-app online chat).
  await card('Screenshot_20241018-143022.png').getByTestId('evidence-card-select').check();
  await card('Screenshot_20241018-143510.png').getByTestId('evidence-card-select').check();
  await id('evidence-make-contact').click();
  await expect(id('make-contact-dialog')).toBeVisible();
  await expect(id('make-contact-channel')).toHaveValue('chat');
  await id('make-contact-party').selectOption('creditor');
  await id('make-contact-organisation').fill('花呗');
  await id('make-contact-summary').fill('在线客服说可以提交困难证明申请分期');
  await app.shot('links-01-make-contact');
  await id('make-contact-submit').click();
  await expect(id('make-contact-done')).toContainText('2024-10-18 14:30');
  await expect(id('make-contact-done')).toContainText('关联了 2 项证据');
  await app.shot('links-02-contact-made');

  // → 时间线: the new contact selected, with both screenshots linked.
  await id('make-contact-goto').click();
  await expect(id('section-timeline')).toBeVisible();
  await expect(id('entry-detail')).toBeVisible();
  const contactId = await id('entry-detail').getAttribute('data-id');
  expect(contactId).toBeTruthy();
  await expect(page.locator(`[data-testid="timeline-entry"][data-id="${contactId}"]`)).toBeVisible();
  await expect(id('entry-detail')).toContainText('在线客服说可以提交困难证明申请分期');
  await expect(id('detail-evidence-goto')).toHaveCount(2);
  await app.shot('links-03-timeline-contact');

  // → 证据: that item opened in its detail, which lists the contact.
  const evidenceId = await id('detail-evidence-goto').first().getAttribute('data-evidence-id');
  await id('detail-evidence-goto').first().click();
  await expect(id('section-evidence')).toBeVisible();
  await expect(id('evidence-detail')).toBeVisible();
  await expect(id('evidence-preview')).toBeVisible();
  await expect(page.locator(`[data-testid="evidence-card"][data-id="${evidenceId}"]`)).toHaveCount(1);
  await expect(id('evidence-detail-contacts')).toContainText('1 条联系记录');
  await expect(id('evidence-detail-contact-goto')).toHaveAttribute('data-contact-id', contactId!);
  await id('evidence-detail-contacts').scrollIntoViewIfNeeded();
  await app.shot('links-04-evidence-detail-contacts');

  // ← back to 时间线 with the same contact selected; keyboard works on the link.
  await id('evidence-detail-contact-goto').focus();
  await page.keyboard.press('Enter');
  await expect(id('section-timeline')).toBeVisible();
  await expect(id('entry-detail')).toHaveAttribute('data-id', contactId!);

  // An SMS backup imported in the timeline.
  await id('import-sms-input').setInputFiles({ name: 'sms.xml', mimeType: 'text/xml', buffer: Buffer.from(BACKUP) });
  await expect(id('import-status')).toContainText('已导入 2 条短信', { timeout: 20_000 });

  // 债务: one account, then the check filled from the imported (incoming) SMS.
  await id('nav-debts').click();
  await id('account-add').click();
  await id('account-principal').fill('¥10,000.00');
  await id('account-due').fill(addDays(todayBeijing(), -60));
  await id('account-save').click();
  await expect(id('account-saved')).toBeVisible();

  await id('sms-check').scrollIntoViewIfNeeded();
  await id('sms-pick').click();
  await expect(id('sms-pick-item')).toHaveCount(1); // the outgoing reply is not offered
  await expect(id('sms-pick-item')).toContainText('逾期75天');
  await app.shot('links-05-sms-picker');
  await id('sms-pick-item').click();
  await expect(id('sms-body')).toHaveValue(CLAIM);
  await expect(id('sms-date')).toHaveValue('2024-10-14');
  await expect(id('sms-picked')).toContainText('95188');
  await expect(id('sms-pick-list')).toHaveCount(0);
  await id('sms-submit').click();
  await expect(id('sms-claimed-amount')).toHaveText('¥12,888.00');
  await expect(id('sms-result')).toHaveAttribute('data-verdict', 'differs');
  await id('sms-check').scrollIntoViewIfNeeded();
  await app.shot('links-06-sms-checked');
});
