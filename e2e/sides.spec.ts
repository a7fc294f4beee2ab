// Issue 10 in the real renderer: on the demo case, messages about nothing owed carry a
// "not about the debt" badge and no flag; a number whose words read as collection is offered
// as 可能是催收方 and confirmed with one click; the contact's side names the creditor.
import { test, expect } from './fixtures';

test('timeline sides: unrelated messages marked, 可能是催收方 confirmed with one click', async ({ app }) => {
  test.setTimeout(400_000); // the demo case is made on first use
  const { page } = app;
  // openDemo's wait, longer: on a busy 2-core machine the first build of the demo can take minutes.
  await page.getByTestId('demo-open').click();
  await expect(page.getByTestId('demo-banner')).toBeVisible({ timeout: 300_000 });
  await page.getByTestId('nav-timeline').click();
  const list = page.getByTestId('timeline-list');
  await expect(list).toBeVisible();

  // The verification code at 02:03: not about the debt, no night flag.
  await page.getByTestId('filter-search').fill('验证码');
  const code = list.getByTestId('timeline-entry').first();
  await expect(code.getByTestId('badge-unrelated')).toContainText('验证码');
  await expect(code).toHaveAttribute('data-flagged', 'false');

  await page.getByTestId('filter-search').fill('委外处理');
  const maybe = list.getByTestId('timeline-entry').first();
  await expect(maybe.getByTestId('badge-maybe-collector')).toBeVisible();
  await maybe.click();
  const panel = page.getByTestId('side-panel');
  await expect(panel).toHaveAttribute('data-side-state', 'suggested');
  await expect(page.getByTestId('side-confirm')).toContainText('借呗');
  await app.shot('sides-01-maybe-collector');
  await page.getByTestId('side-confirm').click();
  await expect(panel).toHaveAttribute('data-side-state', 'confirmed');
  await expect(page.getByTestId('side-label')).toContainText('重庆蚂蚁消费金融有限公司');
  await expect(maybe.getByTestId('badge-maybe-collector')).toHaveCount(0);
  await app.shot('sides-02-confirmed');
});
