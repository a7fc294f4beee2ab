// The case on a real encrypted vault: an application sent on 2026-12-18 awaits an
// answer 7–15 working days later, through 2027, for which the app ships no State Council
// schedule. The agenda gives the window with dates (marked provisional), the reminder fires
// when it is due, and once a 2027 schedule is added the same item is recomputed, exact.
import { afterEach, describe, expect, it } from 'vitest';
import { addContact } from '../../main/vault/timeline/contacts';
import { agenda, takeReminders } from '../../main/vault/timeline/queries';
import type { Vault } from '../../main/vault/vault';
import { useAddedHolidays, type HolidayCalendar } from '../../shared/calendar/workdays';
import { makeVault } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  useAddedHolidays(null);
  for (const v of open.splice(0)) v.close();
});

function vaultWithApplication(): Vault {
  const { vault } = makeVault();
  open.push(vault);
  addContact(vault, {
    at: '2026-12-18T10:00:00+08:00',
    channel: 'letter',
    direction: 'outgoing',
    partyType: 'creditor',
    organisation: '招商银行',
    summary: '寄出协商还款申请',
    awaitingReply: true,
  });
  return vault;
}

describe('an answer window that reaches into a year without a schedule', () => {
  it('has dates, is marked provisional, and its reminder fires', () => {
    const v = vaultWithApplication();
    const before = agenda(v, '2026-12-20').items.find((i) => i.kind === 'answer_due')!;
    // +7: Dec 21–25, 28, 29 → 12-29; +15: … 2027-01-01 (元旦) off … → 2027-01-11.
    expect(before).toMatchObject({ windowStart: '2026-12-29', date: '2027-01-11', provisional: true, status: 'later', problem: null });
    expect(takeReminders(v, '2027-01-10').items).toEqual([]);
    const fired = takeReminders(v, '2027-01-11').items;
    expect(fired).toEqual([expect.objectContaining({ kind: 'answer_due', date: '2027-01-11', status: 'today', provisional: true })]);
    // Announced once.
    expect(takeReminders(v, '2027-01-11').items).toEqual([]);
  });
  it('is recomputed, exact, when the 2027 schedule arrives', () => {
    const v = vaultWithApplication();
    // A schedule with a long New Year break moves the end of the window.
    const added: HolidayCalendar = {
      years: { '2027': { holidays: ['2027-01-01', '2027-01-04', '2027-01-05'], workdays: [] } },
    };
    useAddedHolidays(() => added);
    const item = agenda(v, '2026-12-20').items.find((i) => i.kind === 'answer_due')!;
    expect(item).toMatchObject({ windowStart: '2026-12-29', date: '2027-01-13', provisional: false });
  });
});
