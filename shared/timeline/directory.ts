// The shipped, editable directory of creditor service numbers (../data/creditor-numbers.json)
// and the lookup that combines it with the user's own marks: the user's mark always wins,
// so a shipped entry can be overridden ("this 95xxx call was not about my debt").
import shipped from '../data/creditor-numbers.json';
import { numberKey, serviceNumberWithin } from './numbers';
import type { MarkSide } from './kinds';

export interface DirectoryEntry {
  number: string;
  organisation: string;
  note?: string;
}

export interface NumberMark {
  /** numberKey() of the number or sender. */
  key: string;
  side: MarkSide;
  organisation: string | null;
  /** The case creditor or agent the number belongs to (issue 10), when the user said. */
  creditorId?: string | null;
  agentId?: string | null;
}

export const SHIPPED_DIRECTORY: readonly DirectoryEntry[] = (shipped as { entries: DirectoryEntry[] }).entries;

const shippedIndex = new Map<string, DirectoryEntry>(SHIPPED_DIRECTORY.map((e) => [numberKey(e.number), e]));

export type DirectoryHit = { from: 'user_mark'; side: MarkSide; organisation: string | null } | { from: 'directory'; side: 'creditor'; organisation: string };

/** What is known about a number: the user's mark first, then the shipped directory. */
export function lookupNumber(raw: string | null | undefined, marks: ReadonlyMap<string, NumberMark>): DirectoryHit | null {
  const key = numberKey(raw);
  if (!key) return null;
  const short = serviceNumberWithin(key);
  const mark = marks.get(key) ?? (short ? marks.get(short) : undefined);
  if (mark) return { from: 'user_mark', side: mark.side, organisation: mark.organisation };
  const entry = shippedIndex.get(key) ?? (short ? shippedIndex.get(short) : undefined);
  if (entry) return { from: 'directory', side: 'creditor', organisation: entry.organisation };
  return null;
}
