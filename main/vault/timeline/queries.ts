// Reading the timeline: the filtered list the UI shows, the `timeline` CLI document, the
// agenda of what is due, the monthly conduct summary, and reminders not yet shown.
// Plain Node.
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { beijingDate, beijingDateReader, todayBeijing } from '../../../shared/time/beijing';
import { activeFlagCodes, type ConductResult } from '../../../shared/timeline/conduct';
import { buildAgenda, dueForReminder, type AgendaContact, type AgendaInstallment } from '../../../shared/timeline/agenda';
import { monthlySummary, summarySentence } from '../../../shared/timeline/summary';
import type { FlagCode } from '../../../shared/timeline/kinds';
import type { Agenda, AgendaItem, MonthSummary, TimelineFilter, TimelineList } from '../../../shared/contracts/timeline';
import { counterpartyOf, loadTimeline, toEntry } from './store';
import { agendaExtras, hasRepaymentTables, openInstallments } from '../repayments/agenda-source';
import { searchContacts } from './search';

export function listTimeline(vault: Vault, filter: TimelineFilter = {}): TimelineList {
  const db = vault.handle;
  const state = loadTimeline(db);
  const channels = filter.channels?.length ? new Set(filter.channels) : null;
  const parties = filter.parties?.length ? new Set<string>(filter.parties) : null;
  const matches = filter.query?.trim() ? searchContacts(db, filter.query) : null;
  const { from, to } = filter;
  const dayOf = from || to ? beijingDateReader() : null;
  const entries = [];
  const { rows } = state;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (channels && !channels.has(row.channel)) continue;
    if (matches && !matches.has(row.id)) continue;
    const conduct = state.conduct[i];
    if (parties && !parties.has(conduct?.party.party ?? 'unknown')) continue;
    if (filter.flaggedOnly && !hasActiveFlag(conduct)) continue;
    if (dayOf) {
      const day = dayOf(row.at_ms);
      if (from && day < from) continue;
      if (to && day > to) continue;
    }
    entries.push(toEntry(row, conduct, state.links.get(row.id) ?? []));
  }
  return { entries, total: state.rows.length };
}

/** activeFlagCodes(result).length > 0, without the array. */
function hasActiveFlag(result: ConductResult | undefined): boolean {
  return result !== undefined && result.flags.some((f) => f.dismissed === null);
}

export interface CliTimelineEntry {
  id: string;
  at: string;
  channel: string;
  direction: string;
  counterparty: string;
  durationSec: number | null;
  summary: string;
  flags: FlagCode[];
}

/** The `timeline` command's document (docs/cli.md): every contact, oldest first. */
export function cliTimeline(vault: Vault): CliTimelineEntry[] {
  const state = loadTimeline(vault.handle);
  return state.rows.map((r, i) => {
    const conduct = state.conduct[i];
    return {
      id: r.id,
      at: r.at,
      channel: r.channel,
      direction: r.direction,
      counterparty: counterpartyOf(r, conduct?.party.organisation ?? r.organisation),
      durationSec: r.duration_sec,
      summary: r.summary || r.body || '',
      flags: activeFlagCodes(conduct),
    };
  });
}

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Unpaid installments of signed agreements (issue 4's case tables, when this vault has them). */
function installments(db: Db): AgendaInstallment[] {
  if (!tableExists(db, 'case_agreement_installments') || !tableExists(db, 'case_agreements')) return [];
  const hasCreditors = tableExists(db, 'case_creditors');
  const rows = db
    .prepare(
      `SELECT i.agreement_id, i.n, i.date, i.amount, ${hasCreditors ? 'c.legal_name' : 'NULL'} AS creditor
         FROM case_agreement_installments i JOIN case_agreements a ON a.id = i.agreement_id
         ${hasCreditors ? 'LEFT JOIN case_creditors c ON c.id = a.creditor_id' : ''}
        WHERE i.paid = 0 ORDER BY i.date, i.agreement_id, i.n`,
    )
    .all() as { agreement_id: string; n: number; date: string; amount: string; creditor: string | null }[];
  return rows.map((r) => ({ agreementId: r.agreement_id, n: r.n, date: r.date, amount: r.amount, creditor: r.creditor ?? '还款协议' }));
}

function agendaContacts(db: Db): AgendaContact[] {
  const rows = db
    .prepare(
      `SELECT id, at_ms, organisation, person, agent_id, phone, contact_name, summary, body, follow_up_date, follow_up_done, awaiting_reply
         FROM contacts WHERE (follow_up_date IS NOT NULL AND follow_up_done = 0) OR awaiting_reply = 1`,
    )
    .all() as {
    id: string;
    at_ms: number;
    organisation: string | null;
    person: string | null;
    agent_id: string | null;
    phone: string | null;
    contact_name: string | null;
    summary: string;
    body: string | null;
    follow_up_date: string | null;
    follow_up_done: number;
    awaiting_reply: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    date: beijingDate(r.at_ms),
    title: [r.organisation, r.person ?? r.contact_name, r.phone].filter(Boolean).join(' ') || '联系记录',
    detail: (r.summary || r.body || '').slice(0, 140),
    followUpDate: r.follow_up_date,
    followUpDone: r.follow_up_done === 1,
    awaitingReply: r.awaiting_reply === 1,
  }));
}

export function agenda(vault: Vault, today: string = todayBeijing()): Agenda {
  const db = vault.handle;
  // With issue 11's tables: open amounts after payments, reminders before, rounds and requests.
  if (hasRepaymentTables(db)) {
    return { today, items: buildAgenda(agendaContacts(db), openInstallments(db, today), today, agendaExtras(db)) };
  }
  return { today, items: buildAgenda(agendaContacts(db), installments(db), today) };
}

export function summary(vault: Vault): { months: MonthSummary[] } {
  const state = loadTimeline(vault.handle);
  const months = monthlySummary(
    state.rows.map((r) => ({ id: r.id, atMs: r.at_ms, channel: r.channel })),
    state.conduct,
  );
  return { months: months.map((m) => ({ ...m, text: summarySentence(m) })) };
}

/** Due items (today or overdue) not announced before; they are marked as shown. */
export function takeReminders(vault: Vault, today: string = todayBeijing()): { items: AgendaItem[] } {
  const due = dueForReminder(agenda(vault, today).items);
  if (due.length === 0) return { items: [] };
  const fresh = vault.change((db, audit) => {
    const seen = db.prepare('SELECT 1 FROM reminders_shown WHERE item_key = ?');
    const put = db.prepare('INSERT INTO reminders_shown (item_key, shown_at) VALUES (?, ?)');
    const now = new Date().toISOString();
    const out = due.filter((i) => !seen.get(i.key));
    for (const i of out) put.run(i.key, now);
    if (out.length > 0) audit({ action: 'timeline.reminders_shown', newValue: out.map((i) => i.key) });
    return out;
  });
  return { items: fresh };
}
