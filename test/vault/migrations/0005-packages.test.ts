import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { migration0005 } from '../../../main/vault/migrations/0005-packages';
import { tmpDir, PASS } from '../../helpers/tmp';

describe('migration 0005-packages', () => {
  const atVersion4 = () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 5),
    );
    return db;
  };
  const identity = (over: Record<string, unknown> = {}) => ({ id: 1, subject: '张三', cert: 'CERT', key: 'KEY', fp: 'ab'.repeat(32), at: '2025-03-01T10:00:00+08:00', ...over });
  const putIdentity = 'INSERT INTO signing_identity (id, subject, cert_pem, key_pem, fingerprint, created_at) VALUES (@id, @subject, @cert, @key, @fp, @at)';
  const pkg = (over: Record<string, unknown> = {}) => ({
    id: 'p1',
    built_at: '2025-03-01T10:00:00+08:00',
    template: 'negotiation',
    addressee: '某银行信用卡中心',
    file_name: 'a.pdf',
    sha256: 'cd'.repeat(32),
    bytes: 1024,
    pages: 3,
    signed: 1,
    exhibits: '[]',
    ...over,
  });
  const putPackage =
    'INSERT INTO packages (id, built_at, template, addressee, file_name, sha256, bytes, pages, signed, exhibits) VALUES (@id, @built_at, @template, @addressee, @file_name, @sha256, @bytes, @pages, @signed, @exhibits)';

  it('applies on top of 0001–0004 and creates the signing identity and package tables', () => {
    const db = atVersion4();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('packages', 'signing_identity') ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(names).toEqual(['packages', 'signing_identity']);
    for (const table of names) {
      expect(db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table), table).toMatchObject({ sql: expect.stringMatching(/\)\s*STRICT$/) });
    }
    expect(db.prepare("SELECT new_value FROM audit_log WHERE action = 'schema.migrate' ORDER BY id DESC LIMIT 1").get()).toEqual({
      new_value: JSON.stringify({ version: 5, name: 'packages' }),
    });
    db.close();
  });

  it('holds exactly one signing identity (id = 1)', () => {
    const db = atVersion4();
    migration0005.up(db);
    db.prepare(putIdentity).run(identity());
    expect(() => db.prepare(putIdentity).run(identity({ id: 2 }))).toThrow(/CHECK/);
    expect(() => db.prepare(putIdentity).run(identity())).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare(putIdentity).run(identity({ id: 1, subject: null }))).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM signing_identity').get()).toEqual({ n: 1 });
    db.close();
  });

  it('STRICT tables refuse values of the wrong type', () => {
    const db = atVersion4();
    migration0005.up(db);
    db.prepare(putPackage).run(pkg());
    // Text where an integer belongs, a blob where text belongs, a real where an integer belongs.
    expect(() => db.prepare(putPackage).run(pkg({ id: 'p2', bytes: 'a lot' }))).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare(putPackage).run(pkg({ id: 'p3', pages: 2.5 }))).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => db.prepare(putPackage).run(pkg({ id: 'p4', sha256: Buffer.from([1, 2]) }))).toThrow(/cannot store BLOB value in TEXT column/);
    expect(() => db.prepare(putIdentity).run(identity({ key: Buffer.from('KEY') }))).toThrow(/cannot store BLOB value in TEXT column/);
    expect(() => db.prepare(putPackage).run(pkg({ id: 'p5', exhibits: null }))).toThrow(/NOT NULL/);
    expect(db.prepare('SELECT id, bytes, pages, signed FROM packages').all()).toEqual([{ id: 'p1', bytes: 1024, pages: 3, signed: 1 }]);
    db.close();
  });

  it('upgrades a version-4 vault in place, keeping its data; applying it twice changes nothing', () => {
    const db = atVersion4();
    db.prepare("INSERT INTO meta (key, value) VALUES ('vault_id', 'keep-me')").run();
    db.prepare("INSERT INTO case_applicant (singleton, name, id_number, phone, address) VALUES (1, '张三', '', '', '')").run();
    db.prepare(
      "INSERT INTO contacts (id, at, at_ms, channel, direction, party_type, duration_sec, source, source_key, created_at, updated_at) VALUES ('c1', '2024-10-18T14:30:22+08:00', 1, 'phone', 'incoming', NULL, NULL, 'manual', NULL, 'x', 'x')",
    ).run();
    const upTo5 = MIGRATIONS.filter((m) => m.version <= 5);
    expect(migrate(db, upTo5)).toBe(5);
    expect(migrate(db, upTo5)).toBe(5);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get()).toEqual({ value: 'keep-me' });
    expect(db.prepare('SELECT name FROM case_applicant').get()).toEqual({ name: '张三' });
    expect(db.prepare('SELECT id FROM contacts').all()).toEqual([{ id: 'c1' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM packages').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'schema.migrate'").get()).toEqual({ n: 5 });
    db.close();
  });
});
