// Issue 12, other SMS sources: the guide "如何从手机导出短信" and a CSV export imported
// through the column-mapping step (remembered for the next file), in the real renderer.
import { test, expect } from './fixtures';
import { createVault } from './steps';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const csv = (rows: string[]) => Buffer.concat([BOM, Buffer.from(rows.join('\r\n'), 'utf8')]);

test('SMS: the export guide, then a CSV mapped column by column and remembered', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await id('nav-timeline').click();

  // The guide: each phone, plainly where there is no readable export, and the screenshot way.
  await id('sms-guide-button').click();
  await expect(id('sms-guide')).toBeVisible();
  for (const v of ['huawei', 'xiaomi', 'oppo', 'vivo', 'iphone']) await expect(id(`sms-guide-${v}`)).toBeVisible();
  await expect(id('sms-guide-huawei')).toContainText('在设置中搜索“备份”');
  await expect(id('sms-guide-iphone')).toContainText('没有自带的短信导出功能');
  await expect(id('sms-guide-screenshots')).toContainText('不要裁剪');
  await app.shot('sms-01-export-guide');
  await id('sms-guide-close').click();
  await expect(id('sms-guide')).toHaveCount(0);

  // A CSV whose time column the app cannot name by itself ("收到时间"): the person picks it.
  const first = csv([
    '发件人,收到时间,短信正文,类型',
    '95188,2024-10-18 22:50:00,"【花呗】您的花呗已逾期15天，应还金额￥3,208.40，请尽快还款。",收到',
    '95188,2024/10/18 22:51,"我下周一前先还 500 元，请不要再晚上打电话。",发送',
  ]);
  await id('import-sms-input').setInputFiles({ name: '短信导出.csv', mimeType: 'text/csv', buffer: first });
  await expect(id('sms-map')).toBeVisible();
  await expect(id('sms-map')).toContainText('UTF-8 (BOM)');
  await expect(id('sms-map-preview')).toContainText('应还金额￥3,208.40');
  await expect(id('sms-map-sender')).toHaveValue('1');
  await expect(id('sms-map-time')).toHaveValue('');
  await expect(id('sms-map-body')).toHaveValue('3');
  await id('sms-map-submit').click();
  await expect(id('sms-map-error')).toContainText('各选一列');
  await id('sms-map-time').selectOption('2');
  await id('sms-map-direction').selectOption('4');
  await app.shot('sms-02-column-mapping');
  await id('sms-map-submit').click();
  await expect(id('import-status')).toContainText('已导入 2 条短信', { timeout: 20_000 });
  await expect(id('timeline-count')).toContainText('共 2 条');
  await expect(id('timeline-entry').filter({ hasText: '请不要再晚上打电话' })).toHaveCount(1);

  // The next export with the same columns: the mapping is remembered (settings).
  const second = csv(['发件人,收到时间,短信正文,类型', '10690000,2024-10-19 09:05:00,您的欠款已委外催收。,收到']);
  await id('import-sms-input').setInputFiles({ name: '短信导出2.csv', mimeType: 'text/csv', buffer: second });
  await expect(id('sms-map-time')).toHaveValue('2');
  await expect(id('sms-map-direction')).toHaveValue('4');
  await id('sms-map-submit').click();
  await expect(id('import-status')).toContainText('已导入 1 条短信', { timeout: 20_000 });
  await expect(id('timeline-count')).toContainText('共 3 条');
});
