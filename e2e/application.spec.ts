// Issue 6: the application package through the wizard, in the real renderer and the real
// services: the demo case → 申请书 → choose the letter → check and edit the content →
// reorder the exhibits → sign (drawn) → build in the Web Worker with progress → preview in
// the app → save → verify; the saved file checked with poppler (pdfsig, pdftotext).
// Also: what is missing stops the build, and cancel leaves nothing behind.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createVault, openDemo } from './steps';

async function draw(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await expect(pad).toBeVisible();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 30 + i * 12, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 3)), { steps: 2 });
  await page.mouse.up();
}

test('build, preview, save and verify a signed package through the wizard', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await openDemo(page);
  await id('nav-application').click();
  await expect(id('section-application')).toBeVisible();
  await expect(id('pkg-step-letter')).toBeVisible();
  await expect(id('pkg-template-negotiation').locator('input')).toBeChecked();
  await expect(id('pkg-creditor')).not.toBeEmpty();
  await app.shot('application-01-letter');

  // Step 2: pre-filled from the vault; the applicant's ID is masked; the total in 大写.
  await id('pkg-next').click();
  await expect(id('pkg-step-content')).toBeVisible();
  await expect(id('pkg-applicant')).toContainText('周晓雯');
  await expect(id('pkg-applicant')).toContainText('****');
  await expect(id('pkg-total')).toContainText('人民币');
  const promise = id('pkg-field-promise');
  await expect(promise).toHaveValue(/本人承诺/);
  await promise.fill('本人承诺：方案经贵司同意后按期还款。（向导中修改的承诺）');
  await expect(id('pkg-field-promise-reset')).toBeVisible();
  await app.shot('application-02-content');
  // A visit to another section keeps what was set up here.
  await id('nav-debts').click();
  await id('nav-application').click();
  await expect(id('pkg-field-promise')).toHaveValue(/向导中修改的承诺/);

  // Step 3: the suggested exhibits; move the last one to the top, rename it, drop one.
  await id('pkg-next').click();
  const picks = id('pkg-pick');
  await expect(picks.first()).toBeVisible();
  const count = await picks.count();
  expect(count).toBeGreaterThan(10);
  await picks.first().getByTestId('pkg-pick-title').fill('身份证明（向导中改的标题）');
  await picks.nth(1).getByRole('button', { name: /上移/ }).click();
  await expect(picks.first().getByTestId('pkg-pick-title')).not.toHaveValue('身份证明（向导中改的标题）');
  await expect(picks.nth(1).getByTestId('pkg-pick-title')).toHaveValue('身份证明（向导中改的标题）');
  await picks.last().getByTestId('pkg-pick-remove').click();
  await expect(picks).toHaveCount(count - 1);
  await app.shot('application-03-exhibits');

  // Step 4: draw a signature and keep it in the vault.
  await id('pkg-next').click();
  await expect(id('pkg-step-sign')).toBeVisible();
  await draw(page);
  await id('signature-save').click();
  await expect(id('signature-image')).toBeVisible();
  await expect(id('pkg-use-hand')).toBeChecked();
  await expect(id('pkg-digital')).toBeChecked();
  await app.shot('application-04-sign');

  // Step 5: build in the worker, with progress, then the preview.
  await id('pkg-next').click();
  await expect(id('pkg-summary')).toContainText(String(count - 1));
  // The preview reads the package in ranges (a large package is never fetched whole).
  const ranges: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/vault/package/') && r.headers()['range']) ranges.push(r.headers()['range']!);
  });
  await id('pkg-build').click();
  await expect(id('pkg-progress')).toBeVisible();
  await expect(id('pkg-built')).toBeVisible({ timeout: 120_000 });
  await expect(id('pkg-built')).toContainText('已生成并签名');
  await expect(page.getByTestId('viewer-pdf')).toHaveAttribute('data-rendered', /[1-9]/, { timeout: 30_000 });
  await expect(id('viewer-pdf-page')).toContainText(/第 1 \/ \d+ 页/);
  await id('viewer-pdf-next').click();
  await expect(id('viewer-pdf-page')).toContainText(/第 2 \/ \d+ 页/);
  expect(ranges.length).toBeGreaterThan(0);
  await app.shot('application-05-preview');

  // Verify in the app: the signature and every original.
  await id('pkg-verify').click();
  await expect(id('verify-result')).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });

  // Save: the harness saves into <dataDir>/exports.
  await id('pkg-save').click();
  await expect(id('pkg-saved')).toBeVisible();
  const exportsDir = path.join(app.dataDir, 'exports');
  const [file] = fs.readdirSync(exportsDir).filter((f) => f.endsWith('.pdf'));
  expect(file).toMatch(/^示例-协商还款申请书-.+\.pdf$/);
  const pdf = path.join(exportsDir, file!);
  const sig = execFileSync('pdfsig', [pdf], { encoding: 'utf8' });
  expect(sig).toContain('Signature is Valid');
  expect(sig).toContain('周晓雯');
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const needle of ['协商还款申请书', '周晓雯', '向导中修改的承诺', '证据 2：身份证明（向导中改的标题）', '示例', '人民币']) expect(text).toContain(needle);
  // The drawn signature is in the PDF as an image.
  expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })).toMatch(/smask/);

  // The list of built packages shows it, with the same SHA-256.
  const sha = (await id('pkg-sha').textContent())!.trim();
  await id('tab-list').click();
  const row = id('package-row').filter({ hasText: file!.slice(0, 12) });
  await expect(row).toHaveCount(1);
  await expect(id('package-list')).toContainText(sha.slice(0, 8));
  await app.shot('application-06-list');

  // Start over (after confirming): the standard wording and the suggested exhibits again.
  await id('tab-build').click();
  await id('pkg-restart').click();
  await id('pkg-restart-yes').click();
  await expect(id('pkg-step-letter')).toBeVisible();
  await id('pkg-next').click();
  await expect(id('pkg-field-promise')).toHaveValue(/^本人承诺：本申请所述情况/);
  // The caption typed in step 3 was kept with the evidence: the fresh suggestions carry it.
  // (Keyboard: a reminder toast may cover the button by now.)
  await id('pkg-next').press('Enter');
  await expect(id('pkg-pick').first()).toBeVisible();
  await expect.poll(() => id('pkg-pick-title').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toContain('身份证明（向导中改的标题）');
});

test('what is missing stops the build, and says what it is', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await id('nav-application').click();
  await id('pkg-stepper-build').click();
  await expect(id('pkg-missing')).toContainText('申请人姓名');
  await expect(id('pkg-missing')).toContainText('至少一个逾期账户');
  await expect(id('pkg-build')).toBeDisabled();
  await app.shot('application-07-missing');
});

test('cancel a build: nothing is kept', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await openDemo(page);
  await id('nav-application').click();
  await id('pkg-stepper-build').click();
  // Slow the chunks down so the build is still running when cancel is pressed.
  await page.route(/\/rpc\/package(%3A|:)uploadChunk/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await id('pkg-build').click();
  await expect(id('pkg-progress')).toBeVisible();
  await id('pkg-cancel').click();
  await expect(id('pkg-cancelled')).toBeVisible();
  await expect.poll(() => (fs.existsSync(path.join(app.dataDir, '.package-work')) ? fs.readdirSync(path.join(app.dataDir, '.package-work')).length : 0)).toBe(0);
  // And it can be built again afterwards.
  await page.unroute(/\/rpc\/package(%3A|:)uploadChunk/);
  await id('pkg-build').click();
  await expect(id('pkg-built')).toBeVisible({ timeout: 120_000 });
});

test('the new letters, the addressee kind and the package size in the wizard', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await openDemo(page);
  await id('nav-application').click();
  for (const tpl of ['stop-contact', 'statement-request', 'confirm-agreement']) await expect(id(`pkg-template-${tpl}`)).toBeVisible();

  // An itemised statement request: the requests are pre-filled; a bank is 贵行.
  await id('pkg-template-statement-request').click();
  await id('pkg-next').click();
  await expect(id('pkg-step-content')).toBeVisible();
  await expect(id('pkg-field-requests')).toHaveValue(/本金，利息（利率及计息起止日）/);
  await expect(id('pkg-field-requests')).toHaveValue(/请贵司/);
  await id('pkg-addressee-kind').selectOption('bank');
  await expect(id('pkg-field-requests')).toHaveValue(/请贵行/);
  await expect(id('pkg-field-requests')).not.toHaveValue(/贵司/);
  await app.shot('application-10-statement-request');

  // The exhibits step shows the size of what the package will carry.
  await id('pkg-next').click();
  await expect(id('pkg-size')).toContainText(/合计约/);
  await app.shot('application-11-size');

  // Confirming an oral agreement asks for the terms.
  await id('pkg-back').click();
  await id('pkg-back').click();
  await id('pkg-template-confirm-agreement').click();
  await id('pkg-next').click();
  await expect(id('pkg-field-agreementTerms')).toBeVisible();
  await id('pkg-field-agreementTerms').fill('对方同意免除罚息，本金分 24 期归还。');
  await expect(id('pkg-missing-early')).toHaveCount(0);

  // A negotiation letter offers the one-page summary and the pause of outsourced collection.
  await id('pkg-back').click();
  await id('pkg-template-negotiation').click();
  await id('pkg-next').click();
  await expect(id('pkg-summary-page')).toBeChecked();
  await expect(id('pkg-pause-collection')).toBeVisible();
  await app.shot('application-12-negotiation-options');
});
