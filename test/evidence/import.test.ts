// Import by path on a real encrypted vault: what is kept per item, duplicates, and every
// bad input of issue 3 (each file independently; nothing half-imported).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { describe, it, expect, afterEach } from 'vitest';
import { importPaths } from '../../main/vault/evidence/import-files';
import { detail, itemText, listItems } from '../../main/vault/evidence/items';
import { readAll } from '../../main/vault/evidence/blob-store';
import { Vault } from '../../main/vault/vault';
import { PASS, tmpDir } from '../helpers/tmp';
import { email, exe, heicDecodable, heicUndecodable, jpeg, newVault, noTask, pdf, png, rawOpen, wav, write } from './fixtures';

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
const ok = <T extends object>(r: T) => {
  if ('error' in r) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r as Exclude<T, { error: unknown }>;
};

/** Every table the evidence feature writes, with its row count (staging blobs included). */
function counts(vault: Vault) {
  const db = vault.handle;
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    blobs: n('SELECT COUNT(*) AS n FROM blobs'),
    chunks: n('SELECT COUNT(*) AS n FROM blob_chunks'),
    items: n('SELECT COUNT(*) AS n FROM evidence_items'),
    renditions: n('SELECT COUNT(*) AS n FROM blob_renditions'),
    texts: n('SELECT COUNT(*) AS n FROM blob_text'),
    docs: n('SELECT COUNT(*) AS n FROM search_docs'),
    audit: n("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'evidence.%'"),
  };
}

describe('import by path', () => {
  it('keeps the original bytes, SHA-256, size, sniffed type, name, times, category and a thumbnail', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const shot = await png(300, 650);
    const file = write(dir, 'Screenshot_20241018-143022.png', shot);
    const mtime = new Date('2024-10-19T01:02:03Z');
    fs.utimesSync(file, mtime, mtime);
    const { results, interrupted } = await importPaths(vault, [file], {}, noTask);
    expect(interrupted).toBe(false);
    const r = ok(results[0]!);
    expect(r).toEqual({
      path: file,
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      sha256: sha(shot),
      size: shot.length,
      mime: 'image/png',
      category: 'chat_screenshot',
      capturedAt: '2024-10-18T14:30:22+08:00',
      duplicateOf: null,
    });
    const d = detail(vault.handle, r.id);
    expect(d).toMatchObject({
      name: 'Screenshot_20241018-143022.png',
      kind: 'image',
      capturedSource: 'filename',
      categorySource: 'guess',
      modifiedAt: '2024-10-19T09:02:03+08:00',
      preview: 'original',
      hasThumb: true,
      width: 300,
      height: 650,
      damaged: null,
      nameMismatch: false,
    });
    expect(d.importedAt).toMatch(/\+08:00$/);
    const blobId = (vault.handle.prepare('SELECT blob_id FROM evidence_items WHERE id = ?').get(r.id) as { blob_id: number }).blob_id;
    expect(readAll(vault.handle, blobId).equals(shot)).toBe(true);
    const thumb = vault.handle.prepare("SELECT mime, width, height FROM blob_renditions WHERE blob_id = ? AND kind = 'thumb'").get(blobId);
    expect(thumb).toMatchObject({ mime: 'image/webp', height: 480 });
    expect(d.history.map((h) => h.action)).toEqual(['evidence.import']);
    expect(vault.verifyAudit().ok).toBe(true);
  });

  it('stores a multi-chunk file in exact 1 MiB chunks and gets it back byte-identical', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2.5 * 1024 * 1024, 7)]);
    const file = write(dir, 'big.bin', big);
    const r = ok((await importPaths(vault, [file], {}, noTask)).results[0]!);
    const rows = vault.handle.prepare('SELECT seq, length(data) AS n FROM blob_chunks ORDER BY seq').all();
    expect(rows).toEqual([
      { seq: 0, n: 1048576 },
      { seq: 1, n: 1048576 },
      { seq: 2, n: big.length - 2 * 1048576 },
    ]);
    expect(r.sha256).toBe(sha(big));
  });

  it('EXIF DateTimeOriginal wins over the file name; orientation is applied to the thumbnail', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const photo = await jpeg(200, 100, { dateTimeOriginal: '2024:10:18 14:30:22', offset: '+08:00', orientation: 6 });
    const file = write(dir, 'IMG_20200101_000000.jpg', photo);
    const r = ok((await importPaths(vault, [file], {}, noTask)).results[0]!);
    expect(r.capturedAt).toBe('2024-10-18T14:30:22+08:00');
    const d = detail(vault.handle, r.id);
    expect(d.capturedSource).toBe('exif');
    // Orientation 6 (rotate 90°): the 200×100 picture is shown 100×200.
    expect([d.width, d.height]).toEqual([100, 200]);
    const thumb = vault.handle.prepare("SELECT width, height FROM blob_renditions WHERE kind = 'thumb'").get() as { width: number; height: number };
    expect(thumb.height).toBeGreaterThan(thumb.width);
  });

  it('the same bytes twice are stored once and reported as a duplicate of the first item', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const bytes = await png();
    const a = write(dir, 'a.png', bytes);
    const b = write(dir, 'copy of a.png', bytes);
    const { results } = await importPaths(vault, [a, b], {}, noTask);
    const first = ok(results[0]!);
    const second = ok(results[1]!);
    expect(first.duplicateOf).toBeNull();
    expect(second).toMatchObject({ id: first.id, duplicateOf: first.id, sha256: first.sha256 });
    expect(counts(vault)).toMatchObject({ blobs: 1, items: 1, chunks: 1 });
    // Importing it again later: still one copy.
    const again = ok((await importPaths(vault, [b], {}, noTask)).results[0]!);
    expect(again.duplicateOf).toBe(first.id);
    expect(counts(vault)).toMatchObject({ blobs: 1, items: 1 });
  });

  it('a zero-byte file is refused, the others still go in', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const empty = write(dir, 'empty.png', Buffer.alloc(0));
    const good = write(dir, 'good.png', await png());
    const { results } = await importPaths(vault, [empty, good], {}, noTask);
    expect(results[0]).toEqual({ path: empty, error: { code: 'EMPTY_FILE', message: expect.stringContaining('0 字节') } });
    ok(results[1]!);
    expect(counts(vault)).toMatchObject({ blobs: 1, items: 1 });
  });

  it('truncated PNG, JPEG and PDF are kept as evidence, marked damaged, with no thumbnail and no preview', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const p = await png(200, 200);
    const j = await jpeg(200, 200);
    const d = await pdf(['申请减免罚息']);
    const files = [
      write(dir, 'cut.png', p.subarray(0, Math.floor(p.length * 0.6))),
      write(dir, 'cut.jpg', j.subarray(0, Math.floor(j.length * 0.6))),
      write(dir, 'cut.pdf', d.subarray(0, Math.floor(d.length * 0.6))),
    ];
    const { results } = await importPaths(vault, files, {}, noTask);
    const mimes = ['image/png', 'image/jpeg', 'application/pdf'];
    results.forEach((res, i) => {
      const r = ok(res);
      expect(r.mime).toBe(mimes[i]);
      const item = detail(vault.handle, r.id);
      expect(item.damaged, files[i]).toBe('truncated');
      expect(item.preview).toBe('none');
      expect(item.hasThumb).toBe(false);
    });
    // The damaged PDF's partial text is not indexed as if it were the document.
    expect(counts(vault).texts).toBe(0);
  });

  it('an extension that lies: a .jpg that is a PDF is a PDF; an .exe renamed .png is "other", never previewed', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const fakeJpg = write(dir, 'photo.jpg', await pdf(['账单 2024年10月']));
    const fakePng = write(dir, 'screenshot.png', exe());
    const [a, b] = (await importPaths(vault, [fakeJpg, fakePng], {}, noTask)).results.map((r) => ok(r));
    expect(detail(vault.handle, a!.id)).toMatchObject({ mime: 'application/pdf', kind: 'pdf', preview: 'original', nameMismatch: true, pages: 1 });
    expect(a!.category).toBe('bill');
    expect(detail(vault.handle, b!.id)).toMatchObject({ mime: 'application/x-msdownload', kind: 'other', preview: 'none', hasThumb: false, nameMismatch: true });
    expect(b!.category).toBe('other');
  });

  it('a file above the size limit is refused clearly without reading it', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const huge = path.join(dir, 'huge.mp4');
    const fd = fs.openSync(huge, 'w');
    fs.ftruncateSync(fd, 2 * 1024 ** 3 + 1); // sparse: no real disk used
    fs.closeSync(fd);
    const small = write(dir, 'small.png', await png());
    const { results } = await importPaths(vault, [huge, small], {}, noTask);
    expect(results[0]).toEqual({ path: huge, error: { code: 'FILE_TOO_LARGE', message: expect.stringContaining('2 GB') } });
    ok(results[1]!);
    expect(counts(vault)).toMatchObject({ blobs: 1, items: 1 });
  });

  it('a missing file and a pipe are reported, not fatal (the pipe is never opened for reading, so nothing hangs)', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const good = write(dir, 'good.png', await png());
    const missing = path.join(dir, 'nope.png');
    const fifo = path.join(dir, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    const results = (await importPaths(vault, [missing, fifo, good], {}, noTask)).results;
    expect(results[0]).toMatchObject({ path: missing, error: { code: 'NOT_FOUND' } });
    expect(results[1]).toMatchObject({ path: fifo, error: { code: 'NOT_A_FILE' } });
    ok(results[2]!);
  });

  it('names with Chinese, emoji and spaces work', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const name = '微信图片 催收 😡 2024 10 18.png';
    const file = write(dir, name, await png());
    const r = ok((await importPaths(vault, [file], {}, noTask)).results[0]!);
    expect(detail(vault.handle, r.id).name).toBe(name);
    expect(listItems(vault.handle, { query: '😡' }).items.map((i) => i.id)).toEqual([r.id]);
  });

  it('a folder with a symlink loop is walked once, the loop reported, every file imported once', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const root = path.join(dir, '证据');
    write(root, 'a.png', await png());
    write(root, '子目录/b.png', await png());
    fs.symlinkSync(root, path.join(root, '子目录', 'loop'));
    fs.symlinkSync('self-link', path.join(root, 'self-link'));
    write(root, '.DS_Store', 'junk');
    const { results } = await importPaths(vault, [root], {}, noTask);
    const good = results.filter((r) => !('error' in r));
    const bad = results.filter((r) => 'error' in r) as { path: string; error: { code: string } }[];
    expect(good).toHaveLength(2);
    expect(bad.map((b) => [path.basename(b.path), b.error.code]).sort()).toEqual([
      ['loop', 'SYMLINK_LOOP'],
      ['self-link', 'SYMLINK_LOOP'],
    ]);
  });

  it('a password-protected PDF is kept and marked encrypted; its text is not indexed', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const file = write(dir, '借款合同.pdf', await pdf(['机密内容 罚息条款'], { userPassword: 'secret' }));
    const r = ok((await importPaths(vault, [file], {}, noTask)).results[0]!);
    expect(r.mime).toBe('application/pdf');
    expect(r.category).toBe('contract');
    expect(detail(vault.handle, r.id)).toMatchObject({ encrypted: true, preview: 'none', damaged: null });
    expect(itemText(vault.handle, r.id)).toEqual({ text: '', source: null });
    expect(listItems(vault.handle, { query: '罚息条款' }).items).toHaveLength(0);
    // Found by its name, though.
    expect(listItems(vault.handle, { query: '借款合同' }).items).toHaveLength(1);
  });

  it('a PDF text layer is indexed; its creation date is the capture time when nothing better exists', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const file = write(dir, 'notice.pdf', await pdf(['您好，您申请减免罚息的请求已受理', '还款账单']));
    const r = ok((await importPaths(vault, [file], {}, noTask)).results[0]!);
    expect(itemText(vault.handle, r.id).text).toContain('申请减免罚息');
    expect(detail(vault.handle, r.id)).toMatchObject({ capturedSource: 'pdf_info', capturedAt: '2024-10-18T14:30:22+08:00', pages: 1, hasThumb: true });
    // The thumbnail is the first page, drawn small.
    const thumb = vault.handle.prepare("SELECT mime, width, height FROM blob_renditions WHERE kind = 'thumb'").get() as { mime: string; width: number; height: number };
    expect(thumb.mime).toBe('image/webp');
    expect(thumb.width).toBeLessThanOrEqual(240);
    expect(thumb.height).toBeGreaterThan(thumb.width);
  });

  it('HEIC: kept; a display copy where this machine can decode it, otherwise a file card', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const decodable = write(dir, 'IMG_0001.HEIC', await heicDecodable());
    const undecodable = write(dir, 'IMG_0002.HEIC', await heicUndecodable());
    const [a, b] = (await importPaths(vault, [decodable, undecodable], {}, noTask)).results.map((r) => ok(r));
    expect(a!.mime).toBe('image/heic');
    expect(detail(vault.handle, a!.id)).toMatchObject({ kind: 'image', preview: 'display', hasThumb: true, damaged: null });
    expect(b!.mime).toBe('image/heic');
    expect(detail(vault.handle, b!.id)).toMatchObject({ kind: 'image', preview: 'none', hasThumb: false, damaged: null });
  });

  it('audio: duration, a call-recording file name gives the time, RIFF tags give it too', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const call = write(dir, '95188(95188)_20241018143022.wav', wav(2));
    const tagged = write(dir, 'recording.wav', wav(1, '2024-10-19 08:00:05'));
    const [a, b] = (await importPaths(vault, [call, tagged], {}, noTask)).results.map((r) => ok(r));
    expect(a).toMatchObject({ mime: 'audio/wav', category: 'call_recording', capturedAt: '2024-10-18T14:30:22+08:00' });
    expect(detail(vault.handle, a!.id)).toMatchObject({ kind: 'audio', durationSec: 2, preview: 'original', capturedSource: 'filename' });
    expect(detail(vault.handle, b!.id)).toMatchObject({ capturedSource: 'audio_tag', capturedAt: '2024-10-19T08:00:05+08:00' });
  });

  it('an email is kept as the original; its decoded body is the plain text shown and searched', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const file = write(dir, 'notice.eml', email());
    const r = ok((await importPaths(vault, [file], {}, noTask)).results[0]!);
    expect(r).toMatchObject({ mime: 'message/rfc822', category: 'email', capturedAt: '2024-10-18T14:30:22+08:00' });
    const t = itemText(vault.handle, r.id);
    expect(t.source).toBe('email');
    expect(t.text).toContain('主题：逾期还款通知');
    expect(t.text).toContain('请于三日内联系我们协商还款');
    expect(t.text).not.toContain('<script>');
  });

  it('--category and --note are applied to every file of the import', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const file = write(dir, 'x.png', await png());
    const r = ok((await importPaths(vault, [file], { category: 'income_proof', note: '三月工资' }, noTask)).results[0]!);
    expect(r.category).toBe('income_proof');
    expect(detail(vault.handle, r.id)).toMatchObject({ note: '三月工资', categorySource: 'import' });
  });

  it('cancel: what finished stays, the file in progress and the rest leave no trace', async () => {
    const { vault } = vaultForTest();
    const dir = tmpDir();
    const first = write(dir, '1.png', await png());
    const big = write(dir, '2.bin', Buffer.alloc(20 * 1024 * 1024, 1));
    const third = write(dir, '3.png', await png());
    let cancel = false;
    const task = {
      progress: (done: number) => {
        // Cancel once the big file is under way.
        if (done > 2 * 1024 * 1024) cancel = true;
      },
      cancelled: () => cancel,
    };
    const { results, interrupted } = await importPaths(vault, [first, big, third], {}, task);
    expect(interrupted).toBe(true);
    ok(results[0]!);
    expect(results[1]).toMatchObject({ path: big, error: { code: 'CANCELLED' } });
    expect(results[2]).toMatchObject({ path: third, error: { code: 'CANCELLED' } });
    expect(counts(vault)).toMatchObject({ blobs: 1, items: 1, chunks: 1, audit: 1 });
  });

  it('a staging blob left by a crash is removed by the next import', async () => {
    const { vault } = vaultForTest();
    vault.handle.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES (NULL, 0, 'staging', 'x')").run();
    vault.handle.prepare("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (1, 0, x'00')").run();
    const dir = tmpDir();
    await importPaths(vault, [write(dir, 'a.png', await png())], {}, noTask);
    expect(vault.handle.prepare("SELECT COUNT(*) AS n FROM blobs WHERE state = 'staging'").get()).toEqual({ n: 0 });
    expect(counts(vault)).toMatchObject({ blobs: 1, chunks: 1 });
  });

  it('everything lands inside the encrypted file: no plaintext of the evidence in the vault files', async () => {
    const { vault, file, dir } = vaultForTest();
    const src = tmpDir();
    const marker = `PLAINTEXT-MARKER-${Date.now()}`;
    const textFile = write(src, 'note.txt', `${marker} 申请减免罚息\n`.repeat(50));
    ok((await importPaths(vault, [textFile], { note: marker }, noTask)).results[0]!);
    vault.close();
    open = open.filter((v) => v !== vault);
    for (const f of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(bytes.includes(Buffer.from(marker)), f).toBe(false);
      expect(bytes.includes(Buffer.from('申请减免罚息')), f).toBe(false);
    }
    // And it is really there, readable with the passphrase.
    const db = rawOpen(file);
    expect((db.prepare('SELECT COUNT(*) AS n FROM evidence_items').get() as { n: number }).n).toBe(1);
    db.close();
  });
});

describe('locking the vault during an import', () => {
  it('stops with VAULT_LOCKED; what was committed stays, the rest leaves no trace', async () => {
    const { vault, file } = newVault();
    const dir = tmpDir();
    const files = [write(dir, '1.png', await png()), write(dir, '2.bin', Buffer.alloc(24 * 1024 * 1024, 1)), write(dir, '3.png', await png())];
    let closed = false;
    const task = {
      progress: (done: number) => {
        if (!closed && done > 10 * 1024 * 1024) {
          closed = true;
          vault.close();
        }
      },
      cancelled: () => false,
    };
    await expect(importPaths(vault, files, {}, task)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    const again = Vault.open(file, PASS, { actor: 'cli' });
    try {
      expect(listItems(again.handle).items.map((i) => i.name)).toEqual(['1.png']);
      // The staging blob of the interrupted file is cleaned by the next import.
      await importPaths(again, [files[2]!], {}, noTask);
      expect(again.handle.prepare("SELECT COUNT(*) AS n FROM blobs WHERE state = 'staging'").get()).toEqual({ n: 0 });
      expect(again.handle.prepare('SELECT COUNT(*) AS n FROM blob_chunks').get()).toEqual({ n: 2 });
    } finally {
      again.close();
    }
  });
});
