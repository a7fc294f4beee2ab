// The loopback harness: the real main-process services behind the same IPC contract,
// spoken over HTTP on 127.0.0.1 (random port, random token) so the real renderer runs in
// a plain Chromium for e2e tests and `npm run dev:browser`. Same dispatch, same
// validation, same CSP as the Electron app. Never listens beyond loopback.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createAppServices, type AppServices } from '../services/app-services';
import { createDispatcher } from '../ipc/dispatch';
import { events as eventSchemas } from '../../shared/contract';
import type { EmitEvent } from '../services/platform';
import { CONTENT_SECURITY_POLICY } from '../security';
import { parseHarnessPath } from '../evidence-protocol';
import { Readable } from 'node:stream';

export interface HarnessOptions {
  dataDir: string;
  rendererDir: string;
  bridgeFile: string;
  workerPath?: string;
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface Harness {
  url: string;
  port: number;
  token: string;
  services: AppServices;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // the pdf.js worker (evidence PDF preview)
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

const MAX_BODY = 64 * 1024 * 1024;

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Resolves a URL path inside root, or null for anything that escapes it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, rel);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) return null;
  return full;
}

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  // Evidence under /vault/ is fetched by <img>/<audio>, which cannot send the token header:
  // the bridge trades its token for this HttpOnly, SameSite=Strict cookie at start.
  const vaultCookie = randomBytes(24).toString('hex');
  const exportsDir = path.join(opts.dataDir, 'exports');
  const clients = new Set<http.ServerResponse>();
  const log = opts.log ?? (() => {});

  const emit: EmitEvent = (event, payload) => {
    const checked = eventSchemas[event].safeParse(payload);
    if (!checked.success) return;
    const frame = `event: ${event}\ndata: ${JSON.stringify(checked.data)}\n\n`;
    for (const res of clients) res.write(frame);
  };

  const services = await createAppServices({
    dataDir: opts.dataDir,
    mode: 'harness',
    emit,
    workerPath: opts.workerPath,
    log,
    platform: {
      // No dialogs in a browser: saves go to <dataDir>/exports under the suggested name.
      // Evidence exports: a new timestamped folder inside <dataDir>/exports.
      async chooseFolder() {
        fs.mkdirSync(exportsDir, { recursive: true });
        return exportsDir;
      },
      async chooseSavePath(suggestedName) {
        fs.mkdirSync(exportsDir, { recursive: true });
        let candidate = path.join(exportsDir, suggestedName);
        for (let i = 2; fs.existsSync(candidate); i++) {
          const ext = path.extname(suggestedName);
          candidate = path.join(exportsDir, `${path.basename(suggestedName, ext)}-${i}${ext}`);
        }
        return candidate;
      },
    },
  });
  const dispatch = createDispatcher(services.handlers, log);

  let origin = '';
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Refuse other Host names (DNS rebinding) and cross-origin callers.
    if (req.headers.host !== new URL(origin).host) return void res.writeHead(421).end();
    if (req.headers.origin && req.headers.origin !== origin) return void res.writeHead(403).end();
    const url = new URL(req.url ?? '/', origin);

    if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
      if (!sameToken(req.headers['x-xieshang-token'] as string | undefined, token)) return void res.writeHead(403).end();
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      } catch {
        return void res.writeHead(400).end(); // malformed percent-encoding
      }
      const body = await readBody(req);
      let args: unknown;
      try {
        args = body.length ? JSON.parse(body) : {};
      } catch {
        args = Symbol('malformed'); // fails validation → BAD_REQUEST envelope
      }
      const envelope = await dispatch(channel, args);
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify(envelope));
    }
    if (req.method === 'GET' && url.pathname === '/events') {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return void res.writeHead(403).end();
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    // Test bench hook: behave as if the idle timer fired (e2e cannot wait minutes).
    if (req.method === 'POST' && url.pathname === '/__harness/idle') {
      if (!sameToken(req.headers['x-xieshang-token'] as string | undefined, token)) return void res.writeHead(403).end();
      await services.lockNow('idle');
      return void res.writeHead(204).end();
    }
    if (req.method === 'POST' && url.pathname === '/__harness/vault-cookie') {
      if (!sameToken(req.headers['x-xieshang-token'] as string | undefined, token)) return void res.writeHead(403).end();
      res.writeHead(204, { 'set-cookie': `xs_vault=${vaultCookie}; HttpOnly; SameSite=Strict; Path=/vault/`, 'cache-control': 'no-store' });
      return void res.end();
    }
    if (url.pathname.startsWith('/vault/')) {
      const cookie = /(?:^|;\s*)xs_vault=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
      if (!sameToken(cookie, vaultCookie)) return void res.writeHead(403).end();
      // Read-only route: TRACE, PUT… are refused here (the Fetch Request would throw on TRACE: a 500).
      if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
      const request = new Request(url, { method: req.method ?? 'GET', headers: req.headers.range ? { range: req.headers.range } : {} });
      const response = await services.evidenceRequest(parseHarnessPath(url.pathname), request, null);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (!response.body) return void res.end();
      const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>);
      body.on('error', () => res.destroy());
      res.on('close', () => body.destroy());
      return void body.pipe(res);
    }
    if (req.method !== 'GET') return void res.writeHead(405).end();
    if (url.pathname === '/__harness/bridge.js') return sendFile(res, opts.bridgeFile);
    const file = resolveStatic(opts.rendererDir, url.pathname);
    if (!file) return void res.writeHead(404).end();
    if (path.basename(file) === 'index.html') {
      // The bridge installs window.xieshang before the app's own script runs.
      const html = fs.readFileSync(file, 'utf8').replace('<head>', '<head>\n    <script src="/__harness/bridge.js"></script>');
      res.writeHead(200, headers('.html'));
      return void res.end(html);
    }
    return sendFile(res, file);
  }

  function headers(ext: string): http.OutgoingHttpHeaders {
    return {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
  }

  function sendFile(res: http.ServerResponse, file: string): void {
    fs.readFile(file, (err, data) => {
      if (err) return void res.writeHead(404).end();
      res.writeHead(200, headers(path.extname(file)));
      res.end(data);
    });
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    services,
    async close() {
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await services.dispose();
    },
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
