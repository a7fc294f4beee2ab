import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { tmpDir, PASS } from '../../helpers/tmp';

describe('migration 0012-ocr', () => {
  const upTo = (v: number) => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= v),
    );
    return db;
  };

  it('applies on top of the earlier ones and creates blob_ocr', () => {
    const db = upTo(11);
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 12),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'blob_ocr'").get()).toEqual({ name: 'blob_ocr' });
    db.close();
  });

  it('refuses rows the code would never write', () => {
    const db = upTo(12);
    db.prepare("INSERT INTO blobs (id, sha256, size, state, created_at) VALUES (1, ?, 1, 'stored', 'x')").run('a'.repeat(64));
    const put = db.prepare('INSERT OR REPLACE INTO blob_ocr VALUES (@blob, @status, @engine, @w, @h, @lines, @text, @ms, @at)');
    const ok = {
      blob: 1,
      status: 'done',
      engine: 'ppocr-v4',
      w: 1080,
      h: 2340,
      lines: '[{"text":"欠款","box":{"x":1,"y":2,"w":3,"h":4},"confidence":0.9}]',
      text: '欠款',
      ms: 800,
      at: 0,
    };
    for (const bad of [{ status: 'pending' }, { lines: '{}' }, { lines: 'not json' }, { w: 0 }, { ms: -1 }, { status: 'timeout' }, { blob: 99 }]) {
      expect(() => put.run({ ...ok, ...bad })).toThrow(/CHECK|FOREIGN|constraint/);
    }
    put.run(ok);
    put.run({ ...ok, status: 'timeout', lines: '[]', text: '' });
    expect(db.prepare('SELECT count(*) AS n, status FROM blob_ocr').get()).toEqual({ n: 1, status: 'timeout' });
    db.close();
  });
});
