// Contacts by hand: add, change, delete, dismiss or restore a flag, link evidence, mark a
// number as creditor side. Every write goes through vault.change(), so the row and its
// audit entry commit together. Plain Node.
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { BadInputError, EmptyContactError, XieshangError } from '../../../shared/errors';
import { isoWithOffset, parseDate, parseTime } from '../../../shared/time/beijing';
import { numberKey } from '../../../shared/timeline/numbers';
import { SHIPPED_DIRECTORY } from '../../../shared/timeline/directory';
import type { FlagCode, MarkSide } from '../../../shared/timeline/kinds';
import type { ContactDetail, ContactFields, ContactPatch, Marks } from '../../../shared/contracts/timeline';
import { conductOf, loadTimeline, toEntry, type ContactRow } from './store';
import { indexContact, unindexContact } from './search';

export class ContactNotFoundError extends BadInputError {
  constructor(id: string) {
    super(`找不到这条联系记录：${id.slice(0, 64)}`);
  }
}

const nowIso = () => new Date().toISOString();
const blankToNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

function requireRow(db: Db, id: string): ContactRow {
  const row = db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  if (!row) throw new ContactNotFoundError(id);
  return row;
}

/** Evidence ids that exist and are not in the trash; anything else is a bad input. */
export function checkEvidenceIds(db: Db, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  const get = db.prepare('SELECT id FROM evidence_items WHERE id = ? AND trashed_ms IS NULL');
  for (const id of unique) if (!get.get(id)) throw new BadInputError(`找不到证据 ${id.slice(0, 64)}（可能已被删除）`);
  return unique;
}

export function setEvidenceLinks(db: Db, contactId: string, ids: readonly string[]): void {
  db.prepare("DELETE FROM evidence_links WHERE target_kind = 'contact' AND target_id = ?").run(contactId);
  const put = db.prepare("INSERT OR IGNORE INTO evidence_links (item_id, target_kind, target_id) VALUES (?, 'contact', ?)");
  for (const id of ids) put.run(id, contactId);
}

export function linkEvidence(db: Db, contactId: string, evidenceId: string): void {
  db.prepare("INSERT OR IGNORE INTO evidence_links (item_id, target_kind, target_id) VALUES (?, 'contact', ?)").run(evidenceId, contactId);
}

type Columns = Partial<Omit<ContactRow, 'id' | 'created_at' | 'updated_at' | 'source' | 'source_key' | 'body' | 'contact_name' | 'claims'>>;

/** Validated column values for the fields given (only those present in `f`). */
function columnsOf(f: ContactPatch): Columns {
  const c: Columns = {};
  if (f.at !== undefined) {
    if (f.at.trim() === '') throw new BadInputError('没有填写联系时间：请写上这次联系是什么时候（例如 2026/10/10 14:30）');
    const t = parseTime(f.at, '联系时间');
    c.at = t.iso;
    c.at_ms = t.ms;
  }
  if (f.channel !== undefined) c.channel = f.channel;
  if (f.direction !== undefined) c.direction = f.direction;
  if (f.partyType !== undefined) c.party_type = f.partyType ?? null;
  if (f.organisation !== undefined) c.organisation = blankToNull(f.organisation);
  if (f.person !== undefined) c.person = blankToNull(f.person);
  if (f.agentId !== undefined) c.agent_id = blankToNull(f.agentId);
  if (f.phone !== undefined) {
    c.phone = blankToNull(f.phone);
    c.phone_key = c.phone ? numberKey(c.phone) : null;
  }
  if (f.durationSec !== undefined) c.duration_sec = f.durationSec ?? null;
  if (f.connected !== undefined) c.connected = f.connected ? 1 : 0;
  if (f.summary !== undefined) c.summary = f.summary.trim();
  if (f.theySaid !== undefined) c.they_said = f.theySaid.trim();
  if (f.iPromised !== undefined) c.i_promised = f.iPromised.trim();
  if (f.outcome !== undefined) c.outcome = f.outcome.trim();
  if (f.followUpDate !== undefined) c.follow_up_date = f.followUpDate ? parseDate(f.followUpDate, '跟进日期') : null;
  if (f.followUpDone !== undefined) c.follow_up_done = f.followUpDone ? 1 : 0;
  if (f.awaitingReply !== undefined) c.awaiting_reply = f.awaitingReply ? 1 : 0;
  if (f.toThirdParty !== undefined) c.to_third_party = f.toThirdParty ? 1 : 0;
  if (f.timeUncertain !== undefined) c.time_uncertain = f.timeUncertain ? 1 : 0;
  return c;
}

type Substance = Pick<ContactRow, 'party_type' | 'organisation' | 'person' | 'agent_id' | 'phone' | 'summary' | 'they_said' | 'i_promised' | 'outcome' | 'body'>;

/**
 * A contact must say who it was with or what it was about: a row with neither can be neither
 * shown nor cited in a letter (issue 10 item 9). The time is checked by columnsOf().
 */
export function assertNotEmptyContact(row: Substance, where = ''): void {
  const filled = (v: string | null | undefined) => v !== null && v !== undefined && v.trim() !== '';
  // The kind of party alone ("the creditor called at 23:00") is a record worth keeping: it can be flagged.
  const counterparty = row.party_type !== null || filled(row.organisation) || filled(row.person) || filled(row.agent_id) || filled(row.phone);
  const words = filled(row.summary) || filled(row.they_said) || filled(row.i_promised) || filled(row.outcome) || filled(row.body);
  if (!counterparty && !words) throw new EmptyContactError(where);
}

export function getContact(vault: Vault, id: string): ContactDetail {
  const db = vault.handle;
  const row = requireRow(db, id);
  const state = loadTimeline(db);
  const entry = toEntry(row, conductOf(state, id), state.links.get(id) ?? []);
  const evidence = db
    .prepare(
      `SELECT i.id, i.name, i.mime, i.trashed_ms FROM evidence_links l JOIN evidence_items i ON i.id = l.item_id
       WHERE l.target_kind = 'contact' AND l.target_id = ? ORDER BY COALESCE(i.captured_ms, i.imported_ms), i.id`,
    )
    .all(id) as { id: string; name: string; mime: string; trashed_ms: number | null }[];
  return {
    ...entry,
    summary: row.summary,
    theySaid: row.they_said,
    iPromised: row.i_promised,
    outcome: row.outcome,
    body: row.body,
    contactName: row.contact_name,
    evidence: evidence.map((e) => ({ id: e.id, name: e.name, mime: e.mime, missing: e.trashed_ms !== null })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function addContact(vault: Vault, fields: ContactFields, source: 'manual' | 'chat_screenshots' = 'manual'): ContactDetail {
  const cols = columnsOf(fields);
  const id = randomUUID();
  const now = nowIso();
  vault.change((db, audit) => {
    const evidenceIds = fields.evidenceIds ? checkEvidenceIds(db, fields.evidenceIds) : [];
    const row = {
      id,
      party_type: null,
      organisation: null,
      person: null,
      agent_id: null,
      phone: null,
      phone_key: null,
      duration_sec: null,
      connected: 1,
      summary: '',
      they_said: '',
      i_promised: '',
      outcome: '',
      follow_up_date: null,
      follow_up_done: 0,
      awaiting_reply: 0,
      to_third_party: 0,
      time_uncertain: 0,
      ...cols,
      source,
      created_at: now,
      updated_at: now,
    };
    assertNotEmptyContact({ ...row, body: null });
    db.prepare(
      `INSERT INTO contacts (id, at, at_ms, channel, direction, party_type, organisation, person, agent_id, phone, phone_key,
         duration_sec, connected, summary, they_said, i_promised, outcome, follow_up_date, follow_up_done, awaiting_reply,
         to_third_party, time_uncertain, source, created_at, updated_at)
       VALUES (@id, @at, @at_ms, @channel, @direction, @party_type, @organisation, @person, @agent_id, @phone, @phone_key,
         @duration_sec, @connected, @summary, @they_said, @i_promised, @outcome, @follow_up_date, @follow_up_done, @awaiting_reply,
         @to_third_party, @time_uncertain, @source, @created_at, @updated_at)`,
    ).run(row);
    setEvidenceLinks(db, id, evidenceIds);
    indexContact(db, requireRow(db, id));
    audit({ action: 'timeline.contact_add', entity: 'contact', entityId: id, newValue: { ...cols, source, evidenceIds } });
  });
  return getContact(vault, id);
}

export function updateContact(vault: Vault, id: string, patch: ContactPatch): ContactDetail {
  const cols = columnsOf(patch);
  vault.change((db, audit) => {
    const before = requireRow(db, id);
    // Correcting the time of a recording clears its "check the time" mark unless told otherwise.
    if (cols.at !== undefined && patch.timeUncertain === undefined) cols.time_uncertain = 0;
    const names = Object.keys(cols) as (keyof Columns)[];
    const oldValue: Record<string, unknown> = {};
    for (const n of names) oldValue[n] = before[n];
    if (names.length > 0) {
      const sets = names.map((n) => `${n} = @${n}`).join(', ');
      db.prepare(`UPDATE contacts SET ${sets}, updated_at = @updated_at WHERE id = @id`).run({ ...cols, updated_at: nowIso(), id });
      // Inside the transaction: a change that would empty the contact rolls back.
      assertNotEmptyContact(requireRow(db, id));
    }
    let evidenceIds: string[] | undefined;
    if (patch.evidenceIds !== undefined) {
      evidenceIds = checkEvidenceIds(db, patch.evidenceIds);
      const old = (db.prepare("SELECT item_id FROM evidence_links WHERE target_kind = 'contact' AND target_id = ?").all(id) as { item_id: string }[]).map((r) => r.item_id);
      oldValue.evidenceIds = old;
      setEvidenceLinks(db, id, evidenceIds);
    }
    indexContact(db, requireRow(db, id));
    audit({ action: 'timeline.contact_update', entity: 'contact', entityId: id, oldValue, newValue: { ...cols, ...(evidenceIds ? { evidenceIds } : {}) } });
  });
  return getContact(vault, id);
}

/** Removes the record of a contact (never the evidence it links to). */
export function deleteContact(vault: Vault, id: string): { ok: true } {
  vault.change((db, audit) => {
    const before = requireRow(db, id);
    db.prepare("DELETE FROM evidence_links WHERE target_kind = 'contact' AND target_id = ?").run(id);
    unindexContact(db, before);
    db.prepare('DELETE FROM contacts WHERE id = ?').run(id);
    audit({ action: 'timeline.contact_delete', entity: 'contact', entityId: id, oldValue: before });
  });
  return { ok: true };
}

export function dismissFlag(vault: Vault, id: string, flag: FlagCode, reason: string): ContactDetail {
  const text = reason.trim();
  if (!text) throw new BadInputError('撤销标记需要写明理由');
  vault.change((db, audit) => {
    requireRow(db, id);
    const state = loadTimeline(db);
    const hit = conductOf(state, id)?.flags.find((f) => f.code === flag);
    if (!hit) throw new BadInputError(`这条记录没有“${flag}”标记`);
    const at = nowIso();
    db.prepare(
      `INSERT INTO flag_dismissals (contact_id, flag, reason, dismissed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (contact_id, flag) DO UPDATE SET reason = excluded.reason, dismissed_at = excluded.dismissed_at`,
    ).run(id, flag, text, at);
    audit({ action: 'timeline.flag_dismiss', entity: 'contact', entityId: id, oldValue: hit.dismissed, newValue: { flag, reason: text } });
  });
  return getContact(vault, id);
}

export function restoreFlag(vault: Vault, id: string, flag: FlagCode): ContactDetail {
  vault.change((db, audit) => {
    requireRow(db, id);
    const old = db.prepare('SELECT reason, dismissed_at FROM flag_dismissals WHERE contact_id = ? AND flag = ?').get(id, flag);
    if (!old) throw new BadInputError('这个标记没有被撤销过');
    db.prepare('DELETE FROM flag_dismissals WHERE contact_id = ? AND flag = ?').run(id, flag);
    audit({ action: 'timeline.flag_restore', entity: 'contact', entityId: id, oldValue: { flag, ...old } });
  });
  return getContact(vault, id);
}

/** A chat contact made from selected evidence (chat screenshots), timed by the earliest. */
export function contactFromEvidence(vault: Vault, evidenceIds: string[], fields: ContactPatch = {}): ContactDetail {
  const db = vault.handle;
  const ids = checkEvidenceIds(db, evidenceIds);
  const rows = ids.map(
    (id) => db.prepare('SELECT id, captured_ms, imported_ms FROM evidence_items WHERE id = ?').get(id) as { id: string; captured_ms: number | null; imported_ms: number },
  );
  const earliest = Math.min(...rows.map((r) => r.captured_ms ?? r.imported_ms));
  const uncertain = rows.some((r) => r.captured_ms === null);
  return addContact(
    vault,
    {
      at: isoWithOffset(earliest),
      channel: 'chat',
      direction: 'incoming',
      timeUncertain: uncertain,
      ...fields,
      evidenceIds: [...new Set([...ids, ...(fields.evidenceIds ?? [])])],
    } as ContactFields,
    'chat_screenshots',
  );
}

export function contactsForEvidence(vault: Vault, evidenceId: string): { ids: string[] } {
  const rows = vault.handle
    .prepare(
      `SELECT c.id FROM evidence_links l JOIN contacts c ON c.id = l.target_id
       WHERE l.target_kind = 'contact' AND l.item_id = ? ORDER BY c.at_ms, c.id`,
    )
    .all(evidenceId) as { id: string }[];
  return { ids: rows.map((r) => r.id) };
}

export function listMarks(vault: Vault): Marks {
  const rows = vault.handle.prepare('SELECT number, number_key, side, organisation FROM party_marks ORDER BY number').all() as {
    number: string;
    number_key: string;
    side: MarkSide;
    organisation: string | null;
  }[];
  return {
    marks: rows.map((r) => ({ number: r.number, key: r.number_key, side: r.side, organisation: r.organisation })),
    directory: SHIPPED_DIRECTORY.map((e) => ({ number: e.number, organisation: e.organisation, ...(e.note ? { note: e.note } : {}) })),
  };
}

/** Marks a number or sender as creditor, collector or not creditor side; side null removes the mark. */
export function markNumber(vault: Vault, number: string, side: MarkSide | null, organisation?: string | null): Marks {
  const key = numberKey(number);
  if (!key) throw new BadInputError('号码不能为空');
  vault.change((db, audit) => {
    const old = db.prepare('SELECT side, organisation FROM party_marks WHERE number_key = ?').get(key) ?? null;
    if (side === null) {
      if (!old) throw new XieshangError('BAD_INPUT', { detail: `号码 ${number.slice(0, 40)} 没有标记` });
      db.prepare('DELETE FROM party_marks WHERE number_key = ?').run(key);
    } else {
      db.prepare(
        `INSERT INTO party_marks (number_key, number, side, organisation, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (number_key) DO UPDATE SET number = excluded.number, side = excluded.side, organisation = excluded.organisation, updated_at = excluded.updated_at`,
      ).run(key, number.trim(), side, blankToNull(organisation), nowIso());
    }
    audit({ action: 'timeline.number_mark', entity: 'number', entityId: key, oldValue: old, newValue: side === null ? null : { side, organisation: blankToNull(organisation) } });
  });
  return listMarks(vault);
}
