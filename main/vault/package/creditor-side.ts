// What a letter to one creditor may hold (issue 10): the contacts of that creditor's side
// (the creditor, its agents, and every creditor of the same legal name: 花呗 and 借呗 are
// one company) and the evidence of that side. Contacts offered only as 可能是催收方 are
// not in any letter until the user confirms them; contacts of nobody (a verification code,
// a bill, a scam offer) never are. Plain Node.
import type { Db } from '../sqlite';
import type { TimelineState } from '../timeline/store';
import { activeFlagCodes } from '../../../shared/timeline/conduct';
import type { EvidenceSummary } from '../../../shared/contracts/evidence';
import type { EvidenceCategory } from '../../../shared/evidence/categories';

/** Categories that record a contact: whose side they are is known only from a link or a choice. */
const CONTACT_CATEGORIES: ReadonlySet<EvidenceCategory> = new Set(['sms', 'call_recording', 'chat_screenshot', 'collection_notice', 'email']);

/** The indexes of the timeline's rows that belong to the side `group` (a creditor's legal name). */
export function sideRows(state: TimelineState, group: string | null): number[] {
  if (group === null) return [];
  const out: number[] = [];
  for (let i = 0; i < state.rows.length; i++) {
    const s = state.conduct[i]!.side;
    if (s.group === group && s.state !== 'suggested' && (s.kind === 'creditor' || s.kind === 'agent')) out.push(i);
  }
  return out;
}

/** A contact's flags as a letter states them: a lawful notice of a filed lawsuit is not a violation. */
export function letterFlags(state: TimelineState, i: number): string[] {
  const conduct = state.conduct[i];
  if (!conduct) return [];
  const active = new Set(activeFlagCodes(conduct));
  for (const f of conduct.flags) {
    if (f.detail.code === 'threat_or_impersonation' && f.detail.nature === 'legal_notice') active.delete('threat_or_impersonation');
  }
  return [...active];
}

export interface EvidenceSide {
  side: 'creditor' | 'agent' | 'nobody' | null;
  creditorId: string | null;
  agentId: string | null;
  caption: string;
}

export function evidenceSides(db: Db): Map<string, EvidenceSide> {
  const rows = db.prepare('SELECT id, side, side_creditor_id, side_agent_id, caption FROM evidence_items WHERE trashed_ms IS NULL').all() as {
    id: string;
    side: EvidenceSide['side'];
    side_creditor_id: string | null;
    side_agent_id: string | null;
    caption: string;
  }[];
  return new Map(rows.map((r) => [r.id, { side: r.side, creditorId: r.side_creditor_id, agentId: r.side_agent_id, caption: r.caption }]));
}

/**
 * Whether an evidence item belongs in the letter to `group`: the side the user set on it;
 * else its accounts (one of the letter's accounts); else the contacts it is linked to (one
 * of this side's); else, for records of contacts, no (whose they are is unknown); else (an ID
 * card, an income proof, a hardship proof) by its category.
 */
export function evidenceOfSide(
  items: readonly EvidenceSummary[],
  sides: ReadonlyMap<string, EvidenceSide>,
  state: TimelineState,
  group: string | null,
  accountIds: ReadonlySet<string>,
  groupOfCreditor: (creditorId: string | null) => string | null,
): (item: EvidenceSummary) => boolean {
  const inSide = new Set(sideRows(state, group).map((i) => state.rows[i]!.id));
  const linkedIn = new Map<string, boolean>();
  for (const [contactId, ids] of state.links) {
    for (const id of ids) linkedIn.set(id, (linkedIn.get(id) ?? false) || inSide.has(contactId));
  }
  return (item) => {
    const own = sides.get(item.id);
    if (own?.side === 'creditor' || own?.side === 'agent') return group !== null && groupOfCreditor(own.creditorId) === group;
    if (item.accountIds.length > 0) return item.accountIds.some((id) => accountIds.has(id));
    const linked = linkedIn.get(item.id);
    if (linked !== undefined) return linked;
    if (own?.side === 'nobody' || CONTACT_CATEGORIES.has(item.category)) return false;
    return item.category !== 'other';
  };
}
