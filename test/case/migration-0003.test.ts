// Migration 0003-case: the case tables, money as TEXT (never REAL), the constraints, and
// applied once. Run on 0001 + 0003 only, so it does not depend on the other capabilities'
// migrations.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../main/vault/sqlite';
import { migrate } from '../../main/vault/migrate';
import { migration0001 } from '../../main/vault/migrations/0001-initial';
import { migration0003 } from '../../main/vault/migrations/0003-case';
import { MIGRATIONS } from '../../main/vault/migrations';
import { PASS, tmpDir } from '../helpers/tmp';

const CASE_TABLES = [
  'case_accounts',
  'case_agreement_accounts',
  'case_agreement_installments',
  'case_agreements',
  'case_applicant',
  'case_assets',
  'case_creditors',
  'case_finance_items',
  'case_finances',
  'case_hardship',
  'case_lpr_rows',
  'case_other_debts',
  'case_plan_accounts',
  'case_plans',
  'case_snapshots',
];

function fresh() {
  const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
  db.pragma('foreign_keys = ON');
  migrate(db, [migration0001, migration0003]);
  return db;
}

describe('migration 0003-case', () => {
  it('is registered as version 3, between evidence (2) and timeline (4)', () => {
    expect(migration0003.version).toBe(3);
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toContain(3);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('creates the case tables, STRICT, with money and rates as TEXT and no REAL column anywhere', () => {
    const db = fresh();
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'case_%' ORDER BY name").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.map((t) => t.name)).toEqual(CASE_TABLES);
    for (const t of tables) {
      expect(t.sql, t.name).toMatch(/\) STRICT$/);
      const cols = db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(t.name) as { name: string; type: string }[];
      for (const c of cols) expect(['TEXT', 'INTEGER'], `${t.name}.${c.name}`).toContain(c.type);
    }
    const account = db.prepare(`SELECT name, type FROM pragma_table_info('case_accounts')`).all() as { name: string; type: string }[];
    const typeOf = (n: string) => account.find((c) => c.name === n)?.type;
    for (const money of ['principal', 'interest', 'fees', 'daily_rate']) expect(typeOf(money)).toBe('TEXT');
    expect(db.prepare("SELECT action, new_value FROM audit_log WHERE action = 'schema.migrate' ORDER BY id").all()).toEqual([
      { action: 'schema.migrate', new_value: JSON.stringify({ version: 1, name: 'initial' }) },
      { action: 'schema.migrate', new_value: JSON.stringify({ version: 3, name: 'case' }) },
    ]);
    db.close();
  });

  it('is applied once', () => {
    const db = fresh();
    migrate(db, [migration0001, migration0003]);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'schema.migrate'").get()).toEqual({ n: 2 });
    db.close();
  });

  it('enforces the constraints: product and mode lists, one applicant row, foreign keys, cascades', () => {
    const db = fresh();
    const creditor = db.prepare("INSERT INTO case_creditors (id, position, legal_name, product, product_name, channels, note) VALUES (?, 0, '某公司', ?, '', ?, '')");
    expect(() => creditor.run('c0', 'loan-shark', '[]')).toThrow(/CHECK/);
    expect(() => creditor.run('c0', 'huabei', 'not json')).toThrow(/CHECK/);
    creditor.run('c1', 'huabei', '[]');
    const account = db.prepare(
      `INSERT INTO case_accounts (id, position, creditor_id, label, number, principal, interest, fees, penalty_mode, daily_rate, grace_days, penalty_start, evidence_ids, note)
       VALUES (?, 0, ?, '', '', '100.00', '0.00', '0.00', ?, '0.0005', 0, '2026-01-01', '[]', '')`,
    );
    expect(() => account.run('a0', 'nobody', 'simple')).toThrow(/FOREIGN KEY/);
    expect(() => account.run('a0', 'c1', 'monthly')).toThrow(/CHECK/);
    account.run('a1', 'c1', 'simple');
    db.prepare(
      "INSERT INTO case_snapshots (id, position, account_id, date, principal, interest, penalty, fees, note) VALUES ('s1', 0, 'a1', '2026-01-01', '1.00', '0.00', '0.00', '0.00', '')",
    ).run();
    expect(() => db.prepare("DELETE FROM case_creditors WHERE id = 'c1'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM case_accounts WHERE id = 'a1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM case_snapshots').get()).toEqual({ n: 0 });
    const applicant = db.prepare("INSERT INTO case_applicant (singleton, name, id_number, phone, address) VALUES (?, '', '', '', '')");
    applicant.run(1);
    expect(() => applicant.run(2)).toThrow(/CHECK/);
    db.close();
  });
});
