import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { openEncrypted } from '../../../main/vault/sqlite';
import { migrate } from '../../../main/vault/migrate';
import { MIGRATIONS } from '../../../main/vault/migrations';
import { tmpDir, PASS } from '../../helpers/tmp';

describe('migration 0009-letters', () => {
  const upTo = (v: number) => {
    const db = openEncrypted(path.join(tmpDir(), 'm.xsv'), PASS, { create: true });
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= v),
    );
    return db;
  };

  it('adds the creditor kind, credit code and share, dated income, family loans and step plans; keeps rows', () => {
    const db = upTo(7);
    db.prepare("INSERT INTO case_creditors VALUES ('c1', 0, '招商银行股份有限公司', 'credit-card', '', '[]', '')").run();
    db.prepare("INSERT INTO case_other_debts VALUES ('d1', 0, '表哥', 0, '1000.00', '100.00', NULL, '')").run();
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 9),
    );
    expect(db.prepare('SELECT institution, credit_code, capacity_share FROM case_creditors').get()).toEqual({ institution: null, credit_code: '', capacity_share: null });
    expect(db.prepare('SELECT family FROM case_other_debts').get()).toEqual({ family: 0 });
    db.prepare("UPDATE case_creditors SET institution = 'bank', capacity_share = '300.00'").run();
    expect(() => db.prepare("UPDATE case_creditors SET institution = 'regulator'").run()).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE case_other_debts SET family = 2').run()).toThrow(/CHECK/);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('case_finance_items')).toEqual(expect.arrayContaining(['from_date', 'until_date']));
    expect(cols('case_plans')).toEqual(expect.arrayContaining(['step_count', 'step_amount']));
    db.close();
  });
});
