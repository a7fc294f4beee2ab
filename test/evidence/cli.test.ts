// The real built CLI (bin/xieshang.cjs): import, list, search, export-evidence, verify,
// exactly as docs/cli.md says.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { BIN, cli } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
import { exe, pdf, png, rawOpen, wav, write } from './fixtures';

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const env = { XIESHANG_PASSPHRASE: PASS };

function initVault(dir = tmpDir()): string {
  const file = path.join(dir, 'v.xsv');
  const r = cli(['init', '--vault', file, '--json'], { env });
  expect(r.status, r.stderr).toBe(0);
  return file;
}

async function corpus(dir: string) {
  return {
    shot: write(dir, 'in/Screenshot_20241018-143022.png', await png()),
    notice: write(dir, 'in/催收 通知 😡.pdf', await pdf(['您好，关于申请减免罚息的回复'])),
    call: write(dir, 'in/录音/95188_20241018143022.wav', wav(1)),
    empty: write(dir, 'in/empty.png', Buffer.alloc(0)),
  };
}

describe('xieshang import', () => {
  it('imports files and folders; one JSON array with exactly the documented fields; exit 3 when some were rejected', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const f = await corpus(dir);
    const r = cli(['import', path.join(dir, 'in'), '--note', '第一批 证据', '--json', '--vault', vault], { env });
    expect(r.status, r.stderr).toBe(3);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(4);
    const byPath = new Map(out.map((o) => [o.path as string, o]));
    for (const file of [f.shot, f.notice, f.call]) {
      const item = byPath.get(file)!;
      expect(Object.keys(item).sort()).toEqual(['capturedAt', 'category', 'duplicateOf', 'id', 'mime', 'path', 'sha256', 'size'].sort());
      expect(item.sha256).toBe(sha(file));
      expect(item.size).toBe(fs.statSync(file).size);
    }
    expect(byPath.get(f.shot)).toMatchObject({ mime: 'image/png', category: 'chat_screenshot', capturedAt: '2024-10-18T14:30:22+08:00', duplicateOf: null });
    expect(byPath.get(f.call)).toMatchObject({ mime: 'audio/wav', category: 'call_recording', capturedAt: '2024-10-18T14:30:22+08:00' });
    expect(byPath.get(f.notice)).toMatchObject({ mime: 'application/pdf', category: 'collection_notice' });
    expect(byPath.get(f.empty)).toEqual({ path: f.empty, error: { code: 'EMPTY_FILE', message: expect.any(String) } });

    // Again: every file is a duplicate of what is stored; the empty one still refused.
    const again = JSON.parse(cli(['import', f.shot, '--json', '--vault', vault], { env }).stdout) as { id: string; duplicateOf: string }[];
    expect(again[0]!.duplicateOf).toBe(byPath.get(f.shot)!.id);
    expect(cli(['import', f.shot, '--vault', vault], { env }).status).toBe(0);
  });

  it('--category applies to every file; an unknown category is a usage error listing the keys', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const file = write(dir, 'x.png', await png());
    const bad = cli(['import', file, '--category', 'selfie', '--vault', vault], { env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('[USAGE]');
    expect(bad.stderr).toContain('income_proof');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const ok = JSON.parse(cli(['import', file, '--category', 'income_proof', '--json', '--vault', vault], { env }).stdout);
    expect(ok[0].category).toBe('income_proof');
    const help = cli(['import', '--help']);
    expect(help.status).toBe(0);
    for (const key of [
      'chat_screenshot',
      'call_recording',
      'sms',
      'income_proof',
      'bank_statement',
      'bill',
      'medical_proof',
      'unemployment_proof',
      'work_proof',
      'contract',
      'id_document',
      'email',
      'agreement',
      'collection_notice',
      'other',
    ]) {
      expect(help.stdout).toContain(key);
    }
  });

  it('bad inputs: an extension that lies, a truncated PNG, a missing path: each reported or marked, the rest imported', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const p = await png(200, 200);
    const files = [write(dir, 'setup.png', exe()), write(dir, 'cut.png', p.subarray(0, 300)), path.join(dir, 'missing.jpg'), write(dir, 'ok.png', await png())];
    const r = cli(['import', ...files, '--json', '--vault', vault], { env });
    expect(r.status).toBe(3);
    const out = JSON.parse(r.stdout) as { mime?: string; category?: string; error?: { code: string } }[];
    expect(out[0]).toMatchObject({ mime: 'application/x-msdownload', category: 'other' });
    expect(out[1]).toMatchObject({ mime: 'image/png' });
    expect(out[2]).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(out[3]).toMatchObject({ mime: 'image/png' });
  });

  it('an unreadable file is reported and the others go in (run as an unprivileged user when root)', async () => {
    const dir = tmpDir();
    fs.chmodSync(dir, 0o777);
    const vault = initVault(dir);
    fs.chmodSync(vault, 0o666);
    const secret = write(dir, 'secret.png', await png());
    fs.chmodSync(secret, 0o000);
    const ok = write(dir, 'ok.png', await png());
    fs.chmodSync(ok, 0o644);
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = spawnSync(process.execPath, [BIN, 'import', secret, ok, '--json', '--vault', vault], {
      env: { PATH: process.env.PATH ?? '', XIESHANG_PASSPHRASE: PASS, HOME: dir },
      encoding: 'utf8',
      ...asOther,
    });
    expect(r.status, r.stderr).toBe(3);
    const out = JSON.parse(r.stdout) as { path: string; error?: { code: string; message: string } }[];
    expect(out[0]).toEqual({ path: secret, error: { code: 'UNREADABLE', message: expect.stringContaining('无法读取') } });
    expect(out[1]).not.toHaveProperty('error');
  });

  it('human output: one line per file and a summary; errors carry their code', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const f = await corpus(dir);
    const r = cli(['import', f.shot, f.empty, '--vault', vault], { env });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain('✓');
    expect(r.stdout).toContain('[EMPTY_FILE]');
    expect(r.stdout).toContain('共 2 个：导入 1 个，拒绝 1 个');
  });

  it('needs a passphrase (exit 2) and the right one (exit 4); a failed command changes nothing', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const file = write(dir, 'a.png', await png());
    expect(cli(['import', file, '--vault', vault]).status).toBe(2);
    const wrong = cli(['import', file, '--vault', vault], { env: { XIESHANG_PASSPHRASE: 'wrong passphrase entirely' } });
    expect(wrong.status).toBe(4);
    expect(wrong.stderr.trim()).toBe('口令错误，或者文件已损坏（两者无法区分） [WRONG_PASSPHRASE]');
    expect(JSON.parse(cli(['list', '--json', '--vault', vault], { env }).stdout)).toEqual([]);
  });
});

describe('xieshang list / search / export-evidence / verify', () => {
  it('list prints exactly the documented fields, in import order, filtered by --category', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const f = await corpus(dir);
    cli(['import', f.shot, f.notice, '--note', '减免 申请', '--vault', vault], { env });
    const all = JSON.parse(cli(['list', '--json', '--vault', vault], { env }).stdout) as Record<string, unknown>[];
    expect(all.map((i) => i.name)).toEqual(['Screenshot_20241018-143022.png', '催收 通知 😡.pdf']);
    for (const item of all) {
      expect(Object.keys(item).sort()).toEqual(['capturedAt', 'category', 'id', 'importedAt', 'mime', 'name', 'note', 'sha256', 'size'].sort());
      expect(item.importedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(item.note).toBe('减免 申请');
    }
    const shots = JSON.parse(cli(['list', '--category', 'chat_screenshot', '--json', '--vault', vault], { env }).stdout) as unknown[];
    expect(shots).toHaveLength(1);
    expect(cli(['list', '--category', 'nope', '--vault', vault], { env }).status).toBe(2);
  });

  it('search finds Chinese words and substrings (2 characters too) as [{kind,id,snippet}]', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const f = await corpus(dir);
    const imported = JSON.parse(cli(['import', f.shot, f.notice, '--json', '--vault', vault], { env }).stdout) as { id: string; path: string }[];
    const noticeId = imported.find((i) => i.path === f.notice)!.id;
    for (const q of ['减免', '申请减免罚息', '罚', '通知']) {
      const r = cli(['search', q, '--json', '--vault', vault], { env });
      expect(r.status, q).toBe(0);
      const hits = JSON.parse(r.stdout) as { kind: string; id: string; snippet: string }[];
      expect(hits, q).toEqual([{ kind: 'evidence', id: noticeId, snippet: expect.any(String) }]);
    }
    expect(JSON.parse(cli(['search', '没有这个词', '--json', '--vault', vault], { env }).stdout)).toEqual([]);
    expect(cli(['search', '--vault', vault], { env }).status).toBe(2);
    // The import reads the screenshot with OCR (the models load in the CLI process): on a busy 2-core machine, over a minute.
  }, 120_000);

  it('export-evidence writes the original byte-identical (checked by hash) and refuses to overwrite', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const f = await corpus(dir);
    const [item] = JSON.parse(cli(['import', f.notice, '--json', '--vault', vault], { env }).stdout) as { id: string }[];
    const out = path.join(dir, 'out', '副本.pdf');
    const r = cli(['export-evidence', item!.id, '--out', out, '--json', '--vault', vault], { env });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id: item!.id, out, sha256: sha(f.notice) });
    expect(sha(out)).toBe(sha(f.notice));
    const again = cli(['export-evidence', item!.id, '--out', out, '--vault', vault], { env });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('[OUTPUT_EXISTS]');
    const missing = cli(['export-evidence', 'ffffffffffffffff', '--out', path.join(dir, 'x'), '--json', '--vault', vault], { env });
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stderr)).toEqual({ error: { code: 'BAD_INPUT', message: expect.any(String) } });
    expect(cli(['export-evidence', item!.id, '--vault', vault], { env }).status).toBe(2);
  });

  it('verify re-hashes every item: {"checked","ok","mismatched"}; exit 5 when something was altered', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    const f = await corpus(dir);
    const imported = JSON.parse(cli(['import', f.shot, f.notice, '--json', '--vault', vault], { env }).stdout) as { id: string; path: string }[];
    const ok = cli(['verify', '--json', '--vault', vault], { env });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ checked: 2, ok: 2, mismatched: [] });
    const db = rawOpen(vault);
    const target = imported.find((i) => i.path === f.notice)!.id;
    const blobId = (db.prepare('SELECT blob_id FROM evidence_items WHERE id = ?').get(target) as { blob_id: number }).blob_id;
    const chunk = (db.prepare('SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = 0').get(blobId) as { data: Buffer }).data;
    chunk[10] = chunk[10]! ^ 1;
    db.prepare('UPDATE blob_chunks SET data = ? WHERE blob_id = ? AND seq = 0').run(chunk, blobId);
    db.close();
    const bad = cli(['verify', '--json', '--vault', vault], { env });
    expect(bad.status).toBe(5);
    expect(JSON.parse(bad.stdout)).toEqual({ checked: 2, ok: 1, mismatched: [target] });
  });

  it('list, search and verify work on a vault a running app holds open (read-only)', async () => {
    const dir = tmpDir();
    const vault = initVault(dir);
    cli(['import', write(dir, 'a.png', await png()), '--vault', vault], { env });
    const { spawn } = await import('node:child_process');
    const { bundle } = await import('../helpers/bundle');
    const holder = spawn(process.execPath, [bundle(path.resolve(__dirname, '../fixtures/hold-vault.ts'), tmpDir()), vault], {
      env: { ...process.env, XIESHANG_PASSPHRASE: PASS, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`holder exited (${code})`)));
    });
    try {
      expect(cli(['import', write(dir, 'b.png', await png()), '--vault', vault], { env }).status).toBe(5);
      expect(JSON.parse(cli(['list', '--json', '--vault', vault], { env }).stdout)).toHaveLength(1);
      expect(cli(['search', 'a.png', '--json', '--vault', vault], { env }).status).toBe(0);
      expect(JSON.parse(cli(['verify', '--json', '--vault', vault], { env }).stdout)).toEqual({ checked: 1, ok: 1, mismatched: [] });
    } finally {
      holder.kill();
    }
  });
});
