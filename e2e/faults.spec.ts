// Issue 13 in the real renderer: editing only an item's category leaves its capture time
// (10:05:12 from the file name) and its source untouched.
import { test, expect } from './fixtures';
import { createVault, dropFiles } from './steps';
import { png } from '../test/evidence/samples';

test('changing only the category keeps the capture time to the second and its source', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await dropFiles(page, [{ name: 'Screenshot_20241018-100512.png', bytes: await png(60, 120), type: 'image/png' }]);
  await expect(id('evidence-import-summary')).toContainText('导入 1 个', { timeout: 20_000 });
  await id('evidence-import-close').click();
  await page.locator('[data-testid="evidence-card"]').first().getByTestId('evidence-card-open').click();
  await expect(id('evidence-detail')).toContainText('10:05:12');
  await expect(id('evidence-detail')).toContainText('文件名');
  await id('evidence-edit-category').selectOption('income_proof');
  await id('evidence-edit-save').click();
  await expect(id('evidence-detail-notice')).toContainText('已保存');
  await expect(id('evidence-detail')).toContainText('10:05:12');
  await expect(id('evidence-detail')).toContainText('来源：文件名');
  await expect(id('evidence-detail')).toContainText('category: chat_screenshot → category: income_proof');
  await expect(id('evidence-detail')).not.toContainText('capturedAt');
  await app.shot('faults-01-category-only');
});
