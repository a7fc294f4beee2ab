// The monthly conduct summary a complaint letter can cite ("2024年10月：催收方夜间联系 12 次，
// 5 天超过每日通话上限 …"). Counts only flags the user has not dismissed. Isomorphic.
import { beijingMonth } from '../time/beijing';
import type { ConductResult } from './conduct';
import type { ContactChannel } from './kinds';

export interface SummaryInput {
  id: string;
  atMs: number;
  channel: ContactChannel;
}

export interface MonthCounts {
  month: string;
  contacts: number;
  fromCreditorSide: number;
  nightContacts: number;
  nightCalls: number;
  excessCallDays: number;
  excessCalls: number;
  thirdParty: number;
  threats: number;
  limitationInterruptions: number;
}

/** `conduct`: by id, or in the order of `entries` (conduct[i] is that of entries[i]). */
export function monthlySummary(entries: readonly SummaryInput[], conduct: ReadonlyMap<string, ConductResult> | readonly (ConductResult | undefined)[]): MonthCounts[] {
  const months = new Map<string, MonthCounts & { days: Set<string> }>();
  const byId = isMap(conduct) ? conduct : null;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const month = beijingMonth(e.atMs);
    let m = months.get(month);
    if (!m) {
      m = {
        month,
        contacts: 0,
        fromCreditorSide: 0,
        nightContacts: 0,
        nightCalls: 0,
        excessCallDays: 0,
        excessCalls: 0,
        thirdParty: 0,
        threats: 0,
        limitationInterruptions: 0,
        days: new Set(),
      };
      months.set(month, m);
    }
    m.contacts++;
    const c = byId ? byId.get(e.id) : (conduct as readonly (ConductResult | undefined)[])[i];
    if (!c) continue;
    if (c.party.creditorSide) m.fromCreditorSide++;
    if (c.interruptsLimitation) m.limitationInterruptions++;
    for (const f of c.flags) {
      if (f.dismissed) continue;
      if (f.code === 'night_contact') {
        m.nightContacts++;
        if (e.channel === 'phone') m.nightCalls++;
      } else if (f.code === 'excess_calls') {
        m.excessCalls++;
        if (f.detail.code === 'excess_calls') m.days.add(f.detail.date);
      } else if (f.code === 'third_party') m.thirdParty++;
      else if (f.code === 'threat_or_impersonation') m.threats++;
    }
  }
  return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)).map(({ days, ...rest }) => ({ ...rest, excessCallDays: days.size }));
}

function isMap<K, V>(x: ReadonlyMap<K, V> | readonly unknown[]): x is ReadonlyMap<K, V> {
  return !Array.isArray(x);
}

/** One sentence in Chinese for the complaint letter. */
export function summarySentence(m: MonthCounts): string {
  const [y, mo] = m.month.split('-');
  const parts: string[] = [];
  if (m.nightContacts > 0) parts.push(`夜间（22:00–08:00）联系 ${m.nightContacts} 次（其中电话 ${m.nightCalls} 次）`);
  if (m.excessCallDays > 0) parts.push(`${m.excessCallDays} 天接通电话超过每日 3 次的上限（超出部分共 ${m.excessCalls} 次）`);
  if (m.thirdParty > 0) parts.push(`联系第三人 ${m.thirdParty} 次`);
  if (m.threats > 0) parts.push(`含威胁或冒充用语 ${m.threats} 次`);
  const head = `${y}年${Number(mo)}月：债权方及催收方共联系 ${m.fromCreditorSide} 次`;
  if (parts.length === 0) return `${head}，未发现违规迹象。`;
  return `${head}，其中${parts.join('，')}。`;
}
