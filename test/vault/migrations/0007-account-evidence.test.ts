import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted, type Db } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { verifyAuditChain } from '../../../main/vault/audit-log';
import { tmpDir, PASS } from '../../helpers/tmp';

const atVersion6 = () => {
  const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 7),
  );
  return db;
};

const upTo7 = MIGRATIONS.filter((m) => m.version <= 7);

function item(db: Db, id: string, importedMs: number): void {
  const sha = id.padEnd(64, '0').slice(0, 64);
  const blob = db.prepare("INSERT INTO blobs (sha256, size, state, created_at) VALUES (?, 1, 'stored', 'x')").run(sha).lastInsertRowid;
  db.prepare(
    "INSERT INTO evidence_items (id, blob_id, sha256, size, mime, kind, name, imported_ms, category, category_source, preview, route) VALUES (?, ?, ?, 1, 'image/png', 'image', ?, ?, 'bill', 'guess', 'none', 'path')",
  ).run(id, blob, sha, `${id}.png`, importedMs);
}

function account(db: Db, id: string, position: number, evidenceIds: string[]): void {
  db.prepare(
    `INSERT INTO case_accounts (id, position, creditor_id, label, number, principal, interest, fees, penalty_mode, daily_rate, grace_days, penalty_start, evidence_ids, note)
     VALUES (?, ?, 'c1', ?, '', '100.00', '0.00', '0.00', 'simple', '0.0005', 0, '2025-01-01', ?, '')`,
  ).run(id, position, id, JSON.stringify(evidenceIds));
}

const link = (db: Db, itemId: string, kind: string, target: string) =>
  db.prepare('INSERT INTO evidence_links (item_id, target_kind, target_id) VALUES (?, ?, ?)').run(itemId, kind, target);

const evidenceIds = (db: Db, id: string) =>
  JSON.parse((db.prepare('SELECT evidence_ids FROM case_accounts WHERE id = ?').get(id) as { evidence_ids: string }).evidence_ids) as string[];

describe('migration 0007-account-evidence', () => {
  it("moves evidence_links 'account' rows into the case accounts' lists, keeping contact links", () => {
    const db = atVersion6();
    db.prepare("INSERT INTO case_creditors (id, position, legal_name, product, product_name, channels, note) VALUES ('c1', 0, '某银行', 'credit-card', '', '[]', '')").run();
    // a1 already names a file outside the vault and e2 (from the debts page); a2 names nothing.
    account(db, 'a1', 0, ['ev-contract', 'e2']);
    account(db, 'a2', 1, []);
    item(db, 'e1', 3000);
    item(db, 'e2', 1000);
    item(db, 'e3', 2000);
    link(db, 'e1', 'account', 'a1');
    link(db, 'e2', 'account', 'a1'); // already in the list: not twice
    link(db, 'e3', 'account', 'a1');
    link(db, 'e3', 'account', 'a2');
    link(db, 'e1', 'account', 'gone'); // its account was deleted
    link(db, 'e1', 'contact', 'k1');

    expect(migrate(db, upTo7)).toBe(7);
    expect(evidenceIds(db, 'a1')).toEqual(['ev-contract', 'e2', 'e3', 'e1']); // appended, oldest import first
    expect(evidenceIds(db, 'a2')).toEqual(['e3']);
    expect(db.prepare('SELECT item_id, target_kind, target_id FROM evidence_links').all()).toEqual([{ item_id: 'e1', target_kind: 'contact', target_id: 'k1' }]);
    const moved = db.prepare("SELECT actor, new_value FROM audit_log WHERE action = 'case.account_evidence.moved'").get() as { actor: string; new_value: string };
    expect(moved.actor).toBe('migration');
    expect(JSON.parse(moved.new_value)).toEqual({
      moved: [
        { accountId: 'a1', evidenceId: 'e3' },
        { accountId: 'a1', evidenceId: 'e1' },
        { accountId: 'a2', evidenceId: 'e3' },
      ],
      dropped: [{ accountId: 'gone', evidenceId: 'e1', reason: 'no_account' }],
    });
    expect(db.prepare("SELECT new_value FROM audit_log WHERE action = 'schema.migrate' ORDER BY id DESC LIMIT 1").get()).toEqual({
      new_value: JSON.stringify({ version: 7, name: 'account-evidence' }),
    });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    db.close();
  });

  it("refuses new 'account' rows: the case lists are the only account links", () => {
    const db = atVersion6();
    item(db, 'e1', 1);
    migrate(db, upTo7);
    expect(() => link(db, 'e1', 'account', 'a1')).toThrow(/case_accounts\.evidence_ids/);
    link(db, 'e1', 'contact', 'k1');
    expect(() => db.prepare("UPDATE evidence_links SET target_kind = 'account'").run()).toThrow(/case_accounts\.evidence_ids/);
    db.close();
  });

  it('an account list that is full keeps what it has; the rest is named in the audit log', () => {
    const db = atVersion6();
    db.prepare("INSERT INTO case_creditors (id, position, legal_name, product, product_name, channels, note) VALUES ('c1', 0, '某银行', 'credit-card', '', '[]', '')").run();
    const full = Array.from({ length: 100 }, (_, i) => `x${i}`);
    account(db, 'a1', 0, full);
    item(db, 'e1', 1);
    link(db, 'e1', 'account', 'a1');
    migrate(db, upTo7);
    expect(evidenceIds(db, 'a1')).toEqual(full);
    const moved = JSON.parse((db.prepare("SELECT new_value FROM audit_log WHERE action = 'case.account_evidence.moved'").get() as { new_value: string }).new_value);
    expect(moved).toEqual({ moved: [], dropped: [{ accountId: 'a1', evidenceId: 'e1', reason: 'list_full' }] });
    db.close();
  });

  it('upgrades a version-6 vault without account links in place: data kept, no extra audit row; applying it twice changes nothing', () => {
    const db = atVersion6();
    db.prepare("INSERT INTO meta (key, value) VALUES ('vault_id', 'keep-me')").run();
    expect(migrate(db, upTo7)).toBe(7);
    expect(migrate(db, upTo7)).toBe(7);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'vault_id'").get()).toEqual({ value: 'keep-me' });
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'case.account_evidence.moved'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'schema.migrate'").get()).toEqual({ n: 7 });
    db.close();
  });
});
