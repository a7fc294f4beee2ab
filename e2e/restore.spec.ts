// Issue 13: 从备份恢复 in the real renderer. A backup made in 设置, an item added after it,
// the backup restored from 设置 (the item is gone, the replaced vault is kept beside it);
// then from the unlock screen. A wrong passphrase and a file that is not a backup are
// refused with the vault file and its folder exactly as they were.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { createVault, dropFiles, E2E_PASSPHRASE } from './steps';
import { png } from '../test/evidence/samples';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** The vault folder as it stands: every file's name and hash (the writer lock and partial place aside). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isFile() && !name.endsWith('.lock')) out[name] = sha(full);
  }
  return out;
}

async function restoreFrom(page: Page, panel: string, file: string | { name: string; mimeType: string; buffer: Buffer }, passphrase: string) {
  const scope = page.getByTestId(panel);
  await scope.getByTestId('restore-file').setInputFiles(file);
  await expect(scope.getByTestId('restore-chosen')).toBeVisible({ timeout: 20_000 });
  await scope.getByTestId('restore-passphrase').fill(passphrase);
  await scope.getByTestId('restore-submit').click();
  await expect(scope.getByTestId('restore-confirm')).toContainText('这将替换当前证据箱');
}

test('restore a backup from 设置 and from the unlock screen; wrong passphrase and a non-backup change nothing', async ({ app }) => {
  test.setTimeout(180_000);
  const { page, dataDir } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);

  // A backup of the empty vault.
  await id('nav-settings').click();
  await id('settings-backup').click();
  await expect(id('settings-backup-result')).toContainText('已备份', { timeout: 30_000 });
  const exports = path.join(dataDir, 'exports');
  const backup = path.join(
    exports,
    fs.readdirSync(exports).find((n) => n.endsWith('.xsv'))!,
  );

  // An item added after the backup.
  await id('nav-evidence').click();
  await dropFiles(page, [{ name: 'Screenshot_20241018-100512.png', bytes: await png(60, 120), type: 'image/png' }]);
  await expect(id('evidence-import-summary')).toContainText('导入 1 个', { timeout: 20_000 });
  await id('evidence-import-close').click();
  await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(1);

  // Wrong passphrase: refused, nothing changed.
  await id('nav-settings').click();
  const before = snapshot(dataDir);
  await restoreFrom(page, 'restore-settings', backup, 'not the passphrase of this backup');
  await app.shot('restore-01-confirm');
  await id('restore-confirm-yes').click();
  await expect(id('restore-error')).toContainText('密码不对', { timeout: 30_000 });
  await expect(id('restore-error')).toContainText('证据箱没有被改动');
  await app.shot('restore-02-wrong-passphrase');
  expect(snapshot(dataDir)).toEqual(before);

  // A file that is not a backup (a photo): refused, nothing changed.
  await restoreFrom(page, 'restore-settings', { name: '照片.png', mimeType: 'image/png', buffer: await png(40, 40) }, E2E_PASSPHRASE);
  await id('restore-confirm-yes').click();
  await expect(id('restore-error')).toContainText('这不是证据箱文件', { timeout: 30_000 });
  await expect(id('restore-error')).toContainText('证据箱没有被改动');
  await app.shot('restore-03-not-a-backup');
  expect(snapshot(dataDir)).toEqual(before);
  await id('nav-evidence').click();
  await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(1);

  // The right passphrase: the vault is replaced, the item is gone, the old vault kept beside it.
  await id('nav-settings').click();
  await restoreFrom(page, 'restore-settings', backup, E2E_PASSPHRASE);
  await id('restore-confirm-yes').click();
  await expect(id('restored-notice')).toContainText('已从备份恢复', { timeout: 30_000 });
  const notice = (await id('restored-notice').textContent()) ?? '';
  const kept = /“([^”]+)”/.exec(notice)?.[1] ?? '';
  expect(kept).toMatch(/^vault\.before-restore-\d{8}T\d{6}Z\.xsv$/);
  expect(fs.existsSync(path.join(dataDir, kept))).toBe(true);
  expect(fs.statSync(path.join(dataDir, kept)).mode & 0o777).toBe(0o600);
  await app.shot('restore-04-restored-from-settings');
  await id('nav-evidence').click();
  await expect(id('evidence-empty')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-testid="evidence-card"]')).toHaveCount(0);
  // No upload or copy left in the private partial place.
  expect(fs.existsSync(path.join(dataDir, '.xieshang-partial'))).toBe(false);

  // From the unlock screen: lock, then restore the same backup again.
  await id('lock-button').click();
  await expect(id('unlock-passphrase')).toBeVisible();
  await id('unlock-restore-open').click();
  await expect(id('restore-unlock')).toBeVisible();
  await app.shot('restore-05-unlock-screen');
  await restoreFrom(page, 'restore-unlock', backup, E2E_PASSPHRASE);
  await id('restore-confirm-yes').click();
  await expect(id('restored-notice')).toContainText('已从备份恢复', { timeout: 30_000 });
  await expect(id('lock-button')).toBeVisible();
  await app.shot('restore-06-restored-from-unlock');
  const keptFiles = fs.readdirSync(dataDir).filter((n) => /^vault\.before-restore-.*\.xsv$/.test(n));
  expect(keptFiles.length).toBe(2);
});
