// 'vault:openDemo' through the real dispatcher and services, on real files: the demo is made
// once in <dataDir>/demo/, opened in place of the user's vault (never creating vault.xsv),
// closed by locking, reused, rebuilt when damaged, and refused while the user's vault is open.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { makeServices, type ServicesUnderTest } from '../helpers/services';
import { PASS } from '../helpers/tmp';
import { DEMO_STEPS } from '../../main/demo/app-demo';

let sut: ServicesUnderTest | null = null;
afterEach(async () => {
  await sut?.services.dispose();
  sut = null;
});

/** A demo folder made through the services once, copied into later tests' data folders. */
let madeDemo = '';
// Not tmpDir(): that one is removed after each test, and this must outlive the first.
const keep = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-demo-made-'));
afterAll(() => fs.rmSync(keep, { recursive: true, force: true }));

function progressOf(s: ServicesUnderTest, taskId: string) {
  return s.events
    .filter((e) => e.event === 'task:progress' && (e.payload as { taskId: string }).taskId === taskId)
    .map((e) => e.payload as { done: number; total: number; label?: string });
}

/** The demo folder as the services make it: the first test's, or made here when another test runs first (shuffled order). */
async function demoFolder(): Promise<string> {
  if (madeDemo) return madeDemo;
  const s = await makeServices();
  try {
    const opened = await s.dispatch('vault:openDemo', { taskId: 'demo-made' });
    if (!opened.ok) throw new Error(`demo: ${opened.error.code}`);
    await s.dispatch('vault:lock', {});
    fs.cpSync(path.join(s.dataDir, 'demo'), path.join(keep, 'demo'), { recursive: true });
    madeDemo = path.join(keep, 'demo');
  } finally {
    await s.services.dispose();
  }
  return madeDemo;
}

async function withDemoCopy(): Promise<ServicesUnderTest> {
  const folder = await demoFolder();
  const s = await makeServices();
  fs.cpSync(folder, path.join(s.dataDir, 'demo'), { recursive: true });
  return s;
}

describe('open the demo case', { timeout: 180_000 }, () => {
  it('from the first-run state: made once, opened as a sample, the user’s vault never created; lock goes back to none', async () => {
    sut = await makeServices();
    const { dispatch, dataDir } = sut;
    const userVault = path.join(dataDir, 'vault.xsv');
    const started = Date.now();
    const opened = await dispatch('vault:openDemo', { taskId: 'demo-1' });
    const firstMs = Date.now() - started;
    expect(opened).toMatchObject({ ok: true, value: { state: 'unlocked', sample: true, path: path.join(dataDir, 'demo', 'demo.vault') } });
    expect(await dispatch('vault:status', {})).toMatchObject({ ok: true, value: { state: 'unlocked', sample: true } });

    // Every build step reported, in order, then the open; all under our task id.
    const steps = progressOf(sut, 'demo-1');
    expect(steps.map((p) => p.label)).toEqual([...DEMO_STEPS.map((s) => s.key), 'open']);
    expect(steps.every((p) => p.total === DEMO_STEPS.length + 1)).toBe(true);

    // The fictional applicant, her evidence and her timeline.
    const view = await dispatch('case:get', {});
    expect(view).toMatchObject({ ok: true, value: { applicant: { name: '周晓雯' } } });
    const list = (await dispatch('evidence:list', {})) as { ok: true; value: { items: { category: string }[] } };
    expect(list.value.items.filter((i) => i.category === 'chat_screenshot').length).toBeGreaterThan(0);

    // No temporary folder left beside it; the user's vault untouched.
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.demo'))).toEqual([]);
    expect(fs.existsSync(userVault)).toBe(false);

    expect(await dispatch('vault:lock', {})).toMatchObject({ ok: true, value: { state: 'none', sample: false, path: userVault } });
    expect(await dispatch('vault:status', {})).toMatchObject({ ok: true, value: { state: 'none', sample: false } });
    expect(await dispatch('case:get', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(sut.events.some((e) => e.event === 'vault:locked')).toBe(true);
    expect(fs.existsSync(userVault)).toBe(false);

    // The second time reuses it: no build steps, well under the first time.
    const again = Date.now();
    expect(await dispatch('vault:openDemo', { taskId: 'demo-2' })).toMatchObject({ ok: true, value: { state: 'unlocked', sample: true } });
    const secondMs = Date.now() - again;
    expect(progressOf(sut, 'demo-2').map((p) => p.label)).toEqual(['open']);
    expect(secondMs).toBeLessThan(Math.max(3_000, firstMs / 3));
    console.log(`demo: first open ${firstMs} ms, second ${secondMs} ms`);

    // Idle lock closes it as well.
    await sut.services.lockNow('idle');
    expect(await dispatch('vault:status', {})).toMatchObject({ ok: true, value: { state: 'none', sample: false } });
    expect(fs.existsSync(userVault)).toBe(false);

    fs.cpSync(path.join(dataDir, 'demo'), path.join(keep, 'demo'), { recursive: true });
    madeDemo = path.join(keep, 'demo');
  }, 180_000);

  it('a damaged demo is rebuilt', async () => {
    sut = await withDemoCopy();
    const file = path.join(sut.dataDir, 'demo', 'demo.vault');
    fs.writeFileSync(file, Buffer.alloc(64 * 1024, 7)); // not a vault any more
    expect(await sut.dispatch('vault:openDemo', { taskId: 'demo-3' })).toMatchObject({ ok: true, value: { state: 'unlocked', sample: true } });
    expect(progressOf(sut, 'demo-3').map((p) => p.label)).toContain('screenshots');
    expect(await sut.dispatch('case:get', {})).toMatchObject({ ok: true, value: { applicant: { name: '周晓雯' } } });
    expect(sut.logs.some((l) => l.includes('rebuilding'))).toBe(true);
    expect(fs.readdirSync(sut.dataDir).filter((n) => n.startsWith('.demo'))).toEqual([]);
    expect(fs.existsSync(path.join(sut.dataDir, 'vault.xsv'))).toBe(false);
  }, 180_000);

  it('from the unlock screen: the user’s vault stays locked and comes back after the demo', async () => {
    sut = await withDemoCopy();
    const { dispatch, dataDir } = sut;
    const userVault = path.join(dataDir, 'vault.xsv');
    await dispatch('vault:create', { passphrase: PASS });
    await dispatch('case:saveApplicant', { applicant: { name: '我自己', idNumber: '', phone: '', address: '' } });
    await dispatch('vault:lock', {});
    const before = fs.readFileSync(userVault);

    expect(await dispatch('vault:openDemo', { taskId: 'demo-5' })).toMatchObject({ ok: true, value: { state: 'unlocked', sample: true } });
    expect(await dispatch('case:get', {})).toMatchObject({ ok: true, value: { applicant: { name: '周晓雯' } } });
    // The demo's passphrase is fixed: changing it is refused, not half-done.
    expect(await dispatch('vault:changePassphrase', { current: 'demo-passphrase', next: 'another long passphrase 二' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await dispatch('vault:lock', {})).toMatchObject({ ok: true, value: { state: 'locked', sample: false, path: userVault } });
    expect(fs.readFileSync(userVault).equals(before)).toBe(true);

    expect(await dispatch('vault:unlock', { passphrase: PASS })).toMatchObject({ ok: true, value: { state: 'unlocked', sample: false, path: userVault } });
    expect(await dispatch('case:get', {})).toMatchObject({ ok: true, value: { applicant: { name: '我自己' } } });
  });

  it('refused while the user’s own vault is unlocked (never locks it behind their back)', async () => {
    sut = await withDemoCopy();
    const { dispatch } = sut;
    await dispatch('vault:create', { passphrase: PASS });
    expect(await dispatch('vault:openDemo', { taskId: 'demo-6' })).toMatchObject({ ok: false, error: { code: 'VAULT_OPEN' } });
    expect(await dispatch('vault:status', {})).toMatchObject({ ok: true, value: { state: 'unlocked', sample: false } });
    expect(await dispatch('case:get', {})).toMatchObject({ ok: true });
    // Malformed task ids never reach the handler.
    expect(await dispatch('vault:openDemo', { taskId: '../x' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
