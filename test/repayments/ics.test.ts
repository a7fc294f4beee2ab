// The iCalendar writer, read strictly: CRLF only, no physical line over 75 octets, folds
// never split a UTF-8 character, escaping, UID / DTSTAMP on every event, VALARM triggers,
// and no amounts or names unless asked for.
import { describe, expect, it } from 'vitest';
import { alarmTrigger, escapeText, foldLine, writeIcs } from '../../shared/repayments/ics';
import { calendarEvents } from '../../shared/repayments/agenda-export';
import type { AgendaEntry } from '../../shared/timeline/agenda';

const NOW = new Date('2026-12-05T19:55:00.123Z');
const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/** Undo folding (RFC 5545 §3.1): CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '');

describe('ics writer', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'还款提醒'.repeat(40)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of physical.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('alarm triggers: N days before at 09:00', () => {
    expect(alarmTrigger(3)).toBe('-P2DT15H');
    expect(alarmTrigger(1)).toBe('-PT15H');
    expect(alarmTrigger(0)).toBe('PT9H');
  });

  it('writes a calendar with CRLF line ends, UID, DTSTAMP, all-day dates and a VALARM per event', () => {
    const text = writeIcs([{ uid: 'installment-a-1@xieshang.local', date: '2026-12-31', summary: '还款日', alarmDaysBefore: 3, alarmText: '协商证据箱：还款日' }], NOW);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Xieshang//Agenda//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:installment-a-1@xieshang.local',
      'DTSTAMP:20261205T195500Z',
      'DTSTART;VALUE=DATE:20261231',
      'DTEND;VALUE=DATE:20270101',
      'SUMMARY:还款日',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'DESCRIPTION:协商证据箱：还款日',
      'TRIGGER:-P2DT15H',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
});

const entry = (over: Partial<AgendaEntry>): AgendaEntry => ({
  key: 'installment:ag-1:2',
  kind: 'installment',
  date: '2026-04-15',
  windowStart: null,
  provisional: false,
  status: 'later',
  contactId: null,
  agreementId: 'ag-1',
  title: '某某银行股份有限公司信用卡中心',
  detail: '第 2 期',
  amount: '1500.00',
  problem: null,
  ...over,
});

describe('agenda → calendar events', () => {
  const items = [
    entry({}),
    entry({ key: 'reminder:ag-1:2:2026-04-15:3', kind: 'reminder', date: '2026-04-12' }),
    entry({ key: 'answer_due:round:r1', kind: 'answer_due', date: '2026-04-20', windowStart: '2026-04-09', agreementId: null, amount: null, detail: '2026-03-30 寄出的申请' }),
  ];

  it('without details: no amounts, no names; the reminder becomes the installment alarm', () => {
    const events = calendarEvents(items, 3, false);
    expect(events.map((e) => [e.summary, e.alarmDaysBefore])).toEqual([
      ['还款日', 3],
      ['等待答复的最后一天', 0],
    ]);
    const text = writeIcs(events, NOW);
    expect(text).not.toMatch(/1500|1,500|银行|第 2 期/);
    expect(text.match(/BEGIN:VALARM/g)).toHaveLength(2);
    expect(text.match(/^UID:/gm)).toHaveLength(2);
  });

  it('with details: the creditor and the amount, escaped and folded', () => {
    const text = unfold(writeIcs(calendarEvents(items, 3, true), NOW));
    expect(text).toContain('SUMMARY:还款日：某某银行股份有限公司信用卡中心 第 2 期 ¥1\\,500.00');
    expect(text).toContain('DESCRIPTION:答复期：第 7 个工作日 2026-04-09，第 15 个工作日 2026-04-20');
  });
});
