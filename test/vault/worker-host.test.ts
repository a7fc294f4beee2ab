import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { createWorkerHost } from '../../main/vault/host';
import { LATEST_SCHEMA_VERSION } from '../../main/vault/migrations';
import { tmpDir, PASS, OTHER_PASS } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '..', '..');

/** Largest delay of a 10 ms interval timer while fn runs: how long the event loop stalled. */
async function maxStall(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

describe('vault in a worker thread', () => {
  it('creates, locks, unlocks and reports errors through the worker without stalling the event loop', async () => {
    const dir = tmpDir();
    // Built by test/global-setup.ts, exactly as the app ships it.
    const workerPath = path.join(ROOT, 'dist/main/vault-worker.js');
    const host = createWorkerHost({ vaultPath: path.join(dir, 'v.xsv'), actor: 'app' }, workerPath);
    try {
      expect(await host.status()).toMatchObject({ state: 'none' });
      const stall = await maxStall(async () => {
        expect(await host.create(PASS)).toMatchObject({ state: 'unlocked', schemaVersion: LATEST_SCHEMA_VERSION });
        expect(await host.lock()).toMatchObject({ state: 'locked' });
        await expect(host.unlock(OTHER_PASS)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
        expect(await host.unlock(PASS)).toMatchObject({ state: 'unlocked' });
      });
      // Four key derivations (~0.4 s each) ran meanwhile; the main loop must stay responsive.
      expect(stall).toBeLessThan(100);
      expect(await host.auditVerify()).toMatchObject({ ok: true });
    } finally {
      await host.dispose();
    }
  });
});
