// Browser-only stand-in for the Electron preload: installs window.xieshang over the
// loopback harness (fetch + server-sent events). The token arrives in the URL fragment
// (never sent to the server in a request line) and is removed from the address bar.
import { buildApi, type Transport } from '../shared/api-surface';
import type { EventName } from '../shared/channels';

const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
history.replaceState(null, '', location.pathname);

// Evidence bytes (/vault/…) load through <img>/<audio>, which cannot carry the token:
// trade it once for an HttpOnly, SameSite=Strict cookie scoped to /vault/.
const vaultCookie = fetch('/__harness/vault-cookie', { method: 'POST', headers: { 'x-xieshang-token': token } }).catch(() => undefined);

let source: EventSource | null = null;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

function ensureSource(): EventSource {
  if (source) return source;
  source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
  return source;
}

const transport: Transport = {
  async invoke(channel, args) {
    await vaultCookie;
    const res = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-xieshang-token': token },
      body: JSON.stringify(args ?? {}),
    });
    if (!res.ok) return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: `HTTP ${res.status}` } };
    return res.json();
  },
  listen(event, deliver) {
    let set = listeners.get(event);
    if (!set) {
      const fresh = new Set<(payload: unknown) => void>();
      listeners.set(event, fresh);
      ensureSource().addEventListener(event, (e) => {
        const data = JSON.parse((e as MessageEvent<string>).data) as unknown;
        for (const fn of fresh) fn(data);
      });
      set = fresh;
    }
    set.add(deliver);
    return () => set.delete(deliver);
  },
};

(window as unknown as { xieshang: unknown }).xieshang = buildApi(transport);
