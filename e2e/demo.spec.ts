// Issue 6: "open the demo case" from the first-run screen. The fictional case opens in
// place of a vault (none is created), marked 示例 on every section, in the title and beside
// the app's name; its evidence is there; leaving it returns to the first-run screen.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';

test('open the demo case from the welcome screen, look around, leave it; then from the unlock screen', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);

  await expect(id('demo-open')).toBeVisible();
  await expect(id('demo-card')).toContainText('周晓雯');
  await expect(id('demo-card')).toContainText('不会用到你的任何信息');
  await expect(page).toHaveTitle(/^协商证据箱/);
  await app.shot('demo-01-welcome');

  // The first time it is made (~15 s): a progress bar with the current step.
  await id('demo-open').click();
  await expect(id('demo-progress')).toBeVisible();
  await expect(id('demo-step')).not.toBeEmpty();
  await expect(id('demo-banner')).toBeVisible({ timeout: 75_000 });

  // Marked 示例: banner, badge, title.
  await expect(id('demo-banner')).toContainText('示例案例');
  await expect(id('demo-banner')).toContainText('人物和数据均为虚构');
  await expect(id('demo-badge')).toHaveText('示例');
  await expect(page).toHaveTitle(/^【示例】/);

  // Her evidence: the chat screenshots, with their thumbnails.
  await id('nav-evidence').click();
  await expect(id('section-evidence')).toBeVisible();
  await id('evidence-filter-category').selectOption('chat_screenshot');
  const shots = page.locator('[data-testid="evidence-card"][data-kind="image"]');
  await expect(shots.first()).toBeVisible();
  expect(await shots.count()).toBeGreaterThan(3);
  const thumb = shots.first().locator('img');
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await app.shot('demo-02-shell');

  // The banner stays on every section.
  for (const nav of ['timeline', 'debts', 'settings']) {
    await id(`nav-${nav}`).click();
    await expect(id('demo-banner')).toBeVisible();
  }

  // Leaving: back to the first-run screen; no vault of the user's was made.
  await id('demo-exit').click();
  await expect(id('create-passphrase')).toBeVisible();
  await expect(id('demo-banner')).toHaveCount(0);
  await expect(page).toHaveTitle(/^协商证据箱/);
  expect(fs.existsSync(path.join(app.dataDir, 'vault.xsv'))).toBe(false);

  // The second time it is already there.
  await id('demo-open').click();
  await expect(id('demo-banner')).toBeVisible({ timeout: 5_000 });
  await id('demo-exit').click();
  await expect(id('create-passphrase')).toBeVisible();

  // From the unlock screen too: the user's own vault stays locked and comes back after.
  const PASS = '我的证据 horse battery 2024';
  await id('create-passphrase').fill(PASS);
  await id('create-confirm').fill(PASS);
  await id('create-ack').check();
  await id('create-submit').click();
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });
  await expect(id('demo-banner')).toHaveCount(0);
  await id('lock-button').click();
  await expect(id('unlock-passphrase')).toBeVisible();
  await id('demo-open').click();
  await expect(id('demo-banner')).toBeVisible({ timeout: 5_000 });
  await id('demo-exit').click();
  await expect(id('unlock-passphrase')).toBeVisible();
  await expect(id('lock-reason')).toHaveCount(0);
  await id('unlock-passphrase').fill(PASS);
  await id('unlock-passphrase').press('Enter');
  await expect(id('lock-button')).toBeVisible({ timeout: 20_000 });
  await expect(id('demo-banner')).toHaveCount(0);
  await expect(page).toHaveTitle(/^协商证据箱/);
});
