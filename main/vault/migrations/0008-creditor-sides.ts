// The creditor side of every record (issue 10): a person negotiates with each creditor
// separately, so every contact and every evidence item belongs to a creditor, to an agent
// acting for one (a collection agency or a law firm, linked to the creditor it collects
// for), or to nobody. What the user set is stored here; what the app infers (numbers, the
// shipped directory, the words of a message) is computed on every read
// (shared/timeline/sides.ts), never stored, so a new agent or mark re-attributes
// everything. party_marks keeps working: a mark may now also name the creditor or agent.
//
// Also: the user's own caption of an evidence item (what a letter may print as the
// exhibit's title; the private note never is), and per account the overdue-day
// convention ('creditor': day 1 is the day after the due date, the creditors' own count;
// 'inclusive': the due date itself is day 1) and when the user confirmed an unusual
// daily rate.
import type { Migration } from './types';

const SIDE = `CHECK (side IS NULL OR side IN ('creditor','agent','nobody'))`;

export const migration0008: Migration = {
  version: 8,
  name: 'creditor-sides',
  up(db) {
    db.exec(`
      CREATE TABLE case_agents (
        id          TEXT PRIMARY KEY,
        position    INTEGER NOT NULL,
        creditor_id TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('collection_agency','law_firm','other')),
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        numbers     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(numbers) AND json_type(numbers) = 'array'),
        note        TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_agents_creditor ON case_agents (creditor_id);

      ALTER TABLE contacts ADD COLUMN side TEXT ${SIDE};
      ALTER TABLE contacts ADD COLUMN side_creditor_id TEXT;
      ALTER TABLE contacts ADD COLUMN side_agent_id TEXT;
      ALTER TABLE contacts ADD COLUMN side_set_at TEXT;

      ALTER TABLE evidence_items ADD COLUMN side TEXT ${SIDE};
      ALTER TABLE evidence_items ADD COLUMN side_creditor_id TEXT;
      ALTER TABLE evidence_items ADD COLUMN side_agent_id TEXT;
      ALTER TABLE evidence_items ADD COLUMN caption TEXT NOT NULL DEFAULT '';

      ALTER TABLE party_marks ADD COLUMN creditor_id TEXT;
      ALTER TABLE party_marks ADD COLUMN agent_id TEXT;

      ALTER TABLE case_accounts ADD COLUMN overdue_convention TEXT NOT NULL DEFAULT 'creditor'
        CHECK (overdue_convention IN ('creditor','inclusive'));
      ALTER TABLE case_accounts ADD COLUMN rate_confirmed TEXT;
    `);
  },
};
