// Issue 6's package tools through the real renderer: verify a signed package made by the
// CLI (passes), the same file with one byte changed (fails, the problems listed), a text
// file named .pdf (a clear error), cancel an upload; the list of packages built from the
// vault; the handwritten signature drawn on the pad, kept in the vault, an imported
// non-image refused without losing it, and deleted after a confirmation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { createVault } from './steps';
import { ROOT } from './launchers';

let demoDir = '';
let signedPdf = '';

test.beforeAll(async () => {
  // The demo command (the built CLI) makes a fictional case and its signed package (~15–40 s).
  test.setTimeout(240_000);
  demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-e2e-package-'));
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/xieshang.cjs'), 'demo', '--out', demoDir], { timeout: 230_000 });
  signedPdf = path.join(demoDir, 'demo-application.pdf');
  expect(fs.existsSync(signedPdf)).toBe(true);
});

test.afterAll(() => {
  if (demoDir) fs.rmSync(demoDir, { recursive: true, force: true });
});

async function openTab(page: Page, tab: 'build' | 'list' | 'verify') {
  await page.getByTestId('nav-application').click();
  await expect(page.getByTestId('section-application')).toBeVisible();
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
}

/** The wizard's signature step, where the signature editor lives. */
async function openSignStep(page: Page) {
  await openTab(page, 'build');
  await page.getByTestId('pkg-stepper-sign').click();
  await expect(page.getByTestId('pkg-stepper-sign')).toHaveAttribute('aria-current', 'step');
}

/** Writes a cursive-looking name on the pad with the mouse: loops, a swoosh, a dot. */
async function drawSignature(page: Page) {
  const pad = page.getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const curve = (n: number, f: (u: number) => [number, number]) => Array.from({ length: n + 1 }, (_, i) => f(i / n));
  const strokes: [number, number][][] = [
    curve(60, (u) => [0.08 + 0.42 * u + 0.05 * Math.cos(7 * Math.PI * u), 0.55 + 0.2 * Math.sin(7 * Math.PI * u) * (1 - 0.4 * u)]),
    curve(30, (u) => [0.52 + 0.38 * u, 0.62 - 0.32 * Math.sin(Math.PI * u) + 0.1 * u]),
    [
      [0.93, 0.38],
      [0.935, 0.4],
    ],
  ];
  for (const s of strokes) {
    const [first, ...rest] = s.map(([fx, fy]) => [box.x + fx * box.width, box.y + fy * box.height] as const);
    await page.mouse.move(...first!);
    await page.mouse.down();
    for (const p of rest) await page.mouse.move(...p, { steps: 2 });
    await page.mouse.up();
  }
}

/** Scrolls so an element sits mid-screen (not under the sticky top bar) for a screenshot. */
const centre = (page: Page, testId: string) => page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'center' }));

/** Whether anything is painted on the pad (its background is transparent). */
const padHasInk = (page: Page) =>
  page.getByTestId('signature-pad').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) return true;
    return false;
  });

test('verify a package: signed passes, one changed byte fails, a non-PDF is refused, an upload can be cancelled', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await openTab(page, 'verify');
  await expect(id('verify-panel')).toContainText('数字签名');
  await expect(id('verify-panel')).toContainText('不能证明签名人的身份');

  // The signed package as the CLI made it.
  await id('verify-file').setInputFiles(signedPdf);
  const result = id('verify-result');
  await expect(result).toHaveAttribute('data-ok', 'true', { timeout: 90_000 });
  await expect(id('verify-verdict')).toContainText('通过');
  await expect(id('verify-signature')).toHaveAttribute('data-valid', 'true');
  await expect(result).toContainText('周晓雯');
  const rows = id('verify-exhibits').locator('tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThan(5);
  await expect(id('verify-exhibits').locator('tbody tr[data-ok="true"]')).toHaveCount(n);
  // The short hash carries the full one in its title.
  expect(await rows.first().locator('code').getAttribute('title')).toMatch(/^[0-9a-f]{64}$/);
  await expect(id('verify-problems')).toHaveCount(0);
  await centre(page, 'verify-signature');
  await app.shot('package-verify-ok');

  // One byte changed near the end (the cross-reference table, outside the signature's /Contents).
  const tampered = fs.readFileSync(signedPdf);
  const at = tampered.length - 4000;
  const gap = tampered.toString('latin1').match(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/)!;
  expect(at > Number(gap[3])).toBe(true);
  tampered[at] = tampered[at]! ^ 0x01;
  await id('verify-file').setInputFiles({ name: '改动过的申请书.pdf', mimeType: 'application/pdf', buffer: tampered });
  await expect(result).toHaveAttribute('data-ok', 'false', { timeout: 90_000 });
  await expect(id('verify-verdict')).toContainText('未通过');
  await expect(id('verify-signature')).toHaveAttribute('data-valid', 'false');
  await expect(id('verify-problems')).toContainText('文件已被改动');
  expect(await id('verify-problems').locator('li').count()).toBeGreaterThan(0);
  await centre(page, 'verify-signature');
  await app.shot('package-verify-fail');

  // A text file renamed .pdf: refused with the reason, no report.
  await id('verify-file').setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这是一段文字，不是 PDF。\n', 'utf8') });
  await expect(id('verify-error')).toContainText('这不是 PDF 文件');
  await expect(id('verify-error')).toContainText('说明.pdf');
  await expect(result).toHaveCount(0);

  // Cancel while the chunks go up (slowed down so the progress can be seen).
  await page.route('**/rpc/package%3AuploadChunk', async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await id('verify-file').setInputFiles(signedPdf);
  await expect(id('verify-progress')).toBeVisible();
  await id('verify-cancel').click();
  await expect(id('verify-panel')).toHaveAttribute('data-state', 'cancelled', { timeout: 10_000 });
  await expect(id('verify-panel')).toContainText('已取消');
  await page.unrouteAll({ behavior: 'wait' });
});

test('the list of packages built from the vault', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await openTab(page, 'list');
  await expect(id('package-list-empty')).toBeVisible();

  // A package recorded through the contract, as the wizard's last step does (unsigned, tiny).
  const exhibits = [
    { n: 1, title: '失业证明.pdf', sha256: 'a1'.repeat(32) },
    { n: 2, title: '聊天截图 2024-10-18.png', sha256: 'b2'.repeat(32) },
  ];
  const sha = await page.evaluate(async (ex) => {
    const p = window.xieshang.package;
    const { uploadId } = await p.uploadBegin({ purpose: 'build' });
    await p.uploadChunk({ uploadId, seq: 0, data: btoa('%PDF-1.7\n% e2e\n%%EOF\n') });
    const done = await p.finish({
      uploadId,
      template: 'waiver',
      addressee: '招商银行信用卡中心',
      signer: '张三',
      sign: false,
      pages: 4,
      fileName: '罚息减免申请书.pdf',
      exhibits: ex,
    });
    await p.discard({ uploadId });
    return done.sha256;
  }, exhibits);

  // The list tab is mounted afresh when opened.
  await openTab(page, 'verify');
  await openTab(page, 'list');
  const row = id('package-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('罚息减免申请书');
  await expect(row).toContainText('招商银行信用卡中心');
  await expect(row).toContainText('罚息减免申请书.pdf');
  await expect(row).toContainText('未签名');
  await expect(row.locator('code')).toHaveAttribute('title', sha);
  await row.getByTestId('package-exhibits-toggle').click();
  await expect(id('package-exhibits')).toContainText('聊天截图 2024-10-18.png');
  await expect(id('package-exhibits')).toContainText('b2'.repeat(32));
  await row.getByTestId('package-exhibits-toggle').click();
  await expect(id('package-exhibits')).toHaveCount(0);
  // Copy: the clipboard, or (where the browser refuses) the full value shown to select by hand.
  await row.getByTestId('package-copy-sha').click();
  await expect(row.getByRole('status')).toHaveText(/已复制|完整值/);
});

test('signature: draw, save, still there after leaving; a non-image import is refused; delete after confirming', async ({ app }) => {
  const { page } = app;
  const id = (t: string) => page.getByTestId(t);
  await createVault(page);
  await openSignStep(page);
  await expect(id('signature-editor')).toBeVisible();
  await expect(id('signature-editor')).toHaveAttribute('data-has-signature', 'false');
  await expect(id('signature-pad')).toHaveAttribute('aria-label', /签名板/);
  await expect(id('signature-editor')).toContainText('导入签名图片');
  // An empty pad cannot be saved.
  await expect(id('signature-save')).toBeDisabled();

  await drawSignature(page);
  expect(await padHasInk(page)).toBe(true);
  await expect(id('signature-save')).toBeEnabled();
  // Undo takes away one stroke; clear takes the rest.
  await id('signature-undo').click();
  expect(await padHasInk(page)).toBe(true);
  await id('signature-clear-pad').click();
  await expect(id('signature-save')).toBeDisabled();
  expect(await padHasInk(page)).toBe(false);

  await drawSignature(page);
  await id('signature-save').click();
  await expect(id('signature-message')).toContainText('签名已保存');
  await expect(id('signature-editor')).toHaveAttribute('data-has-signature', 'true');
  const image = id('signature-image');
  await expect(image).toBeVisible();
  // Decoded from a blob: URL (the CSP allows no data:), cropped to the strokes: wider than tall.
  const size = await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size[0]).toBeGreaterThan(size[1]!);
  expect(size[1]).toBeGreaterThan(0);
  await id('signature-editor').scrollIntoViewIfNeeded();
  await app.shot('package-signature');

  // Kept in the vault: shown again when the step is opened anew (the editor is mounted again).
  await id('pkg-stepper-letter').click();
  await expect(id('signature-editor')).toHaveCount(0);
  await openSignStep(page);
  await expect(id('signature-image')).toBeVisible();
  await expect(id('signature-editor')).toHaveAttribute('data-has-signature', 'true');

  // A text file named .png: main refuses it, the message says why, the drawn one stays.
  await id('signature-file').setInputFiles({ name: '签名.png', mimeType: 'image/png', buffer: Buffer.from('not an image', 'utf8') });
  await expect(id('signature-message')).toHaveAttribute('data-status', 'error');
  await expect(id('signature-message')).toContainText('不是可识别的图片');
  await expect(id('signature-message')).toContainText('原来的签名保持不变');
  await expect(id('signature-image')).toBeVisible();
  expect(await id('signature-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(size[0]);

  // Deleting asks first.
  await id('signature-delete').click();
  await expect(id('signature-delete-confirm')).toBeVisible();
  await expect(id('signature-delete-yes')).toBeFocused();
  await id('signature-delete-yes').click();
  await expect(id('signature-none')).toBeVisible();
  await expect(id('signature-editor')).toHaveAttribute('data-has-signature', 'false');
});
