import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { tmpDir, PASS } from '../../helpers/tmp';

const atVersion7 = () => {
  const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 8),
  );
  return db;
};

describe('migration 0008-creditor-sides', () => {
  it('adds agents and sides, keeping every existing row and mark as it was', () => {
    const db = atVersion7();
    db.prepare(
      "INSERT INTO contacts (id, at, at_ms, channel, direction, phone, source, created_at, updated_at) VALUES ('k1', '2026-10-01T10:00:00+08:00', 1, 'sms', 'incoming', '95188', 'sms_backup', 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO party_marks (number_key, number, side, organisation, updated_at) VALUES ('13700000001', '13700000001', 'collector', '某资产', 'x')").run();
    db.prepare("INSERT INTO case_creditors (id, position, legal_name, product, product_name, channels, note) VALUES ('c1', 0, '某银行', 'credit-card', '', '[]', '')").run();
    db.prepare(
      `INSERT INTO case_accounts (id, position, creditor_id, label, number, principal, interest, fees, penalty_mode, daily_rate, grace_days, penalty_start, evidence_ids, note)
       VALUES ('a1', 0, 'c1', '卡', '', '100.00', '0.00', '0.00', 'simple', '0.0005', 0, '2025-01-01', '[]', '')`,
    ).run();

    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 8),
      ),
    ).toBe(8);
    expect(db.prepare('SELECT id, side, side_creditor_id, side_agent_id, side_set_at FROM contacts').get()).toEqual({
      id: 'k1',
      side: null,
      side_creditor_id: null,
      side_agent_id: null,
      side_set_at: null,
    });
    expect(db.prepare('SELECT side, organisation, creditor_id, agent_id FROM party_marks').get()).toEqual({
      side: 'collector',
      organisation: '某资产',
      creditor_id: null,
      agent_id: null,
    });
    expect(db.prepare('SELECT overdue_convention, rate_confirmed FROM case_accounts').get()).toEqual({ overdue_convention: 'creditor', rate_confirmed: null });

    db.prepare(
      "INSERT INTO case_agents (id, position, creditor_id, kind, name, numbers, created_at, updated_at) VALUES ('g1', 0, 'c1', 'law_firm', '某律师事务所', '[\"02388880000\"]', 'x', 'x')",
    ).run();
    expect(() => db.prepare("UPDATE contacts SET side = 'somebody' WHERE id = 'k1'").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO case_agents (id, position, creditor_id, kind, name, numbers, created_at, updated_at) VALUES ('g2', 1, 'c1', 'bailiff', 'x', '[]', 'x', 'x')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO case_agents (id, position, creditor_id, kind, name, numbers, created_at, updated_at) VALUES ('g3', 1, 'c1', 'other', '  ', '[]', 'x', 'x')").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE case_accounts SET overdue_convention = 'guess'").run()).toThrow(/CHECK/);
    db.close();
  });
});
