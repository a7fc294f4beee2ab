// What the letters need to speak to one creditor and never promise the same money twice
// (issue 10): a creditor's kind of institution (bank → 贵行, consumer finance or other
// company → 贵司; NULL = inferred from the legal name), its 统一社会信用代码 for a mediation
// application, and its share of the monthly capacity (NULL = pro rata); the dates an income
// starts and ends (benefits, a contract), a family loan among the other debts, and a plan
// that steps up (its first installments lower, the rest higher).
import type { Migration } from './types';

export const migration0009: Migration = {
  version: 9,
  name: 'letters',
  up(db) {
    db.exec(`
      ALTER TABLE case_creditors ADD COLUMN institution TEXT CHECK (institution IS NULL OR institution IN ('bank', 'consumer-finance', 'company'));
      ALTER TABLE case_creditors ADD COLUMN credit_code TEXT NOT NULL DEFAULT '';
      ALTER TABLE case_creditors ADD COLUMN capacity_share TEXT;
      ALTER TABLE case_finance_items ADD COLUMN from_date TEXT;
      ALTER TABLE case_finance_items ADD COLUMN until_date TEXT;
      ALTER TABLE case_other_debts ADD COLUMN family INTEGER NOT NULL DEFAULT 0 CHECK (family IN (0, 1));
      ALTER TABLE case_plans ADD COLUMN step_count INTEGER NOT NULL DEFAULT 0 CHECK (step_count BETWEEN 0 AND 59);
      ALTER TABLE case_plans ADD COLUMN step_amount TEXT;
    `);
  },
};
