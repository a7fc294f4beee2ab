// The contact timeline (issue 5): every call, chat, SMS, letter, visit … with the other
// side, what was said and promised, the follow-up (links to evidence items live in
// 0002's evidence_links with target_kind 'contact'; SMS bodies and summaries go into
// 0002's search_index with kind 'sms' / 'contact'); the user's
// dismissals of conduct flags (the reason is also in the audit log); the user's marks on
// numbers and senders (overriding the shipped directory); and which reminders were shown.
// Flags themselves are never stored: they are computed from these rows by the rules in
// shared/timeline/conduct.ts, so a corrected entry or a new mark re-flags everything.
import type { Migration } from './types';

const CHANNELS = `'phone','chat','sms','email','letter','visit','mediation','court'`;
const PARTIES = `'creditor','collector','third_party','mediator','regulator'`;
const FLAGS = `'night_contact','excess_calls','third_party','threat_or_impersonation'`;

export const migration0004: Migration = {
  version: 4,
  name: 'timeline',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        id             TEXT PRIMARY KEY,
        at             TEXT NOT NULL,
        at_ms          INTEGER NOT NULL,
        channel        TEXT NOT NULL CHECK (channel IN (${CHANNELS})),
        direction      TEXT NOT NULL CHECK (direction IN ('incoming','outgoing')),
        party_type     TEXT CHECK (party_type IS NULL OR party_type IN (${PARTIES})),
        organisation   TEXT,
        person         TEXT,
        agent_id       TEXT,
        phone          TEXT,
        phone_key      TEXT,
        duration_sec   INTEGER CHECK (duration_sec IS NULL OR duration_sec >= 0),
        connected      INTEGER NOT NULL DEFAULT 1 CHECK (connected IN (0,1)),
        summary        TEXT NOT NULL DEFAULT '',
        they_said      TEXT NOT NULL DEFAULT '',
        i_promised     TEXT NOT NULL DEFAULT '',
        outcome        TEXT NOT NULL DEFAULT '',
        body           TEXT,
        contact_name   TEXT,
        claims         TEXT,
        follow_up_date TEXT,
        follow_up_done INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0,1)),
        awaiting_reply INTEGER NOT NULL DEFAULT 0 CHECK (awaiting_reply IN (0,1)),
        to_third_party INTEGER NOT NULL DEFAULT 0 CHECK (to_third_party IN (0,1)),
        time_uncertain INTEGER NOT NULL DEFAULT 0 CHECK (time_uncertain IN (0,1)),
        source         TEXT NOT NULL CHECK (source IN ('manual','sms_backup','call_recording','chat_screenshots')),
        source_key     TEXT UNIQUE,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contacts_by_time ON contacts (at_ms, id);
      CREATE INDEX contacts_by_phone ON contacts (phone_key);
      CREATE INDEX contacts_follow_up ON contacts (follow_up_date) WHERE follow_up_date IS NOT NULL;

      CREATE TABLE flag_dismissals (
        contact_id   TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        flag         TEXT NOT NULL CHECK (flag IN (${FLAGS})),
        reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        dismissed_at TEXT NOT NULL,
        PRIMARY KEY (contact_id, flag)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE party_marks (
        number_key   TEXT PRIMARY KEY,
        number       TEXT NOT NULL,
        side         TEXT NOT NULL CHECK (side IN ('creditor','collector','not_creditor')),
        organisation TEXT,
        updated_at   TEXT NOT NULL
      ) STRICT;

      CREATE TABLE reminders_shown (
        item_key TEXT PRIMARY KEY,
        shown_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
