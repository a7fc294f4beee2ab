// The preload with 'electron' replaced by fakes: it exposes one object, window.xieshang,
// built from the contract; events reach the page as the payload only; unsubscribe
// removes exactly the listener it added.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: [] as [string, unknown][],
    invoked: [] as [string, unknown][],
    listeners,
    emit(channel: string, ...args: unknown[]) {
      for (const l of listeners.get(channel) ?? []) l(...args);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => void fake.exposed.push([key, api]),
  },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      fake.invoked.push([channel, args]);
      return { ok: true, value: { state: 'locked', path: '/v', schemaVersion: 3, sample: false } };
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
}));

type Api = {
  vault: { status: () => Promise<unknown> };
  subscribe: (event: string, handler: (...args: unknown[]) => void) => () => void;
};

describe('preload', () => {
  let api: Api;
  beforeAll(async () => {
    await import('../../preload/preload');
    expect(fake.exposed).toHaveLength(1);
    api = fake.exposed[0]![1] as Api;
  });

  it('exposes exactly one key, xieshang, and no ipcRenderer', () => {
    expect(fake.exposed.map(([key]) => key)).toEqual(['xieshang']);
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.keys(api)).not.toContain('invoke');
  });

  it('invokes the fixed channel with the arguments', async () => {
    await expect(api.vault.status()).resolves.toEqual({ state: 'locked', path: '/v', schemaVersion: 3, sample: false });
    expect(fake.invoked).toEqual([['vault:status', {}]]);
  });

  it('delivers only the payload, never the IpcRendererEvent', () => {
    const handler = vi.fn();
    const off = api.subscribe('vault:locked', handler);
    const ipcEvent = { sender: { invoke: () => 'ipcRenderer leaked' }, senderId: 0 };
    fake.emit('evt:vault:locked', ipcEvent, { reason: 'suspend' });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]).toEqual([{ reason: 'suspend' }]);
    off();
  });

  it('unsubscribe removes exactly its own listener', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.subscribe('vault:locked', a);
    api.subscribe('vault:locked', b);
    expect(fake.listeners.get('evt:vault:locked')?.size).toBe(2);
    offA();
    expect(fake.listeners.get('evt:vault:locked')?.size).toBe(1);
    fake.emit('evt:vault:locked', {}, { reason: 'idle' });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ reason: 'idle' });
  });

  it('refuses events outside the contract without touching ipcRenderer', () => {
    const before = [...fake.listeners.keys()];
    expect(() => api.subscribe('vault:unlock', () => {})).toThrow(TypeError);
    expect(() => api.subscribe('evt:vault:locked', () => {})).toThrow(TypeError);
    expect([...fake.listeners.keys()]).toEqual(before);
  });
});
