// Evidence items: listing, filtering, one item's detail and history, metadata edits,
// trash / restore / purge. Every change goes through vault.change() with its audit row
// (old and new values), so the data and the log commit together or not at all.
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { BadInputError } from '../../../shared/errors';
import { CATEGORY_LABELS, type EvidenceCategory } from '../../../shared/evidence/categories';
import { beijingDayBounds, isoWithOffset, parseIsoTime } from '../../../shared/time/beijing';
import { MAX_TAGS, MAX_TAG_CHARS } from '../../../shared/evidence/limits';
import type { EvidenceDetail, EvidenceSummary, ListFilter } from '../../../shared/contracts/evidence';
import { indexDocument, removeDocument, searchDocuments, type SearchHit } from './search-index';
import { ocrTextOf } from './ocr-store';
// Account links belong to the case (the debts page); evidence reads and edits them there.
import { accountIdsByItem, accountIdsOf, accountsWithEvidence, linkedToAccountSql, setItemAccounts, unlinkItems } from '../case/evidence-links';

/** What the evidence functions need of a vault (a plain, unencrypted stand-in works for benchmarks). */
export type VaultLike = Pick<Vault, 'handle' | 'change'>;

export interface ItemRow {
  id: string;
  blob_id: number;
  sha256: string;
  size: number;
  mime: string;
  kind: EvidenceSummary['kind'];
  name: string;
  modified_ms: number | null;
  imported_ms: number;
  captured_ms: number | null;
  captured_source: EvidenceSummary['capturedSource'];
  category: EvidenceCategory;
  category_source: EvidenceDetail['categorySource'];
  note: string;
  width: number | null;
  height: number | null;
  duration_sec: number | null;
  pages: number | null;
  damaged: string | null;
  encrypted: number;
  name_mismatch: number;
  preview: EvidenceSummary['preview'];
  route: 'path' | 'upload';
  trashed_ms: number | null;
  has_thumb?: number;
}

export const ENTITY = 'evidence';
const SELECT = `SELECT i.*, EXISTS (SELECT 1 FROM blob_renditions r WHERE r.blob_id = i.blob_id AND r.kind = 'thumb') AS has_thumb FROM evidence_items i`;

export function getRow(db: Db, id: string): ItemRow | null {
  return (db.prepare(`${SELECT} WHERE i.id = ?`).get(id) as ItemRow | undefined) ?? null;
}

export function requireRow(db: Db, id: string): ItemRow {
  const row = getRow(db, id);
  if (!row) throw new BadInputError(`没有这条证据：${id}`);
  return row;
}

function tagsOf(db: Db, id: string): string[] {
  return (db.prepare('SELECT tag FROM evidence_tags WHERE item_id = ? ORDER BY tag').all(id) as { tag: string }[]).map((r) => r.tag);
}

function contactsOf(db: Db, id: string): string[] {
  return (db.prepare("SELECT target_id FROM evidence_links WHERE item_id = ? AND target_kind = 'contact' ORDER BY target_id").all(id) as { target_id: string }[]).map(
    (r) => r.target_id,
  );
}

export function toSummary(row: ItemRow, tags: string[], accountIds: string[]): EvidenceSummary {
  return {
    id: row.id,
    name: row.name,
    sha256: row.sha256,
    size: row.size,
    mime: row.mime,
    kind: row.kind,
    category: row.category,
    capturedAt: row.captured_ms === null ? null : isoWithOffset(row.captured_ms),
    capturedSource: row.captured_source,
    importedAt: isoWithOffset(row.imported_ms),
    note: row.note,
    tags,
    accountIds,
    damaged: row.damaged,
    encrypted: row.encrypted === 1,
    nameMismatch: row.name_mismatch === 1,
    preview: row.preview,
    hasThumb: row.has_thumb === 1,
    width: row.width,
    height: row.height,
    durationSec: row.duration_sec,
    pages: row.pages,
    trashedAt: row.trashed_ms === null ? null : isoWithOffset(row.trashed_ms),
  };
}

export function detail(db: Db, id: string): EvidenceDetail {
  const row = requireRow(db, id);
  const history = (
    db.prepare('SELECT at, actor, action, old_value, new_value FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id').all(ENTITY, id) as {
      at: string;
      actor: string;
      action: string;
      old_value: string | null;
      new_value: string | null;
    }[]
  ).map((h) => ({
    at: h.at,
    actor: h.actor,
    action: h.action,
    oldValue: h.old_value === null ? null : (JSON.parse(h.old_value) as unknown),
    newValue: h.new_value === null ? null : (JSON.parse(h.new_value) as unknown),
  }));
  return {
    ...toSummary(row, tagsOf(db, id), accountIdsOf(db, id)),
    modifiedAt: row.modified_ms === null ? null : isoWithOffset(row.modified_ms),
    categorySource: row.category_source,
    contactIds: contactsOf(db, id),
    history,
  };
}

/** The text the search index holds for an item: its name, category, note, tags, extracted text and recognised (OCR) text. */
export function indexItem(db: Db, row: Pick<ItemRow, 'id' | 'name' | 'category' | 'note' | 'blob_id'>, tags: readonly string[]): void {
  const text = (db.prepare('SELECT text FROM blob_text WHERE blob_id = ?').get(row.blob_id) as { text: string } | undefined)?.text ?? '';
  // NFKC like the query terms: a full-width ￥ or ， read off a screen matches what is typed.
  const ocr = ocrTextOf(db, row.blob_id).normalize('NFKC');
  const body = [CATEGORY_LABELS[row.category]['zh-CN'], row.note, tags.join(' '), text, ocr].filter(Boolean).join('\n');
  indexDocument(db, { kind: ENTITY, refId: row.id, title: row.name, body });
}

const ORDER: Record<NonNullable<ListFilter['sort']>['by'], string> = {
  captured: 'COALESCE(i.captured_ms, i.imported_ms)',
  imported: 'i.imported_ms',
  name: 'i.name COLLATE NOCASE',
  size: 'i.size',
  category: 'i.category',
};

export function listItems(db: Db, filter: ListFilter = {}): { items: EvidenceSummary[]; total: number } {
  const where: string[] = [filter.trash ? 'i.trashed_ms IS NOT NULL' : 'i.trashed_ms IS NULL'];
  const params: unknown[] = [];
  if (filter.category) {
    where.push('i.category = ?');
    params.push(filter.category);
  }
  if (filter.tag) {
    where.push('EXISTS (SELECT 1 FROM evidence_tags t WHERE t.item_id = i.id AND t.tag = ?)');
    params.push(filter.tag.normalize('NFKC').trim());
  }
  if (filter.accountId) {
    where.push(linkedToAccountSql('i'));
    params.push(filter.accountId);
  }
  if (filter.from) {
    const b = beijingDayBounds(filter.from);
    if (!b) throw new BadInputError(`日期不存在：${filter.from}`);
    where.push('COALESCE(i.captured_ms, i.imported_ms) >= ?');
    params.push(b.start);
  }
  if (filter.to) {
    const b = beijingDayBounds(filter.to);
    if (!b) throw new BadInputError(`日期不存在：${filter.to}`);
    where.push('COALESCE(i.captured_ms, i.imported_ms) <= ?');
    params.push(b.end);
  }
  let matches: Set<string> | null = null;
  if (filter.query && filter.query.trim()) {
    matches = new Set(searchDocuments(db, filter.query, { kinds: [ENTITY], limit: 100_000 }).map((h) => h.id));
  }
  const sort = filter.sort ?? { by: 'captured', dir: 'desc' };
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  const rows = db.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY ${ORDER[sort.by]} ${dir}, i.imported_ms ${dir}, i.rowid ${dir}`).all(...params) as ItemRow[];
  const tags = new Map<string, string[]>();
  for (const t of db.prepare('SELECT item_id, tag FROM evidence_tags ORDER BY tag').iterate() as IterableIterator<{ item_id: string; tag: string }>) {
    (tags.get(t.item_id) ?? tags.set(t.item_id, []).get(t.item_id)!).push(t.tag);
  }
  const accounts = accountIdsByItem(db);
  const items = rows.filter((r) => !matches || matches.has(r.id)).map((r) => toSummary(r, tags.get(r.id) ?? [], accounts.get(r.id) ?? []));
  return { items, total: items.length };
}

export function facets(db: Db): {
  live: number;
  trash: number;
  categories: { category: EvidenceCategory; count: number }[];
  tags: { tag: string; count: number }[];
  accountIds: string[];
} {
  const counts = db.prepare('SELECT SUM(trashed_ms IS NULL) AS live, SUM(trashed_ms IS NOT NULL) AS trash FROM evidence_items').get() as {
    live: number | null;
    trash: number | null;
  };
  return {
    live: counts.live ?? 0,
    trash: counts.trash ?? 0,
    categories: db.prepare('SELECT category, COUNT(*) AS count FROM evidence_items WHERE trashed_ms IS NULL GROUP BY category ORDER BY category').all() as {
      category: EvidenceCategory;
      count: number;
    }[],
    tags: db
      .prepare(
        'SELECT t.tag AS tag, COUNT(*) AS count FROM evidence_tags t JOIN evidence_items i ON i.id = t.item_id WHERE i.trashed_ms IS NULL GROUP BY t.tag ORDER BY count DESC, t.tag',
      )
      .all() as { tag: string; count: number }[],
    accountIds: accountsWithEvidence(db),
  };
}

/** The text of an item: a PDF's text layer, a text file, an email's body, or what OCR read in an image. */
export function itemText(db: Db, id: string): { text: string; source: 'ocr' | 'pdf' | 'text' | 'email' | null } {
  const row = requireRow(db, id);
  const t = db.prepare('SELECT text, source FROM blob_text WHERE blob_id = ?').get(row.blob_id) as { text: string; source: 'pdf' | 'text' | 'email' } | undefined;
  if (t) return { text: t.text, source: t.source };
  const ocr = db.prepare("SELECT text FROM blob_ocr WHERE blob_id = ? AND status = 'done'").get(row.blob_id) as { text: string } | undefined;
  return ocr ? { text: ocr.text, source: 'ocr' } : { text: '', source: null };
}

/** Search across every kind in the index; trashed evidence is left out. */
export function searchAll(db: Db, query: string): SearchHit[] {
  const trashed = new Set((db.prepare('SELECT id FROM evidence_items WHERE trashed_ms IS NOT NULL').all() as { id: string }[]).map((r) => r.id));
  return searchDocuments(db, query, { limit: 10_000 }).filter((h) => h.kind !== ENTITY || !trashed.has(h.id));
}

export function normaliseTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.normalize('NFKC').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_CHARS);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  if (out.length > MAX_TAGS) throw new BadInputError(`标签最多 ${MAX_TAGS} 个`);
  return out.sort();
}

export interface ItemPatch {
  category?: EvidenceCategory | undefined;
  tags?: string[] | undefined;
  note?: string | undefined;
  capturedAt?: string | null | undefined;
  accountIds?: string[] | undefined;
  contactIds?: string[] | undefined;
  caption?: string | undefined;
}

export function updateItem(vault: VaultLike, id: string, patch: ItemPatch): EvidenceDetail {
  let capturedMs: number | null | undefined;
  if (patch.capturedAt !== undefined) {
    capturedMs = patch.capturedAt === null ? null : parseIsoTime(patch.capturedAt);
    if (capturedMs === null && patch.capturedAt !== null) throw new BadInputError(`时间格式不对：${patch.capturedAt.slice(0, 40)}（例如 2024-10-18 14:30）`);
  }
  vault.change((db, audit) => {
    const row = requireRow(db, id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const oldTags = tagsOf(db, id);
    if (patch.category !== undefined && patch.category !== row.category) {
      before.category = row.category;
      after.category = patch.category;
      db.prepare("UPDATE evidence_items SET category = ?, category_source = 'user' WHERE id = ?").run(patch.category, id);
    }
    if (patch.note !== undefined && patch.note !== row.note) {
      before.note = row.note;
      after.note = patch.note;
      db.prepare('UPDATE evidence_items SET note = ? WHERE id = ?').run(patch.note, id);
    }
    if (capturedMs !== undefined && capturedMs !== row.captured_ms) {
      before.capturedAt = row.captured_ms === null ? null : isoWithOffset(row.captured_ms);
      before.capturedSource = row.captured_source;
      after.capturedAt = capturedMs === null ? null : isoWithOffset(capturedMs);
      after.capturedSource = capturedMs === null ? null : 'user';
      db.prepare('UPDATE evidence_items SET captured_ms = ?, captured_source = ? WHERE id = ?').run(capturedMs, capturedMs === null ? null : 'user', id);
    }
    let tags = oldTags;
    if (patch.tags !== undefined) {
      const next = normaliseTags(patch.tags);
      if (next.join('\n') !== oldTags.join('\n')) {
        before.tags = oldTags;
        after.tags = next;
        db.prepare('DELETE FROM evidence_tags WHERE item_id = ?').run(id);
        const put = db.prepare('INSERT INTO evidence_tags (item_id, tag) VALUES (?, ?)');
        for (const tag of next) put.run(id, tag);
        tags = next;
      }
    }
    if (patch.accountIds !== undefined) {
      const changed = setItemAccounts(db, audit, id, patch.accountIds);
      if (changed) {
        before.accountIds = changed.before;
        after.accountIds = changed.after;
      }
    }
    if (patch.contactIds !== undefined) {
      const old = contactsOf(db, id);
      const next = [...new Set(patch.contactIds)].sort();
      if (next.join('\n') !== old.join('\n')) {
        before.contactIds = old;
        after.contactIds = next;
        db.prepare("DELETE FROM evidence_links WHERE item_id = ? AND target_kind = 'contact'").run(id);
        const put = db.prepare("INSERT INTO evidence_links (item_id, target_kind, target_id) VALUES (?, 'contact', ?)");
        for (const target of next) put.run(id, target);
      }
    }
    if (patch.caption !== undefined) {
      // What a letter prints as this exhibit's title (creditor-side.ts reads it); one line, trimmed.
      const next = patch.caption.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200);
      const old = (db.prepare('SELECT caption FROM evidence_items WHERE id = ?').get(id) as { caption: string }).caption;
      if (next !== old) {
        before.caption = old;
        after.caption = next;
        db.prepare('UPDATE evidence_items SET caption = ? WHERE id = ?').run(next, id);
      }
    }
    if (Object.keys(after).length === 0) return;
    const fresh = requireRow(db, id);
    indexItem(db, fresh, tags);
    audit({ action: 'evidence.update', entity: ENTITY, entityId: id, oldValue: before, newValue: after });
  });
  return detail(vault.handle, id);
}

export function trashItems(vault: VaultLike, ids: readonly string[], now = Date.now()): { count: number } {
  return vault.change((db, audit) => {
    let count = 0;
    for (const id of new Set(ids)) {
      const row = requireRow(db, id);
      if (row.trashed_ms !== null) continue;
      db.prepare('UPDATE evidence_items SET trashed_ms = ? WHERE id = ?').run(now, id);
      audit({
        action: 'evidence.trash',
        entity: ENTITY,
        entityId: id,
        oldValue: { trashedAt: null },
        newValue: { trashedAt: isoWithOffset(now), name: row.name, sha256: row.sha256 },
      });
      count++;
    }
    return { count };
  });
}

export function restoreItems(vault: VaultLike, ids: readonly string[]): { count: number } {
  return vault.change((db, audit) => {
    let count = 0;
    for (const id of new Set(ids)) {
      const row = requireRow(db, id);
      if (row.trashed_ms === null) continue;
      db.prepare('UPDATE evidence_items SET trashed_ms = NULL WHERE id = ?').run(id);
      audit({ action: 'evidence.restore', entity: ENTITY, entityId: id, oldValue: { trashedAt: isoWithOffset(row.trashed_ms) }, newValue: { trashedAt: null } });
      count++;
    }
    return { count };
  });
}

/**
 * Deletes trashed items for good. Only items already in the trash can be purged. The
 * bytes (and their thumbnail and text) go only when no other item still names them.
 * secure_delete is on, so freed pages are zeroed inside the encrypted file.
 */
export function purgeItems(vault: VaultLike, ids: readonly string[]): { purged: number; blobsRemoved: number } {
  return vault.change((db, audit) => {
    let purged = 0;
    let blobsRemoved = 0;
    for (const id of new Set(ids)) {
      const row = requireRow(db, id);
      if (row.trashed_ms === null) throw new BadInputError(`只能永久删除回收站里的证据：${row.name}`);
      const tags = tagsOf(db, id);
      removeDocument(db, ENTITY, id);
      db.prepare('DELETE FROM evidence_tags WHERE item_id = ?').run(id);
      db.prepare('DELETE FROM evidence_links WHERE item_id = ?').run(id);
      unlinkItems(db, audit, [id]);
      db.prepare('DELETE FROM evidence_items WHERE id = ?').run(id);
      const others = (db.prepare('SELECT COUNT(*) AS n FROM evidence_items WHERE blob_id = ?').get(row.blob_id) as { n: number }).n;
      const blobRemoved = others === 0;
      if (blobRemoved) {
        db.prepare('DELETE FROM blob_chunks WHERE blob_id = ?').run(row.blob_id);
        db.prepare('DELETE FROM blob_renditions WHERE blob_id = ?').run(row.blob_id);
        db.prepare('DELETE FROM blob_text WHERE blob_id = ?').run(row.blob_id);
        db.prepare('DELETE FROM blob_ocr WHERE blob_id = ?').run(row.blob_id);
        db.prepare('DELETE FROM blobs WHERE id = ?').run(row.blob_id);
        blobsRemoved++;
      }
      audit({
        action: 'evidence.purge',
        entity: ENTITY,
        entityId: id,
        oldValue: { name: row.name, sha256: row.sha256, size: row.size, category: row.category, note: row.note, tags, trashedAt: isoWithOffset(row.trashed_ms) },
        newValue: { purged: true, bytesRemoved: blobRemoved },
      });
      purged++;
    }
    return { purged, blobsRemoved };
  });
}
