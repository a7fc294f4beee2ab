// OCR of images (issue 12): per stored blob, what reading it gave — the lines with their
// boxes (JSON, in image pixels, reading order) and the text searched — or why there is no
// text: 'timeout' (past the time budget: the item is kept, marked not analysed, and the
// background job may try again) or 'failed' (the engine could not read the bytes). A blob
// with no row has not been read yet (imported with --no-ocr, or before this version).
// Encrypted with the rest of the vault file.
import type { Migration } from './types';

export const migration0012: Migration = {
  version: 12,
  name: 'ocr',
  up(db) {
    db.exec(`
      CREATE TABLE blob_ocr (
        blob_id  INTEGER PRIMARY KEY REFERENCES blobs(id) ON DELETE CASCADE,
        status   TEXT NOT NULL CHECK (status IN ('done', 'timeout', 'failed')),
        engine   TEXT NOT NULL,
        width    INTEGER CHECK (width IS NULL OR width > 0),
        height   INTEGER CHECK (height IS NULL OR height > 0),
        lines    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lines) AND json_type(lines) = 'array'),
        text     TEXT NOT NULL DEFAULT '',
        ms       INTEGER NOT NULL CHECK (ms >= 0),
        read_ms  INTEGER NOT NULL,
        CHECK (status = 'done' OR (lines = '[]' AND text = ''))
      ) STRICT;
    `);
  },
};
