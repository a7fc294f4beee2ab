// Applies pending migrations, each in its own transaction with its audit row; refuses a
// vault written by a newer version (its schema is unknown to us: writing could corrupt it).
import type { Db } from './sqlite';
import { APPLICATION_ID } from './sqlite';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations';
import type { Migration } from './migrations/types';
import { appendAudit } from './audit-log';
import { NotAVaultError, VaultTooNewError } from '../../shared/errors';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws unless the file is one of ours at a version this build understands. */
export function assertCompatible(db: Db, latest = LATEST_SCHEMA_VERSION): number {
  const version = schemaVersion(db);
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (version > 0 && appId !== APPLICATION_ID) throw new NotAVaultError();
  if (version > latest) throw new VaultTooNewError(version, latest);
  return version;
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= version) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
      appendAudit(db, { actor: 'migration', action: 'schema.migrate', newValue: { version: m.version, name: m.name } });
    })();
    version = m.version;
  }
  return version;
}
