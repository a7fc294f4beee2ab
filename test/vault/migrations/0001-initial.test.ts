import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted, APPLICATION_ID } from '../../../main/vault/sqlite';
import { migration0001 } from '../../../main/vault/migrations/0001-initial';
import { migrate, assertCompatible } from '../../../main/vault/migrate';
import { tmpDir, PASS } from '../../helpers/tmp';

describe('migration 0001-initial', () => {
  it('creates meta and the append-only audit_log, and marks the file as ours', () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    expect(migrate(db, [migration0001])).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(names).toEqual(['audit_log', 'audit_log_no_delete', 'audit_log_no_update', 'meta']);
    expect(db.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'schema.migrate' }]);
    db.close();
  });

  it('is applied once: migrating again changes nothing', () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(db, [migration0001]);
    migrate(db, [migration0001]);
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    db.close();
  });

  it('an encrypted database of someone else (other application_id) is not a vault', () => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    db.exec('CREATE TABLE x(y)');
    db.pragma('user_version = 1');
    expect(() => assertCompatible(db)).toThrow(expect.objectContaining({ code: 'NOT_A_VAULT' }));
    db.close();
  });
});
