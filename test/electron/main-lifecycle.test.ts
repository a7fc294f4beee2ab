// main/main.ts with Electron and the services replaced by fakes (no Electron binary on
// the development machines): the order of the hardening steps, the wiring of services,
// router and window, lock on suspend, dispose before quit, and the single-instance rule.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { CHANNELS } from '../../shared/channels';

const state = vi.hoisted(() => ({
  calls: [] as string[],
  gotLock: true,
  resolveReady: () => {},
  appEvents: new Map<string, (...args: unknown[]) => void>(),
  powerEvents: new Map<string, () => void>(),
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  windows: [] as { options: Record<string, unknown>; url?: string; webContents: unknown }[],
  servicesOptions: undefined as undefined | Record<string, unknown>,
  lockNow: undefined as unknown as Mock<(reason: string) => Promise<void>>,
  dispose: undefined as unknown as Mock<() => Promise<void>>,
  saveDialog: { canceled: false, filePath: '/home/me/Documents/backup.xsv' },
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const fakeContents = () => {
    const wc = Object.assign(new Emitter(), {
      mainFrame: { url: 'app://xieshang/index.html', parent: null, processId: 1, frameToken: 't' },
      sent: [] as unknown[],
      isDestroyed: () => false,
      setWindowOpenHandler: () => {},
      send: (...args: unknown[]) => void wc.sent.push(args),
    });
    return wc;
  };
  class BrowserWindow extends Emitter {
    webContents = fakeContents();
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this as never);
      state.calls.push('new BrowserWindow');
    }
    loadURL(url: string) {
      (this as unknown as { url: string }).url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    show() {}
    focus() {}
  }
  const app = {
    isPackaged: false,
    setName: (n: string) => void state.calls.push(`setName:${n}`),
    setPath: (k: string, v: string) => void state.calls.push(`setPath:${k}:${v}`),
    setAppUserModelId: () => {},
    enableSandbox: () => void state.calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (state.calls.push('requestSingleInstanceLock'), state.gotLock),
    quit: () => void state.calls.push('quit'),
    exit: (code: number) => void state.calls.push(`exit:${code}`),
    on: (event: string, fn: (...args: unknown[]) => void) => void state.appEvents.set(event, fn),
    whenReady: () => {
      state.calls.push('whenReady');
      return new Promise<void>((resolve) => (state.resolveReady = resolve));
    },
    getAppPath: () => '/project',
    getPath: (name: string) => `/home/me/${name === 'documents' ? 'Documents' : name}`,
  };
  const session = {
    defaultSession: Object.assign(new Emitter(), {
      setPermissionRequestHandler: () => void state.calls.push('setPermissionRequestHandler'),
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
      setSpellCheckerEnabled: () => {},
      webRequest: { onBeforeRequest: () => void state.calls.push('onBeforeRequest') },
    }),
  };
  return {
    app,
    BrowserWindow,
    session,
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: (t: unknown) => t },
    protocol: {
      registerSchemesAsPrivileged: () => void state.calls.push('registerSchemesAsPrivileged'),
      handle: (scheme: string) => void state.calls.push(`protocol.handle:${scheme}`),
    },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => void state.ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => void state.ipcHandlers.delete(channel),
    },
    dialog: {
      showSaveDialog: async (...args: unknown[]) => (state.calls.push(`showSaveDialog:${JSON.stringify(args.at(-1))}`), state.saveDialog),
      showErrorBox: () => void state.calls.push('showErrorBox'),
    },
    powerMonitor: { on: (event: string, fn: () => void) => void state.powerEvents.set(event, fn) },
  };
});

vi.mock('../../main/services/app-services', () => ({
  createAppServices: async (opts: Record<string, unknown>) => {
    state.servicesOptions = opts;
    state.calls.push('createAppServices');
    return { handlers: {}, lockNow: state.lockNow, dispose: state.dispose };
  },
}));

const dataDir = path.join(os.tmpdir(), 'xieshang-main-lifecycle');
const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
};

async function loadMain() {
  vi.resetModules();
  await import('../../main/main');
}

// main.ts installs process-wide error loggers; keep them out of the test runner.
const processEvents = ['uncaughtException', 'unhandledRejection'];
const listenersOf = (name: string) => process.listeners(name as 'uncaughtException') as unknown[];
let listenersBefore: Map<string, unknown[]>;
afterEach(() => {
  for (const name of processEvents) {
    for (const l of listenersOf(name)) if (!listenersBefore.get(name)?.includes(l)) process.off(name as 'uncaughtException', l as never);
  }
  delete process.env.XIESHANG_DATA_DIR;
});

beforeEach(() => {
  listenersBefore = new Map(processEvents.map((n) => [n, [...listenersOf(n)]]));
  process.env.XIESHANG_DATA_DIR = dataDir;
  state.calls.length = 0;
  state.appEvents.clear();
  state.powerEvents.clear();
  state.ipcHandlers.clear();
  state.windows.length = 0;
  state.servicesOptions = undefined;
  state.gotLock = true;
  state.lockNow = vi.fn(async (_reason: string) => {});
  state.dispose = vi.fn(async () => {});
});

describe('main/main.ts', () => {
  it('hardens before ready: name, data folder, sandbox, scheme privileges, then the lock', async () => {
    await loadMain();
    expect(state.calls).toEqual(['setName:Xieshang', `setPath:userData:${dataDir}`, 'enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock', 'whenReady']);
    expect(state.ipcHandlers.size).toBe(0);
    expect(state.windows).toHaveLength(0);
  });

  it('on ready: protocol, session rules, services, router, then the window on app://', async () => {
    await loadMain();
    state.resolveReady();
    await flush();
    const order = (name: string) => state.calls.indexOf(name);
    expect(order('protocol.handle:app')).toBeGreaterThan(order('whenReady'));
    expect(order('onBeforeRequest')).toBeGreaterThan(-1);
    expect(order('setPermissionRequestHandler')).toBeLessThan(order('new BrowserWindow'));
    expect(order('createAppServices')).toBeLessThan(order('new BrowserWindow'));

    expect(state.servicesOptions).toMatchObject({ dataDir, mode: 'electron' });
    expect(String(state.servicesOptions?.workerPath)).toMatch(/vault-worker\.js$/);
    expect(state.servicesOptions?.nativeBinding).toBeUndefined(); // this test runs under Node

    expect([...state.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(state.windows).toHaveLength(1);
    const win = state.windows[0]!;
    expect(win.url).toBe('app://xieshang/index.html');
    expect(win.options).toMatchObject({ minWidth: 960, minHeight: 640, title: '协商证据箱', show: false });
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]preload\.js$/);
  });

  it('events from the services reach the window through the router', async () => {
    await loadMain();
    state.resolveReady();
    await flush();
    const emit = state.servicesOptions?.emit as (e: string, p: unknown) => void;
    emit('vault:locked', { reason: 'idle' });
    emit('vault:locked', { reason: 'not-a-reason' });
    expect((state.windows[0]!.webContents as { sent: unknown[] }).sent).toEqual([['evt:vault:locked', { reason: 'idle' }]]);
  });

  it('the save dialog is attached to the window and suggests a bare file name', async () => {
    await loadMain();
    state.resolveReady();
    await flush();
    const platform = state.servicesOptions?.platform as { chooseSavePath: (n: string, f: unknown[]) => Promise<string | null> };
    const filters = [{ name: 'Xieshang', extensions: ['xsv'] }];
    expect(await platform.chooseSavePath('../../etc/备份.xsv', filters)).toBe('/home/me/Documents/backup.xsv');
    expect(state.calls).toContain(`showSaveDialog:${JSON.stringify({ defaultPath: path.join('/home/me/Documents', '备份.xsv'), filters })}`);
    state.saveDialog = { canceled: true, filePath: '' };
    expect(await platform.chooseSavePath('x.xsv', filters)).toBeNull();
    state.saveDialog = { canceled: false, filePath: '/home/me/Documents/backup.xsv' };
  });

  it('locks on suspend and on screen lock', async () => {
    await loadMain();
    state.resolveReady();
    await flush();
    state.powerEvents.get('suspend')?.();
    state.powerEvents.get('lock-screen')?.();
    expect(state.lockNow.mock.calls).toEqual([['suspend'], ['suspend']]);
  });

  it('every new webContents is hardened', async () => {
    await loadMain();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    state.appEvents.get('web-contents-created')?.({}, contents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  it('closing the last window disposes the services, then quits', async () => {
    await loadMain();
    state.resolveReady();
    await flush();
    state.appEvents.get('window-all-closed')?.();
    await flush();
    expect(state.dispose).toHaveBeenCalledTimes(1);
    expect(state.calls.at(-1)).toBe('quit');
    expect(state.ipcHandlers.size).toBe(0);

    // A quit from elsewhere after that does not wait for anything.
    const event = { preventDefault: vi.fn() };
    state.appEvents.get('will-quit')?.(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('a quit while the services run waits for dispose', async () => {
    await loadMain();
    state.resolveReady();
    await flush();
    const event = { preventDefault: vi.fn() };
    state.appEvents.get('will-quit')?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await flush();
    expect(state.dispose).toHaveBeenCalledTimes(1);
    expect(state.calls.at(-1)).toBe('quit');
  });

  it('a second instance quits at once and never opens the vault', async () => {
    state.gotLock = false;
    await loadMain();
    expect(state.calls).toContain('quit');
    expect(state.calls).not.toContain('whenReady');
    expect(state.appEvents.size).toBe(0);
  });
});
