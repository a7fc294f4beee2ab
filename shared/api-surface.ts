// Builds window.xieshang from a transport. Used by the Electron preload (transport =
// ipcRenderer, kept private there) and by the browser harness bridge (transport = fetch).
// Each method is a separate closure over one fixed channel: there is no generic invoke.
import { CHANNELS, EVENTS, splitChannel, type Channel, type EventName } from './channels';
import type { Envelope, XieshangApi } from './contract';
import { fromErrorInfo, isErrorCode, formatErrorMessage } from './errors';

export interface Transport {
  invoke(channel: Channel, args: unknown): Promise<Envelope<unknown>>;
  /** Starts delivering one event name; returns the function that stops it. */
  listen(event: EventName, deliver: (payload: unknown) => void): () => void;
}

export function buildApi(transport: Transport): XieshangApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [ns, method] = splitChannel(channel);
    const group = (api[ns] ??= {}) as Record<string, unknown>;
    group[method] = async (args?: unknown) => unwrap(await transport.invoke(channel, args ?? {}));
  }
  api.subscribe = (event: unknown, handler: unknown) => {
    if (!(EVENTS as readonly unknown[]).includes(event)) throw new TypeError('unknown event');
    if (typeof handler !== 'function') throw new TypeError('handler must be a function');
    return transport.listen(event as EventName, (payload) => (handler as (p: unknown) => void)(payload));
  };
  return Object.freeze(api) as unknown as XieshangApi;
}

function unwrap(envelope: Envelope<unknown>): unknown {
  if (envelope && envelope.ok === true) return envelope.value;
  const error = envelope && envelope.ok === false ? envelope.error : undefined;
  const code = error && isErrorCode(error.code) ? error.code : 'INTERNAL';
  throw fromErrorInfo({
    code,
    message: error?.message ?? formatErrorMessage('INTERNAL'),
    ...(error?.params ? { params: error.params } : {}),
  });
}
