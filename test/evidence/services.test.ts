// The evidence channels through the real dispatch (zod on both sides), the evidence
// protocol (ranges, headers, never text/html), the harness's cookie-guarded /vault/
// route, and an import through the real worker thread with progress, cancel and a
// responsive main thread.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, it, expect, afterEach } from 'vitest';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatch';
import { parseHarnessPath, parseRange, parseVaultUrl } from '../../main/evidence-protocol';
import { startHarness, type Harness } from '../../main/harness/server';
import { decodeImportLabel } from '../../shared/evidence/progress';
import { PASS, tmpDir } from '../helpers/tmp';
import { exe, png, wav, write } from './fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Sut {
  services: AppServices;
  dispatch: Dispatch;
  events: { event: string; payload: unknown }[];
  dataDir: string;
  picks: (string[] | null)[];
}
const suts: Sut[] = [];
const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
  for (const s of suts.splice(0)) await s.services.dispose();
});

async function services(opts: { worker?: boolean } = {}): Promise<Sut> {
  const dataDir = tmpDir();
  const events: Sut['events'] = [];
  const picks: Sut['picks'] = [];
  const svc = await createAppServices({
    dataDir,
    mode: 'harness',
    emit: (event, payload) => events.push({ event, payload }),
    ...(opts.worker ? { workerPath: path.join(ROOT, 'dist/main/vault-worker.js') } : {}),
    platform: {
      chooseSavePath: async (name) => path.join(dataDir, name),
      chooseOpenPaths: async () => picks.shift() ?? null,
      chooseFolder: async () => path.join(dataDir, 'exports'),
    },
  });
  const sut = { services: svc, dispatch: createDispatcher(svc.handlers), events, dataDir, picks };
  suts.push(sut);
  return sut;
}

const value = async <T = unknown>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> => {
  const env = await p;
  if (!env.ok) throw new Error(`call failed: ${JSON.stringify(env.error)}`);
  return env.value as T;
};

describe('evidence over the IPC contract', () => {
  it('pick → import → list → update → trash/restore → export → verify, all validated both ways', async () => {
    const sut = await services();
    const { dispatch } = sut;
    await value(dispatch('vault:create', { passphrase: PASS }));
    const src = tmpDir();
    const shot = await png();
    const files = [write(src, 'Screenshot_20241018-143022.png', shot), write(src, 'empty.png', Buffer.alloc(0))];
    sut.picks.push(files);
    const imported = await value<{ cancelled: false; interrupted: boolean; results: unknown[] }>(
      dispatch('evidence:pickAndImport', { mode: 'files', taskId: 'imp-1', note: '第一批' }),
    );
    expect(imported.cancelled).toBe(false);
    expect(imported.results).toEqual([
      expect.objectContaining({ path: files[0], sha256: sha(shot), category: 'chat_screenshot', duplicateOf: null }),
      { path: files[1], error: { code: 'EMPTY_FILE', message: expect.any(String) } },
    ]);
    const progress = sut.events.filter((e) => e.event === 'task:progress').map((e) => e.payload as { taskId: string; done: number; total: number; label?: string });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.taskId === 'imp-1')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: shot.length, total: shot.length });
    // Throttled to ~10 a second, the last one always sent.
    const labels = progress.map((p) => decodeImportLabel(p.label));
    expect(labels[0]).toEqual({ file: 1, files: 2, fileDone: 0, fileTotal: shot.length, name: 'Screenshot_20241018-143022.png' });
    expect(labels.at(-1)).toMatchObject({ file: 2, files: 2, name: 'empty.png' });

    const list = await value<{ items: { id: string; note: string }[]; total: number }>(dispatch('evidence:list', {}));
    expect(list.total).toBe(1);
    const id = list.items[0]!.id;
    expect(list.items[0]!.note).toBe('第一批');
    const updated = await value<{ tags: string[]; category: string }>(dispatch('evidence:update', { id, tags: ['催收'], category: 'collection_notice' }));
    expect(updated).toMatchObject({ tags: ['催收'], category: 'collection_notice' });
    expect(await value(dispatch('evidence:trash', { ids: [id] }))).toEqual({ count: 1 });
    expect(await value(dispatch('evidence:facets', {}))).toMatchObject({ live: 0, trash: 1 });
    expect(await value(dispatch('evidence:restore', { ids: [id] }))).toEqual({ count: 1 });
    const exported = await value<{ folder: string; files: number; manifest: string[] }>(dispatch('evidence:export', { ids: [id] }));
    expect(exported.folder.startsWith(path.join(sut.dataDir, 'exports'))).toBe(true);
    expect(sha(fs.readFileSync(path.join(exported.folder, 'Screenshot_20241018-143022.png')))).toBe(sha(shot));
    expect(await value(dispatch('evidence:verify', { taskId: 'ver-1' }))).toEqual({ checked: 1, ok: 1, mismatched: [] });
    expect(await value(dispatch('evidence:search', { query: '催收' }))).toEqual([{ kind: 'evidence', id, snippet: expect.any(String) }]);
    // A cancelled dialog imports nothing.
    expect(await value(dispatch('evidence:pickAndImport', { mode: 'folder', taskId: 'imp-2' }))).toEqual({ cancelled: true });
  });

  it('uploads in chunks over the contract; base64 is validated; purge needs confirm: true', async () => {
    const { dispatch } = await services();
    await value(dispatch('vault:create', { passphrase: PASS }));
    const bytes = await png();
    const begun = await value<{ uploadId: string }>(dispatch('evidence:uploadBegin', { name: 'paste.png', size: bytes.length, lastModified: Date.now() }));
    expect(await dispatch('evidence:uploadChunk', { uploadId: begun.uploadId, seq: 0, data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await value(dispatch('evidence:uploadChunk', { uploadId: begun.uploadId, seq: 0, data: bytes.toString('base64') }))).toEqual({ received: bytes.length });
    const r = await value<{ id: string }>(dispatch('evidence:uploadCommit', { uploadId: begun.uploadId, category: 'chat_screenshot' }));
    expect(r).toMatchObject({ path: 'paste.png', sha256: sha(bytes), category: 'chat_screenshot' });
    await value(dispatch('evidence:trash', { ids: [r.id] }));
    expect(await dispatch('evidence:purge', { ids: [r.id] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('evidence:purge', { ids: [r.id], confirm: false })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await value(dispatch('evidence:purge', { ids: [r.id], confirm: true }))).toEqual({ purged: 1, blobsRemoved: 1 });
  });

  it('refuses renderer-supplied paths and malformed ids; a locked vault answers VAULT_LOCKED', async () => {
    const { dispatch } = await services();
    expect(await dispatch('evidence:pickAndImport', { mode: 'files', taskId: 't', paths: ['/etc/passwd'] })).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('evidence:export', { ids: ['x'], folder: '/tmp' })).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('evidence:get', { id: "'; DROP TABLE x; --" })).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(await dispatch('evidence:list', {})).toMatchObject({ error: { code: 'VAULT_LOCKED' } });
    expect(await dispatch('evidence:pickAndImport', { mode: 'files', taskId: 't' })).toMatchObject({ error: { code: 'VAULT_LOCKED' } });
  });
});

describe('the evidence protocol', () => {
  it('parses vault:// and /vault/ addresses strictly', () => {
    expect(parseVaultUrl('vault://original/0123456789abcdef')).toEqual({ kind: 'original', id: '0123456789abcdef' });
    expect(parseVaultUrl('vault://thumb/0123456789abcdef')).toEqual({ kind: 'thumb', id: '0123456789abcdef' });
    for (const bad of [
      'vault://original/../x',
      'vault://other/0123456789abcdef',
      'vault://original/0123456789ABCDEF',
      'app://original/0123456789abcdef',
      'vault://u:p@original/0123456789abcdef',
      'nonsense',
    ]) {
      expect(parseVaultUrl(bad), bad).toBeNull();
    }
    expect(parseHarnessPath('/vault/display/0123456789abcdef')).toEqual({ kind: 'display', id: '0123456789abcdef' });
    expect(parseHarnessPath('/vault/original/0123456789abcdef/x')).toBeNull();
  });

  it('parses ranges: open-ended, suffix, clamped, unsatisfiable', () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual([0, 9]);
    expect(parseRange('bytes=90-', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=-10', 100)).toEqual([90, 99]);
    expect(parseRange('bytes=50-1000', 100)).toEqual([50, 99]);
    expect(parseRange('bytes=100-', 100)).toBe('invalid');
    expect(parseRange('bytes=5-1', 100)).toBe('invalid');
    expect(parseRange('bytes=0-1,5-6', 100)).toBe('invalid');
    expect(parseRange('items=0-1', 100)).toBe('invalid');
  });

  it('serves ranges across chunk boundaries with the sniffed type; never HTML; octet-stream for the rest', async () => {
    const sut = await services();
    await value(sut.dispatch('vault:create', { passphrase: PASS }));
    const src = tmpDir();
    const audio = wav(200); // 3.2 MB: four chunks
    const files = [write(src, 'call.wav', audio), write(src, 'page.html', '<!doctype html><script>alert(1)</script>'), write(src, 'setup.png', exe())];
    sut.picks.push(files);
    const r = await value<{ results: { id: string }[] }>(sut.dispatch('evidence:pickAndImport', { mode: 'files', taskId: 'x' }));
    const [wavId, htmlId, exeId] = r.results.map((x) => x.id);
    const get = (kind: 'original' | 'thumb', id: string, headers: Record<string, string> = {}) =>
      sut.services.evidenceRequest({ kind, id }, new Request(`vault://${kind}/${id}`, { headers }), 'app://xieshang');

    const whole = await get('original', wavId!);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('cache-control')).toBe('no-store');
    expect(whole.headers.get('x-content-type-options')).toBe('nosniff');
    expect(whole.headers.get('access-control-allow-origin')).toBe('app://xieshang');
    expect(Buffer.from(await whole.arrayBuffer()).equals(audio)).toBe(true);

    const start = 1024 * 1024 - 10;
    const part = await get('original', wavId!, { range: `bytes=${start}-${start + 2 * 1024 * 1024}` });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes ${start}-${start + 2 * 1024 * 1024}/${audio.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(audio.subarray(start, start + 2 * 1024 * 1024 + 1))).toBe(true);
    const tail = await get('original', wavId!, { range: 'bytes=-100' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(audio.subarray(audio.length - 100))).toBe(true);
    expect((await get('original', wavId!, { range: `bytes=${audio.length}-` })).status).toBe(416);

    for (const id of [htmlId!, exeId!]) {
      const res = await get('original', id);
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toBe('attachment');
      expect(res.headers.get('content-security-policy')).toContain('sandbox');
    }
    expect((await get('thumb', exeId!)).status).toBe(404);
    expect((await get('original', 'ffffffffffffffff')).status).toBe(404);
    expect((await sut.services.evidenceRequest(null, new Request('vault://x'), null)).status).toBe(404);
    const post = await sut.services.evidenceRequest({ kind: 'original', id: wavId! }, new Request(`vault://original/${wavId}`, { method: 'POST' }), null);
    expect(post.status).toBe(405);
    await value(sut.dispatch('vault:lock', {}));
    expect((await get('original', wavId!)).status).toBe(404);
  });

  it('the harness serves /vault/ only with the cookie the bridge gets for its token', async () => {
    const dataDir = tmpDir();
    const rendererDir = tmpDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const bridgeFile = path.join(rendererDir, 'bridge.js');
    fs.writeFileSync(bridgeFile, '');
    const harness = await startHarness({ dataDir, rendererDir, bridgeFile });
    harnesses.push(harness);
    const base = `http://127.0.0.1:${harness.port}`;
    const rpc = async (channel: string, args: unknown) =>
      (await (
        await fetch(`${base}/rpc/${channel}`, { method: 'POST', headers: { 'x-xieshang-token': harness.token, 'content-type': 'application/json' }, body: JSON.stringify(args) })
      ).json()) as {
        ok: boolean;
        value: never;
      };
    await rpc('vault:create', { passphrase: PASS });
    const bytes = await png();
    const begun = (await rpc('evidence:uploadBegin', { name: 'a.png', size: bytes.length })).value as { uploadId: string };
    await rpc('evidence:uploadChunk', { uploadId: begun.uploadId, seq: 0, data: bytes.toString('base64') });
    const r = (await rpc('evidence:uploadCommit', { uploadId: begun.uploadId })).value as { id: string };

    expect((await fetch(`${base}/vault/original/${r.id}`)).status).toBe(403);
    expect((await fetch(`${base}/__harness/vault-cookie`, { method: 'POST' })).status).toBe(403);
    const granted = await fetch(`${base}/__harness/vault-cookie`, { method: 'POST', headers: { 'x-xieshang-token': harness.token } });
    const cookie = granted.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^xs_vault=[0-9a-f]+; HttpOnly; SameSite=Strict; Path=\/vault\/$/);
    const jar = cookie.split(';')[0]!;
    const res = await fetch(`${base}/vault/original/${r.id}`, { headers: { cookie: jar, range: 'bytes=0-7' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(0, 8))).toBe(true);
    const thumb = await fetch(`${base}/vault/thumb/${r.id}`, { headers: { cookie: jar } });
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await fetch(`${base}/vault/original/${r.id}`, { headers: { cookie: 'xs_vault=00' } })).status).toBe(403);
    const exported = (await rpc('evidence:export', { ids: [r.id] })).value as { folder: string };
    expect(path.dirname(exported.folder)).toBe(path.join(dataDir, 'exports'));
  });
});

describe('import through the real worker thread', () => {
  it('reports progress, can be cancelled (finished files stay, the rest leave no trace), and never stalls the main thread', async () => {
    const sut = await services({ worker: true });
    await value(sut.dispatch('vault:create', { passphrase: PASS }));
    const src = tmpDir();
    const files = [write(src, '1.png', await png()), write(src, '2.bin', Buffer.alloc(40 * 1024 * 1024, 5)), write(src, '3.png', await png())];
    sut.picks.push(files);
    let worst = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last - 10);
      last = now;
    }, 10);
    const pending = sut.dispatch('evidence:pickAndImport', { mode: 'files', taskId: 'big' });
    // Cancel once the big file is under way.
    for (let i = 0; i < 600; i++) {
      const p = sut.events.filter((e) => e.event === 'task:progress').map((e) => e.payload as { done: number; label?: string });
      if (p.some((x) => decodeImportLabel(x.label)?.file === 2 && (decodeImportLabel(x.label)?.fileDone ?? 0) > 0)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await value(sut.dispatch('evidence:cancel', { taskId: 'big' }));
    const result = await value<{ interrupted: boolean; results: { path: string; error?: { code: string } }[] }>(pending);
    clearInterval(timer);
    expect(result.interrupted).toBe(true);
    expect(result.results[0]).not.toHaveProperty('error');
    expect(result.results.slice(1).map((r) => r.error?.code)).toEqual(['CANCELLED', 'CANCELLED']);
    const list = await value<{ total: number }>(sut.dispatch('evidence:list', {}));
    expect(list.total).toBe(1);
    expect(await value(sut.dispatch('evidence:verify', {}))).toEqual({ checked: 1, ok: 1, mismatched: [] });
    expect(worst).toBeLessThan(100);
  });
});
