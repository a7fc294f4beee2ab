// Application packages: the vault's signing identity (its private key never leaves the
// vault file except into main's memory while signing) and a record of every package built.
import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'packages',
  up(db) {
    db.exec(`
      CREATE TABLE signing_identity (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        subject     TEXT NOT NULL,
        cert_pem    TEXT NOT NULL,
        key_pem     TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE packages (
        id          TEXT PRIMARY KEY,
        built_at    TEXT NOT NULL,
        template    TEXT NOT NULL,
        addressee   TEXT NOT NULL,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        bytes       INTEGER NOT NULL,
        pages       INTEGER NOT NULL,
        signed      INTEGER NOT NULL,
        exhibits    TEXT NOT NULL
      ) STRICT;
    `);
  },
};
