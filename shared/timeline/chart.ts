// Contacts per week by party, flagged ones counted apart: the data of the timeline's
// chart. Weeks run Monday–Sunday in Beijing time; empty weeks inside the window are kept
// (as zero) so the chart's time axis is honest. Isomorphic.
import { addDays, beijingWeekStart, compareDates } from '../time/beijing';
import type { EffectiveParty } from './kinds';

export const CHART_PARTIES: readonly EffectiveParty[] = ['creditor', 'collector', 'third_party', 'mediator', 'regulator', 'unknown'];

export interface WeekBucket {
  /** Monday, YYYY-MM-DD. */
  week: string;
  byParty: Record<EffectiveParty, number>;
  total: number;
  flagged: number;
}

export interface ChartInput {
  atMs: number;
  party: EffectiveParty;
  flagged: boolean;
}

const empty = (): Record<EffectiveParty, number> => ({ creditor: 0, collector: 0, third_party: 0, mediator: 0, regulator: 0, unknown: 0 });

/**
 * At most `maxWeeks` consecutive weeks: the window holding the most entries (the latest
 * such window on a tie), so one stray entry far from the rest (a recording timed by its
 * copy date) does not leave the chart empty. Oldest first.
 */
export function weeklyBuckets(entries: readonly ChartInput[], maxWeeks = 26): WeekBucket[] {
  if (entries.length === 0) return [];
  const map = new Map<string, WeekBucket>();
  for (const e of entries) {
    const week = beijingWeekStart(e.atMs);
    let b = map.get(week);
    if (!b) map.set(week, (b = { week, byParty: empty(), total: 0, flagged: 0 }));
    b.byParty[e.party]++;
    b.total++;
    if (e.flagged) b.flagged++;
  }
  const weeks = [...map.keys()].sort();
  // Sliding window over the weeks that hold entries: [weeks[i], weeks[i] + maxWeeks - 1 weeks].
  let best = { start: weeks[0]!, count: -1 };
  let j = 0;
  let inWindow = 0;
  for (let i = 0; i < weeks.length; i++) {
    const end = addDays(weeks[i]!, 7 * (maxWeeks - 1));
    while (j < weeks.length && compareDates(weeks[j]!, end) <= 0) inWindow += map.get(weeks[j++]!)!.total;
    if (inWindow >= best.count) best = { start: weeks[i]!, count: inWindow };
    inWindow -= map.get(weeks[i]!)!.total;
  }
  let last = best.start;
  for (const w of weeks) if (compareDates(w, addDays(best.start, 7 * (maxWeeks - 1))) <= 0 && w > last) last = w;
  const out: WeekBucket[] = [];
  for (let w = best.start; compareDates(w, last) <= 0; w = addDays(w, 7)) {
    out.push(map.get(w) ?? { week: w, byParty: empty(), total: 0, flagged: 0 });
  }
  return out;
}
