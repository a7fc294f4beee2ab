// Issue 11's user journey through the real renderer and services: the first screen of a new
// vault, record an agreement (refused first when the installments do not add up), see the
// schedule and the owed figure follow it, pay an installment with a receipt, pay half of the
// next, see the reminder before its due date, export the calendar, record an application
// round with an oral answer, import an Alipay CSV (GBK) and a WeChat Pay xlsx made here in
// the real formats and see the month's budget.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { createVault } from './steps';
import { addDays, todayBeijing } from '../shared/time/beijing';
import { alipayGbk, wechatXlsx } from '../test/bills/samples';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('agreement, payments, reminder, calendar, rounds and a budget from real bills', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  const today = todayBeijing();

  // A new vault opens on 首页 with what to do first.
  await page.getByTestId('create-passphrase').waitFor();
  await createVault(page);
  await id('nav-home').click();
  await expect(id('home-first')).toBeVisible();
  await expect(id('home-step-evidence')).toHaveAttribute('data-state', 'todo');
  await app.shot('repayments-01-home-first');

  // A debt: 花呗 ¥3,000.00, overdue 30 days.
  await id('nav-debts').click();
  await id('account-add').click();
  await id('account-principal').fill('3000');
  await id('account-due').fill(addDays(today, -30));
  await id('account-save').click();
  await expect(id('account-saved')).toBeVisible();

  // Evidence: a repayment screenshot and two bills.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-e2e-bills-'));
  const files = {
    receipt: path.join(dir, '还款截图.png'),
    alipay: path.join(dir, 'alipay_record_202603.csv'),
    wechat: path.join(dir, '微信支付账单(20260301-20260331).xlsx'),
  };
  fs.writeFileSync(files.receipt, PNG);
  fs.writeFileSync(files.alipay, alipayGbk());
  fs.writeFileSync(files.wechat, wechatXlsx());
  await id('nav-evidence').click();
  await id('evidence-file-input').setInputFiles(Object.values(files));
  await expect(id('evidence-import-panel')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await id('evidence-import-close').click();

  // 还款: nothing yet.
  await id('nav-repayments').click();
  await expect(id('rp-empty')).toBeVisible();
  await id('rp-new-open').click();
  await id('rp-new-signedOn').fill(addDays(today, -10));
  await id('rp-new-total').fill('3000');
  // Installments that do not add up are refused, and nothing is saved.
  await id('rp-new-lines').fill(`${addDays(today, 2)} 1000.00\n${addDays(today, 32)} 1000.00\n${addDays(today, 62)} 999.00`);
  await id('rp-new-principal').fill('3000');
  await id('rp-new-wPenalty').fill('45');
  await id('rp-new-noNewCards').check();
  await id('rp-new-inWriting').uncheck();
  await id('rp-new-save').click();
  await expect(id('rp-new-error')).toContainText('各期之和为 2999.00 元，不等于协议总额 3000.00 元');
  await app.shot('repayments-02-agreement-refused');
  await id('rp-new-lines').fill(`${addDays(today, 2)} 1000.00\n${addDays(today, 32)} 1000.00\n${addDays(today, 62)} 1000.00`);
  await id('rp-new-save').click();
  await expect(id('rp-saved')).toBeVisible();
  await expect(id('rp-agreement')).toHaveCount(1);
  await expect(id('rp-needs-writing')).toBeVisible();
  await expect(id('rp-installment')).toHaveCount(3);
  await expect(page.locator('[data-testid="rp-installment"]').nth(0)).toHaveAttribute('data-status', 'due');

  // The first installment is due in 2 days: the reminder (3 days before) is already shown.
  await expect(id('reminders')).toBeVisible({ timeout: 15_000 });
  await expect(id('reminder-item').first()).toContainText(`还款提醒：重庆蚂蚁消费金融有限公司：第 1 期 ${addDays(today, 2)} 到期`);
  await app.shot('repayments-03-agreement-and-reminder');
  await id('reminders-close').click();

  // Pay the first installment with the screenshot as receipt, then half of the next.
  await expect(id('rp-pay-amount')).toHaveValue('1000.00');
  // A payment date in the future is refused where it is typed (it has not happened yet).
  await id('rp-pay-date').fill('2099年1月1日');
  await id('rp-pay-submit').click();
  await expect(id('rp-pay-date-error')).toContainText('在今天');
  await expect(id('rp-pay-done')).toHaveCount(0);
  await id('rp-pay-date').fill(today);
  await expect(id('rp-pay-date-understood')).toContainText('将记为');
  await id('rp-pay-receipt').selectOption({ label: '还款截图.png' });
  await id('rp-pay-submit').click();
  await expect(id('rp-pay-done')).toContainText('剩余 ¥2,000.00');
  await id('rp-pay-amount').fill('500');
  await id('rp-pay-submit').click();
  await expect(id('rp-pay-done')).toContainText('剩余 ¥1,500.00');
  const statuses = await page.locator('[data-testid="rp-installment"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
  expect(statuses).toEqual(['paid', 'partial', 'upcoming']);
  await expect(id('rp-payment')).toHaveCount(2);
  await expect(id('rp-payment').first()).toContainText('凭证：还款截图.png');
  // Above what remains: refused with the reason.
  await id('rp-pay-amount').fill('1500.01');
  await id('rp-pay-submit').click();
  await expect(id('rp-pay-error')).toContainText('超过协议剩余未还的 1500.00 元');
  await expect(id('rp-summary')).toContainText('剩余 ¥1,500.00');
  await id('rp-agreement').scrollIntoViewIfNeeded();
  await app.shot('repayments-04-schedule-after-payments');

  // The calendar for the phone, without names or amounts.
  await id('rp-ics-export').click();
  await expect(id('rp-ics-done')).toContainText('已导出 2 个日历事件');
  const out = (await id('rp-ics-done').textContent())!.match(/：(.+\.ics)/)![1]!;
  const ics = fs.readFileSync(out, 'utf8');
  expect(ics).toContain('BEGIN:VALARM');
  // What a locked phone can show (the summaries and alarm texts) carries no name and no amount.
  const shown = ics
    .split('\r\n')
    .filter((l) => /^(SUMMARY|DESCRIPTION):/.test(l))
    .join('\n');
  expect(shown).not.toMatch(/蚂蚁|1000|500|¥/);

  // An application round: accepted on the phone — flagged until confirmed in writing.
  await id('rp-round-sent').fill(addDays(today, -20));
  await id('rp-round-save').click();
  await expect(id('rp-round')).toHaveCount(1);
  await expect(id('rp-round-window')).toContainText('第 7 个工作日');
  await id('rp-round-outcome').selectOption('accepted');
  await id('rp-round-outcome-on').fill(addDays(today, -12));
  await id('rp-round-words').fill('客服说：同意分三期，每期一千，减免罚息。');
  await id('rp-round-oral-check').check();
  await id('rp-round-outcome-save').click();
  await expect(id('rp-round-oral')).toBeVisible();
  await id('rp-rounds').scrollIntoViewIfNeeded();
  await app.shot('repayments-05-round-oral');

  // Budget from the bills: Alipay CSV (GBK) and WeChat Pay xlsx.
  await id('rp-bill-pick').selectOption({ label: 'alipay_record_202603.csv' });
  await id('rp-bill-import').click();
  await expect(id('rp-bill-done')).toContainText('新增 6 条');
  await id('rp-bill-pick').selectOption({ label: '微信支付账单(20260301-20260331).xlsx' });
  await id('rp-bill-import').click();
  await expect(id('rp-bill-done')).toContainText('新增 6 条');
  await id('rp-bill-import').click();
  await expect(id('rp-bill-done')).toContainText('新增 0 条，已导入过 6 条');
  await id('rp-budget-month').fill('2026-03');
  await expect(id('rp-budget-actual')).toContainText('收入 ¥588.00，支出 ¥1,570.50');
  await expect(id('rp-budget-categories')).toContainText('日用百货');
  await id('rp-budget').scrollIntoViewIfNeeded();
  await app.shot('repayments-06-budget');

  // 首页: the owed figure follows the agreement, the next due date, the steps.
  await id('nav-home').click();
  await expect(id('home-creditor')).toHaveAttribute('data-basis', 'agreement');
  await expect(id('home-creditor')).toContainText('¥1,500.00');
  await expect(id('home-next-due')).toContainText(addDays(today, 32));
  await expect(id('home-step-agreement')).toHaveAttribute('data-state', 'started');
  await app.shot('repayments-07-home');

  // 债务: the account's figure follows the agreement, not the penalty rule.
  await id('nav-debts').click();
  await expect(id('debts-total')).toHaveText('¥1,500.00');
  await expect(id('account-agreement-owed')).toContainText('按协议还剩 ¥1,500.00');
  await app.shot('repayments-08-debts-follow-agreement');
  fs.rmSync(dir, { recursive: true, force: true });
});
