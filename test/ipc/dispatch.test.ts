import fs from 'node:fs';
import { describe, it, expect, afterEach } from 'vitest';
import fc from 'fast-check';
import { CHANNELS } from '../../shared/channels';
import { makeServices, type ServicesUnderTest } from '../helpers/services';
import { PASS, OTHER_PASS } from '../helpers/tmp';

let sut: ServicesUnderTest | null = null;
afterEach(async () => {
  await sut?.services.dispose();
  sut = null;
});

describe('IPC dispatch', () => {
  it('rejects random payloads on every channel with a typed error and keeps serving', async () => {
    sut = await makeServices();
    const { dispatch } = sut;
    const junk = fc.oneof(
      fc.anything(),
      fc.record({ passphrase: fc.anything() }),
      fc.record({ passphrase: fc.string(), extra: fc.anything() }),
      fc.record({ locale: fc.string(), autoLockMinutes: fc.anything() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), junk, async (channel, payload) => {
        const envelope = await dispatch(channel, payload);
        if (envelope.ok === false) {
          expect(typeof envelope.error.code).toBe('string');
          expect(typeof envelope.error.message).toBe('string');
          expect(envelope.error.code).not.toBe('INTERNAL');
        }
      }),
      { numRuns: 300 },
    );
    // Still alive and correct afterwards.
    expect(await dispatch('vault:status', {})).toMatchObject({ ok: true, value: { state: expect.any(String) } });
  });

  it('rejects unknown channels and prototype tricks', async () => {
    sut = await makeServices();
    for (const channel of ['__proto__', 'constructor', 'vault:drop', '', null, 42, { toString: () => 'vault:status' }]) {
      expect(await sut.dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('specific malformed payloads are BAD_REQUEST and change nothing', async () => {
    sut = await makeServices();
    const cases: [string, unknown][] = [
      ['vault:create', {}],
      ['vault:create', { passphrase: 123 }],
      ['vault:create', { passphrase: PASS, path: '/etc/passwd' }],
      ['vault:unlock', 'not an object'],
      ['settings:set', { autoLockMinutes: 0 }],
      ['settings:set', { autoLockMinutes: 1e9 }],
      ['settings:set', { locale: 'fr' }],
      ['vault:backup', { out: '/tmp/evil' }],
    ];
    for (const [channel, payload] of cases) {
      expect(await sut.dispatch(channel, payload), channel).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(fs.readdirSync(sut.dataDir)).toEqual([]);
  });

  it('runs the whole vault life cycle through the contract', async () => {
    sut = await makeServices();
    const { dispatch, events } = sut;
    expect(await dispatch('vault:create', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'PASSPHRASE_TOO_SHORT' } });
    expect(await dispatch('vault:create', { passphrase: PASS })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await dispatch('vault:lock', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(events).toEqual([{ event: 'vault:locked', payload: { reason: 'manual' } }]);
    expect(await dispatch('vault:unlock', { passphrase: OTHER_PASS })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await dispatch('vault:unlock', { passphrase: PASS })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await dispatch('vault:changePassphrase', { current: PASS, next: OTHER_PASS })).toEqual({ ok: true, value: { ok: true } });
    const backup = await dispatch('vault:backup', {});
    expect(backup).toMatchObject({ ok: true, value: { cancelled: false, bytes: expect.any(Number) } });
    expect(await dispatch('vault:auditVerify', {})).toMatchObject({ ok: true, value: { ok: true } });
    expect(await dispatch('settings:set', { locale: 'zh-TW', autoLockMinutes: 7 })).toEqual({ ok: true, value: { locale: 'zh-TW', autoLockMinutes: 7 } });
    expect(await dispatch('settings:get', {})).toEqual({ ok: true, value: { locale: 'zh-TW', autoLockMinutes: 7 } });
  });

  it('slows down repeated wrong passphrases, enforced in main', async () => {
    sut = await makeServices();
    await sut.dispatch('vault:create', { passphrase: PASS });
    await sut.dispatch('vault:lock', {});
    for (let i = 0; i < 3; i++) {
      expect(await sut.dispatch('vault:unlock', { passphrase: OTHER_PASS })).toMatchObject({ error: { code: 'WRONG_PASSPHRASE' } });
    }
    // Even the right passphrase must wait now.
    const blocked = await sut.dispatch('vault:unlock', { passphrase: PASS });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', params: { seconds: 1 } } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await sut.dispatch('vault:unlock', { passphrase: PASS })).toMatchObject({ ok: true });
  });

  it('auto-locks after idle and tells the renderer why', async () => {
    sut = await makeServices();
    await sut.dispatch('vault:create', { passphrase: PASS });
    await sut.services.lockNow('idle');
    expect(await sut.dispatch('vault:status', {})).toMatchObject({ value: { state: 'locked' } });
    expect(sut.events).toContainEqual({ event: 'vault:locked', payload: { reason: 'idle' } });
  });
});
