// Issue 11, rounds in the UI: on the demo case (which keeps the package it built), record an
// application round choosing the package it sent from the built packages (shown by name,
// date and addressee, never typed), add the creditor's request for more material, link the
// evidence that answers it through the picker (search by name or category, names shown) and
// see the request answered.
import { test, expect } from './fixtures';
import { openDemo } from './steps';

test('a round records the package it sent; a request for more material is answered by evidence picked by name', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);

  await openDemo(page);
  await id('nav-repayments').click();
  await expect(id('rp-round-add')).toBeVisible();

  // The package list shows the built packages by name · letter · date · addressee; the
  // default follows the creditor chosen (its newest package).
  const pkg = id('rp-round-package');
  // The list comes from its own query, after the form is shown: wait for a built package in it.
  await expect(pkg.locator('option', { hasText: '寄给' }).first()).toBeAttached();
  const labels = await pkg.locator('option').allTextContents();
  expect(labels.length).toBeGreaterThan(1);
  const built = labels.filter((l) => l.includes('寄给'));
  expect(built.length).toBeGreaterThan(0);
  for (const l of built) expect(l).toMatch(/\.pdf · .+ · \d{4}-\d{2}-\d{2} · 寄给 \S+/);
  await page.locator('#rp-round-creditor').selectOption({ label: '重庆蚂蚁消费金融有限公司' });
  const chosen = await pkg.locator('option:checked').textContent();
  expect(chosen).toContain('寄给');
  const roundsBefore = await id('rp-round').count();
  await pkg.selectOption({ label: chosen! });
  await id('rp-round-save').click();
  await expect(id('rp-round')).toHaveCount(roundsBefore + 1);
  const round = id('rp-round')
    .filter({ has: page.getByTestId('rp-round-sent-package') })
    .first();
  await expect(round.getByTestId('rp-round-sent-package')).toContainText(chosen!);

  // The creditor asks for proof of income.
  await round.getByLabel('要补充什么').fill('近三个月的收入证明');
  await round.getByRole('button', { name: '加一项' }).click();
  const request = round.getByTestId('rp-request').filter({ hasText: '近三个月的收入证明' });
  await expect(request).toHaveAttribute('data-answered', 'no');

  // Link the evidence that answers it: searched by category, chosen by name.
  await request.getByTestId('rp-request-link').click();
  const picker = request.getByTestId('rp-evidence-picker');
  await picker.getByTestId('rp-picker-search').fill('收入证明');
  const option = picker.getByTestId('rp-picker-option').filter({ hasText: '兼职收入证明' });
  await expect(option).toHaveCount(1);
  // Names, never ids.
  for (const text of await picker.getByTestId('rp-picker-option').allTextContents()) expect(text).not.toMatch(/^[0-9a-f-]{20,}$/);
  await option.click();
  await expect(request).toHaveAttribute('data-answered', 'yes');
  await expect(request.getByTestId('rp-request-answered')).toContainText('兼职收入证明.pdf');
  await expect(request.getByRole('checkbox')).toBeChecked();
  await request.scrollIntoViewIfNeeded();
  await app.shot('rounds-01-request-answered');
  await request.getByTestId('rp-picker-close').click();
  await expect(request.getByTestId('rp-request-answered')).toContainText('兼职收入证明.pdf');
});
