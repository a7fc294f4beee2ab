import { addDays } from '../time/beijing';
// A small iCalendar (RFC 5545) writer for the agenda export: CRLF line ends, content lines
// folded at 75 octets (never inside a UTF-8 character), TEXT values escaped (\ ; , and
// newlines), a UID and DTSTAMP on every event, all-day events with a VALARM. Hand-written:
// the subset needed is small and a library would pull far more than it gives. Isomorphic.

export interface IcsEvent {
  uid: string;
  /** YYYY-MM-DD, an all-day event. */
  date: string;
  summary: string;
  description?: string;
  /** Alarm this many days before the day, at 09:00 (0 = 09:00 on the day). */
  alarmDaysBefore: number;
  alarmText: string;
}

const encoder = new TextEncoder();

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line: at most 75 octets per physical line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space counts
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (date: string) => date.replace(/-/g, '');

function nextDay(date: string): string {
  return addDays(date, 1);
}

/** UTC "20261205T195500Z". */
export function icsStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The alarm trigger relative to the all-day event's start (00:00): N days before at 09:00. */
export function alarmTrigger(daysBefore: number): string {
  if (daysBefore <= 0) return 'PT9H';
  return daysBefore === 1 ? '-PT15H' : `-P${daysBefore - 1}DT15H`;
}

export function writeIcs(events: readonly IcsEvent[], now: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Xieshang//Agenda//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  const stamp = icsStamp(now);
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(e.date)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push(
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(e.alarmText)}`,
      `TRIGGER:${alarmTrigger(e.alarmDaysBefore)}`,
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
