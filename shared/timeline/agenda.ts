// What is due: follow-up dates, answers expected 7–15 working days after an application
// (the review window banks and platforms quote), installment dates of signed agreements and
// reminders a set number of days before each (issue 11), requests for more material.
// Pure: the vault supplies the rows and today's Beijing date. Isomorphic.
import { countWorkdays } from '../calendar/workdays';
import { addDays, compareDates } from '../time/beijing';

export const REVIEW_WINDOW_WORKDAYS = { from: 7, to: 15 } as const;
/** Items this many days ahead count as "soon". */
export const SOON_DAYS = 7;

export type AgendaKind = 'follow_up' | 'answer_due' | 'installment' | 'reminder';
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
  /** Issue 11: the creditor of an installment, reminder, round or request, and the installment's schedule status. */
  creditorId?: string | null;
  scheduleStatus?: string;
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
  /** What is still open of it. */
  amount: string;
  creditor: string;
  creditorId?: string | null;
  /** The schedule's status (shared/repayments/schedule.ts), when known. */
  scheduleStatus?: string;
}

/** An application round still waiting for the creditor's answer (issue 11). */
export interface AgendaRound {
  id: string;
  sentOn: string;
  creditor: string;
  creditorId: string | null;
  detail: string;
}

/** A request for more material with a date to answer by, not done yet. */
export interface AgendaTask {
  id: string;
  due: string;
  creditor: string;
  creditorId: string | null;
  text: string;
}

export interface AgendaExtras {
  rounds?: readonly AgendaRound[];
  tasks?: readonly AgendaTask[];
  /** Days before each installment to remind; 0 = no reminder entries. */
  reminderDays?: number;
}

/**
 * The 7–15 working-day answer window after `sent`. The only call into the working-day
 * calendar from the agenda (kept in one place for the provisional-calendar change).
 */
export function answerWindow(sent: string): { start: string | null; end: string | null; problem: string | null; provisional: boolean } {
  try {
    const first = countWorkdays(sent, REVIEW_WINDOW_WORKDAYS.from);
    const last = countWorkdays(sent, REVIEW_WINDOW_WORKDAYS.to);
    // Through a year with no published schedule the window is estimated (weekends and statutory holidays).
    return { start: first.date, end: last.date, problem: null, provisional: first.provisional || last.provisional };
  } catch (err) {
    return { start: null, end: null, problem: err instanceof Error ? err.message : String(err), provisional: false };
  }
}

export function statusOf(date: string, today: string): AgendaStatus {
  const d = compareDates(date, today);
  if (d < 0) return 'overdue';
  if (d === 0) return 'today';
  if (compareDates(date, addDays(today, SOON_DAYS)) <= 0) return 'soon';
  return 'later';
}

export function buildAgenda(contacts: readonly AgendaContact[], installments: readonly AgendaInstallment[], today: string, extras: AgendaExtras = {}): AgendaEntry[] {
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
      const { start, end, problem, provisional } = answerWindow(c.date);
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
      ...(i.creditorId !== undefined ? { creditorId: i.creditorId } : {}),
      ...(i.scheduleStatus !== undefined ? { scheduleStatus: i.scheduleStatus } : {}),
    });
    const days = extras.reminderDays ?? 0;
    if (days > 0 && compareDates(i.date, today) >= 0) {
      const on = addDays(i.date, -days);
      items.push({
        key: `reminder:${i.agreementId}:${i.n}:${i.date}:${days}`,
        kind: 'reminder',
        date: on,
        windowStart: null,
        provisional: false,
        status: statusOf(on, today),
        contactId: null,
        agreementId: i.agreementId,
        // The reminder's own date is when to remind; the title says when the installment is due.
        title: `${i.creditor}：第 ${i.n} 期 ${i.date} 到期`,
        detail: `第 ${i.n} 期 ${i.date} 到期`,
        amount: i.amount,
        problem: null,
        ...(i.creditorId !== undefined ? { creditorId: i.creditorId } : {}),
      });
    }
  }
  for (const r of extras.rounds ?? []) {
    const { start, end, problem, provisional } = answerWindow(r.sentOn);
    items.push({
      key: `answer_due:round:${r.id}`,
      kind: 'answer_due',
      date: end ?? r.sentOn,
      windowStart: start,
      provisional,
      status: end ? statusOf(end, today) : 'later',
      contactId: null,
      agreementId: null,
      title: r.creditor,
      detail: r.detail,
      amount: null,
      problem,
      creditorId: r.creditorId,
    });
  }
  for (const t of extras.tasks ?? []) {
    items.push({
      key: `follow_up:request:${t.id}:${t.due}`,
      kind: 'follow_up',
      date: t.due,
      windowStart: null,
      provisional: false,
      status: statusOf(t.due, today),
      contactId: null,
      agreementId: null,
      title: t.creditor,
      detail: t.text,
      amount: null,
      problem: null,
      creditorId: t.creditorId,
    });
  }
  return items.sort((a, b) => compareDates(a.date, b.date) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Items a reminder should announce: due today or already overdue. */
export function dueForReminder(items: readonly AgendaEntry[]): AgendaEntry[] {
  return items.filter((i) => i.status === 'overdue' || i.status === 'today');
}
