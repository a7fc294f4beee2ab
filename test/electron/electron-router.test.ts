// The router with a fake ipcMain and fake frames: every channel is registered, only the
// app window's top-level app:// frame gets through, malformed calls never throw, and
// events reach the window only when they are contract events with valid payloads.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createElectronRouter, EVENT_CHANNEL_PREFIX, isSenderAppMainFrame } from '../../main/ipc/electron-router';
import { createDispatcher, type Handlers } from '../../main/ipc/dispatch';
import { CHANNELS } from '../../shared/channels';
import type { Envelope } from '../../shared/contract';

type Listener = (event: unknown, ...args: unknown[]) => Promise<Envelope<unknown>>;

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  frameToken: string;
}

function fakeContents(url = 'app://xieshang/index.html') {
  const mainFrame: FakeFrame = { url, parent: null, processId: 7, frameToken: 'main-token' };
  const sent: [string, unknown][] = [];
  const contents = {
    mainFrame,
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    send: (channel: string, payload: unknown) => void sent.push([channel, payload]),
  };
  return { contents, mainFrame, sent };
}

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      },
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
  };
}

const status = { state: 'none' as const, path: '/tmp/vault.xsv', schemaVersion: null, sample: false };
/** Every channel gets a handler (the list grows per capability); two are real enough to call. */
function fakeHandlers(): Handlers {
  const handlers: Record<string, unknown> = {};
  for (const channel of CHANNELS) handlers[channel] = vi.fn(() => Promise.reject(new Error(`not used: ${channel}`)));
  handlers['vault:status'] = () => status;
  handlers['vault:unlock'] = vi.fn(() => status);
  return handlers as Handlers;
}

function setup() {
  const { contents, mainFrame, sent } = fakeContents();
  const { ipcMain, handlers } = fakeIpcMain();
  const lines: string[] = [];
  const appHandlers = fakeHandlers();
  const router = createElectronRouter({
    ipcMain: ipcMain as never,
    getAppContents: () => contents as never,
    log: (l) => lines.push(l),
  });
  router.listen(createDispatcher(appHandlers, (l) => lines.push(l)));
  const call = (channel: string, event: unknown, ...args: unknown[]) => handlers.get(channel)!(event, ...args);
  const fromApp = { sender: contents, senderFrame: mainFrame };
  return { router, contents, mainFrame, sent, handlers, lines, call, fromApp, appHandlers };
}

describe('electron router', () => {
  it('registers exactly one handler per contract channel, and nothing else', () => {
    const { handlers, router } = setup();
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    router.close();
    expect(handlers.size).toBe(0);
  });

  it('passes calls from the app’s main frame to the dispatcher', async () => {
    const { call, fromApp } = setup();
    expect(await call('vault:status', fromApp, {})).toEqual({ ok: true, value: status });
    expect(await call('vault:status', fromApp)).toEqual({ ok: true, value: status });
  });

  it.each([
    ['no senderFrame', (f: ReturnType<typeof setup>) => ({ sender: f.contents, senderFrame: null })],
    ['a subframe', (f: ReturnType<typeof setup>) => ({ sender: f.contents, senderFrame: { ...f.mainFrame, parent: f.mainFrame, frameToken: 'sub' } })],
    ['another webContents', (f: ReturnType<typeof setup>) => ({ sender: fakeContents().contents, senderFrame: f.mainFrame })],
    ['a frame of another process', (f: ReturnType<typeof setup>) => ({ sender: f.contents, senderFrame: { ...f.mainFrame, processId: 99 } })],
    ['a file:// page', (f: ReturnType<typeof setup>) => ({ sender: f.contents, senderFrame: { ...f.mainFrame, url: 'file:///tmp/evil.html' } })],
    ['an http page', (f: ReturnType<typeof setup>) => ({ sender: f.contents, senderFrame: { ...f.mainFrame, url: 'http://127.0.0.1:8080/' } })],
    ['app://evil', (f: ReturnType<typeof setup>) => ({ sender: f.contents, senderFrame: { ...f.mainFrame, url: 'app://evil/index.html' } })],
    [
      'a disposed frame',
      (f: ReturnType<typeof setup>) => ({
        sender: f.contents,
        senderFrame: {
          get url(): string {
            throw new Error('disposed');
          },
          parent: null,
          processId: 7,
          frameToken: 'main-token',
        },
      }),
    ],
  ])('refuses %s with FORBIDDEN_SENDER, without calling the handler', async (_label, makeEvent) => {
    const f = setup();
    const result = await f.call('vault:unlock', makeEvent(f), { passphrase: 'correct horse battery staple' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(f.appHandlers['vault:unlock']).not.toHaveBeenCalled();
    expect(f.lines.join('\n')).not.toContain('correct horse');
  });

  it('refuses everyone once the window is gone', async () => {
    const f = setup();
    f.contents.destroyed = true;
    expect(await f.call('vault:status', f.fromApp, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('answers malformed payloads with BAD_REQUEST and never throws', async () => {
    const { call, fromApp, appHandlers, lines } = setup();
    const bad: unknown[][] = [
      [{ passphrase: 42 }],
      [{ passphrase: 'x', extra: true }],
      ['a string'],
      [[1, 2, 3]],
      [{ passphrase: 'secret-value-1' }, 'second argument'],
      [Object.create(null)],
    ];
    for (const args of bad) {
      const result = await call('vault:unlock', fromApp, ...args);
      expect(result, JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(appHandlers['vault:unlock']).not.toHaveBeenCalled();
    expect(lines.join('\n')).not.toContain('secret-value-1');
  });

  it('sends contract events, prefixed, to the app window only', () => {
    const { router, sent } = setup();
    router.send('vault:locked', { reason: 'idle' });
    expect(sent).toEqual([[`${EVENT_CHANNEL_PREFIX}vault:locked`, { reason: 'idle' }]]);
  });

  it('drops events outside the contract or with invalid payloads', () => {
    const { router, sent, lines } = setup();
    const send = router.send as (event: unknown, payload: unknown) => void;
    send('vault:unlock', { reason: 'idle' });
    send('evil', {});
    send('vault:locked', { reason: 'because' });
    send('task:progress', { taskId: 't', done: 'x', total: 1 });
    expect(sent).toEqual([]);
    expect(lines).toHaveLength(4);
  });

  it('does not send to a destroyed window', () => {
    const { router, sent, contents } = setup();
    contents.destroyed = true;
    router.send('vault:locked', { reason: 'manual' });
    expect(sent).toEqual([]);
  });

  it('isSenderAppMainFrame: the same frame object is trusted', () => {
    const { contents, mainFrame } = fakeContents();
    expect(isSenderAppMainFrame({ sender: contents, senderFrame: mainFrame } as never, contents as never)).toBe(true);
    expect(isSenderAppMainFrame({ sender: contents, senderFrame: mainFrame } as never, null)).toBe(false);
  });

  it('the preload listens on the same event prefix', () => {
    const preload = fs.readFileSync(path.resolve(__dirname, '..', '..', 'preload', 'preload.ts'), 'utf8');
    expect(preload).toContain(`const EVENT_CHANNEL_PREFIX = '${EVENT_CHANNEL_PREFIX}';`);
  });
});
