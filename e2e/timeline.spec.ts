// Issue 5's journey through the real renderer and services: import an SMS backup and a
// folder of recordings, see the flagged night calls, record a contact by hand with a
// follow-up date and find it in the agenda, filter and search, open the linked recording
// and come back, dismiss a flag with a reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { createVault } from './steps';
import { monoWav16 } from '../main/demo/wav';
import { addDays, beijingLocalToMs, todayBeijing } from '../shared/time/beijing';

const bj = (mo: number, d: number, h: number, mi = 0) => beijingLocalToMs(2024, mo, d, h, mi, 0);

function sms(address: string, date: number | null, type: 1 | 2, body: string): string {
  const esc = body.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `  <sms protocol="0" address="${address}" ${date === null ? '' : `date="${date}" `}type="${type}" subject="null" body="${esc}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" readable_date="" contact_name="(Unknown)" />`;
}

const BACKUP = [
  "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
  '<smses count="6">',
  sms('95188', bj(10, 14, 9, 30), 1, '【花呗】您的花呗账单已逾期15天，应还金额￥3,208.40，请尽快还款。'),
  sms('95188', bj(10, 16, 22, 40), 1, '【花呗】您已严重逾期，如不处理将移交法务并上门核实。'),
  sms('95188', bj(10, 16, 22, 45), 2, '我已经在申请协商，请不要晚上发消息。'),
  sms('13700001111', bj(10, 18, 23, 15), 1, '你的欠款已委外催收，再不还就联系你的家人和单位。'),
  sms('10086', bj(10, 20, 10, 0), 1, '您本月话费账单已出，共计58.00元。'),
  sms('95188', null, 1, '这条短信没有日期'),
  '</smses>',
].join('\n');

function wav(seconds: number, seed: number): Buffer {
  return monoWav16(8000, seconds * 8000, (i) => Math.round(Math.sin((i * seed) / 20) * 6000));
}

test('timeline: imports, night flags, a contact by hand in the agenda, filters, the linked recording', async ({ app }) => {
  test.setTimeout(150_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);

  await createVault(page);

  await id('nav-timeline').click();
  await expect(id('section-timeline')).toBeVisible();
  await expect(id('timeline-empty')).toBeVisible();
  await app.shot('timeline-01-empty');

  // The SMS backup: five messages in, one without a date refused with its reason.
  await id('import-sms-input').setInputFiles({ name: 'sms-20241021.xml', mimeType: 'text/xml', buffer: Buffer.from(BACKUP) });
  await expect(id('import-status')).toContainText('已导入 5 条短信', { timeout: 20_000 });
  await expect(id('import-status')).toContainText('无法导入的 1 条');
  await expect(id('timeline-count')).toContainText('共 5 条');

  // A folder of recordings: three calls (one night call, one name with no time), one non-audio file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-recordings-'));
  const folder = path.join(dir, '通话录音');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, '95188(95188)_20241016231000.wav'), wav(3, 1));
  fs.writeFileSync(path.join(folder, '13700001111_20241019143000.wav'), wav(2, 2));
  fs.writeFileSync(path.join(folder, '新录音 3.wav'), wav(1, 3));
  fs.writeFileSync(path.join(folder, '备注.txt'), '不是录音');
  await id('import-folder-input').setInputFiles(folder);
  await expect(id('import-status')).toContainText('导入了 3 个录音，1 个文件没有导入', { timeout: 30_000 });
  await expect(id('import-status')).toContainText('备注.txt');
  await expect(id('timeline-count')).toContainText('共 8 条');
  await expect(id('timeline-chart')).toBeVisible();
  await app.shot('timeline-02-imported');

  // The flagged night contacts.
  await id('filter-flagged').check();
  await expect(id('timeline-count')).toContainText('共 3 条');
  const flagged = id('timeline-entry');
  await expect(flagged).toHaveCount(3);
  await expect(flagged.filter({ has: id('flag-night_contact') })).toHaveCount(3);
  await expect(flagged.filter({ hasText: '23:10' })).toContainText('电话');
  await id('timeline-list').scrollIntoViewIfNeeded();
  await app.shot('timeline-03-flagged-night');
  await id('filter-flagged').uncheck();

  // A contact by hand, with a follow-up date: it shows in the agenda.
  const follow = addDays(todayBeijing(), 3);
  await id('timeline-add').click();
  await expect(id('contact-form')).toBeVisible();
  // An empty contact is not saved, and the form says what is missing; a typed time is said back in words.
  await id('form-at').fill('2024年10月21日 上午10点半');
  await expect(id('form-at-understood')).toContainText('2024年10月21日（星期一） 10:30');
  await id('form-save').click();
  await expect(id('form-error')).toContainText('请写上对方是谁');
  await expect(id('contact-form')).toBeVisible();
  await id('form-at').fill('2024/02/30 10:30');
  await id('form-at').blur();
  await expect(id('form-at-error')).toContainText('2024 年 2 月只有 29 天');
  await id('form-at').fill('2024-10-21T10:30');
  await id('form-channel').selectOption('phone');
  await id('form-direction-outgoing').check();
  await id('form-party').selectOption('creditor');
  await id('form-organisation').fill('招商银行信用卡中心');
  await id('form-person').fill('李女士');
  await id('form-agent').fill('9527');
  await id('form-phone').fill('4008205555');
  await id('form-duration').fill('12');
  await id('form-summary').fill('打客服申请个性化分期，说明失业情况。');
  await id('form-they-said').fill('可以申请 36 期，需要提交收入证明');
  await id('form-i-promised').fill('一周内提交材料');
  await id('form-follow-up').fill(follow);
  await id('form-awaiting').check();
  await app.shot('timeline-04-add-contact');
  await id('form-save').click();
  await expect(id('contact-form')).toBeHidden();
  await expect(id('entry-detail')).toContainText('招商银行信用卡中心');
  await id('detail-close').click();
  const agendaItem = id('agenda-item').filter({ hasText: follow });
  await expect(agendaItem).toContainText('招商银行信用卡中心');
  await expect(agendaItem).toContainText('跟进');
  await expect(id('agenda-item').filter({ hasText: '等待答复' })).toContainText('第 7 个工作日');
  // The answer window of that 2024 contact is long past: an in-app reminder says so.
  await expect(id('reminders')).toContainText('等待答复');
  await id('reminders-close').click();
  await id('agenda').scrollIntoViewIfNeeded();
  await app.shot('timeline-05-agenda');

  // Filter and search.
  await id('filter-search').fill('上门');
  await expect(id('timeline-count')).toContainText('共 1 条');
  await expect(id('timeline-entry')).toContainText('移交法务');
  await id('filter-search').fill('');
  await expect(id('timeline-count')).toContainText('共 9 条');
  await id('filter-channel').selectOption('phone');
  await expect(id('timeline-count')).toContainText('共 4 条');
  await id('filter-party').selectOption('collector');
  await expect(id('timeline-count')).toContainText('共 1 条');
  await app.shot('timeline-06-filtered');
  await id('filter-clear').click();
  await expect(id('timeline-count')).toContainText('共 9 条');

  // The night call from 95188: its flag with rule and source; open its recording, then back.
  await id('timeline-entry').filter({ hasText: '23:10' }).click();
  await expect(id('entry-detail')).toContainText('夜间联系');
  await expect(id('flag-card-night_contact')).toContainText('互联网金融贷后催收业务指引');
  await id('flag-card-night_contact').scrollIntoViewIfNeeded();
  await app.shot('timeline-07-detail-flags');
  await id('detail-evidence-open').click();
  await expect(id('evidence-viewer')).toContainText('95188(95188)_20241016231000.wav');
  const duration = await id('viewer-audio').evaluate(
    (el: HTMLAudioElement) =>
      new Promise<number>((resolve) => {
        if (el.readyState >= 1) resolve(el.duration);
        else el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true });
      }),
  );
  expect(Math.round(duration)).toBe(3);
  await app.shot('timeline-08-recording');
  await id('viewer-back').click();
  await expect(id('entry-detail')).toContainText('23:10');

  // Dismiss the night flag with a reason: kept, struck through, with the reason shown.
  await id('flag-card-night_contact').getByTestId('flag-dismiss').click();
  await id('flag-dismiss-reason').fill('这通电话是我约对方晚上打来的');
  await id('flag-dismiss-confirm').click();
  await expect(id('flag-dismissed-reason')).toContainText('这通电话是我约对方晚上打来的');
  await app.shot('timeline-09-flag-dismissed');

  // A follow-up due today: the in-app reminder (Electron also shows a desktop notification).
  await id('detail-close').click();
  await id('timeline-add').click();
  await id('form-summary').fill('催收员说今天再联系');
  await id('form-organisation').fill('某资产管理公司');
  await id('form-follow-up').fill(todayBeijing());
  await id('form-save').click();
  await expect(id('reminders')).toContainText('某资产管理公司', { timeout: 10_000 });
  await id('detail-close').click();
  await app.shot('timeline-10-reminder');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('timeline: 10,000 entries scroll smoothly (virtualised) and stay usable from the keyboard', async ({ app }) => {
  test.setTimeout(150_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  const lines = ["<?xml version='1.0' encoding='UTF-8'?>", '<smses count="10000">'];
  for (let i = 0; i < 10_000; i++) {
    lines.push(sms(i % 3 === 0 ? '95188' : '13800138000', bj(1, 1, 0) + i * 3_600_000, i % 5 === 0 ? 2 : 1, `第 ${i} 条：您的账单已逾期，请尽快处理。`));
  }
  lines.push('</smses>');
  await id('nav-timeline').click();
  await id('import-sms-input').setInputFiles({ name: 'big.xml', mimeType: 'text/xml', buffer: Buffer.from(lines.join('\n')) });
  await expect(id('import-status')).toContainText('已导入 10000 条短信', { timeout: 90_000 });
  // Listing 10,000 entries takes several seconds when the machine is busy (measured 5 s through the worker under load).
  await expect(id('timeline-count')).toContainText('共 10000 条', { timeout: 60_000 });
  // Only the rows in view are in the page.
  expect(await id('timeline-entry').count()).toBeLessThan(60);
  await id('timeline-entry').first().focus();
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="timeline-entry"]:focus')).toContainText('第 9999 条');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-testid="timeline-entry"]:focus')).toContainText('第 9998 条');
  await page.keyboard.press('Enter');
  await expect(id('entry-detail')).toContainText('第 9998 条');
  await app.shot('timeline-11-ten-thousand');
});

test('timeline: a 200 MB call recording goes through the UI (the one upload primitive: no limit below the evidence section)', async ({ app }) => {
  test.setTimeout(600_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await id('nav-timeline').click();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-big-recording-'));
  try {
    // 100 million 16-bit samples at 8 kHz: 200 MB, 3 h 28 min 20 s.
    const file = path.join(dir, '95188_20241016231000.wav');
    fs.writeFileSync(
      file,
      monoWav16(8000, 100_000_000, (i) => ((i * 37) % 4000) - 2000),
    );
    expect(fs.statSync(file).size).toBeGreaterThan(200_000_000);
    await id('import-calls-input').setInputFiles(file);
    await expect(id('import-status')).toContainText('导入了 1 个录音', { timeout: 540_000 });
    await expect(id('timeline-count')).toContainText('共 1 条');
    // The recording is evidence too, whole: 证据 lists it with its size.
    await id('nav-evidence').click();
    await expect(page.getByText('95188_20241016231000.wav').first()).toBeVisible();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
