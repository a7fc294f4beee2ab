// Import by bytes (uploads from the renderer), export of originals with the manifest, and
// verify (including evidence altered behind the app's back), on real encrypted vaults.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, it, expect, afterEach } from 'vitest';
import { uploadAbort, uploadBegin, uploadChunk, uploadCommit } from '../../main/vault/evidence/uploads';
import { importPaths } from '../../main/vault/evidence/import-files';
import { exportOne, exportToFolder, safeFileName } from '../../main/vault/evidence/export';
import { verifyAll } from '../../main/vault/evidence/verify';
import { detail, listItems } from '../../main/vault/evidence/items';
import { Vault } from '../../main/vault/vault';
import { PASS, tmpDir } from '../helpers/tmp';
import { newVault, noTask, pdf, png, rawOpen, write } from './fixtures';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
function vaultForTest() {
  const v = newVault();
  open.push(v.vault);
  return v;
}
const n = (vault: Vault, sql: string) => (vault.handle.prepare(sql).get() as { n: number }).n;

/** Sends bytes the way the renderer does: base64 pieces of `piece` bytes. */
async function upload(vault: Vault, name: string, bytes: Buffer, piece = 300_000, extra: { relativePath?: string } = {}) {
  const begun = uploadBegin(vault, { name, size: bytes.length, lastModified: Date.UTC(2024, 9, 18, 6, 30, 22), ...extra });
  if (!('uploadId' in begun)) return begun;
  for (let off = 0, seq = 0; off < bytes.length; off += piece, seq++) {
    uploadChunk(vault, { uploadId: begun.uploadId, seq, data: bytes.subarray(off, off + piece).toString('base64') });
  }
  return uploadCommit(vault, { uploadId: begun.uploadId, note: '拖进来的' });
}

describe('import by bytes (drag-and-drop, paste, file input)', () => {
  it('re-chunks whatever piece size arrives into exact 1 MiB chunks; the result matches an import by path', async () => {
    const { vault } = vaultForTest();
    const bytes = Buffer.concat([await png(400, 800), Buffer.alloc(1_500_000, 3)]);
    const r = await upload(vault, '微信图片_20241018143022.png', bytes, 333_333, { relativePath: '证据/微信图片_20241018143022.png' });
    expect(r).toMatchObject({
      path: '证据/微信图片_20241018143022.png',
      sha256: sha(bytes),
      size: bytes.length,
      mime: 'image/png',
      category: 'chat_screenshot',
      capturedAt: '2024-10-18T14:30:22+08:00',
      duplicateOf: null,
    });
    const rows = vault.handle.prepare('SELECT length(data) AS n FROM blob_chunks ORDER BY seq').all();
    expect(rows).toEqual([{ n: 1048576 }, { n: 1048576 }, { n: bytes.length - 2 * 1048576 }]);
    const d = detail(vault.handle, (r as { id: string }).id);
    expect(d).toMatchObject({ name: '微信图片_20241018143022.png', note: '拖进来的', modifiedAt: '2024-10-18T14:30:22+08:00' });
  });

  it('a name with slashes keeps only its last part; relativePath is only a label', async () => {
    const { vault } = vaultForTest();
    const r = (await upload(vault, '../../etc/passwd', Buffer.from('root:x:0:0\n'))) as { id: string; path: string };
    expect(detail(vault.handle, r.id)).toMatchObject({ name: 'passwd', mime: 'text/plain' });
  });

  it('refuses empty and oversized uploads at begin, before any byte is sent', () => {
    const { vault } = vaultForTest();
    expect(uploadBegin(vault, { name: 'a.png', size: 0 })).toMatchObject({ error: { code: 'EMPTY_FILE' } });
    expect(uploadBegin(vault, { name: 'b.mp4', size: 2 * 1024 ** 3 + 1 })).toMatchObject({ error: { code: 'FILE_TOO_LARGE' } });
    expect(n(vault, 'SELECT COUNT(*) AS n FROM blobs')).toBe(0);
  });

  it('out-of-order chunks, too many bytes, too few bytes, abort: nothing is left behind', async () => {
    const { vault } = vaultForTest();
    const bytes = await png();
    const a = uploadBegin(vault, { name: 'a.png', size: bytes.length }) as { uploadId: string };
    expect(() => uploadChunk(vault, { uploadId: a.uploadId, seq: 1, data: bytes.toString('base64') })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => uploadChunk(vault, { uploadId: a.uploadId, seq: 0, data: '' })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' })); // gone after the error

    const b = uploadBegin(vault, { name: 'b.png', size: 10 }) as { uploadId: string };
    expect(() => uploadChunk(vault, { uploadId: b.uploadId, seq: 0, data: bytes.toString('base64') })).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));

    const c = uploadBegin(vault, { name: 'c.png', size: bytes.length + 5 }) as { uploadId: string };
    uploadChunk(vault, { uploadId: c.uploadId, seq: 0, data: bytes.toString('base64') });
    expect(await uploadCommit(vault, { uploadId: c.uploadId })).toMatchObject({ path: 'c.png', error: { code: 'SIZE_MISMATCH' } });

    const d = uploadBegin(vault, { name: 'd.png', size: bytes.length }) as { uploadId: string };
    uploadChunk(vault, { uploadId: d.uploadId, seq: 0, data: bytes.subarray(0, 100).toString('base64') });
    expect(uploadAbort(vault, d.uploadId)).toEqual({ ok: true });
    await expect(uploadCommit(vault, { uploadId: d.uploadId })).rejects.toMatchObject({ code: 'BAD_INPUT' });

    expect([n(vault, 'SELECT COUNT(*) AS n FROM blobs'), n(vault, 'SELECT COUNT(*) AS n FROM blob_chunks'), n(vault, 'SELECT COUNT(*) AS n FROM evidence_items')]).toEqual([
      0, 0, 0,
    ]);
  });

  it('a duplicate upload is reported against the existing item', async () => {
    const { vault } = vaultForTest();
    const bytes = await png();
    const first = (await upload(vault, 'a.png', bytes)) as { id: string };
    expect(await upload(vault, 'pasted.png', bytes)).toMatchObject({ id: first.id, duplicateOf: first.id });
    expect(n(vault, 'SELECT COUNT(*) AS n FROM blobs')).toBe(1);
  });
});

describe('export of originals', () => {
  it('one original, byte-identical, never over an existing file', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const bytes = await pdf(['借款合同']);
    const r = (await importPaths(vault, [write(dir, '借款合同 2024.pdf', bytes)], {}, noTask)).results[0] as { id: string };
    const out = path.join(dir, 'out', 'copy.pdf');
    expect(exportOne(vault, r.id, out)).toEqual({ id: r.id, out, sha256: sha(bytes) });
    expect(sha(fs.readFileSync(out))).toBe(sha(bytes));
    expect(() => exportOne(vault, r.id, out)).toThrow(expect.objectContaining({ code: 'OUTPUT_EXISTS' }));
    expect(sha(fs.readFileSync(out))).toBe(sha(bytes));
    expect(detail(vault.handle, r.id).history.map((h) => h.action)).toEqual(['evidence.import', 'evidence.export']);
  });

  it('many originals into a new folder with manifest.csv and manifest.json (name, category, capture time, SHA-256)', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const a = await png();
    const b = await png();
    const files = [write(dir, 'x/Screenshot_20241018-143022.png', a), write(dir, 'y/Screenshot_20241018-143022.png', b), write(dir, 'CON.txt', '文本 "引号", =1+1\n')];
    const ids = (await importPaths(vault, files, {}, noTask)).results.map((r) => (r as { id: string }).id);
    const parent = path.join(dir, 'exports');
    const res = exportToFolder(vault, ids, parent, new Date('2024-10-18T06:30:22Z'));
    expect(res.folder).toBe(path.join(parent, '协商证据导出-20241018-143022'));
    expect(res.files).toBe(3);
    const names = fs.readdirSync(res.folder).sort();
    expect(names).toEqual(['Screenshot_20241018-143022 (2).png', 'Screenshot_20241018-143022.png', '_CON.txt', 'manifest.csv', 'manifest.json'].sort());
    const manifest = JSON.parse(fs.readFileSync(path.join(res.folder, 'manifest.json'), 'utf8')) as {
      items: { file: string; sha256: string; category: string; capturedAt: string | null }[];
    };
    for (const item of manifest.items) expect(sha(fs.readFileSync(path.join(res.folder, item.file)))).toBe(item.sha256);
    expect(manifest.items[0]).toMatchObject({ file: 'Screenshot_20241018-143022.png', category: 'chat_screenshot', capturedAt: '2024-10-18T14:30:22+08:00', sha256: sha(a) });
    const csv = fs.readFileSync(path.join(res.folder, 'manifest.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFname,original_name,category,category_label,captured_at,sha256,size,id,note\r\n')).toBe(true);
    expect(csv).toContain(`"Screenshot_20241018-143022.png","Screenshot_20241018-143022.png","chat_screenshot","聊天截图","2024-10-18T14:30:22+08:00","${sha(a)}"`);
    // A second export the same second: a new folder, never mixed into the first.
    expect(exportToFolder(vault, [ids[0]!], parent, new Date('2024-10-18T06:30:22Z')).folder).toBe(`${res.folder}-2`);
    expect(n(vault, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'evidence.export'")).toBe(2);
  });

  it('file names that are unsafe on some system are made safe', () => {
    expect(safeFileName('a/b\\c:d*?"<>|.png', 'x')).toBe('a_b_c_d______.png');
    expect(safeFileName('nul.txt', 'x')).toBe('_nul.txt');
    expect(safeFileName('trailing. ', 'x')).toBe('trailing');
    expect(safeFileName('..', 'fallback')).toBe('fallback');
  });
});

describe('verify', () => {
  it('re-hashes everything from the stored chunks; altered bytes are reported by item id', async () => {
    const { vault, file } = vaultForTest();
    const dir = tmpDir();
    const files = [write(dir, 'a.png', await png()), write(dir, 'b.png', await png()), write(dir, 'c.bin', Buffer.alloc(3 * 1024 * 1024, 9))];
    const ids = (await importPaths(vault, files, {}, noTask)).results.map((r) => (r as { id: string }).id);
    expect(await verifyAll(vault)).toEqual({ checked: 3, ok: 3, mismatched: [] });
    vault.close();
    open = [];
    // Someone with the passphrase alters one chunk behind the app's back.
    const db = rawOpen(file);
    const blobId = (db.prepare('SELECT blob_id FROM evidence_items WHERE id = ?').get(ids[2]) as { blob_id: number }).blob_id;
    const chunk = (db.prepare('SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = 1').get(blobId) as { data: Buffer }).data;
    chunk[0] = chunk[0]! ^ 0xff;
    db.prepare('UPDATE blob_chunks SET data = ? WHERE blob_id = ? AND seq = 1').run(chunk, blobId);
    db.close();
    const again = Vault.open(file, PASS, { actor: 'cli' });
    open.push(again);
    const result = await verifyAll(again);
    expect(result).toEqual({ checked: 3, ok: 2, mismatched: [ids[2]] });
    expect(again.handle.prepare("SELECT new_value FROM audit_log WHERE action = 'evidence.verify' ORDER BY id DESC LIMIT 1").get()).toEqual({
      new_value: JSON.stringify(result),
    });
    // The export refuses to hand out bytes that no longer match their recorded hash.
    expect(() => exportOne(again, ids[2]!, path.join(dir, 'bad.bin'))).toThrow(expect.objectContaining({ code: 'IO_ERROR' }));
    expect(fs.existsSync(path.join(dir, 'bad.bin'))).toBe(false);
    expect(listItems(again.handle).items).toHaveLength(3);
  });
});
