// Process: preload (sandboxed: only 'electron' may be required at run time; esbuild
// bundles the shared files in). Exposes window.xieshang = the contract's typed API and
// nothing else: no ipcRenderer, no generic invoke/send/on, no IpcRendererEvent.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Transport } from '../shared/api-surface';

/** Must equal EVENT_CHANNEL_PREFIX in main/ipc/electron-router.ts (a test checks it). */
const EVENT_CHANNEL_PREFIX = 'evt:';

const transport: Transport = {
  invoke: (channel, args) => ipcRenderer.invoke(channel, args),
  listen(event, deliver) {
    const channel = EVENT_CHANNEL_PREFIX + event;
    // The event object carries `sender` (ipcRenderer itself): never let it reach the page.
    const listener = (_event: IpcRendererEvent, payload: unknown) => deliver(payload);
    ipcRenderer.on(channel, listener);
    return () => {
      ipcRenderer.removeListener(channel, listener);
    };
  },
};

contextBridge.exposeInMainWorld('xieshang', buildApi(transport));
