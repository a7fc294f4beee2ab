// Evidence: original bytes stored content-addressed in 1 MiB chunks, the items that name
// them, renditions (thumbnails, display copies of HEIC/TIFF), extracted text, tags, links
// to accounts and contacts, and one generic full-text index (trigram) that other
// capabilities (timeline SMS bodies, contact summaries) add their documents to.
import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'evidence',
  up(db) {
    db.exec(`
      -- One row per distinct content. A blob is 'staging' while its chunks are being
      -- written (invisible: no item names it, sha256 unknown) and 'stored' once the
      -- transaction that creates its first item commits. Leftover staging blobs (a crash,
      -- a cancelled import) are deleted on the next import.
      CREATE TABLE blobs (
        id         INTEGER PRIMARY KEY,
        sha256     TEXT UNIQUE CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
        size       INTEGER NOT NULL DEFAULT 0 CHECK (size >= 0),
        state      TEXT NOT NULL CHECK (state IN ('staging', 'stored')),
        created_at TEXT NOT NULL,
        CHECK ((state = 'stored') = (sha256 IS NOT NULL))
      ) STRICT;

      CREATE TABLE blob_chunks (
        blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
        seq     INTEGER NOT NULL CHECK (seq >= 0),
        data    BLOB NOT NULL,
        PRIMARY KEY (blob_id, seq)
      ) STRICT;

      CREATE TABLE blob_renditions (
        blob_id INTEGER NOT NULL REFERENCES blobs(id) ON DELETE CASCADE,
        kind    TEXT NOT NULL CHECK (kind IN ('thumb', 'display')),
        mime    TEXT NOT NULL,
        width   INTEGER NOT NULL,
        height  INTEGER NOT NULL,
        data    BLOB NOT NULL,
        PRIMARY KEY (blob_id, kind)
      ) STRICT;

      CREATE TABLE blob_text (
        blob_id INTEGER PRIMARY KEY REFERENCES blobs(id) ON DELETE CASCADE,
        source  TEXT NOT NULL CHECK (source IN ('pdf', 'text', 'email')),
        text    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence_items (
        id              TEXT PRIMARY KEY,
        blob_id         INTEGER NOT NULL REFERENCES blobs(id),
        sha256          TEXT NOT NULL,
        size            INTEGER NOT NULL,
        mime            TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('image', 'pdf', 'audio', 'video', 'text', 'email', 'other')),
        name            TEXT NOT NULL,
        modified_ms     INTEGER,
        imported_ms     INTEGER NOT NULL,
        captured_ms     INTEGER,
        captured_source TEXT CHECK (captured_source IN ('exif', 'filename', 'audio_tag', 'pdf_info', 'email_date', 'file_modified', 'user')),
        category        TEXT NOT NULL,
        category_source TEXT NOT NULL CHECK (category_source IN ('guess', 'import', 'user')),
        note            TEXT NOT NULL DEFAULT '',
        width           INTEGER,
        height          INTEGER,
        duration_sec    REAL,
        pages           INTEGER,
        damaged         TEXT,
        encrypted       INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
        name_mismatch   INTEGER NOT NULL DEFAULT 0 CHECK (name_mismatch IN (0, 1)),
        preview         TEXT NOT NULL CHECK (preview IN ('original', 'display', 'none')),
        route           TEXT NOT NULL CHECK (route IN ('path', 'upload')),
        trashed_ms      INTEGER
      ) STRICT;
      CREATE INDEX evidence_items_blob ON evidence_items(blob_id);
      CREATE INDEX evidence_items_sha256 ON evidence_items(sha256);
      CREATE INDEX evidence_items_when ON evidence_items(trashed_ms, COALESCE(captured_ms, imported_ms));
      CREATE INDEX evidence_items_category ON evidence_items(category);

      CREATE TABLE evidence_tags (
        item_id TEXT NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
        tag     TEXT NOT NULL,
        PRIMARY KEY (item_id, tag)
      ) STRICT;
      CREATE INDEX evidence_tags_tag ON evidence_tags(tag);

      -- Links to accounts (debts) and contacts (timeline); no foreign key, because those
      -- tables belong to later migrations. A purge removes the item's links.
      CREATE TABLE evidence_links (
        item_id     TEXT NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
        target_kind TEXT NOT NULL CHECK (target_kind IN ('account', 'contact')),
        target_id   TEXT NOT NULL,
        PRIMARY KEY (item_id, target_kind, target_id)
      ) STRICT;
      CREATE INDEX evidence_links_target ON evidence_links(target_kind, target_id);

      -- The one search index of the vault. kind: 'evidence', later 'sms', 'contact', …;
      -- ref_id: the id in that kind's table. Trigram: any substring of 3+ characters is
      -- found by MATCH (Chinese needs no word segmentation); 1–2 character queries scan
      -- the same text with LIKE. search_docs maps (kind, ref_id) to the index row.
      CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = 'trigram');
      CREATE TABLE search_docs (
        kind   TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        doc    INTEGER NOT NULL UNIQUE,
        PRIMARY KEY (kind, ref_id)
      ) STRICT;
    `);
  },
};
