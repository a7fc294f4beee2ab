// The vault's one full-text index (created by migration 0002), shared by every capability:
// evidence adds names, notes, tags and extracted text; the timeline adds SMS bodies and
// contact summaries with their own `kind`. Call these inside the vault.change() that
// makes the change, so the index never disagrees with the data.
//
// Chinese without word segmentation: the trigram tokenizer indexes every 3-character
// window, so MATCH finds any substring of 3 or more characters (减免罚 inside 申请减免罚息).
// A trigram index cannot MATCH 1–2 characters; those terms are found with LIKE over the
// same indexed text (a scan, fine for a personal vault's size).
import type { Db } from '../sqlite';

export interface SearchDoc {
  kind: string;
  refId: string;
  title: string;
  body: string;
}

export interface SearchHit {
  kind: string;
  id: string;
  snippet: string;
}

/** Adds or replaces the document (kind, refId). */
export function indexDocument(db: Db, doc: SearchDoc): void {
  removeDocument(db, doc.kind, doc.refId);
  const info = db.prepare('INSERT INTO search_index (title, body) VALUES (?, ?)').run(doc.title, doc.body);
  db.prepare('INSERT INTO search_docs (kind, ref_id, doc) VALUES (?, ?, ?)').run(doc.kind, doc.refId, Number(info.lastInsertRowid));
}

export function removeDocument(db: Db, kind: string, refId: string): void {
  const row = db.prepare('SELECT doc FROM search_docs WHERE kind = ? AND ref_id = ?').get(kind, refId) as { doc: number } | undefined;
  if (!row) return;
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(row.doc);
  db.prepare('DELETE FROM search_docs WHERE kind = ? AND ref_id = ?').run(kind, refId);
}

/** Query terms: whitespace-separated, NFKC-folded, at most 8, each at most 100 characters. */
export function queryTerms(query: string): string[] {
  return query
    .normalize('NFKC')
    .split(/\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .slice(0, 8)
    .map((t) => t.slice(0, 100));
}

const likeEscape = (t: string) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const phrase = (t: string) => `"${t.replace(/"/g, '""')}"`;

/**
 * The WHERE clause for "every term of `query`" over search_index joined to search_docs as d
 * (FTS5 phrase match for terms of 3+ characters, LIKE for 1–2 characters, where the
 * trigram index cannot help), narrowed to `kinds`; null when the query has no term.
 */
export function searchConditions(query: string, kinds?: readonly string[]): { terms: string[]; where: string; params: unknown[] } | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const long = terms.filter((t) => [...t].length >= 3);
  const short = terms.filter((t) => [...t].length < 3);
  const where: string[] = [];
  const params: unknown[] = [];
  if (long.length) {
    where.push('search_index MATCH ?');
    params.push(long.map(phrase).join(' AND '));
  }
  for (const t of short) {
    where.push("(search_index.title LIKE ? ESCAPE '\\' OR search_index.body LIKE ? ESCAPE '\\')");
    params.push(likeEscape(t), likeEscape(t));
  }
  if (kinds?.length) {
    where.push(`d.kind IN (${kinds.map(() => '?').join(', ')})`);
    params.push(...kinds);
  }
  return { terms, where: where.join(' AND '), params };
}

/**
 * Every document containing all the terms (case-insensitive for Latin letters), as
 * [{kind, id, snippet}] in index order; `kinds` narrows the kinds searched. CROSS JOIN
 * keeps SQLite scanning the index first (its own plan walks search_docs by kind and looks
 * each row up in the FTS table: ~7× slower when a short term makes it a scan).
 */
export function searchDocuments(db: Db, query: string, opts: { kinds?: readonly string[]; limit?: number } = {}): SearchHit[] {
  const cond = searchConditions(query, opts.kinds);
  if (!cond) return [];
  const limit = Math.max(1, Math.min(opts.limit ?? 1000, 100_000));
  const rows = db
    .prepare(
      `SELECT d.kind AS kind, d.ref_id AS id, search_index.title AS title, search_index.body AS body
         FROM search_index CROSS JOIN search_docs d ON d.doc = search_index.rowid
        WHERE ${cond.where}
        ORDER BY search_index.rowid
        LIMIT ${limit}`,
    )
    .all(...cond.params) as { kind: string; id: string; title: string; body: string }[];
  return rows.map((r) => ({ kind: r.kind, id: r.id, snippet: makeSnippet(r.title, r.body, cond.terms) }));
}

/** ~60 characters around the first term found (in the body, else the title). */
export function makeSnippet(title: string, body: string, terms: readonly string[]): string {
  for (const source of [body, title]) {
    const lower = source.toLowerCase();
    for (const term of terms) {
      const at = lower.indexOf(term.toLowerCase());
      if (at < 0) continue;
      const start = Math.max(0, at - 24);
      const end = Math.min(source.length, at + term.length + 36);
      const text = source.slice(start, end).replace(/\s+/g, ' ').trim();
      return `${start > 0 ? '…' : ''}${text}${end < source.length ? '…' : ''}`;
    }
  }
  return title.slice(0, 60);
}
