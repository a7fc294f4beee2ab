// The demo vault, built once per test run and shared by every test that reads it (issue 14):
// the first caller builds it into the run's folder (made by test/global-setup.ts), the
// others, in other worker processes, wait for it. Tests that change a vault take a copy.
import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { buildDemo } from '../../main/demo/build-demo';

export const DEMO_PASSPHRASE = 'demo-passphrase';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The path of this run's demo vault (read it, or copy it with demoVaultCopy before changing it). */
export async function sharedDemoVault(timeoutMs = 240_000): Promise<string> {
  const dir = path.join(inject('runDir'), 'demo');
  const vault = path.join(dir, 'demo.vault');
  const done = path.join(dir, '.done');
  const failed = path.join(dir, '.failed');
  try {
    fs.mkdirSync(dir); // atomic: exactly one caller of the run builds
  } catch {
    const until = Date.now() + timeoutMs;
    while (!fs.existsSync(done)) {
      if (fs.existsSync(failed)) throw new Error(`demo build failed: ${fs.readFileSync(failed, 'utf8')}`);
      if (Date.now() > until) throw new Error('demo build did not finish in time');
      await sleep(250);
    }
    return vault;
  }
  try {
    await buildDemo(dir);
    fs.writeFileSync(done, '');
    return vault;
  } catch (err) {
    fs.writeFileSync(failed, String(err instanceof Error ? err.stack : err));
    throw err;
  }
}

/** Copies the shared demo vault to `to`, for a test that changes it. */
export async function copyDemoVault(to: string): Promise<string> {
  fs.copyFileSync(await sharedDemoVault(), to);
  return to;
}
