// Issue 15 in the real renderer: settings → 节假日安排 (paste the 2027 notice, see what was
// understood, confirm; the year is then listed), settings → 规则与出处, and the 求助渠道 page
// with the scam warning and the printable 征信异议申请.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { E2E_PASSPHRASE, createVault } from './steps';
import { Vault } from '../main/vault/vault';
import { addContact } from '../main/vault/timeline/contacts';

const NOTICE_2027 = fs.readFileSync(path.join(__dirname, '..', 'test', 'calendar', 'notices', '2027-invented.txt'), 'utf8');

test('settings: paste a holiday notice, check what was read, confirm', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await id('nav-settings').click();
  const card = id('settings-holidays');
  await card.scrollIntoViewIfNeeded();
  await expect(card).toContainText('2004–2026');

  // A partial paste is refused, in words, and nothing is kept.
  await id('holidays-text').fill(NOTICE_2027.split('五、')[0]!);
  await id('holidays-read').click();
  await expect(id('holidays-preview-error')).toContainText('没有找到“国庆”的安排');

  await id('holidays-text').fill(NOTICE_2027);
  await id('holidays-read').click();
  const preview = id('holidays-preview');
  await expect(preview).toContainText('2027 年安排');
  await expect(preview).toContainText('2月5日–2月12日（共 8 天）');
  await expect(preview).toContainText('2月14日、2月20日');
  await preview.scrollIntoViewIfNeeded();
  await app.shot('settings-holidays-preview');
  await id('holidays-confirm').click();
  await expect(id('holidays-saved')).toContainText('已保存 2027 年的节假日安排');
  await expect(id('holidays-added')).toContainText('2027 年');
  // Kept in the data folder, beside the vault, not inside it.
  const stored = JSON.parse(fs.readFileSync(path.join(app.dataDir, 'holiday-notices.json'), 'utf8')) as { years: Record<string, unknown> };
  expect(Object.keys(stored.years)).toEqual(['2027']);

  const rules = id('settings-rules');
  await rules.scrollIntoViewIfNeeded();
  await expect(id('rule-gbt_45251_2025')).toContainText('GB/T 45251—2025');
  await expect(id('rule-holiday_notice_2026').locator('[data-status]')).toHaveText('已核对');
  await expect(id('rule-nifa_2024').locator('[data-status]')).toHaveText('二手资料');
  await app.shot('settings-rules-sources');
});

test('the help page: channels with what to prepare, the scam warning, the objection letter', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await id('nav-help').click();
  await expect(id('section-help')).toBeVisible();
  await expect(id('help-scam-warning')).toContainText('2026年2月6日');
  for (const c of ['creditor', '12378', '12363', '12348', '12315', 'court_mediation', '110']) {
    await expect(id(`help-channel-${c}`)).toBeVisible();
  }
  await expect(id('help-channel-12378')).toContainText('电话：12378');
  await expect(id('help-channel-12363')).toContainText('征信');
  await app.shot('help-channels');
  await id('help-credit-letter').scrollIntoViewIfNeeded();
  await expect(id('help-credit-letter')).toContainText('《征信业管理条例》第二十五条');
  await app.shot('help-credit-objection');
});

test('no lost work: leaving a section with unsaved edits asks; unlocking returns to the same section', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await id('nav-settings').click();
  await id('holidays-text').fill('国务院办公厅关于2027年部分节假日安排的通知');
  await id('nav-help').click();
  await expect(id('unsaved-guard')).toBeVisible();
  await expect(id('unsaved-guard')).toContainText('还没保存的修改');
  await app.shot('unsaved-guard');
  await id('unsaved-stay').click();
  await expect(id('section-settings')).toBeVisible();
  await expect(id('holidays-text')).toHaveValue('国务院办公厅关于2027年部分节假日安排的通知');
  await id('nav-help').click();
  await id('unsaved-leave').click();
  await expect(id('section-help')).toBeVisible();
  // Without edits there is nothing to ask.
  await id('nav-timeline').click();
  await expect(id('unsaved-guard')).toHaveCount(0);
  await id('nav-help').click();
  await expect(id('section-help')).toBeVisible();

  // Lock and unlock: back on the help page, not the first section.
  await id('lock-button').click();
  await id('unlock-passphrase').fill('我的证据 horse battery 2024');
  await id('unlock-submit').click();
  await expect(id('section-help')).toBeVisible({ timeout: 20_000 });
});

test('the agenda: an answer window reaching into 2027 has dates, marked as an estimate; a 2027 notice makes it exact', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  // An application sent on 2026-12-18, written into the vault while it is locked (as the CLI would).
  await id('lock-button').click();
  await expect(id('unlock-passphrase')).toBeVisible();
  const vault = Vault.open(path.join(app.dataDir, 'vault.xsv'), E2E_PASSPHRASE, { actor: 'cli' });
  try {
    addContact(vault, {
      at: '2026-12-18T10:00:00+08:00',
      channel: 'letter',
      direction: 'outgoing',
      partyType: 'creditor',
      organisation: '招商银行',
      summary: '寄出协商还款申请',
      awaitingReply: true,
    });
  } finally {
    vault.close();
  }
  await id('unlock-passphrase').fill(E2E_PASSPHRASE);
  await id('unlock-submit').click();
  await id('nav-timeline').click();
  const item = id('agenda').locator('[data-kind="answer_due"]');
  await expect(item).toContainText('2027-01-11');
  await expect(item.getByTestId('agenda-provisional')).toContainText('按法定节假日估算，调休以国务院通知为准');
  await item.scrollIntoViewIfNeeded();
  await app.shot('timeline-agenda-provisional');

  // The 2027 notice arrives: pasted in settings, the same item is exact.
  await id('nav-settings').click();
  await id('holidays-text').fill(NOTICE_2027);
  await id('holidays-read').click();
  await id('holidays-confirm').click();
  await expect(id('holidays-saved')).toBeVisible();
  await id('nav-timeline').click();
  await expect(item).toContainText('2027-01-11');
  await expect(item.getByTestId('agenda-provisional')).toHaveCount(0);
});
