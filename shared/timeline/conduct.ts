// Who is on the creditor side, and the conduct flags of docs/cli.md
// ("Calculation rules"), computed over the whole timeline at once (excess_calls needs the
// other calls of the day). Pure and isomorphic: the vault, the CLI and tests run the same code.
//
// Creditor side, in this order: the party the user chose for the entry; the user's mark
// on the number or sender; the shipped directory (../data/creditor-numbers.json); a sender
// that sent any message with collection wording. Flags only ever apply to entries the
// creditor side initiated (direction 'incoming'): what I sent or called is never flagged.
import { beijingDayNumber, beijingParts, fromDays } from '../time/beijing';
import { lookupNumber, type DirectoryHit, type NumberMark } from './directory';
import { numberKey, serviceNumberWithin } from './numbers';
import { hasCollectionWordingNfkc, findThreatWordingNfkc, isLegalProcessNoticeNfkc, type ThreatMatch } from './wording';
import { EMPTY_SIDES, SideResolver, countKey, isCreditorSide, type ExplicitSide, type SideContext, type SideResult } from './sides';
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
  /** The creditor side the user set on this record, if any (issue 10). */
  explicitSide?: ExplicitSide | null;
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
  | {
      code: 'threat_or_impersonation';
      matches: ThreatMatch[];
      /**
       * 'legal_notice': a notice that a lawsuit was filed, with its case number, and no
       * other threatening words (a lawful step to check, not a threat); 'threat' otherwise.
       */
      nature: 'threat' | 'legal_notice';
      caseNumber: string | null;
    };

export interface FlagHit {
  code: FlagCode;
  detail: FlagDetail;
  dismissed: { reason: string; at: string } | null;
}

export interface ConductResult {
  party: ResolvedParty;
  /** The creditor side: creditor, agent acting for one, nobody, or 可能是催收方 (issue 10). */
  side: SideResult;
  /** Every flag that applies, dismissed or not, in FLAG_CODES order. */
  flags: FlagHit[];
  /** Creditor collection by SMS, letter or email: interrupts the limitation period. */
  interruptsLimitation: boolean;
}

const WORDING_CHANNELS: ReadonlySet<ContactChannel> = new Set(['sms', 'chat', 'email', 'letter']);

/** The senders whose messages carry collection wording. */
export function collectionSenders(inputs: readonly ConductInput[]): Set<string> {
  return sendersWithWording(
    inputs,
    (e) => numberKey(e.phone),
    (i) => inputs[i]!.text.normalize('NFKC'),
  );
}

function sendersWithWording(inputs: readonly ConductInput[], keyOf: (e: ConductInput, i: number) => string, nfkc: (i: number) => string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < inputs.length; i++) {
    const e = inputs[i]!;
    if (e.direction !== 'incoming' || !WORDING_CHANNELS.has(e.channel)) continue;
    const key = keyOf(e, i);
    if (key && !out.has(key) && hasCollectionWordingNfkc(nfkc(i))) out.add(key);
  }
  return out;
}

/** The party shown for an entry: the user's choice, else what its side says. */
function partyOf(e: ConductInput, side: SideResult, hit: DirectoryHit | null): ResolvedParty {
  const organisation = e.organisation ?? side.agentName ?? (side.source === 'directory' || side.source === 'mark' ? (hit?.organisation ?? null) : null);
  if (e.partyType) {
    const creditorSide = (e.partyType === 'creditor' || e.partyType === 'collector') && side.kind !== 'nobody';
    return { party: e.partyType, organisation: e.organisation ?? hit?.organisation ?? null, reason: 'party_type', creditorSide };
  }
  const reason: SideReason =
    side.source === 'unrelated'
      ? 'unrelated'
      : side.source === 'user'
        ? 'side_set'
        : side.source === 'agent_number'
          ? 'agent_number'
          : side.source === 'creditor_number'
            ? 'creditor_number'
            : side.source === 'mark'
              ? 'user_mark'
              : side.source === 'directory'
                ? 'directory'
                : side.source === 'text'
                  ? 'collection_wording'
                  : 'none';
  if (side.kind === 'nobody' || (side.kind === 'unknown' && side.state !== 'suggested')) return { party: 'unknown', organisation, reason, creditorSide: false };
  const party = side.kind === 'agent' || (side.state === 'suggested' && side.suggestion?.kind === 'agent') ? 'collector' : 'creditor';
  return { party, organisation, reason, creditorSide: isCreditorSide(side) };
}

/**
 * Flags and parties for every entry, by id. `inputs` may be in any order. (With two
 * entries of one id, the id's party and result are those of the last of them.)
 */
export function computeConduct(inputs: readonly ConductInput[], marks: ReadonlyMap<string, NumberMark>, sides: SideContext = EMPTY_SIDES): Map<string, ConductResult> {
  const last = new Map<string, number>();
  for (let i = 0; i < inputs.length; i++) last.set(inputs[i]!.id, i);
  const results = computeAll(inputs, marks, last.size === inputs.length ? null : last, sides);
  const out = new Map<string, ConductResult>();
  for (let i = 0; i < inputs.length; i++) out.set(inputs[i]!.id, results[i]!);
  return out;
}

/**
 * computeConduct for entries whose ids are all different (a vault's contacts: the id is
 * the primary key): the results in the order of `inputs`, without maps keyed by id.
 */
export function computeConductOfEach(inputs: readonly ConductInput[], marks: ReadonlyMap<string, NumberMark>, sides: SideContext = EMPTY_SIDES): ConductResult[] {
  return computeAll(inputs, marks, null, sides);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The rules over the whole timeline, one pass each, with the work they share done once: a
 * number's key and its directory/mark lookup once per distinct number (a timeline has a
 * few dozen numbers and up to 100,000s of entries), an entry's text normalised (NFKC) at
 * most once for all the wording rules, the Beijing day and hour by arithmetic with one
 * date string per calendar day, parties by position rather than in a map keyed by id.
 * `lastOfId` is given when ids repeat: an entry then takes the party of its id's last entry.
 */
function computeAll(inputs: readonly ConductInput[], marks: ReadonlyMap<string, NumberMark>, lastOfId: ReadonlyMap<string, number> | null, sides: SideContext): ConductResult[] {
  const n = inputs.length;
  const keyCache = new Map<string, string>();
  const hitCache = new Map<string, DirectoryHit | null>();
  const keys = new Array<string>(n);
  const hits = new Array<DirectoryHit | null>(n);
  for (let i = 0; i < n; i++) {
    const phone = inputs[i]!.phone;
    if (!phone) {
      // numberKey and lookupNumber of null or '': nothing to compare.
      keys[i] = '';
      hits[i] = null;
      continue;
    }
    let key = keyCache.get(phone);
    if (key === undefined) keyCache.set(phone, (key = numberKey(phone)));
    keys[i] = key;
    let hit = hitCache.get(phone);
    if (hit === undefined) hitCache.set(phone, (hit = lookupNumber(phone, marks)));
    hits[i] = hit;
  }
  const normalized = new Array<string | undefined>(n);
  const nfkc = (i: number): string => {
    let t = normalized[i];
    if (t === undefined) normalized[i] = t = inputs[i]!.text.normalize('NFKC');
    return t;
  };

  const senders = sendersWithWording(inputs, (_e, i) => keys[i]!, nfkc);
  const senderWords = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    const e = inputs[i]!;
    if (key && senders.has(key) && !senderWords.has(key) && e.direction === 'incoming' && WORDING_CHANNELS.has(e.channel) && hasCollectionWordingNfkc(nfkc(i))) {
      senderWords.set(key, nfkc(i));
    }
  }
  const resolver = new SideResolver(sides);
  const sideOf = new Array<SideResult>(n);
  const parties = new Array<ResolvedParty>(n);
  for (let i = 0; i < n; i++) {
    const e = inputs[i]!;
    const hit = hits[i]!;
    const key = keys[i]!;
    const mark = hit?.from === 'user_mark' ? (marks.get(key) ?? marks.get(serviceNumberWithin(key) ?? '') ?? null) : null;
    sideOf[i] = resolver.resolve(
      {
        key,
        text: nfkc(i),
        incoming: e.direction === 'incoming',
        wordChannel: WORDING_CHANNELS.has(e.channel),
        explicit: e.explicitSide ?? null,
        partyType: e.partyType,
        organisation: e.organisation,
      },
      hit,
      mark ? { side: mark.side, creditorId: mark.creditorId ?? null, agentId: mark.agentId ?? null } : null,
      key !== '' ? (senderWords.get(key) ?? null) : null,
    );
    parties[i] = partyOf(e, sideOf[i]!, hit);
  }
  if (lastOfId) {
    // An entry's own slot is read before any entry after it is rewritten: last ≥ i.
    for (let i = 0; i < n; i++) {
      const last = lastOfId.get(inputs[i]!.id)!;
      parties[i] = parties[last]!;
      sideOf[i] = sideOf[last]!;
    }
  }

  // The Beijing calendar day of an instant, as a number and (once per day) as text.
  const dayText = new Map<number, string>();
  const dateOf = (days: number): string => {
    let d = dayText.get(days);
    if (d === undefined) dayText.set(days, (d = fromDays(days)));
    return d;
  };

  // excess_calls: connected voice calls per creditor side (the creditor and its agents
  // together; an unconfirmed collector by its own number), per Beijing calendar day.
  const callsByDay = new Map<string, { date: string; calls: ConductInput[] }>();
  for (let i = 0; i < n; i++) {
    const e = inputs[i]!;
    if (e.channel !== 'phone' || e.direction !== 'incoming' || !e.connected || !parties[i]!.creditorSide) continue;
    const day = dateOf(beijingDayNumber(e.atMs));
    const bucket = `${day}\n${countKey(sideOf[i]!, keys[i]!, e.id)}`;
    let list = callsByDay.get(bucket);
    if (!list) callsByDay.set(bucket, (list = { date: day, calls: [] }));
    list.calls.push(e);
  }
  const excess = new Map<string, FlagDetail>();
  for (const { date, calls } of callsByDay.values()) {
    if (calls.length <= DAILY_CONNECTED_CALL_LIMIT) continue;
    calls.sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    calls.forEach((c, i) => {
      if (i >= DAILY_CONNECTED_CALL_LIMIT) excess.set(c.id, { code: 'excess_calls', date, nth: i + 1, ofDay: calls.length });
    });
  }

  const out = new Array<ConductResult>(n);
  for (let i = 0; i < n; i++) {
    const e = inputs[i]!;
    const party = parties[i]!;
    const flags: FlagHit[] = [];
    const initiatedByCreditor = party.creditorSide && e.direction === 'incoming';
    if (initiatedByCreditor) {
      const { hour, minute } = beijingParts(e.atMs);
      if (hour >= NIGHT_STARTS_HOUR || hour < NIGHT_ENDS_HOUR) {
        flags.push({ code: 'night_contact', detail: { code: 'night_contact', beijingTime: `${pad2(hour)}:${pad2(minute)}` }, dismissed: e.dismissed.night_contact ?? null });
      }
      if (excess.size > 0) {
        const ex = excess.get(e.id);
        if (ex) flags.push({ code: ex.code, detail: ex, dismissed: e.dismissed[ex.code] ?? null });
      }
      if (e.toThirdParty) flags.push({ code: 'third_party', detail: { code: 'third_party' }, dismissed: e.dismissed.third_party ?? null });
      const threats = findThreatWordingNfkc(nfkc(i));
      if (threats.length > 0) {
        // A filed lawsuit with its case number is a lawful step, not a threat, unless other
        // threatening words come with it (police, visits, family or work).
        const legal = isLegalProcessNoticeNfkc(nfkc(i));
        const onlyCourt = threats.every((t) => t.kind === 'court' || t.kind === 'lawyer');
        const nature = legal && onlyCourt ? 'legal_notice' : 'threat';
        flags.push({
          code: 'threat_or_impersonation',
          detail: { code: 'threat_or_impersonation', matches: threats, nature, caseNumber: legal?.caseNumber ?? null },
          dismissed: e.dismissed.threat_or_impersonation ?? null,
        });
      }
    }
    const interruptsLimitation = initiatedByCreditor && (e.channel === 'letter' || e.channel === 'email' || (e.channel === 'sms' && hasCollectionWordingNfkc(nfkc(i))));
    out[i] = { party, side: sideOf[i]!, flags, interruptsLimitation };
  }
  return out;
}

/** The flag names a contact carries, as `timeline` prints them: dismissed ones left out. */
export function activeFlagCodes(result: ConductResult | undefined): FlagCode[] {
  return result ? result.flags.filter((f) => f.dismissed === null).map((f) => f.code) : [];
}
