// window.xieshang is provided by the Electron preload (contextBridge) or, in the loopback
// harness, by its bridge script. It is the only way the renderer reaches the main process.
import type { XieshangApi } from '../../shared/contract';

declare global {
  interface Window {
    readonly xieshang: XieshangApi;
  }
}

export {};
