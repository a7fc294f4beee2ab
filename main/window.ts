// Process: main. The app window and the rules every webContents and the session obey:
// no navigation away from app://xieshang, no new windows, no <webview>, no permissions,
// no downloads, no network request to anything but the app's own schemes.
import { BrowserWindow, Menu, type MenuItemConstructorOptions, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, hardenedWebPreferences, isAllowedNavigation, isAllowedRequestUrl } from './security';

type Log = (line: string) => void;

export const WINDOW_TITLE = '协商证据箱';
/** renderer/locales/demo: titlePrefix, in every language. */
export const SAMPLE_TITLE_MARK = '【示例】';
const BACKGROUND_COLOR = '#f6f5f2';

const hardened = new WeakSet<WebContents>();

/** Same rules for every webContents (called from app 'web-contents-created'); idempotent. */
export function hardenWebContents(contents: WebContents, log: Log = () => {}): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);

  const refuseNavigation = (event: { url: string; preventDefault(): void }, kind: string) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log(`blocked ${kind}`); // never the URL: it may carry user data
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => refuseNavigation(event, 'frame navigation'));
  contents.on('will-redirect', (event) => refuseNavigation(event, 'redirect'));
  // No new windows, and never shell.openExternal with anything the page supplies.
  contents.setWindowOpenHandler(() => {
    log('blocked window.open');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked <webview>');
  });
}

/** Session-wide: deny every permission, cancel remote requests and downloads. */
export function hardenSession(ses: Session, opts: { allowDevTools: boolean; log?: Log }): void {
  const log = opts.log ?? (() => {});
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, { allowDevTools: opts.allowDevTools });
    if (!allowed) log(`cancelled a ${details.resourceType} request outside the app`);
    callback({ cancel: !allowed });
  });
  // Exports go through main's save dialog (PlatformHooks.chooseSavePath); the page never
  // writes a file itself, so plaintext cannot leave through a download.
  ses.on('will-download', (event) => {
    event.preventDefault();
    log('blocked a download');
  });
}

/** In production the menu has no reload and no devtools; development keeps Electron's default menu. */
export function installAppMenu(opts: { allowDevTools: boolean }): void {
  if (opts.allowDevTools) return;
  const template: MenuItemConstructorOptions[] = [];
  if (process.platform === 'darwin') template.push({ role: 'appMenu' });
  template.push({ role: 'editMenu' }, { role: 'windowMenu' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

export function createMainWindow(opts: { preloadPath: string; allowDevTools: boolean; log?: Log }): BrowserWindow {
  const log = opts.log ?? (() => {});
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    webPreferences: hardenedWebPreferences(opts.preloadPath, { allowDevTools: opts.allowDevTools }),
  });
  hardenWebContents(win.webContents, log);
  // The window keeps the app's own name; only the demo's 【示例】 mark follows the page.
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    win.setTitle(title.startsWith(SAMPLE_TITLE_MARK) ? `${SAMPLE_TITLE_MARK}${WINDOW_TITLE}` : WINDOW_TITLE);
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.on('render-process-gone', (_event, details) => log(`renderer gone: ${details.reason}`));
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => log(`failed to load the app page: ${err instanceof Error ? err.name : 'error'}`));
  return win;
}
