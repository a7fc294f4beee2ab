// The applicant's handwritten signature (drawn on the pad or imported), kept inside the
// encrypted vault as a PNG so every package carries the same one. One row at most.
import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'signature',
  up(db) {
    db.exec(`
      CREATE TABLE signature_image (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        png        BLOB NOT NULL CHECK (length(png) > 8),
        source     TEXT NOT NULL CHECK (source IN ('drawn', 'imported')),
        width      INTEGER NOT NULL CHECK (width > 0),
        height     INTEGER NOT NULL CHECK (height > 0),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
