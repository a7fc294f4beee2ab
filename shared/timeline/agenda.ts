// What is due: follow-up dates, answers expected 7–15 working days after an application
// (the review window banks and platforms quote), installment dates of signed agreements.
// Pure: the vault supplies the rows and today's Beijing date. Isomorphic.
import { countWorkdays } from '../calendar/workdays';
import { compareDates, addDays } from '../dates';

export const REVIEW_WINDOW_WORKDAYS = { from: 7, to: 15 } as const;
/** Items this many days ahead count as "soon". */
export const SOON_DAYS = 7;

export type AgendaKind = 'follow_up' | 'answer_due' | 'installment';
export type AgendaStatus = 'overdue' | 'today' | 'soon' | 'later';

export interface AgendaEntry {
  key: string;
  kind: AgendaKind;
  date: string;
  windowStart: string | null;
  /** The window runs through a year without a published holiday schedule: an estimate. */
  provisional: boolean;
  status: AgendaStatus;
  contactId: string | null;
  agreementId: string | null;
  title: string;
  detail: string;
  amount: string | null;
  problem: string | null;
}

export interface AgendaContact {
  id: string;
  /** Beijing date of the contact. */
  date: string;
  title: string;
  detail: string;
  followUpDate: string | null;
  followUpDone: boolean;
  awaitingReply: boolean;
}

export interface AgendaInstallment {
  agreementId: string;
  n: number;
  date: string;
  amount: string;
  creditor: string;
}

export function statusOf(date: string, today: string): AgendaStatus {
  const d = compareDates(date, today);
  if (d < 0) return 'overdue';
  if (d === 0) return 'today';
  if (compareDates(date, addDays(today, SOON_DAYS)) <= 0) return 'soon';
  return 'later';
}

export function buildAgenda(contacts: readonly AgendaContact[], installments: readonly AgendaInstallment[], today: string): AgendaEntry[] {
  const items: AgendaEntry[] = [];
  for (const c of contacts) {
    if (c.followUpDate && !c.followUpDone) {
      items.push({
        key: `follow_up:${c.id}:${c.followUpDate}`,
        kind: 'follow_up',
        date: c.followUpDate,
        windowStart: null,
        provisional: false,
        status: statusOf(c.followUpDate, today),
        contactId: c.id,
        agreementId: null,
        title: c.title,
        detail: c.detail,
        amount: null,
        problem: null,
      });
    }
    if (c.awaitingReply) {
      let start: string | null = null;
      let end: string | null = null;
      let problem: string | null = null;
      let provisional = false;
      try {
        const first = countWorkdays(c.date, REVIEW_WINDOW_WORKDAYS.from);
        const last = countWorkdays(c.date, REVIEW_WINDOW_WORKDAYS.to);
        start = first.date;
        end = last.date;
        provisional = first.provisional || last.provisional;
      } catch (err) {
        problem = err instanceof Error ? err.message : String(err);
      }
      items.push({
        key: `answer_due:${c.id}:${c.date}`,
        kind: 'answer_due',
        date: end ?? c.date,
        windowStart: start,
        provisional,
        status: end ? statusOf(end, today) : 'later',
        contactId: c.id,
        agreementId: null,
        title: c.title,
        detail: c.detail,
        amount: null,
        problem,
      });
    }
  }
  for (const i of installments) {
    items.push({
      key: `installment:${i.agreementId}:${i.n}`,
      kind: 'installment',
      date: i.date,
      windowStart: null,
      provisional: false,
      status: statusOf(i.date, today),
      contactId: null,
      agreementId: i.agreementId,
      title: i.creditor,
      detail: `第 ${i.n} 期`,
      amount: i.amount,
      problem: null,
    });
  }
  return items.sort((a, b) => compareDates(a.date, b.date) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Items a reminder should announce: due today or already overdue. */
export function dueForReminder(items: readonly AgendaEntry[]): AgendaEntry[] {
  return items.filter((i) => i.status === 'overdue' || i.status === 'today');
}
