// The agenda for people outside the app: the `agenda` CLI document and the calendar events
// of the .ics export. Without details an event says only what kind of thing is due (it
// can show on a locked phone screen); with details it carries the creditor and the amount.
import { addDays, compareDates } from '../time/beijing';
import { formatMoneyGrouped } from '../money/decimal';
import type { AgendaEntry } from '../timeline/agenda';
import type { IcsEvent } from './ics';

export interface CliAgendaItem {
  date: string;
  kind: 'installment' | 'reminder' | 'answer_due' | 'follow_up';
  title: string;
  creditorId?: string;
  agreementId?: string;
  amount?: string;
  status?: string;
}

/**
 * Items dated in [from, from + days); open installments already late are included too
 * (they are still due), whatever their date.
 */
export function inWindow(items: readonly AgendaEntry[], from: string, days: number): AgendaEntry[] {
  const end = addDays(from, days);
  return items.filter((i) => (compareDates(i.date, from) >= 0 && compareDates(i.date, end) < 0) || (i.kind === 'installment' && i.scheduleStatus === 'late'));
}

export function cliAgendaItems(items: readonly AgendaEntry[]): CliAgendaItem[] {
  return items.map((i) => ({
    date: i.date,
    kind: i.kind,
    title: i.kind === 'reminder' ? i.title : i.kind === 'installment' ? `${i.title} ${i.detail}` : i.detail ? `${i.title}：${i.detail}` : i.title,
    ...(i.creditorId ? { creditorId: i.creditorId } : {}),
    ...(i.agreementId ? { agreementId: i.agreementId } : {}),
    ...(i.amount !== null ? { amount: i.amount } : {}),
    ...(i.kind === 'installment' && i.scheduleStatus ? { status: i.scheduleStatus } : {}),
  }));
}

const GENERIC: Record<'installment' | 'answer_due' | 'follow_up', string> = {
  installment: '还款日',
  answer_due: '等待答复的最后一天',
  follow_up: '跟进',
};

/** Calendar events: installments, answer windows, follow-ups (reminders become each installment's alarm). */
export function calendarEvents(items: readonly AgendaEntry[], reminderDays: number, details: boolean): IcsEvent[] {
  const out: IcsEvent[] = [];
  for (const i of items) {
    if (i.kind === 'reminder') continue;
    const generic = GENERIC[i.kind];
    const summary = details
      ? i.kind === 'installment'
        ? `${generic}：${i.title} ${i.detail}${i.amount ? ` ¥${formatMoneyGrouped(i.amount)}` : ''}`
        : `${generic}：${i.title}${i.detail ? ` ${i.detail}` : ''}`
      : generic;
    out.push({
      uid: `${i.key.replace(/[^\w.-]+/g, '-')}@xieshang.local`,
      date: i.date,
      summary,
      ...(details && i.windowStart ? { description: `答复期：第 7 个工作日 ${i.windowStart}，第 15 个工作日 ${i.date}` } : {}),
      alarmDaysBefore: i.kind === 'installment' ? reminderDays : 0,
      alarmText: details ? summary : `协商证据箱：${generic}`,
    });
  }
  return out;
}
