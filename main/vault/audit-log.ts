// The append-only audit log. Each row stores the SHA-256 of the previous row (prev_hash)
// and its own hash over its content plus prev_hash, so any edit, deletion or reordering of
// history breaks the chain that verifyAuditChain() walks. Triggers forbid UPDATE/DELETE.
import { createHash } from 'node:crypto';
import type { Db } from './sqlite';

export const GENESIS_HASH = '0'.repeat(64);

export type Actor = 'app' | 'cli' | 'migration';

export interface AuditEntry {
  actor: Actor;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  /** ISO time; defaults to now. */
  at?: string;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  old_value: string | null;
  new_value: string | null;
  prev_hash: string;
  hash: string;
}

export function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const canonical = JSON.stringify([row.id, row.at, row.actor, row.action, row.entity, row.entity_id, row.old_value, row.new_value, row.prev_hash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const toJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** Appends one row. Call inside the transaction that makes the change it records. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    id: (last?.id ?? 0) + 1,
    at: entry.at ?? new Date().toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    old_value: toJson(entry.oldValue),
    new_value: toJson(entry.newValue),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  db.prepare(
    `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, old_value, new_value, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entity_id, @old_value, @new_value, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
  return row.id;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBadId: number | null;
}

export function verifyAuditChain(db: Db): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let rows = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    rows++;
    const { hash, ...rest } = row;
    if (row.id !== expectedId || row.prev_hash !== prev || rowHash(rest) !== hash) {
      return { ok: false, rows, firstBadId: row.id };
    }
    prev = hash;
    expectedId++;
  }
  return { ok: true, rows, firstBadId: null };
}
