import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migration0001 } from '../../../main/vault/migrations/0001-initial';
import { migration0002 } from '../../../main/vault/migrations/0002-evidence';
import { migrate } from '../../../main/vault/migrate';
import { tmpDir, PASS } from '../../helpers/tmp';

describe('migration 0002-evidence', () => {
  it('adds the blob store, items, tags, links, renditions, text and the trigram search index', () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    expect(migrate(db, [migration0001, migration0002])).toBe(2);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index_%' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual([
      'audit_log',
      'blob_chunks',
      'blob_renditions',
      'blob_text',
      'blobs',
      'evidence_items',
      'evidence_links',
      'evidence_tags',
      'meta',
      'search_docs',
      'search_index',
    ]);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_index'").get()).toMatchObject({ sql: expect.stringContaining("tokenize = 'trigram'") });
    expect(db.prepare("SELECT new_value FROM audit_log WHERE action = 'schema.migrate' ORDER BY id DESC LIMIT 1").get()).toEqual({ new_value: '{"version":2,"name":"evidence"}' });
    db.close();
  });

  it('upgrades a version-1 vault in place, keeping its data; applying it twice changes nothing', () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(db, [migration0001]);
    db.prepare("INSERT INTO meta (key, value) VALUES ('vault_id', 'keep-me')").run();
    expect(migrate(db, [migration0001, migration0002])).toBe(2);
    expect(migrate(db, [migration0001, migration0002])).toBe(2);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get()).toEqual({ value: 'keep-me' });
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'schema.migrate'").get()).toEqual({ n: 2 });
    db.close();
  });

  it('the schema refuses inconsistent rows: a stored blob without a hash, a bad kind, a bad hash', () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(db, [migration0001, migration0002]);
    expect(() => db.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES (NULL, 1, 'stored', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES ('xyz', 1, 'stored', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES (?, 1, 'staging', 'x')").run('a'.repeat(64))).toThrow(/CHECK/);
    db.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES (?, 1, 'stored', 'x')").run('a'.repeat(64));
    expect(() =>
      db
        .prepare(
          "INSERT INTO evidence_items (id, blob_id, sha256, size, mime, kind, name, imported_ms, category, category_source, preview, route) VALUES ('i', 1, 'a', 1, 'x', 'program', 'n', 0, 'other', 'guess', 'none', 'path')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
