// window.xieshang is exactly the contract: one function per channel, grouped by
// namespace, plus subscribe; no generic invoke/send/on a page could aim anywhere.
import { describe, expect, it, vi } from 'vitest';
import { buildApi, type Transport } from '../../shared/api-surface';
import { CHANNELS, EVENTS, splitChannel } from '../../shared/channels';
import { contract, events } from '../../shared/contract';
import { XieshangError } from '../../shared/errors';

function fakeTransport() {
  const invoke = vi.fn<Transport['invoke']>(async () => ({ ok: true as const, value: { ok: true } }));
  const unsubscribe = vi.fn();
  const listen = vi.fn<Transport['listen']>(() => unsubscribe);
  return { transport: { invoke, listen } satisfies Transport, invoke, listen, unsubscribe };
}

function expectedShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of CHANNELS) {
    const [ns, method] = splitChannel(channel);
    (shape[ns] ??= []).push(method);
  }
  return shape;
}

describe('buildApi', () => {
  it('the channel list and the contract agree', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });

  it('exposes exactly the contract methods plus subscribe', () => {
    const api = buildApi(fakeTransport().transport) as unknown as Record<string, unknown>;
    const shape = expectedShape();
    expect(Object.keys(api).sort()).toEqual([...Object.keys(shape), 'subscribe'].sort());
    for (const [ns, methods] of Object.entries(shape)) {
      const group = api[ns] as Record<string, unknown>;
      expect(Object.keys(group).sort(), ns).toEqual([...methods].sort());
      for (const m of methods) expect(typeof group[m], `${ns}.${m}`).toBe('function');
    }
    expect(typeof api.subscribe).toBe('function');
  });

  it('has no generic invoke/send/on anywhere', () => {
    const api = buildApi(fakeTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    const forbidden = ['invoke', 'send', 'sendSync', 'on', 'once', 'emit', 'postMessage', 'ipcRenderer', 'transport', 'removeListener'];
    const names = [...Object.keys(api), ...Object.values(api).flatMap((g) => (typeof g === 'object' && g ? Object.keys(g) : []))];
    for (const name of forbidden) expect(names, name).not.toContain(name);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each method calls its own fixed channel', async () => {
    const { transport, invoke } = fakeTransport();
    const api = buildApi(transport) as unknown as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>;
    for (const channel of CHANNELS) {
      const [ns, method] = splitChannel(channel);
      invoke.mockClear();
      await api[ns]![method]!({ any: 'thing' });
      expect(invoke).toHaveBeenCalledTimes(1);
      expect(invoke.mock.calls[0]?.[0]).toBe(channel);
    }
  });

  it('turns an error envelope into a XieshangError', async () => {
    const { transport, invoke } = fakeTransport();
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: '请求来源不可信，已拒绝' } });
    const api = buildApi(transport);
    await expect(api.vault.status()).rejects.toBeInstanceOf(XieshangError);
  });

  it('subscribe accepts contract events only', () => {
    const { transport, listen, unsubscribe } = fakeTransport();
    const api = buildApi(transport);
    const subscribe = api.subscribe as unknown as (event: unknown, handler: unknown) => () => void;
    for (const bad of ['vault:unlock', 'evt:vault:locked', 'ipc', '', '__proto__', 'constructor', undefined, null, 42, {}]) {
      expect(() => subscribe(bad, () => {}), String(bad)).toThrow(TypeError);
    }
    expect(() => subscribe('vault:locked', 'not a function')).toThrow(TypeError);
    expect(listen).not.toHaveBeenCalled();

    const handler = vi.fn();
    const off = subscribe('vault:locked', handler);
    expect(listen).toHaveBeenCalledWith('vault:locked', expect.any(Function));
    listen.mock.calls[0]?.[1]({ reason: 'idle' });
    expect(handler).toHaveBeenCalledWith({ reason: 'idle' });
    off();
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
