// Process: main (Electron entry, bundled to dist/main/main.js). Wires the hardened
// shell around the plain-Node services: one instance, app:// for the UI, a checked IPC
// router, a locked-down window, lock on sleep, dispose before quitting.
// Logs carry channel names and error class names only, never arguments or paths.
import path from 'node:path';
import { app, dialog, ipcMain, Notification, powerMonitor, protocol, session, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { userDataDir, APP_DIR_NAME } from './paths';
import { registerSchemePrivileges, serveAppProtocol } from './protocol';
import { createMainWindow, hardenSession, hardenWebContents, installAppMenu } from './window';
import { createElectronRouter } from './ipc/electron-router';
import { createDispatcher } from './ipc/dispatch';
import { createAppServices, type AppServices } from './services/app-services';
import { NativeBindingMissingError, resolveNativeBinding } from './native-binding';
import type { PlatformHooks } from './services/platform';
import { XieshangError } from '../shared/errors';
import { parseVaultUrl } from './evidence-protocol';
import { APP_ORIGIN, VAULT_SCHEME } from './security';

const log = (line: string): void => console.log(`[xieshang] ${line}`);
const errorName = (err: unknown): string => (err instanceof Error ? err.name : typeof err);

// Before 'ready': the name and data folder must match main/paths.ts (the CLI opens the
// same vault), and the single-instance lock lives in that folder.
app.setName(APP_DIR_NAME);
app.setPath('userData', userDataDir());
if (process.platform === 'win32') app.setAppUserModelId('org.xieshang.app');
app.enableSandbox();
registerSchemePrivileges(protocol);

process.on('uncaughtException', (err) => log(`uncaught exception: ${errorName(err)}`));
process.on('unhandledRejection', (err) => log(`unhandled rejection: ${errorName(err)}`));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  run();
}

function run(): void {
  const allowDevTools = !app.isPackaged;
  let win: BrowserWindow | null = null;
  let services: AppServices | null = null;

  const router = createElectronRouter({
    ipcMain,
    getAppContents: () => (win && !win.isDestroyed() ? win.webContents : null),
    log,
  });

  const platform: PlatformHooks = {
    // Evidence import: the only way a path on disk reaches the app is the user's choice here.
    async chooseOpenPaths(mode) {
      const options: OpenDialogOptions = {
        properties: mode === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
        defaultPath: app.getPath('pictures'),
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : result.filePaths;
    },
    // Evidence export: a folder; the originals and the manifest go into a new dated folder inside it.
    async chooseFolder() {
      const options: OpenDialogOptions = { defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    // 从备份恢复: one backup file; main keeps the path, the renderer gets an id.
    async chooseBackupFile() {
      const options: OpenDialogOptions = {
        defaultPath: app.getPath('documents'),
        properties: ['openFile'],
        filters: [
          { name: '协商证据箱备份 (*.xsv)', extensions: ['xsv'] },
          { name: '*', extensions: ['*'] },
        ],
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : result.filePaths[0];
    },
    async chooseSavePath(suggestedName, filters) {
      const options = { defaultPath: path.join(app.getPath('documents'), path.basename(suggestedName)), filters };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    // Timeline reminders (main/services/timeline-reminders.ts): local only, counts without names.
    notify(title, body) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  };

  const lockForSuspend = (): void => {
    services?.lockNow('suspend').catch((err: unknown) => log(`lock on suspend failed: ${errorName(err)}`));
  };

  async function disposeServices(): Promise<void> {
    const current = services;
    services = null;
    router.close();
    if (!current) return;
    try {
      await current.dispose();
    } catch (err) {
      log(`dispose failed: ${errorName(err)}`);
    }
  }

  async function start(): Promise<void> {
    serveAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));
    hardenSession(session.defaultSession, { allowDevTools, log });
    installAppMenu({ allowDevTools });

    let nativeBinding: string | undefined;
    try {
      nativeBinding = resolveNativeBinding({ packaged: app.isPackaged, projectRoot: app.getAppPath() });
    } catch (err) {
      if (!(err instanceof NativeBindingMissingError)) throw err;
      console.error(err.message);
      dialog.showErrorBox('协商证据箱无法启动', err.message);
      app.exit(1);
      return;
    }

    services = await createAppServices({
      dataDir: userDataDir(),
      mode: 'electron',
      platform,
      emit: router.send,
      workerPath: path.join(__dirname, 'vault-worker.js'),
      nativeBinding,
      log,
    });
    router.listen(createDispatcher(services.handlers, log));
    // Evidence bytes (main/evidence-protocol.ts): streamed from the vault worker, never a file.
    protocol.handle(VAULT_SCHEME, (request) =>
      services ? services.evidenceRequest(parseVaultUrl(request.url), request, APP_ORIGIN) : Promise.resolve(new Response(null, { status: 404 })),
    );

    win = createMainWindow({ preloadPath: path.join(__dirname, '..', 'preload', 'preload.js'), allowDevTools, log });
    win.on('closed', () => {
      win = null;
    });
    powerMonitor.on('suspend', lockForSuspend);
    powerMonitor.on('lock-screen', lockForSuspend);
  }

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  // Every webContents, including any the app never meant to create, gets the same rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  // Closing the window ends the session on every OS: the vault must not stay open.
  app.on('window-all-closed', () => {
    void disposeServices().finally(() => app.quit());
  });
  app.on('will-quit', (event) => {
    if (!services) return;
    event.preventDefault();
    void disposeServices().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log(`startup failed: ${errorName(err)}`);
      // XieshangError messages are user-facing and secret-free by design; anything else is not shown.
      const message = err instanceof XieshangError ? err.message : '启动失败，数据未被改动。 / Startup failed; no data was changed.';
      dialog.showErrorBox('协商证据箱无法启动', message);
      app.exit(1);
    });
}
