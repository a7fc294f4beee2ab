// Process: main. Binds the contract to ipcMain: one handler per channel (no generic
// channel), each of which first checks WHO is asking, then hands the raw arguments to
// the shared dispatcher (zod validation, never throws). Events go out the other way,
// only to the app window, only contract events, only with valid payloads.
// electron is imported for types only: main.ts injects ipcMain, tests inject a fake.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, isEventName, type EventName } from '../../shared/channels';
import { events, type Envelope, type EventPayload } from '../../shared/contract';
import { formatErrorMessage } from '../../shared/errors';
import { isTrustedSender } from '../security';
import type { Dispatch } from './dispatch';

/** Event channel names on the wire: 'evt:' + contract event name (preload/preload.ts mirrors it). */
export const EVENT_CHANNEL_PREFIX = 'evt:';

export interface ElectronRouterOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  /** The app window's webContents (null before it exists / after it closed). */
  getAppContents: () => WebContents | null;
  /** One line, never arguments or payloads. */
  log?: (line: string) => void;
}

export interface ElectronRouter {
  /** Registers one ipcMain.handle per contract channel; call once the services exist. */
  listen(dispatch: Dispatch): void;
  /** Sends a contract event to the app window; drops anything outside the contract. */
  send<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Removes every handler (tests, shutdown). */
  close(): void;
}

const refusal = (code: 'FORBIDDEN_SENDER' | 'BAD_REQUEST'): Envelope<never> => ({
  ok: false,
  error: { code, message: formatErrorMessage(code) },
});
const forbidden = () => refusal('FORBIDDEN_SENDER');
const badRequest = () => refusal('BAD_REQUEST');

/** The sender is the app window's top-level frame, showing the app's own origin. */
export function isSenderAppMainFrame(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, contents: WebContents | null): boolean {
  try {
    if (!contents || contents.isDestroyed() || event.sender !== contents) return false;
    const frame = event.senderFrame;
    const main = contents.mainFrame;
    if (!frame || !main) return false;
    const isMainFrame = frame.parent === null && (frame === main || (frame.processId === main.processId && frame.frameToken === main.frameToken));
    return isTrustedSender(frame.url, isMainFrame);
  } catch {
    // A frame disposed mid-call throws on access: treat it as untrusted.
    return false;
  }
}

export function createElectronRouter(opts: ElectronRouterOptions): ElectronRouter {
  const log = opts.log ?? (() => {});
  let listening = false;

  return {
    listen(dispatch) {
      if (listening) throw new Error('electron router: listen() called twice');
      listening = true;
      for (const channel of CHANNELS) {
        opts.ipcMain.handle(channel, async (event, ...args: unknown[]) => {
          if (!isSenderAppMainFrame(event, opts.getAppContents())) {
            log(`refused ${channel} from an untrusted sender`);
            return forbidden();
          }
          // Exactly one argument object per call; anything else is malformed.
          if (args.length > 1) {
            log(`rejected malformed ${channel}: extra arguments`);
            return badRequest();
          }
          return dispatch(channel, args[0]);
        });
      }
    },

    send(event, payload) {
      if (!isEventName(event)) {
        log('dropped an event outside the contract');
        return;
      }
      const checked = events[event].safeParse(payload);
      if (!checked.success) {
        log(`dropped ${event}: payload outside the contract`);
        return;
      }
      const contents = opts.getAppContents();
      if (!contents || contents.isDestroyed()) return;
      contents.send(EVENT_CHANNEL_PREFIX + event, checked.data);
    },

    close() {
      for (const channel of CHANNELS) opts.ipcMain.removeHandler(channel);
      listening = false;
    },
  };
}
