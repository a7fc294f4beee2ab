import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { tmpDir, PASS } from '../../helpers/tmp';

function at(version: number) {
  const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
  db.pragma('foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return db;
}

describe('migration 0010-after-application', () => {
  it('creates rounds, requests, terms, payments and the settings row (reminders 3 days before)', () => {
    const db = at(10);
    const names = (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('application_rounds','round_requests','agreement_terms','repayment_payments','repayment_settings') ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual(['agreement_terms', 'application_rounds', 'repayment_payments', 'repayment_settings', 'round_requests']);
    expect(db.prepare('SELECT reminder_days, reserve_goal FROM repayment_settings').get()).toEqual({ reminder_days: 3, reserve_goal: '0.00' });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
  });

  it('a payment keeps its agreement: deleting the agreement is refused; the terms go with it', () => {
    const db = at(10);
    db.prepare(
      "INSERT INTO case_agreements (id, position, signed_on, total, waived_interest, waived_penalty, waived_fees, note) VALUES ('a', 0, '2026-03-01', '10.00', '0.00', '0.00', '0.00', '')",
    ).run();
    db.prepare("INSERT INTO agreement_terms VALUES ('a', '0.00', '0.00', '0.00', '0.00', '', 0, '', '', 1, NULL)").run();
    db.prepare("INSERT INTO repayment_payments VALUES ('p', 1, 'a', '2026-03-02', '5.00', NULL, '', 'x')").run();
    expect(() => db.prepare("DELETE FROM case_agreements WHERE id = 'a'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM repayment_payments WHERE id = 'p'").run();
    db.prepare("DELETE FROM case_agreements WHERE id = 'a'").run();
    expect(db.prepare('SELECT count(*) AS n FROM agreement_terms').get()).toEqual({ n: 0 });
  });

  it('refuses an unknown outcome or channel', () => {
    const db = at(10);
    db.prepare("INSERT INTO case_creditors (id, position, legal_name, product, product_name, channels, note) VALUES ('c', 0, 'X', 'other', '', '[]', '')").run();
    const put = db.prepare("INSERT INTO application_rounds VALUES ('r', 'c', '2026-03-01', ?, NULL, '', ?, NULL, '', '[]', 0, 'x')");
    expect(() => put.run('pigeon', 'pending')).toThrow(/CHECK/);
    expect(() => put.run('email', 'maybe')).toThrow(/CHECK/);
    put.run('email', 'pending');
  });
});

describe('migration 0011-bills', () => {
  it('the same row key cannot be stored twice; mappings are JSON', () => {
    const db = at(11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    db.prepare("INSERT INTO bill_files VALUES ('f', 'e', 'alipay', 'x', 1, 0, 0)").run();
    const row = db.prepare(
      "INSERT INTO bill_rows (file_id, row_key, date, direction, kind, amount, category, counterparty, description) VALUES ('f', 'k1', '2026-03-01', 'spending', 'normal', '1.00', '', '', '')",
    );
    row.run();
    expect(() => row.run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO bill_column_maps VALUES ('h', 'not json')").run()).toThrow(/CHECK/);
  });
});
