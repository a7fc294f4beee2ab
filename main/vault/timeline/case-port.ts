// The timeline's side of the case JSON (`case export` / `case import`, issue 4): the case's
// `contacts` are this module's rows, in full, so an export imports back unchanged —
// imported SMS and recordings keep their natural keys (no duplicates on a later import),
// their evidence links and their flag dismissals. Registered with the case module when
// this feature module loads (../features.ts imports it everywhere the vault runs).
import type { Db } from '../sqlite';
import { registerCaseContactsPort, type AuditFn } from '../case/contacts';
import type { CaseContact } from '../../../shared/case/schema';
import { BadInputError } from '../../../shared/errors';
import { parseDate, parseTime } from '../../../shared/time/beijing';
import { numberKey } from '../../../shared/timeline/numbers';
import { CONTACT_SOURCES, DIRECTIONS, FLAG_CODES, isContactChannel, isPartyType, type FlagCode } from '../../../shared/timeline/kinds';
import { loadDismissals, parseClaims, type ContactRow } from './store';
import { indexContact, unindexContact } from './search';
import { assertNotEmptyContact } from './contacts';

export function readCaseContacts(db: Db): CaseContact[] {
  const rows = db.prepare('SELECT * FROM contacts ORDER BY at_ms, id').all() as ContactRow[];
  const dismissals = loadDismissals(db);
  const links = new Map<string, string[]>();
  for (const r of db.prepare("SELECT target_id, item_id FROM evidence_links WHERE target_kind = 'contact' ORDER BY target_id, item_id").iterate() as IterableIterator<{
    target_id: string;
    item_id: string;
  }>) {
    let l = links.get(r.target_id);
    if (!l) links.set(r.target_id, (l = []));
    l.push(r.item_id);
  }
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    channel: r.channel,
    direction: r.direction,
    partyType: r.party_type,
    organisation: r.organisation,
    person: r.person,
    agentId: r.agent_id,
    phone: r.phone,
    durationSec: r.duration_sec,
    connected: r.connected === 1,
    summary: r.summary,
    theySaid: r.they_said,
    iPromised: r.i_promised,
    outcome: r.outcome,
    body: r.body,
    contactName: r.contact_name,
    claims: parseClaims(r.claims),
    followUpDate: r.follow_up_date,
    followUpDone: r.follow_up_done === 1,
    awaitingReply: r.awaiting_reply === 1,
    toThirdParty: r.to_third_party === 1,
    timeUncertain: r.time_uncertain === 1,
    source: r.source,
    sourceKey: r.source_key,
    evidenceIds: links.get(r.id) ?? [],
    dismissedFlags: Object.entries(dismissals.get(r.id) ?? {}).map(([flag, d]) => ({ flag, reason: d!.reason, at: d!.at })),
  }));
}

const str = (v: unknown, path: string, max = 20_000): string | null => {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new BadInputError(`${path} 必须是文字`);
  if (v.length > max) throw new BadInputError(`${path} 太长（最多 ${max} 个字符）`);
  return v;
};
const bool = (v: unknown, path: string, dflt: boolean): boolean => {
  if (v === undefined || v === null) return dflt;
  if (typeof v !== 'boolean') throw new BadInputError(`${path} 必须是 true 或 false`);
  return v;
};

export function replaceCaseContacts(db: Db, contacts: readonly CaseContact[], audit: AuditFn): void {
  const existing = db.prepare('SELECT id, source FROM contacts').all() as Pick<ContactRow, 'id' | 'source'>[];
  const kept = new Map(
    (
      db.prepare('SELECT id, side, side_creditor_id, side_agent_id, side_set_at FROM contacts WHERE side IS NOT NULL').all() as Pick<
        ContactRow,
        'id' | 'side' | 'side_creditor_id' | 'side_agent_id' | 'side_set_at'
      >[]
    ).map((r) => [r.id, r]),
  );
  const evidence = db.prepare('SELECT id FROM evidence_items WHERE id = ?');
  const seenIds = new Set<string>();
  const seenKeys = new Set<string>();
  const now = new Date().toISOString();
  const rows = contacts.map((c, i) => {
    const p = `contacts[${i}]`;
    const raw = c as Record<string, unknown>;
    if (seenIds.has(c.id)) throw new BadInputError(`${p}.id 重复：${c.id}`);
    seenIds.add(c.id);
    const t = parseTime(c.at, `${p}.at`);
    if (!isContactChannel(c.channel)) throw new BadInputError(`${p}.channel 不认识：${String(c.channel).slice(0, 20)}`);
    if (!(DIRECTIONS as readonly string[]).includes(c.direction)) throw new BadInputError(`${p}.direction 只能是 incoming 或 outgoing`);
    const partyType = raw.partyType ?? null;
    if (partyType !== null && !isPartyType(partyType)) throw new BadInputError(`${p}.partyType 不认识：${String(partyType).slice(0, 20)}`);
    const source = raw.source ?? 'manual';
    if (!(CONTACT_SOURCES as readonly unknown[]).includes(source)) throw new BadInputError(`${p}.source 不认识：${String(source).slice(0, 30)}`);
    const sourceKey = str(raw.sourceKey, `${p}.sourceKey`, 200);
    if (sourceKey !== null) {
      if (seenKeys.has(sourceKey)) throw new BadInputError(`${p}.sourceKey 重复`);
      seenKeys.add(sourceKey);
    }
    const duration = raw.durationSec ?? null;
    if (duration !== null && (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 0)) throw new BadInputError(`${p}.durationSec 必须是不小于 0 的整数`);
    const followUp = str(raw.followUpDate, `${p}.followUpDate`, 10);
    const phone = str(raw.phone, `${p}.phone`, 60);
    const claims = raw.claims ?? null;
    if (claims !== null && (typeof claims !== 'object' || Array.isArray(claims))) throw new BadInputError(`${p}.claims 必须是对象`);
    const evidenceIds = raw.evidenceIds ?? [];
    if (!Array.isArray(evidenceIds) || evidenceIds.some((e) => typeof e !== 'string')) throw new BadInputError(`${p}.evidenceIds 必须是文字列表`);
    for (const [j, e] of (evidenceIds as string[]).entries()) {
      if (!evidence.get(e)) throw new BadInputError(`${p}.evidenceIds[${j}] 找不到这条证据：${e.slice(0, 64)}`);
    }
    const dismissed = raw.dismissedFlags ?? [];
    if (!Array.isArray(dismissed)) throw new BadInputError(`${p}.dismissedFlags 必须是列表`);
    const flags = dismissed.map((d, j) => {
      const dd = d as Record<string, unknown>;
      if (!(FLAG_CODES as readonly unknown[]).includes(dd.flag)) throw new BadInputError(`${p}.dismissedFlags[${j}].flag 不认识`);
      const reason = str(dd.reason, `${p}.dismissedFlags[${j}].reason`, 2000);
      if (!reason?.trim()) throw new BadInputError(`${p}.dismissedFlags[${j}].reason 不能为空`);
      return { flag: dd.flag as FlagCode, reason, at: str(dd.at, `${p}.dismissedFlags[${j}].at`, 40) ?? now };
    });
    const row: ContactRow = {
      id: c.id,
      at: t.iso,
      at_ms: t.ms,
      channel: c.channel,
      direction: c.direction as ContactRow['direction'],
      party_type: partyType,
      organisation: str(raw.organisation, `${p}.organisation`, 200),
      person: str(raw.person, `${p}.person`, 200),
      agent_id: str(raw.agentId, `${p}.agentId`, 100),
      phone,
      phone_key: phone ? numberKey(phone) : null,
      duration_sec: duration as number | null,
      connected: bool(raw.connected, `${p}.connected`, true) ? 1 : 0,
      summary: str(raw.summary, `${p}.summary`) ?? '',
      they_said: str(raw.theySaid, `${p}.theySaid`) ?? '',
      i_promised: str(raw.iPromised, `${p}.iPromised`) ?? '',
      outcome: str(raw.outcome, `${p}.outcome`) ?? '',
      body: str(raw.body, `${p}.body`, 100_000),
      contact_name: str(raw.contactName, `${p}.contactName`, 200),
      claims: claims === null ? null : JSON.stringify(claims),
      follow_up_date: followUp === null ? null : parseDate(followUp, `${p}.followUpDate`),
      follow_up_done: bool(raw.followUpDone, `${p}.followUpDone`, false) ? 1 : 0,
      awaiting_reply: bool(raw.awaitingReply, `${p}.awaitingReply`, false) ? 1 : 0,
      to_third_party: bool(raw.toThirdParty, `${p}.toThirdParty`, false) ? 1 : 0,
      time_uncertain: bool(raw.timeUncertain, `${p}.timeUncertain`, false) ? 1 : 0,
      source: source as ContactRow['source'],
      source_key: sourceKey,
      created_at: now,
      updated_at: now,
      // The case JSON does not carry sides (issue 10): a contact that stays keeps what the user confirmed.
      side: kept.get(c.id)?.side ?? null,
      side_creditor_id: kept.get(c.id)?.side_creditor_id ?? null,
      side_agent_id: kept.get(c.id)?.side_agent_id ?? null,
      side_set_at: kept.get(c.id)?.side_set_at ?? null,
    };
    assertNotEmptyContact(row, p);
    return { row, evidenceIds: [...new Set(evidenceIds as string[])], flags };
  });

  for (const e of existing) unindexContact(db, e);
  db.prepare("DELETE FROM evidence_links WHERE target_kind = 'contact'").run();
  db.prepare('DELETE FROM contacts').run();
  const insert = db.prepare(
    `INSERT INTO contacts (id, at, at_ms, channel, direction, party_type, organisation, person, agent_id, phone, phone_key, duration_sec,
       connected, summary, they_said, i_promised, outcome, body, contact_name, claims, follow_up_date, follow_up_done, awaiting_reply,
       to_third_party, time_uncertain, source, source_key, created_at, updated_at, side, side_creditor_id, side_agent_id, side_set_at)
     VALUES (@id, @at, @at_ms, @channel, @direction, @party_type, @organisation, @person, @agent_id, @phone, @phone_key, @duration_sec,
       @connected, @summary, @they_said, @i_promised, @outcome, @body, @contact_name, @claims, @follow_up_date, @follow_up_done, @awaiting_reply,
       @to_third_party, @time_uncertain, @source, @source_key, @created_at, @updated_at, @side, @side_creditor_id, @side_agent_id, @side_set_at)`,
  );
  const link = db.prepare("INSERT INTO evidence_links (item_id, target_kind, target_id) VALUES (?, 'contact', ?)");
  const dismiss = db.prepare('INSERT INTO flag_dismissals (contact_id, flag, reason, dismissed_at) VALUES (?, ?, ?, ?)');
  for (const { row, evidenceIds, flags } of rows) {
    insert.run(row);
    for (const e of evidenceIds) link.run(e, row.id);
    for (const f of flags) dismiss.run(row.id, f.flag, f.reason, f.at);
    indexContact(db, row);
  }
  audit({ action: 'timeline.contacts_replace', entity: 'contact', oldValue: { count: existing.length }, newValue: { count: rows.length } });
}

registerCaseContactsPort({ read: readCaseContacts, replace: replaceCaseContacts });
