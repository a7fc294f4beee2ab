// Steps many specs share: make a fresh vault through the first-run screen (the shell then
// shows its default section), open the demo case, and drop files onto the evidence section.
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

/** Drops files onto the section the way a file manager does (a DataTransfer holding Files). */
export async function dropFiles(page: Page, files: { name: string; bytes: Buffer; type: string; lastModified?: number }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, lastModified: f.lastModified ?? Date.now(), b64: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type, lastModified: f.lastModified }));
    }
    const target = document.querySelector('[data-testid="section-evidence"]')!;
    for (const type of ['dragenter', 'dragover']) target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
        resolve();
      }, 300),
    );
  }, payload);
}
