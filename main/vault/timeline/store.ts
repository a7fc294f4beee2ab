// Rows of the timeline tables and how they become what the UI, the CLI and the conduct
// rules see. Plain Node (runs in the vault worker, the CLI and tests).
import type { Db } from '../sqlite';
import type { ConductInput, ConductResult, FlagHit } from '../../../shared/timeline/conduct';
import { computeConduct } from '../../../shared/timeline/conduct';
import type { NumberMark } from '../../../shared/timeline/directory';
import type { ContactChannel, ContactSource, Direction, FlagCode, MarkSide, PartyType } from '../../../shared/timeline/kinds';
import type { FlagHitView, TimelineEntry } from '../../../shared/contracts/timeline';
import type { CollectionClaims } from '../../../shared/collection-claims';

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
}

export const PREVIEW_CHARS = 280;

/** The words of a contact that the wording rules read. */
export function contactText(r: Pick<ContactRow, 'summary' | 'they_said' | 'outcome' | 'body'>): string {
  return [r.summary, r.they_said, r.outcome, r.body ?? ''].filter(Boolean).join('\n');
}

export function loadMarks(db: Db): Map<string, NumberMark> {
  const rows = db.prepare('SELECT number_key, side, organisation FROM party_marks').all() as { number_key: string; side: MarkSide; organisation: string | null }[];
  return new Map(rows.map((r) => [r.number_key, { key: r.number_key, side: r.side, organisation: r.organisation }]));
}

export function loadDismissals(db: Db): Map<string, ConductInput['dismissed']> {
  const out = new Map<string, ConductInput['dismissed']>();
  for (const r of db.prepare('SELECT contact_id, flag, reason, dismissed_at FROM flag_dismissals').iterate() as IterableIterator<{ contact_id: string; flag: FlagCode; reason: string; dismissed_at: string }>) {
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

export function toConductInput(r: ContactRow, dismissed: ConductInput['dismissed'] | undefined): ConductInput {
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
  };
}

export interface TimelineState {
  rows: ContactRow[];
  conduct: Map<string, ConductResult>;
  links: Map<string, string[]>;
}

/** Every contact, oldest first, with its conduct computed over the whole timeline. */
export function loadTimeline(db: Db): TimelineState {
  const rows = db.prepare('SELECT * FROM contacts ORDER BY at_ms, id').all() as ContactRow[];
  const dismissals = loadDismissals(db);
  const conduct = computeConduct(
    rows.map((r) => toConductInput(r, dismissals.get(r.id))),
    loadMarks(db),
  );
  return { rows, conduct, links: loadEvidenceLinks(db) };
}

export function flagView(f: FlagHit): FlagHitView {
  const d = f.detail;
  const view: FlagHitView = { code: f.code, dismissed: f.dismissed };
  if (d.code === 'night_contact') view.beijingTime = d.beijingTime;
  if (d.code === 'excess_calls') Object.assign(view, { date: d.date, nth: d.nth, ofDay: d.ofDay });
  if (d.code === 'threat_or_impersonation') {
    view.words = d.matches.flatMap((m) => m.words);
    view.threatKinds = d.matches.map((m) => m.kind);
  }
  return view;
}

/** "支付宝 / 蚂蚁（花呗、借呗） 95188", "张三 工号 A102", or the number alone. */
export function counterpartyOf(r: ContactRow, organisation: string | null): string {
  const parts = [organisation, r.person ?? r.contact_name, r.agent_id ? `工号 ${r.agent_id}` : null, r.phone];
  const seen = new Set<string>();
  return parts
    .filter((p): p is string => !!p && p.trim() !== '')
    .filter((p) => (seen.has(p) ? false : (seen.add(p), true)))
    .join(' ');
}

export function parseClaims(json: string | null): CollectionClaims | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as CollectionClaims;
  } catch {
    return null;
  }
}

export function toEntry(r: ContactRow, conduct: ConductResult | undefined, evidenceIds: string[]): TimelineEntry {
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
    evidenceIds,
    claims: parseClaims(r.claims),
  };
}
