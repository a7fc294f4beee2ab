import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { Vault } from '../../main/vault/vault';
import { GENESIS_HASH, rowHash } from '../../main/vault/audit-log';
import { LATEST_SCHEMA_VERSION } from '../../main/vault/migrations';
import { tmpDir, PASS } from '../helpers/tmp';

function vaultWithHistory(): Vault {
  const v = Vault.create(path.join(tmpDir(), 'v.xsv'), PASS, { actor: 'app' });
  for (let i = 0; i < 5; i++) {
    v.change((db, audit) => {
      db.prepare('INSERT INTO meta VALUES (?, ?)').run(`k${i}`, `v${i}`);
      audit({ action: 'meta.set', entity: 'meta', entityId: `k${i}`, oldValue: null, newValue: `v${i}` });
    });
  }
  return v;
}

describe('hash-chained audit log', () => {
  it('chains every row to the previous one from the first migration on', () => {
    const v = vaultWithHistory();
    const rows = v.handle.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ id: 1, action: 'schema.migrate', prev_hash: GENESIS_HASH });
    const migrations = rows.filter((r) => r.action === 'schema.migrate').length;
    expect(migrations).toBe(LATEST_SCHEMA_VERSION);
    expect(rows.slice(migrations).map((r) => r.action)).toEqual(['vault.create', 'meta.set', 'meta.set', 'meta.set', 'meta.set', 'meta.set']);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const { hash, ...rest } = rows[3] as { hash: string } & Parameters<typeof rowHash>[0];
    expect(rowHash(rest)).toBe(hash);
    expect(v.verifyAudit()).toEqual({ ok: true, rows: migrations + 6, firstBadId: null });
    v.close();
  });

  it('is append-only: UPDATE and DELETE are refused by the database', () => {
    const v = vaultWithHistory();
    expect(() => v.handle.prepare("UPDATE audit_log SET action = 'x' WHERE id = 3").run()).toThrow(/append-only/);
    expect(() => v.handle.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/append-only/);
    expect(v.verifyAudit().ok).toBe(true);
    v.close();
  });

  it('detects tampering even by someone who drops the triggers', () => {
    const v = vaultWithHistory();
    v.handle.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    v.handle.prepare('UPDATE audit_log SET new_value = \'"forged"\' WHERE id = 4').run();
    expect(v.verifyAudit()).toMatchObject({ ok: false, firstBadId: 4 });
    v.close();
  });

  it('detects a deleted row in the middle of the chain', () => {
    const v = vaultWithHistory();
    v.handle.exec('DROP TRIGGER audit_log_no_delete;');
    v.handle.prepare('DELETE FROM audit_log WHERE id = 5').run();
    expect(v.verifyAudit()).toMatchObject({ ok: false, firstBadId: 6 });
    v.close();
  });

  it('a change that fails writes neither its data nor its audit row', () => {
    const v = vaultWithHistory();
    const before = v.verifyAudit().rows;
    expect(() =>
      v.change((db, audit) => {
        db.prepare("INSERT INTO meta VALUES ('half', 'done')").run();
        audit({ action: 'meta.set', entityId: 'half' });
        throw new Error('crash in the middle');
      }),
    ).toThrow('crash in the middle');
    expect(v.meta('half')).toBeNull();
    expect(v.verifyAudit()).toEqual({ ok: true, rows: before, firstBadId: null });
    v.close();
  });
});
