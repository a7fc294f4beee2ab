// Process: main. Evidence bytes for the renderer, with HTTP Range support (audio seeking,
// large files streamed a chunk at a time from the vault worker). Plain fetch-API types:
// Electron's protocol.handle('vault', …) calls it with vault://<kind>/<id>, the loopback
// harness with /vault/<kind>/<id> (after checking its cookie). Never a file on disk.
//
// Every response: nosniff, no-store, a sandboxing CSP, and a Content-Type decided from
// the SNIFFED type through an allow-list (servedContentType): never text/html or SVG,
// anything unknown is application/octet-stream and an attachment.
import type { ByteInfo, ByteKind as EvidenceByteKind } from './vault/evidence/read';

/** Evidence bytes, plus 'package': a built application package held for preview (main/services/package-handlers.ts). */
export type ByteKind = EvidenceByteKind | 'package';

export interface EvidenceByteSource {
  info(kind: ByteKind, id: string): Promise<ByteInfo | null>;
  range(kind: ByteKind, id: string, start: number, end: number): Promise<Uint8Array>;
}

export interface EvidenceRequestOptions {
  /** The renderer's origin for CORS (Electron: app://xieshang); null when same-origin (harness). */
  allowOrigin: string | null;
}

const KINDS: readonly ByteKind[] = ['original', 'thumb', 'display', 'package'];
/** Bytes per pull from the worker: one stored chunk. */
const SLICE = 1024 * 1024;
const ID = /^[0-9a-f]{16}$/;
const PACKAGE_ID = /^[0-9a-f]{32}$/;

/** vault://original/0123456789abcdef → { kind, id }; anything else → null. */
export function parseVaultUrl(raw: string): { kind: ByteKind; id: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'vault:' || url.username || url.password || url.port) return null;
  return parseParts(url.hostname, url.pathname.replace(/^\//, ''));
}

/** /vault/original/0123456789abcdef (the harness) → { kind, id }. */
export function parseHarnessPath(pathname: string): { kind: ByteKind; id: string } | null {
  const m = /^\/vault\/([a-z]+)\/([^/]+)$/.exec(pathname);
  return m ? parseParts(m[1]!, m[2]!) : null;
}

function parseParts(kind: string, id: string): { kind: ByteKind; id: string } | null {
  if (!(KINDS as readonly string[]).includes(kind) || !(kind === 'package' ? PACKAGE_ID : ID).test(id)) return null;
  return { kind: kind as ByteKind, id };
}

/** "bytes=0-99", "bytes=100-", "bytes=-500" → inclusive [start, end], 'invalid' when unsatisfiable, null when absent. */
export function parseRange(header: string | null, size: number): [number, number] | 'invalid' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  if (size === 0) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || start >= size || end < start) return 'invalid';
  return [start, end];
}

export function baseHeaders(opts: EvidenceRequestOptions): Record<string, string> {
  const h: Record<string, string> = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Referrer-Policy': 'no-referrer',
  };
  if (opts.allowOrigin) {
    h['Access-Control-Allow-Origin'] = opts.allowOrigin;
    h['Access-Control-Expose-Headers'] = 'Content-Range, Accept-Ranges, Content-Length';
    h.Vary = 'Origin';
  }
  return h;
}

function plain(status: number, text: string, opts: EvidenceRequestOptions, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { ...baseHeaders(opts), 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
}

/** Serves one parsed evidence request. */
export async function serveEvidence(source: EvidenceByteSource, target: { kind: ByteKind; id: string } | null, request: Request, opts: EvidenceRequestOptions): Promise<Response> {
  if (request.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: { ...baseHeaders(opts), 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Range', 'Access-Control-Max-Age': '600' },
    });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', opts, { Allow: 'GET, HEAD' });
  if (!target) return plain(404, 'Not found', opts);
  let info: ByteInfo | null;
  try {
    info = await source.info(target.kind, target.id);
  } catch {
    // Locked vault, or anything else: nothing to show, and no detail about why.
    info = null;
  }
  if (!info) return plain(404, 'Not found', opts);
  const headers: Record<string, string> = {
    ...baseHeaders(opts),
    'Content-Type': info.contentType,
    'Accept-Ranges': 'bytes',
  };
  if (info.contentType === 'application/octet-stream') headers['Content-Disposition'] = 'attachment';
  const range = parseRange(request.headers.get('range'), info.size);
  if (range === 'invalid') return plain(416, 'Range not satisfiable', opts, { 'Content-Range': `bytes */${info.size}` });
  const [start, end] = range ?? [0, info.size - 1];
  const length = info.size === 0 ? 0 : end - start + 1;
  headers['Content-Length'] = String(length);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${info.size}`;
  const status = range ? 206 : 200;
  if (request.method === 'HEAD' || length === 0) return new Response(null, { status, headers });
  const { kind, id } = target;
  let next = start;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next > end) {
        controller.close();
        return;
      }
      // Up to the end of the stored chunk holding `next`: one row read per pull.
      const sliceEnd = Math.min(end, (Math.floor(next / SLICE) + 1) * SLICE - 1);
      try {
        const bytes = await source.range(kind, id, next, sliceEnd);
        if (bytes.length === 0) throw new Error('short read');
        controller.enqueue(bytes);
        next += bytes.length;
      } catch (err) {
        controller.error(err);
      }
    },
  });
  return new Response(body, { status, headers });
}
