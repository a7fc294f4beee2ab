// The webContents and session rules with fake Electron objects: navigation away from the
// app, new windows, <webview>, permissions, remote requests and downloads are all refused.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const Menu = vi.hoisted(() => ({ setApplicationMenu: vi.fn(), buildFromTemplate: (t: unknown) => t }));
vi.mock('electron', () => ({ BrowserWindow: class {}, Menu }));

const { hardenSession, hardenWebContents, installAppMenu } = await import('../../main/window');

function fakeContents() {
  const emitter = new EventEmitter() as EventEmitter & { openHandler?: (d: unknown) => { action: string } };
  Object.assign(emitter, {
    setWindowOpenHandler(handler: (d: unknown) => { action: string }) {
      emitter.openHandler = handler;
    },
  });
  return emitter;
}

function navEvent(url: string) {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

describe('hardenWebContents', () => {
  it('keeps navigation, redirects and frame navigation on app://xieshang', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/', 'http://127.0.0.1:3000/', 'javascript:alert(1)']) {
        const event = navEvent(url);
        contents.emit(name, event);
        expect(event.defaultPrevented, `${name} ${url}`).toBe(true);
      }
      const ok = navEvent('app://xieshang/index.html');
      contents.emit(name, ok);
      expect(ok.defaultPrevented, name).toBe(false);
    }
  });

  it('denies window.open and <webview>', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://xieshang/index.html' })).toEqual({ action: 'deny' });
    const event = navEvent('');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('is idempotent (one set of listeners per webContents)', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    hardenWebContents(contents as never);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });

  it('logs without the URL', () => {
    const contents = fakeContents();
    const lines: string[] = [];
    hardenWebContents(contents as never, (l) => lines.push(l));
    contents.emit('will-navigate', navEvent('https://example.com/?name=张三'));
    expect(lines.join('\n')).not.toContain('example.com');
  });
});

describe('hardenSession', () => {
  interface FakeSession extends EventEmitter {
    requestHandler?: (wc: unknown, perm: string, cb: (ok: boolean) => void) => void;
    checkHandler?: () => boolean;
    deviceHandler?: () => boolean;
    beforeRequest?: (d: { url: string; resourceType: string }, cb: (r: { cancel: boolean }) => void) => void;
    spellcheck: boolean;
  }
  function fakeSession(): FakeSession {
    const s = Object.assign(new EventEmitter(), { spellcheck: true }) as FakeSession;
    Object.assign(s, {
      setPermissionRequestHandler: (h: FakeSession['requestHandler']) => void (s.requestHandler = h),
      setPermissionCheckHandler: (h: FakeSession['checkHandler']) => void (s.checkHandler = h),
      setDevicePermissionHandler: (h: FakeSession['deviceHandler']) => void (s.deviceHandler = h),
      setSpellCheckerEnabled: (on: boolean) => void (s.spellcheck = on),
      webRequest: { onBeforeRequest: (h: FakeSession['beforeRequest']) => void (s.beforeRequest = h) },
    });
    return s;
  }

  it('denies every permission request and check', () => {
    const s = fakeSession();
    hardenSession(s as never, { allowDevTools: false });
    for (const perm of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'usb']) {
      let granted: boolean | undefined;
      s.requestHandler?.({}, perm, (ok) => (granted = ok));
      expect(granted, perm).toBe(false);
    }
    expect(s.checkHandler?.()).toBe(false);
    expect(s.deviceHandler?.()).toBe(false);
    expect(s.spellcheck).toBe(false);
  });

  it('cancels every request that is not the app, vault:, blob: or data:', () => {
    const s = fakeSession();
    hardenSession(s as never, { allowDevTools: false });
    const cancelled = (url: string) => {
      let result: boolean | undefined;
      s.beforeRequest?.({ url, resourceType: 'xhr' }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('app://xieshang/assets/a.js')).toBe(false);
    expect(cancelled('vault://evidence/1')).toBe(false);
    expect(cancelled('https://cdn.example.com/react.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:9222/json')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('devtools://devtools/bundled/inspector.html')).toBe(true);
  });

  it('blocks downloads', () => {
    const s = fakeSession();
    hardenSession(s as never, { allowDevTools: false });
    const event = navEvent('');
    s.emit('will-download', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('installAppMenu', () => {
  it('production menu has no reload and no devtools; development keeps the default menu', () => {
    const setMenu = Menu.setApplicationMenu;
    setMenu.mockClear();
    installAppMenu({ allowDevTools: true });
    expect(setMenu).not.toHaveBeenCalled();

    installAppMenu({ allowDevTools: false });
    expect(setMenu).toHaveBeenCalledTimes(1);
    const template = JSON.stringify(setMenu.mock.calls[0]?.[0]);
    expect(template).not.toMatch(/reload|forceReload|toggleDevTools|viewMenu/);
  });
});
