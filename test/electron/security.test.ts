import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_RESPONSE_HEADERS,
  CONTENT_SECURITY_POLICY,
  hardenedWebPreferences,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isAppUrl,
  isTrustedSender,
} from '../../main/security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name ?? '', values];
    }),
  );
}

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('has no unsafe-* source and no wildcard or remote scheme', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\b(https?|wss?|file|ftp):/);
  });

  it('denies by default and allows scripts and styles from the app only', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
  });

  it('lets evidence in only through vault: and blob:', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'blob:', 'vault:']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'vault:']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'vault:']);
  });

  it('closes plugins, base, forms and framing', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.has('frame-src')).toBe(false); // falls back to default-src 'none'
  });

  it('is sent with nosniff on every app response', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('webPreferences', () => {
  it('are the hardened set', () => {
    const prefs = hardenedWebPreferences('/app/dist/preload/preload.js', { allowDevTools: false });
    expect(prefs).toEqual({
      preload: '/app/dist/preload/preload.js',
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
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('only devTools follows the build mode', () => {
    const dev = hardenedWebPreferences('/p.js', { allowDevTools: true });
    const prod = hardenedWebPreferences('/p.js', { allowDevTools: false });
    expect(dev.devTools).toBe(true);
    expect({ ...dev, devTools: false }).toEqual(prod);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/assets/index-abc.js?x=1#top`)).toBe(true);
  });

  it.each([
    'file:///work/main/dist/renderer/index.html',
    'http://127.0.0.1:5173/index.html',
    'http://localhost/index.html',
    'https://xieshang/index.html',
    'app://evil/index.html',
    'app://xieshang.evil/index.html',
    'app://evil.xieshang/index.html',
    'app://xieshang:8080/index.html',
    'app://user:pw@xieshang/index.html',
    'vault://xieshang/1',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://xieshang/0b6c1f2e',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'app:xieshang/index.html',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => APP_ENTRY_URL })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app page in the main frame', () => {
    expect(isTrustedSender(APP_ENTRY_URL, true)).toBe(true);
    expect(isTrustedSender(APP_ENTRY_URL, false)).toBe(false);
    expect(isTrustedSender(APP_ENTRY_URL, 'true')).toBe(false);
  });

  it.each([
    'file:///work/main/dist/renderer/index.html',
    'http://127.0.0.1:43210/index.html',
    'app://evil/index.html',
    'javascript:void(0)',
    'data:text/html,hi',
    'about:blank',
    '',
  ])('refuses %s even in the main frame', (url) => {
    expect(isTrustedSender(url, true)).toBe(false);
  });
});

describe('request and navigation filters', () => {
  const prod = { allowDevTools: false };

  it('allow the app, vault:, the app’s blobs and data:', () => {
    expect(isAllowedRequestUrl(`${APP_ORIGIN}/assets/a.js`, prod)).toBe(true);
    expect(isAllowedRequestUrl('vault://evidence/42', prod)).toBe(true);
    expect(isAllowedRequestUrl('blob:app://xieshang/0b6c1f2e-1111', prod)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', prod)).toBe(true);
  });

  it('cancel everything remote or foreign', () => {
    for (const url of [
      'https://example.com/x.js',
      'http://127.0.0.1:8080/',
      'ws://127.0.0.1/',
      'file:///etc/passwd',
      'app://evil/x.js',
      'blob:https://example.com/1',
      'chrome-extension://abc/x.js',
      'javascript:alert(1)',
      'ftp://example.com/',
      '',
    ]) {
      expect(isAllowedRequestUrl(url, prod), url).toBe(false);
    }
  });

  it('allow devtools: only when devtools are on', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(isAllowedRequestUrl(url, prod)).toBe(false);
    expect(isAllowedRequestUrl(url, { allowDevTools: true })).toBe(true);
  });

  it('navigation stays on the app origin', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///C:/Users/me/evidence.jpg')).toBe(false);
    expect(isAllowedNavigation('vault://evidence/1')).toBe(false);
  });
});
