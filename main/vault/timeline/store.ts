// Rows of the timeline tables and how they become what the UI, the CLI and the conduct
// rules see. Plain Node (runs in the vault worker, the CLI and tests).
import type { Db } from '../sqlite';
import type { ConductInput, ConductResult, FlagHit } from '../../../shared/timeline/conduct';
import { computeConductOfEach } from '../../../shared/timeline/conduct';
import type { NumberMark } from '../../../shared/timeline/directory';
import type { ContactChannel, ContactSource, Direction, FlagCode, MarkSide, PartyType } from '../../../shared/timeline/kinds';
import type { FlagHitView, TimelineEntry } from '../../../shared/contracts/timeline';
import type { CollectionClaims } from '../../../shared/collection-claims';
import type { SideKind, SideResult } from '../../../shared/timeline/sides';
import { loadSideContext } from '../sides/context';
import type { SideView } from '../../../shared/contracts/sides';

export interface ContactRow {
  id: string;
  at: string;
  at_ms: number;
  channel: ContactChannel;
  direction: Direction;
  party_type: PartyType | null;
  organisation: string | null;
  person: string | null;
  agent_id: string | null;
  phone: string | null;
  phone_key: string | null;
  duration_sec: number | null;
  connected: number;
  summary: string;
  they_said: string;
  i_promised: string;
  outcome: string;
  body: string | null;
  contact_name: string | null;
  claims: string | null;
  follow_up_date: string | null;
  follow_up_done: number;
  awaiting_reply: number;
  to_third_party: number;
  time_uncertain: number;
  source: ContactSource;
  source_key: string | null;
  created_at: string;
  updated_at: string;
  side: SideKind | null;
  side_creditor_id: string | null;
  side_agent_id: string | null;
  side_set_at: string | null;
}

export const PREVIEW_CHARS = 280;

/** The words of a contact that the wording rules read: the non-empty ones, one per line. */
export function contactText(r: Pick<ContactRow, 'summary' | 'they_said' | 'outcome' | 'body'>): string {
  // [summary, they_said, outcome, body].filter(Boolean).join('\n') without two arrays per
  // contact; an SMS (only a body) gets its body string itself.
  let out = r.summary;
  if (r.they_said) out = out ? `${out}\n${r.they_said}` : r.they_said;
  if (r.outcome) out = out ? `${out}\n${r.outcome}` : r.outcome;
  if (r.body) out = out ? `${out}\n${r.body}` : r.body;
  return out;
}

export function loadMarks(db: Db): Map<string, NumberMark> {
  const rows = db.prepare('SELECT number_key, side, organisation, creditor_id, agent_id FROM party_marks').all() as {
    number_key: string;
    side: MarkSide;
    organisation: string | null;
    creditor_id: string | null;
    agent_id: string | null;
  }[];
  return new Map(rows.map((r) => [r.number_key, { key: r.number_key, side: r.side, organisation: r.organisation, creditorId: r.creditor_id, agentId: r.agent_id }]));
}

export function loadDismissals(db: Db): Map<string, ConductInput['dismissed']> {
  const out = new Map<string, ConductInput['dismissed']>();
  for (const r of db.prepare('SELECT contact_id, flag, reason, dismissed_at FROM flag_dismissals').iterate() as IterableIterator<{
    contact_id: string;
    flag: FlagCode;
    reason: string;
    dismissed_at: string;
  }>) {
    let d = out.get(r.contact_id);
    if (!d) out.set(r.contact_id, (d = {}));
    d[r.flag] = { reason: r.reason, at: r.dismissed_at };
  }
  return out;
}

/** Evidence linked to contacts (0002's evidence_links, target_kind 'contact'), items in the trash left out. */
export function loadEvidenceLinks(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = db
    .prepare(
      `SELECT l.target_id AS contact_id, l.item_id AS evidence_id FROM evidence_links l
       JOIN evidence_items i ON i.id = l.item_id
       WHERE l.target_kind = 'contact' AND i.trashed_ms IS NULL
       ORDER BY l.target_id, COALESCE(i.captured_ms, i.imported_ms), l.item_id`,
    )
    .iterate() as IterableIterator<{ contact_id: string; evidence_id: string }>;
  for (const r of rows) {
    let list = out.get(r.contact_id);
    if (!list) out.set(r.contact_id, (list = []));
    list.push(r.evidence_id);
  }
  return out;
}

export function toConductInput(r: TimelineRow, dismissed: ConductInput['dismissed'] | undefined): ConductInput {
  return {
    id: r.id,
    atMs: r.at_ms,
    channel: r.channel,
    direction: r.direction,
    partyType: r.party_type,
    organisation: r.organisation,
    phone: r.phone,
    connected: r.connected === 1,
    toThirdParty: r.to_third_party === 1,
    text: contactText(r),
    dismissed: dismissed ?? {},
    explicitSide: r.side ? { side: r.side, creditorId: r.side_creditor_id, agentId: r.side_agent_id } : null,
  };
}

/**
 * The columns the listing, the CLI document, the summary and the conduct rules read (not
 * i_promised, phone_key, source_key, created_at, updated_at).
 */
export type TimelineRow = Pick<
  ContactRow,
  | 'id'
  | 'at'
  | 'at_ms'
  | 'channel'
  | 'direction'
  | 'party_type'
  | 'organisation'
  | 'person'
  | 'agent_id'
  | 'phone'
  | 'duration_sec'
  | 'connected'
  | 'summary'
  | 'they_said'
  | 'outcome'
  | 'body'
  | 'contact_name'
  | 'claims'
  | 'follow_up_date'
  | 'follow_up_done'
  | 'awaiting_reply'
  | 'to_third_party'
  | 'time_uncertain'
  | 'source'
  | 'i_promised'
  | 'side'
  | 'side_creditor_id'
  | 'side_agent_id'
>;

const TIMELINE_SQL = `SELECT id, at, at_ms, channel, direction, party_type, organisation, person, agent_id, phone,
  duration_sec, connected, summary, they_said, outcome, body, contact_name, claims, follow_up_date, follow_up_done,
  awaiting_reply, to_third_party, time_uncertain, source, i_promised, side, side_creditor_id, side_agent_id
  FROM contacts ORDER BY at_ms, id`;

type RawTimelineRow = [
  string,
  string,
  number,
  ContactChannel,
  Direction,
  PartyType | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number | null,
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  number,
  number,
  ContactSource,
  string,
  SideKind | null,
  string | null,
  string | null,
];

/**
 * Every contact's TimelineRow, oldest first (then by id). Rows come from SQLite as arrays
 * and become objects here: better-sqlite3 builds a keyed row object property by property,
 * which took ~2/3 of the time of reading 100,000 contacts.
 */
export function loadTimelineRows(db: Db): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const r of db.prepare(TIMELINE_SQL).raw(true).iterate() as IterableIterator<RawTimelineRow>) {
    rows.push({
      id: r[0],
      at: r[1],
      at_ms: r[2],
      channel: r[3],
      direction: r[4],
      party_type: r[5],
      organisation: r[6],
      person: r[7],
      agent_id: r[8],
      phone: r[9],
      duration_sec: r[10],
      connected: r[11],
      summary: r[12],
      they_said: r[13],
      outcome: r[14],
      body: r[15],
      contact_name: r[16],
      claims: r[17],
      follow_up_date: r[18],
      follow_up_done: r[19],
      awaiting_reply: r[20],
      to_third_party: r[21],
      time_uncertain: r[22],
      source: r[23],
      i_promised: r[24],
      side: r[25],
      side_creditor_id: r[26],
      side_agent_id: r[27],
    });
  }
  return rows;
}

export interface TimelineState {
  rows: TimelineRow[];
  /** The conduct of rows[i] is conduct[i]. */
  conduct: ConductResult[];
  links: Map<string, string[]>;
}

/**
 * The last timeline read on each connection and the version of the data it was read from.
 * The section asks for the list and the monthly summary together after every change, and
 * for the list again at every change of filter or search, each time of the same data;
 * opening a contact needs the whole timeline too (its flags depend on the others).
 * Dropped with the connection (a lock closes it).
 */
const lastRead = new WeakMap<Db, { version: string; state: TimelineState }>();

/**
 * Moves whenever the data may have changed: total_changes() counts every row this
 * connection inserted, updated or deleted (a change rolled back later still counts, so the
 * version only moves on), data_version moves when another connection commits.
 */
function dataVersion(db: Db): string {
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${own}:${others}`;
}

/**
 * Every contact, oldest first, with its conduct computed over the whole timeline. The
 * result is shared by the calls that find the data unchanged: read it, never change it.
 */
export function loadTimeline(db: Db): TimelineState {
  // Inside a transaction the data may yet be rolled back: read afresh, remember nothing.
  if (db.inTransaction) return readTimeline(db);
  const version = dataVersion(db);
  const last = lastRead.get(db);
  if (last && last.version === version) return last.state;
  const state = readTimeline(db);
  lastRead.set(db, { version, state });
  return state;
}

/** loadTimeline without the remembered copy: always from the tables. */
export function readTimeline(db: Db): TimelineState {
  const rows = loadTimelineRows(db);
  const dismissals = loadDismissals(db);
  const inputs = new Array<ConductInput>(rows.length);
  for (let i = 0; i < rows.length; i++) inputs[i] = toConductInput(rows[i]!, dismissals.get(rows[i]!.id));
  // Contact ids are the table's primary key: all different.
  const conduct = computeConductOfEach(inputs, loadMarks(db), loadSideContext(db));
  return { rows, conduct, links: loadEvidenceLinks(db) };
}

/** The conduct of one contact in a loaded timeline (undefined when it is not there). */
export function conductOf(state: TimelineState, id: string): ConductResult | undefined {
  const i = state.rows.findIndex((r) => r.id === id);
  return i < 0 ? undefined : state.conduct[i];
}

export function flagView(f: FlagHit): FlagHitView {
  const d = f.detail;
  // Copies, never the loaded timeline's own objects (it may be shared with the next call).
  const view: FlagHitView = { code: f.code, dismissed: f.dismissed ? { reason: f.dismissed.reason, at: f.dismissed.at } : null };
  if (d.code === 'night_contact') view.beijingTime = d.beijingTime;
  if (d.code === 'excess_calls') Object.assign(view, { date: d.date, nth: d.nth, ofDay: d.ofDay });
  if (d.code === 'threat_or_impersonation') {
    view.words = d.matches.flatMap((m) => m.words);
    view.threatKinds = d.matches.map((m) => m.kind);
    view.nature = d.nature;
    if (d.caseNumber) view.caseNumber = d.caseNumber;
  }
  return view;
}

/** "支付宝 / 蚂蚁（花呗、借呗） 95188", "张三 工号 A102", or the number alone. */
export function counterpartyOf(r: Pick<ContactRow, 'person' | 'contact_name' | 'agent_id' | 'phone'>, organisation: string | null): string {
  // The non-blank parts, each once (where it first appears), joined by spaces.
  const org = organisation && organisation.trim() !== '' ? organisation : null;
  const rawName = r.person ?? r.contact_name;
  const name = rawName && rawName.trim() !== '' && rawName !== org ? rawName : null;
  const agent = r.agent_id ? `工号 ${r.agent_id}` : null;
  const agentPart = agent !== null && agent !== org && agent !== name ? agent : null;
  const phone = r.phone && r.phone.trim() !== '' && r.phone !== org && r.phone !== name && r.phone !== agentPart ? r.phone : null;
  let out = org ?? '';
  if (name !== null) out = out ? `${out} ${name}` : name;
  if (agentPart !== null) out = out ? `${out} ${agentPart}` : agentPart;
  if (phone !== null) out = out ? `${out} ${phone}` : phone;
  return out;
}

export function parseClaims(json: string | null): CollectionClaims | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as CollectionClaims;
  } catch {
    return null;
  }
}

export function toEntry(r: TimelineRow, conduct: ConductResult | undefined, evidenceIds: string[]): TimelineEntry {
  const party = conduct?.party ?? { party: 'unknown' as const, organisation: r.organisation, reason: 'none' as const, creditorSide: false };
  const text = r.summary || r.body || '';
  return {
    id: r.id,
    at: r.at,
    atMs: r.at_ms,
    channel: r.channel,
    direction: r.direction,
    partyType: r.party_type,
    party: party.party,
    sideReason: party.reason,
    organisation: party.organisation,
    person: r.person,
    agentId: r.agent_id,
    phone: r.phone,
    counterparty: counterpartyOf(r, party.organisation),
    durationSec: r.duration_sec,
    connected: r.connected === 1,
    preview: text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text,
    source: r.source,
    timeUncertain: r.time_uncertain === 1,
    toThirdParty: r.to_third_party === 1,
    followUpDate: r.follow_up_date,
    followUpDone: r.follow_up_done === 1,
    awaitingReply: r.awaiting_reply === 1,
    flags: (conduct?.flags ?? []).map(flagView),
    interruptsLimitation: conduct?.interruptsLimitation ?? false,
    evidenceIds: evidenceIds.length > 0 ? evidenceIds.slice() : evidenceIds,
    claims: parseClaims(r.claims),
    side: sideView(conduct?.side),
    promised: r.i_promised,
  };
}

export function sideView(s: SideResult | undefined): SideView {
  if (!s) return { kind: 'unknown', creditorId: null, agentId: null, group: null, state: 'none', source: 'none', unrelated: null, suggestion: null };
  return {
    kind: s.kind,
    creditorId: s.creditorId,
    agentId: s.agentId,
    group: s.group,
    state: s.state,
    source: s.source,
    unrelated: s.unrelated,
    suggestion: s.suggestion ? { ...s.suggestion } : null,
  };
}
