// Issue 2's user journey: create a vault, lock, unlock with a wrong then the right
// passphrase, switch language, change passphrase, back up, auto-lock — through the real
// renderer and the real services.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

const PASS = '我的证据 horse battery 2024';
const NEXT = '新的口令 river stone 9090';

test('create, lock, unlock, language, change passphrase, backup, auto-lock', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);

  // First run: the create screen, in Simplified Chinese.
  await expect(id('create-passphrase')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByText('无法恢复').first()).toBeVisible();
  await app.shot('01-create-vault');

  // Too short: the button stays disabled.
  await id('create-passphrase').fill('short');
  await id('create-confirm').fill('short');
  await id('create-ack').check();
  await expect(id('create-submit')).toBeDisabled();

  await id('create-passphrase').fill(PASS);
  await id('create-confirm').fill(PASS);
  await expect(id('strength-meter')).toBeVisible();
  await app.shot('02-create-vault-filled');
  await id('create-submit').click();

  // The app shell with its sections.
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });
  for (const nav of ['evidence', 'timeline', 'debts', 'finances', 'plan', 'application', 'settings']) {
    await expect(id(`nav-${nav}`)).toBeVisible();
  }
  await app.shot('03-app-shell');
  await id('nav-settings').click();
  await expect(id('settings-locale')).toBeVisible();
  await app.shot('04-settings');

  // Lock, then a wrong passphrase, then the right one.
  await id('lock-button').click();
  await expect(id('unlock-passphrase')).toBeVisible();
  await expect(id('unlock-passphrase')).toBeFocused();
  await app.shot('05-unlock');
  await id('unlock-passphrase').fill('this is not it at all');
  await id('unlock-passphrase').press('Enter');
  await expect(id('unlock-error')).toContainText('密码错误');
  await app.shot('06-unlock-wrong-passphrase');
  await id('unlock-passphrase').fill(PASS);
  await id('unlock-submit').click();
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });

  // Switch language: English, Traditional Chinese, back to Simplified.
  await id('nav-settings').click();
  await id('settings-locale').selectOption('en');
  await expect(id('nav-settings')).toContainText('Settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await app.shot('07-settings-english');
  await id('settings-locale').selectOption('zh-TW');
  await expect(id('nav-settings')).toContainText('設定');
  await app.shot('08-settings-traditional');
  await id('settings-locale').selectOption('zh-CN');
  await expect(id('nav-settings')).toContainText('设置');

  // Change the passphrase, then prove only the new one opens the vault.
  await id('settings-current').fill(PASS);
  await id('settings-new').fill(NEXT);
  await id('settings-confirm').fill(NEXT);
  await id('settings-change-submit').click();
  await expect(id('settings-change-result')).toContainText('已修改', { timeout: 20_000 });
  await app.shot('09-passphrase-changed');

  // Backup: the copy lands where the platform put it, and its size is shown.
  await id('settings-backup').click();
  await expect(id('settings-backup-result')).toContainText('.xsv', { timeout: 20_000 });
  const exportsDir = path.join(app.dataDir, 'exports');
  if (fs.existsSync(exportsDir)) expect(fs.readdirSync(exportsDir).some((f) => f.endsWith('.xsv'))).toBe(true);
  await app.shot('10-backup-done');

  await id('lock-button').click();
  await id('unlock-passphrase').fill(PASS);
  await id('unlock-submit').click();
  await expect(id('unlock-error')).toContainText('密码错误');
  await id('unlock-passphrase').fill(NEXT);
  await id('unlock-submit').click();
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });

  // Idle: main locks the vault and the renderer says why.
  await app.triggerIdle();
  await expect(id('unlock-passphrase')).toBeVisible();
  await expect(page.getByText('自动锁定').first()).toBeVisible();
  await app.shot('11-auto-locked');
});

test('repeated wrong passphrases bring a growing, visible delay', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await id('create-passphrase').fill(PASS);
  await id('create-confirm').fill(PASS);
  await id('create-ack').check();
  await id('create-submit').click();
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });
  await id('lock-button').click();
  for (let i = 0; i < 3; i++) {
    await id('unlock-passphrase').fill(`wrong passphrase number ${i}`);
    await id('unlock-submit').click();
    await expect(id('unlock-error')).toContainText('密码错误');
  }
  await id('unlock-passphrase').fill(PASS);
  await id('unlock-submit').click();
  await expect(id('unlock-error')).toContainText('秒');
  await expect(id('unlock-submit')).toBeDisabled();
  await app.shot('12-unlock-too-many-attempts');
  await expect(id('unlock-submit')).toBeEnabled({ timeout: 10_000 });
  await id('unlock-submit').click();
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });
});

test('readable at 125 % zoom and usable from the keyboard', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  // 125 % zoom of a 1280×820 window: a 1024×656 CSS viewport at device scale 1.25.
  await page.setViewportSize({ width: 1024, height: 656 });
  await expect(id('create-passphrase')).toBeVisible();
  // Keyboard only: Tab reaches each control in order; Space ticks; Enter creates.
  const tabTo = async (testId: string) => {
    for (let i = 0; i < 8; i++) {
      if (await id(testId).evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${testId} is not reachable with Tab`);
  };
  await id('create-passphrase').focus();
  await page.keyboard.type(PASS);
  await tabTo('create-confirm');
  await page.keyboard.type(PASS);
  await tabTo('create-ack');
  await page.keyboard.press('Space');
  await expect(id('create-ack')).toBeChecked();
  await tabTo('create-submit');
  await page.keyboard.press('Enter');
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await id('nav-settings').focus();
  await page.keyboard.press('Enter');
  await expect(id('settings-locale')).toBeVisible();
  await app.shot('13-settings-125-percent');
});
