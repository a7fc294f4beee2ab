import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { tmpDir, PASS } from '../../helpers/tmp';

describe('migration 0006-signature', () => {
  const upTo = (v: number) => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= v),
    );
    return db;
  };

  it('applies on top of 0001–0005, keeps earlier rows, creates signature_image', () => {
    const db = upTo(5);
    db.prepare("INSERT INTO packages VALUES ('p1', 'x', 'negotiation', '某银行', 'a.pdf', ?, 1, 1, 1, '[]')").run('a'.repeat(64));
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 6),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT count(*) AS n FROM packages').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'signature_image'").get()).toEqual({ name: 'signature_image' });
    db.close();
  });

  it('refuses rows the code would never write', () => {
    const db = upTo(6);
    const put = db.prepare('INSERT OR REPLACE INTO signature_image VALUES (@id, @png, @source, @w, @h, @at)');
    const ok = { id: 1, png: Buffer.alloc(100, 1), source: 'drawn', w: 10, h: 5, at: 'x' };
    for (const bad of [{ id: 2 }, { png: Buffer.alloc(3) }, { source: 'scanned' }, { w: 0 }, { h: -1 }, { png: 'text' }]) {
      expect(() => put.run({ ...ok, ...bad })).toThrow(/CHECK|cannot store/);
    }
    put.run(ok);
    put.run({ ...ok, source: 'imported' });
    expect(db.prepare('SELECT count(*) AS n, source FROM signature_image').get()).toEqual({ n: 1, source: 'imported' });
    db.close();
  });
});
