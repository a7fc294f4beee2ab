// Process: main. The app:// scheme: the renderer's files are served from dist/renderer
// only, with the CSP and nosniff headers on every response. The app never loads over
// http: or file: (file: would grant the page the whole disk's origin).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { APP_ORIGIN, APP_RESPONSE_HEADERS, APP_SCHEME, VAULT_SCHEME } from './security';

/**
 * Every privileged scheme of the app, in ONE list: Electron honours only one
 * registerSchemesAsPrivileged call, so the vault:// handler's privileges live here too.
 * vault:// needs corsEnabled so the app origin can fetch() evidence bytes (its handler
 * must answer with Access-Control-Allow-Origin: app://xieshang) and stream for media seeking.
 * Neither scheme bypasses the CSP.
 */
export const SCHEME_PRIVILEGES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: VAULT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
];

/** Must run before app 'ready'. */
export function registerSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(SCHEME_PRIVILEGES);
}

/** Serves app:// from rendererDir. Must run after app 'ready'. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps app://xieshang/<path> to a file under rootDir, or null. Each raw segment is decoded
 * on its own and refused if it could climb or jump: '', '.', '..', anything holding a
 * slash, backslash, colon (drive letters, ADS) or NUL after decoding, and Windows device
 * names. The result must still resolve inside rootDir (belt and braces).
 */
export function resolveAppFile(rootDir: string, requestUrl: string, pathImpl: path.PlatformPath = path): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > 4096) return null;
  if (requestUrl !== APP_ORIGIN && !requestUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  // Read the path from the raw string, not URL.pathname: the URL parser would quietly
  // fold '..' away, and a request that tries to climb should be refused, not rewritten.
  const rawPath = requestUrl.slice(APP_ORIGIN.length).split(/[?#]/)[0] ?? '';
  const wanted = rawPath === '' || rawPath === '/' ? '/index.html' : rawPath;
  const segments: string[] = [];
  for (const raw of wanted.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (/[/\\:\0]/.test(segment)) return null;
    // Windows device names (CON, NUL, COM1…) open devices, not files, in any folder.
    if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(segment)) return null;
    segments.push(segment);
  }

  const root = pathImpl.resolve(rootDir);
  const resolved = pathImpl.resolve(root, ...segments);
  const relative = pathImpl.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || pathImpl.isAbsolute(relative)) return null;
  return resolved;
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The protocol.handle callback; plain fetch-API types, so tests call it directly. */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...APP_RESPONSE_HEADERS, Allow: 'GET, HEAD' } });
    }
    const file = resolveAppFile(rendererDir, request.url);
    if (file === null) return notFound();
    let body: Uint8Array;
    try {
      body = await fs.readFile(file); // a directory or missing file throws → 404
    } catch {
      return notFound();
    }
    const headers = { ...APP_RESPONSE_HEADERS, 'Content-Type': mimeTypeFor(file), 'Content-Length': String(body.byteLength) };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
