// A released migration is never edited (docs/ARCHITECTURE.md): vaults in the field already
// ran it. This snapshot fails when the schema that migrations 0001–0007 produce changes: the
// SHA-256 of sqlite_master after each of them (type, name, table, SQL), recorded when they
// were released. A new migration gets its own number; add its line here when it is released.
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { tmpDir, PASS } from '../../helpers/tmp';

const RELEASED: Record<number, string> = {
  1: 'fd74770233006990383bb851ef3a35e06b09d61e0fff622472946f51c02f04f6',
  2: '05518e1a01682bd1db3db653554d1d4d8f1ef5de26623011f1f6197869fb1a23',
  3: 'a223a644b9c689443568c722f9b2c051b1b05dbf9d26afe6770dfe73dc793876',
  4: 'c138e0502c03e2385a1371b3377249ca1b7eb0d4103ae2f858b25609a824a7d6',
  5: 'affa2162fc199ca5fcc36ebaa8c19d4874e2a71c57fd25787a5eb0fd8379627b',
  6: '99af3e552fcefd8b76279fa82156f357f4f633c1e809cf307b96bd72522b2676',
  7: '3e4db8b1f679d29184cac8a44d2c63d36105295709b7636a8e68417ad6770d51',
};

describe('released migrations', () => {
  it('produce exactly the schema they produced when released', () => {
    const db = openEncrypted(path.join(tmpDir(), 'schema.xsv'), PASS, { create: true });
    const got: Record<number, string> = {};
    try {
      for (const version of Object.keys(RELEASED).map(Number)) {
        migrate(
          db,
          MIGRATIONS.filter((m) => m.version <= version),
        );
        const rows = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
        got[version] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
      }
    } finally {
      db.close();
    }
    expect(got).toEqual(RELEASED);
  });
});
