// Who is on the creditor side, and the conduct flags of ../../../shared/cli.md
// ("Calculation rules"), computed over the whole timeline at once (excess_calls needs the
// other calls of the day). Pure and isomorphic: the vault, the CLI and tests run the same code.
//
// Creditor side, in this order: the party the user chose for the entry; the user's mark
// on the number or sender; the shipped directory (../data/creditor-numbers.json); a sender
// that sent any message with collection wording. Flags only ever apply to entries the
// creditor side initiated (direction 'incoming'): what I sent or called is never flagged.
import { beijingParts } from './beijing-time';
import { lookupNumber, type NumberMark } from './directory';
import { numberKey } from './numbers';
import { hasCollectionWording, findThreatWording, type ThreatMatch } from './wording';
import { DAILY_CONNECTED_CALL_LIMIT, NIGHT_ENDS_HOUR, NIGHT_STARTS_HOUR } from './rules';
import type { ContactChannel, Direction, EffectiveParty, FlagCode, PartyType, SideReason } from './kinds';

export interface ConductInput {
  id: string;
  atMs: number;
  channel: ContactChannel;
  direction: Direction;
  /** The party the user chose for this entry, if any. */
  partyType: PartyType | null;
  /** Organisation the user typed, if any (wins over the directory's name). */
  organisation: string | null;
  /** Phone number or SMS sender. */
  phone: string | null;
  /** For phone calls: was it answered? */
  connected: boolean;
  /** The user marked the contact as made to someone else (family, colleague …). */
  toThirdParty: boolean;
  /** Everything the contact said: summary, their words, the SMS body, the outcome. */
  text: string;
  /** Flags the user dismissed, with the reason. */
  dismissed: Partial<Record<FlagCode, { reason: string; at: string }>>;
}

export interface ResolvedParty {
  party: EffectiveParty;
  organisation: string | null;
  reason: SideReason;
  creditorSide: boolean;
}

export type FlagDetail =
  | { code: 'night_contact'; beijingTime: string }
  | { code: 'excess_calls'; date: string; nth: number; ofDay: number }
  | { code: 'third_party' }
  | { code: 'threat_or_impersonation'; matches: ThreatMatch[] };

export interface FlagHit {
  code: FlagCode;
  detail: FlagDetail;
  dismissed: { reason: string; at: string } | null;
}

export interface ConductResult {
  party: ResolvedParty;
  /** Every flag that applies, dismissed or not, in FLAG_CODES order. */
  flags: FlagHit[];
  /** Creditor collection by SMS, letter or email: interrupts the limitation period. */
  interruptsLimitation: boolean;
}

const WORDING_CHANNELS: ReadonlySet<ContactChannel> = new Set(['sms', 'chat', 'email', 'letter']);
const AGENCY_WORDING = /催收|委外|委托我司|受托|资产管理|律师事务所|律所|调解中心/;

/** The senders whose messages carry collection wording. */
export function collectionSenders(inputs: readonly ConductInput[]): Set<string> {
  const out = new Set<string>();
  for (const e of inputs) {
    if (e.direction !== 'incoming' || !WORDING_CHANNELS.has(e.channel)) continue;
    const key = numberKey(e.phone);
    if (key && !out.has(key) && hasCollectionWording(e.text)) out.add(key);
  }
  return out;
}

export function resolveParty(
  e: ConductInput,
  marks: ReadonlyMap<string, NumberMark>,
  senders: ReadonlySet<string>,
  agencySenders: ReadonlySet<string> = new Set(),
): ResolvedParty {
  if (e.partyType) {
    const creditorSide = e.partyType === 'creditor' || e.partyType === 'collector';
    const hit = lookupNumber(e.phone, marks);
    return { party: e.partyType, organisation: e.organisation ?? hit?.organisation ?? null, reason: 'party_type', creditorSide };
  }
  const hit = lookupNumber(e.phone, marks);
  if (hit?.from === 'user_mark') {
    if (hit.side === 'not_creditor') return { party: 'unknown', organisation: e.organisation ?? hit.organisation, reason: 'user_mark', creditorSide: false };
    return { party: hit.side, organisation: e.organisation ?? hit.organisation, reason: 'user_mark', creditorSide: true };
  }
  if (hit?.from === 'directory') return { party: 'creditor', organisation: e.organisation ?? hit.organisation, reason: 'directory', creditorSide: true };
  const key = numberKey(e.phone);
  if (key && senders.has(key)) {
    return { party: agencySenders.has(key) ? 'collector' : 'creditor', organisation: e.organisation, reason: 'collection_wording', creditorSide: true };
  }
  return { party: 'unknown', organisation: e.organisation, reason: 'none', creditorSide: false };
}

function isNight(ms: number): boolean {
  const { hour } = beijingParts(ms);
  return hour >= NIGHT_STARTS_HOUR || hour < NIGHT_ENDS_HOUR;
}

/** Flags and parties for every entry. `inputs` may be in any order. */
export function computeConduct(inputs: readonly ConductInput[], marks: ReadonlyMap<string, NumberMark>): Map<string, ConductResult> {
  const senders = collectionSenders(inputs);
  const agency = new Set<string>();
  for (const e of inputs) {
    const key = numberKey(e.phone);
    if (key && senders.has(key) && e.direction === 'incoming' && AGENCY_WORDING.test(e.text.normalize('NFKC'))) agency.add(key);
  }
  const parties = new Map<string, ResolvedParty>();
  for (const e of inputs) parties.set(e.id, resolveParty(e, marks, senders, agency));

  // excess_calls: connected voice calls from the creditor side, per Beijing calendar day.
  const callsByDay = new Map<string, ConductInput[]>();
  for (const e of inputs) {
    if (e.channel !== 'phone' || e.direction !== 'incoming' || !e.connected || !parties.get(e.id)!.creditorSide) continue;
    const day = beijingParts(e.atMs).date;
    let list = callsByDay.get(day);
    if (!list) callsByDay.set(day, (list = []));
    list.push(e);
  }
  const excess = new Map<string, FlagDetail>();
  for (const [date, calls] of callsByDay) {
    if (calls.length <= DAILY_CONNECTED_CALL_LIMIT) continue;
    calls.sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    calls.forEach((c, i) => {
      if (i >= DAILY_CONNECTED_CALL_LIMIT) excess.set(c.id, { code: 'excess_calls', date, nth: i + 1, ofDay: calls.length });
    });
  }

  const out = new Map<string, ConductResult>();
  for (const e of inputs) {
    const party = parties.get(e.id)!;
    const flags: FlagHit[] = [];
    const initiatedByCreditor = party.creditorSide && e.direction === 'incoming';
    if (initiatedByCreditor) {
      const add = (detail: FlagDetail) => flags.push({ code: detail.code, detail, dismissed: e.dismissed[detail.code] ?? null });
      if (isNight(e.atMs)) {
        const p = beijingParts(e.atMs);
        add({ code: 'night_contact', beijingTime: `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}` });
      }
      const ex = excess.get(e.id);
      if (ex) add(ex);
      if (e.toThirdParty) add({ code: 'third_party' });
      const threats = findThreatWording(e.text);
      if (threats.length > 0) add({ code: 'threat_or_impersonation', matches: threats });
    }
    const interruptsLimitation =
      initiatedByCreditor &&
      (e.channel === 'letter' || e.channel === 'email' || (e.channel === 'sms' && hasCollectionWording(e.text)));
    out.set(e.id, { party, flags, interruptsLimitation });
  }
  return out;
}

/** The flag names a contact carries, as `timeline` prints them: dismissed ones left out. */
export function activeFlagCodes(result: ConductResult | undefined): FlagCode[] {
  return result ? result.flags.filter((f) => f.dismissed === null).map((f) => f.code) : [];
}
