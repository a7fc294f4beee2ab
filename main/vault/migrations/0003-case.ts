// The case (issue 4): applicant, creditors, accounts with their penalty rule, balance
// snapshots, hardship, the financial statement, plan versions, agreements, and the LPR
// quotes the user added. Money is
// TEXT holding a decimal string with two decimals ("1825.00"), never REAL; rates are
// decimal TEXT ("0.0005"); dates are TEXT YYYY-MM-DD. Evidence ids are TEXT links without
// a foreign key (the evidence table belongs to another migration and may come later).
// Lists keep their order in `position`.
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'case',
  up(db) {
    db.exec(`
      CREATE TABLE case_applicant (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        name      TEXT NOT NULL,
        id_number TEXT NOT NULL,
        phone     TEXT NOT NULL,
        address   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_hardship (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        category  TEXT,
        text      TEXT NOT NULL,
        since     TEXT
      ) STRICT;

      CREATE TABLE case_creditors (
        id           TEXT PRIMARY KEY,
        position     INTEGER NOT NULL,
        legal_name   TEXT NOT NULL,
        product      TEXT NOT NULL CHECK (product IN ('huabei', 'jiebei', 'credit-card', 'other')),
        product_name TEXT NOT NULL,
        channels     TEXT NOT NULL CHECK (json_valid(channels)),
        note         TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_accounts (
        id            TEXT PRIMARY KEY,
        position      INTEGER NOT NULL,
        creditor_id   TEXT NOT NULL REFERENCES case_creditors (id),
        label         TEXT NOT NULL,
        number        TEXT NOT NULL,
        principal     TEXT NOT NULL,
        interest      TEXT NOT NULL,
        fees          TEXT NOT NULL,
        due_date      TEXT,
        overdue_since TEXT,
        penalty_mode  TEXT NOT NULL CHECK (penalty_mode IN ('simple', 'compound-daily')),
        daily_rate    TEXT NOT NULL,
        grace_days    INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 365),
        penalty_start TEXT NOT NULL,
        contract_date TEXT,
        evidence_ids  TEXT NOT NULL CHECK (json_valid(evidence_ids)),
        note          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_accounts_creditor ON case_accounts (creditor_id);

      CREATE TABLE case_snapshots (
        id          TEXT PRIMARY KEY,
        position    INTEGER NOT NULL,
        account_id  TEXT NOT NULL REFERENCES case_accounts (id) ON DELETE CASCADE,
        date        TEXT NOT NULL,
        principal   TEXT NOT NULL,
        interest    TEXT NOT NULL,
        penalty     TEXT NOT NULL,
        fees        TEXT NOT NULL,
        evidence_id TEXT,
        note        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_snapshots_account ON case_snapshots (account_id);

      CREATE TABLE case_finances (
        singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
        adults           INTEGER NOT NULL,
        dependants       INTEGER NOT NULL,
        housing          TEXT,
        employment       TEXT,
        household_note   TEXT NOT NULL,
        reference_label  TEXT,
        reference_amount TEXT,
        reference_source TEXT
      ) STRICT;

      -- income, fixed and flexible costs: one row per line of the statement.
      CREATE TABLE case_finance_items (
        id          TEXT PRIMARY KEY,
        section     TEXT NOT NULL CHECK (section IN ('income', 'fixed', 'flexible')),
        position    INTEGER NOT NULL,
        category    TEXT NOT NULL,
        label       TEXT NOT NULL,
        monthly     TEXT NOT NULL,
        evidence_id TEXT,
        note        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_other_debts (
        id          TEXT PRIMARY KEY,
        position    INTEGER NOT NULL,
        creditor    TEXT NOT NULL,
        priority    INTEGER NOT NULL CHECK (priority IN (0, 1)),
        owed        TEXT NOT NULL,
        monthly     TEXT NOT NULL,
        evidence_id TEXT,
        note        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_assets (
        id          TEXT PRIMARY KEY,
        position    INTEGER NOT NULL,
        label       TEXT NOT NULL,
        value       TEXT NOT NULL,
        evidence_id TEXT,
        note        TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_plans (
        id               TEXT PRIMARY KEY,
        position         INTEGER NOT NULL,
        name             TEXT NOT NULL,
        role             TEXT NOT NULL CHECK (role IN ('offer', 'fallback', 'draft')),
        basis            TEXT NOT NULL CHECK (basis IN ('everything', 'principal', 'principal-part-interest')),
        as_of            TEXT NOT NULL,
        owed_principal   TEXT NOT NULL,
        owed_interest    TEXT NOT NULL,
        owed_penalty     TEXT NOT NULL,
        owed_fees        TEXT NOT NULL,
        owed_total       TEXT NOT NULL,
        interest_offered TEXT NOT NULL,
        total            TEXT NOT NULL,
        installments     INTEGER NOT NULL CHECK (installments BETWEEN 1 AND 60),
        first_date       TEXT NOT NULL,
        capacity         TEXT,
        ack_at           TEXT,
        ack_capacity     TEXT,
        ack_largest      TEXT,
        note             TEXT NOT NULL,
        created_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_plan_accounts (
        plan_id    TEXT NOT NULL REFERENCES case_plans (id) ON DELETE CASCADE,
        account_id TEXT NOT NULL REFERENCES case_accounts (id),
        position   INTEGER NOT NULL,
        PRIMARY KEY (plan_id, account_id)
      ) STRICT;
      CREATE INDEX case_plan_accounts_account ON case_plan_accounts (account_id);

      CREATE TABLE case_agreements (
        id              TEXT PRIMARY KEY,
        position        INTEGER NOT NULL,
        plan_id         TEXT REFERENCES case_plans (id) ON DELETE SET NULL,
        creditor_id     TEXT REFERENCES case_creditors (id),
        signed_on       TEXT NOT NULL,
        total           TEXT NOT NULL,
        waived_interest TEXT NOT NULL,
        waived_penalty  TEXT NOT NULL,
        waived_fees     TEXT NOT NULL,
        deadline        TEXT,
        evidence_id     TEXT,
        note            TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_agreement_accounts (
        agreement_id TEXT NOT NULL REFERENCES case_agreements (id) ON DELETE CASCADE,
        account_id   TEXT NOT NULL REFERENCES case_accounts (id),
        position     INTEGER NOT NULL,
        PRIMARY KEY (agreement_id, account_id)
      ) STRICT;
      CREATE INDEX case_agreement_accounts_account ON case_agreement_accounts (account_id);

      CREATE TABLE case_agreement_installments (
        agreement_id TEXT NOT NULL REFERENCES case_agreements (id) ON DELETE CASCADE,
        n            INTEGER NOT NULL CHECK (n >= 1),
        date         TEXT NOT NULL,
        amount       TEXT NOT NULL,
        paid         INTEGER NOT NULL CHECK (paid IN (0, 1)),
        paid_on      TEXT,
        evidence_id  TEXT,
        PRIMARY KEY (agreement_id, n)
      ) STRICT;

      -- One-year LPR quotes the user added to the shipped table (shared/data/lpr.json).
      CREATE TABLE case_lpr_rows (
        from_date TEXT PRIMARY KEY,
        position  INTEGER NOT NULL,
        rate      TEXT NOT NULL,
        note      TEXT NOT NULL
      ) STRICT;
    `);
  },
};
