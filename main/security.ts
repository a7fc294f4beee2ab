// Process: main. The Electron hardening policy as plain data and pure predicates, so
// every rule is unit-tested without an Electron binary (test/electron/security.test.ts).
// window.ts, protocol.ts and the IPC router only apply what is decided here.
import type { WebPreferences } from 'electron';

/** The app is served from its own privileged scheme, never http: or file:. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'xieshang';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Evidence bytes are read through vault:// (served by main; never a file on disk). */
export const VAULT_SCHEME = 'vault';

/**
 * What a Vite-built React app needs and nothing more: scripts, styles, fonts and workers
 * only from the app itself (no unsafe-inline, no unsafe-eval); images and media also from
 * vault:// (evidence) and blob: (previews the renderer makes from those bytes).
 * No data: (vite.config.ts sets assetsInlineLimit 0) and no blob: workers (Vite emits
 * workers as files). If either is ever needed, add it here and say why.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self'", 'blob:', `${VAULT_SCHEME}:`],
  ['media-src', "'self'", 'blob:', `${VAULT_SCHEME}:`],
  ['font-src', "'self'"],
  ['connect-src', "'self'", `${VAULT_SCHEME}:`],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map((d) => d.join(' ')).join('; ');

/** Headers on every app:// response (protocol.ts). */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** The only webPreferences any window of this app gets (Electron security checklist). */
export function hardenedWebPreferences(preloadPath: string, opts: { allowDevTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // Spellcheck would download dictionaries and send typed text to the spellchecker.
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: opts.allowDevTools,
  };
}

function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null;
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True only for app://xieshang/… (exact host, no port, no credentials). */
export function isAppUrl(raw: unknown): boolean {
  const url = parseUrl(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

/** An IPC message is trusted only from the app's own page in the top-level frame. */
export function isTrustedSender(frameUrl: unknown, isMainFrame: unknown): boolean {
  return isMainFrame === true && isAppUrl(frameUrl);
}

/**
 * The session's network filter: no remote content at all. Only the app itself, evidence
 * through vault://, blobs the app made, data: URLs, and devtools:// when devtools are on.
 */
export function isAllowedRequestUrl(raw: unknown, opts: { allowDevTools: boolean }): boolean {
  if (typeof raw !== 'string') return false;
  if (raw.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  const url = parseUrl(raw);
  if (url === null) return false;
  switch (url.protocol) {
    case `${APP_SCHEME}:`:
      return isAppUrl(raw);
    case `${VAULT_SCHEME}:`:
    case 'data:':
      return true;
    case 'devtools:':
      return opts.allowDevTools;
    default:
      return false;
  }
}

/** Navigation (will-navigate, will-redirect, will-frame-navigate) stays inside the app. */
export function isAllowedNavigation(raw: unknown): boolean {
  return isAppUrl(raw);
}
