// The e2e fixture: a fresh data folder per test, the app started by the chosen launcher,
// and a helper that saves a screenshot of every screen a spec visits (into docs/screenshots/
// only when XIESHANG_SHOTS=docs asks for it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { ROOT, CHROMIUM_ARGS, chromiumPath, electronBinary } from './launchers';

export type Launcher = 'harness' | 'electron';

interface AppHandle {
  page: Page;
  dataDir: string;
  /** Behave as if the idle timer fired (the harness hook; a suspend event in Electron). */
  triggerIdle(): Promise<void>;
  /**
   * Saves <name>.png (the harness run only, so the images are stable): into docs/screenshots/
   * when XIESHANG_SHOTS=docs asks for it (refreshing the documentation's images), otherwise
   * into the test's own output folder (test-results/, ignored), so a test run leaves the tree clean.
   */
  shot(name: string): Promise<void>;
}

export const SCREENSHOT_DIR = path.join(ROOT, 'docs', 'screenshots');
/** `XIESHANG_SHOTS=docs npx playwright test …` writes the screenshots into docs/screenshots/. */
export const SHOTS_TO_DOCS = process.env.XIESHANG_SHOTS === 'docs';

async function startHarness(dataDir: string): Promise<{ url: string; token: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/harness/server.js'), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    child.on('exit', (code) => reject(new Error(`harness exited (${code})`)));
  });
  const info = JSON.parse(line) as { url: string; token: string };
  return { ...info, child };
}

export const test = base.extend<{ launcher: Launcher; app: AppHandle }>({
  launcher: ['harness', { option: true }],
  app: async ({ launcher }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-e2e-'));
    const shot = async (page: Page, name: string) => {
      if (launcher !== 'harness') return;
      const dir = SHOTS_TO_DOCS ? SCREENSHOT_DIR : testInfo.outputPath('screenshots');
      fs.mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
    };
    if (launcher === 'harness') {
      const harness = await startHarness(dataDir);
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(harness.url);
      await use({
        page,
        dataDir,
        shot: (name) => shot(page, name),
        async triggerIdle() {
          const res = await fetch(new URL('/__harness/idle', harness.url), {
            method: 'POST',
            headers: { 'x-xieshang-token': harness.token },
          });
          if (res.status !== 204) throw new Error(`idle hook failed: ${res.status}`);
        },
      });
      await browser.close();
      harness.child.kill('SIGTERM');
      await new Promise((r) => harness.child.once('exit', r));
      if (errors.length) testInfo.annotations.push({ type: 'console-errors', description: errors.join('\n') });
      // A CSP violation or a script error is a failure, not noise.
      if (errors.length) throw new Error(`renderer errors:\n${errors.join('\n')}`);
    } else {
      const executablePath = electronBinary();
      if (!executablePath) throw new Error('no Electron binary');
      const electronApp = await _electron.launch({
        executablePath,
        args: [ROOT],
        env: { ...process.env, XIESHANG_DATA_DIR: dataDir } as Record<string, string>,
      });
      const page = await electronApp.firstWindow();
      await use({
        page,
        dataDir,
        shot: (name) => shot(page, name),
        async triggerIdle() {
          await electronApp.evaluate(({ powerMonitor }) => {
            powerMonitor.emit('suspend');
          });
        },
      });
      await electronApp.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export const expect = test.expect;
