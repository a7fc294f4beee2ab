// After the application (issue 11): each application sent is a round with its outcome and
// the creditor's requests for more material; an agreement's terms beyond 0003's
// case_agreements (the balance's structure and the clauses 《商业银行信用卡业务监督管理办法》
// Art 70 lists, and whether it is in writing yet); every payment made under an agreement;
// the reminder and reserve settings. Money is TEXT with two decimals, dates TEXT YYYY-MM-DD,
// evidence ids TEXT links without a foreign key (as in 0003).
import type { Migration } from './types';

export const migration0010: Migration = {
  version: 10,
  name: 'after-application',
  up(db) {
    db.exec(`
      CREATE TABLE application_rounds (
        id             TEXT PRIMARY KEY,
        creditor_id    TEXT NOT NULL REFERENCES case_creditors (id),
        sent_on        TEXT NOT NULL,
        channel        TEXT NOT NULL CHECK (channel IN ('app', 'email', 'post', 'hotline', 'in-person', 'other')),
        package_id     TEXT,
        note           TEXT NOT NULL,
        outcome        TEXT NOT NULL CHECK (outcome IN ('pending', 'accepted', 'counter_offer', 'refused', 'no_answer')),
        outcome_on     TEXT,
        creditor_words TEXT NOT NULL,
        outcome_evidence_ids TEXT NOT NULL CHECK (json_valid(outcome_evidence_ids)),
        oral           INTEGER NOT NULL CHECK (oral IN (0, 1)),
        created_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX application_rounds_creditor ON application_rounds (creditor_id);

      -- A request for more material: a task, done when evidence answering it is linked.
      CREATE TABLE round_requests (
        id           TEXT PRIMARY KEY,
        round_id     TEXT NOT NULL REFERENCES application_rounds (id) ON DELETE CASCADE,
        asked_on     TEXT NOT NULL,
        text         TEXT NOT NULL,
        due          TEXT,
        evidence_ids TEXT NOT NULL CHECK (json_valid(evidence_ids)),
        done         INTEGER NOT NULL CHECK (done IN (0, 1))
      ) STRICT;
      CREATE INDEX round_requests_round ON round_requests (round_id);

      CREATE TABLE agreement_terms (
        agreement_id          TEXT PRIMARY KEY REFERENCES case_agreements (id) ON DELETE CASCADE,
        balance_principal     TEXT NOT NULL,
        balance_interest      TEXT NOT NULL,
        balance_penalty       TEXT NOT NULL,
        balance_fees          TEXT NOT NULL,
        charges               TEXT NOT NULL,
        no_new_cards          INTEGER NOT NULL CHECK (no_new_cards IN (0, 1)),
        duties                TEXT NOT NULL,
        other_clauses         TEXT NOT NULL,
        in_writing            INTEGER NOT NULL CHECK (in_writing IN (0, 1)),
        round_id              TEXT REFERENCES application_rounds (id) ON DELETE SET NULL
      ) STRICT;

      -- No cascade: an agreement with payments recorded cannot be deleted by accident.
      CREATE TABLE repayment_payments (
        id           TEXT PRIMARY KEY,
        seq          INTEGER NOT NULL,
        agreement_id TEXT NOT NULL REFERENCES case_agreements (id),
        date         TEXT NOT NULL,
        amount       TEXT NOT NULL,
        receipt_id   TEXT,
        note         TEXT NOT NULL,
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX repayment_payments_agreement ON repayment_payments (agreement_id, date, seq);

      CREATE TABLE repayment_settings (
        singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
        reminder_days INTEGER NOT NULL CHECK (reminder_days BETWEEN 0 AND 30),
        reserve_goal  TEXT NOT NULL,
        reserve_saved TEXT NOT NULL
      ) STRICT;
      INSERT INTO repayment_settings (singleton, reminder_days, reserve_goal, reserve_saved) VALUES (1, 3, '0.00', '0.00');
    `);
  },
};
