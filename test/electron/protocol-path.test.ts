import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEME_PRIVILEGES, createAppRequestHandler, mimeTypeFor, registerSchemePrivileges, resolveAppFile, serveAppProtocol } from '../../main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security';

const ROOT = '/srv/app/dist/renderer';

describe('resolveAppFile', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveAppFile(ROOT, 'app://xieshang/index.html')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, 'app://xieshang/')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, 'app://xieshang')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppFile(ROOT, 'app://xieshang/assets/index-Bq1.js?v=2#x')).toBe(path.join(ROOT, 'assets', 'index-Bq1.js'));
    expect(resolveAppFile(ROOT, 'app://xieshang/assets/%E5%AD%97%E4%BD%93.woff2')).toBe(path.join(ROOT, 'assets', '字体.woff2'));
  });

  it.each([
    ['../ traversal', 'app://xieshang/../../etc/passwd'],
    ['../ traversal mid-path', 'app://xieshang/assets/../../../etc/passwd'],
    ['./ segment', 'app://xieshang/./index.html'],
    ['encoded %2e%2e', 'app://xieshang/%2e%2e/%2e%2e/etc/passwd'],
    ['encoded %2E%2E upper case', 'app://xieshang/assets/%2E%2E/%2E%2E/secret'],
    ['encoded mixed .%2e', 'app://xieshang/.%2e/secret'],
    ['encoded slash %2f', 'app://xieshang/..%2f..%2fetc%2fpasswd'],
    ['encoded backslash %5c', 'app://xieshang/..%5c..%5cwindows%5cwin.ini'],
    ['raw backslash', 'app://xieshang/..\\..\\windows\\win.ini'],
    ['backslash inside a segment', 'app://xieshang/assets\\x.js'],
    ['absolute path via //', 'app://xieshang//etc/passwd'],
    ['absolute path via encoded slash', 'app://xieshang/%2fetc%2fpasswd'],
    ['Windows drive letter', 'app://xieshang/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://xieshang/C%3A%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://xieshang/index.html%00.png'],
    ['Windows device name', 'app://xieshang/CON'],
    ['Windows device name with extension', 'app://xieshang/assets/nul.txt'],
    ['bad percent-encoding', 'app://xieshang/%E5%AD'],
    ['empty segment', 'app://xieshang/assets//x.js'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://xieshang.evil/index.html'],
    ['port', 'app://xieshang:1/index.html'],
    ['credentials', 'app://a@xieshang/index.html'],
    ['file scheme', 'file:///srv/app/dist/renderer/index.html'],
    ['http scheme', 'http://xieshang/index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppFile(ROOT, url)).toBeNull();
  });

  it('refuses Windows traversal with the win32 path rules too', () => {
    const winRoot = 'D:\\Xieshang\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(winRoot, 'app://xieshang/index.html', path.win32)).toBe(`${winRoot}\\index.html`);
    expect(resolveAppFile(winRoot, 'app://xieshang/..%5C..%5Csecret', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://xieshang/C:%5Csecret', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://xieshang/%5C%5Cserver%5Cshare', path.win32)).toBeNull();
  });

  it('never returns a path outside the root (randomised)', () => {
    const alphabet = ['a', '.', '..', '%2e', '%2E', '%2f', '%5c', '\\', '/', ':', '%00', 'x.js', '%2e%2e', ''];
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from({ length: 1 + (i % 6) }, (_, j) => alphabet[(i * 7 + j * 13) % alphabet.length]);
      const resolved = resolveAppFile(ROOT, `app://xieshang/${parts.join('/')}`);
      if (resolved !== null) {
        const rel = path.relative(ROOT, resolved);
        expect(rel.startsWith('..') || path.isAbsolute(rel), resolved).toBe(false);
      }
    }
  });
});

describe('mimeTypeFor', () => {
  it('gives the right types for what Vite emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/index-x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/index-x.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('assets/logo.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('assets/font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('assets/NotoSansSC.ttf')).toBe('font/ttf');
    expect(mimeTypeFor('assets/x.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('assets/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('the app:// request handler', () => {
  let dir: string;
  let outside: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-protocol-'));
    dir = path.join(base, 'renderer');
    outside = path.join(base, 'secret.txt');
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>协商证据箱</title>');
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(outside, 'do not serve');
    handle = createAppRequestHandler(dir);
  });
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('serves files with the CSP, nosniff and the right type', async () => {
    const res = await handle(new Request('app://xieshang/index.html'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('协商证据箱');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    const js = await handle(new Request('app://xieshang/assets/app.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 (with the CSP) for missing files, folders and traversal', async () => {
    for (const url of ['app://xieshang/missing.js', 'app://xieshang/assets', 'app://xieshang/%2e%2e/secret.txt', 'app://xieshang/../secret.txt']) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('do not serve');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves GET and HEAD only', async () => {
    const head = await handle(new Request('app://xieshang/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handle(new Request('app://xieshang/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app and vault as standard, secure schemes that do not bypass the CSP, in one call', () => {
    const calls: unknown[] = [];
    registerSchemePrivileges({ registerSchemesAsPrivileged: (schemes) => void calls.push(schemes) });
    expect(calls).toEqual([SCHEME_PRIVILEGES]);
    const app = SCHEME_PRIVILEGES.find((s) => s.scheme === 'app');
    const vault = SCHEME_PRIVILEGES.find((s) => s.scheme === 'vault');
    expect(app?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(vault?.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    for (const s of SCHEME_PRIVILEGES) {
      expect(s.privileges?.bypassCSP ?? false).toBe(false);
      expect(s.privileges?.allowServiceWorkers ?? false).toBe(false);
    }
  });

  it('serves only the app scheme through protocol.handle', () => {
    const handled: string[] = [];
    serveAppProtocol({ handle: (scheme) => void handled.push(scheme) }, '/x');
    expect(handled).toEqual(['app']);
  });
});
