// Budget from real bills (issue 11): each imported bill file (kept as evidence), its rows
// with a stable key so the same rows imported again add nothing, and the remembered column
// mapping of bank CSVs (keyed by the header row's signature).
import type { Migration } from './types';

export const migration0011: Migration = {
  version: 11,
  name: 'bills',
  up(db) {
    db.exec(`
      CREATE TABLE bill_files (
        id          TEXT PRIMARY KEY,
        evidence_id TEXT NOT NULL,
        source      TEXT NOT NULL CHECK (source IN ('alipay', 'wechat', 'bank')),
        imported_at TEXT NOT NULL,
        imported    INTEGER NOT NULL,
        duplicates  INTEGER NOT NULL,
        skipped     INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE bill_rows (
        id           INTEGER PRIMARY KEY,
        file_id      TEXT NOT NULL REFERENCES bill_files (id),
        row_key      TEXT NOT NULL UNIQUE,
        date         TEXT NOT NULL,
        direction    TEXT NOT NULL CHECK (direction IN ('income', 'spending', 'neutral')),
        kind         TEXT NOT NULL CHECK (kind IN ('normal', 'refund', 'transfer', 'repayment')),
        amount       TEXT NOT NULL,
        category     TEXT NOT NULL,
        counterparty TEXT NOT NULL,
        description  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX bill_rows_date ON bill_rows (date);

      CREATE TABLE bill_column_maps (
        header_key TEXT PRIMARY KEY,
        mapping    TEXT NOT NULL CHECK (json_valid(mapping))
      ) STRICT;
    `);
  },
};
