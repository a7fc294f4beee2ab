// Steps many specs share: make a fresh vault through the first-run screen (the shell then
// shows its default section), and open the demo case.
import { expect, type Page } from '@playwright/test';

export const E2E_PASSPHRASE = '我的证据 horse battery 2024';

export async function createVault(page: Page, passphrase = E2E_PASSPHRASE): Promise<void> {
  const id = (t: string) => page.getByTestId(t);
  await id('create-passphrase').fill(passphrase);
  await id('create-confirm').fill(passphrase);
  await id('create-ack').check();
  await id('create-submit').click();
  // A new vault opens on 首页, which says what to do first; the specs then start in 证据.
  await expect(id('home-first')).toBeVisible({ timeout: 20_000 });
  await id('nav-evidence').click();
  await expect(id('section-evidence')).toBeVisible({ timeout: 20_000 });
}

/** The demo case from the first-run screen (built the first time: up to ~20 s on 2 cores). */
export async function openDemo(page: Page): Promise<void> {
  await page.getByTestId('demo-open').click();
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 90_000 });
}
