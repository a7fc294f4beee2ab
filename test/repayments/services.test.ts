// Issue 11 through the real app services and the IPC dispatcher: an agreement, a payment,
// a reminder before the due date reaching the renderer event and the platform's
// notification hook (counts only), and the calendar export through the save-dialog hook.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createDispatcher } from '../../main/ipc/dispatch';
import { addDays, todayBeijing } from '../../shared/time/beijing';
import { PASS, tmpDir } from '../helpers/tmp';
import type { RepaymentsList } from '../../shared/contracts/repayments';

let services: AppServices | null = null;
afterEach(async () => {
  await services?.dispose();
  services = null;
});

async function setup(saveTo: string | null) {
  const dataDir = tmpDir();
  const events: { event: string; payload: unknown }[] = [];
  const notes: { title: string; body: string }[] = [];
  const asked: string[] = [];
  services = await createAppServices({
    dataDir,
    mode: 'harness',
    emit: (event, payload) => events.push({ event, payload }),
    log: () => {},
    platform: {
      chooseSavePath: async (name) => {
        asked.push(name);
        return saveTo;
      },
      notify: (title, body) => notes.push({ title, body }),
    },
  });
  const dispatch = createDispatcher(services.handlers);
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const env = (await dispatch(channel, args)) as { ok: boolean; value?: T; error?: { message: string } };
    if (!env.ok) throw new Error(env.error!.message);
    return env.value as T;
  };
  await call('vault:create', { passphrase: PASS });
  const doc = await call<{ creditors: { id: string }[]; accounts: { id: string }[] }>('case:saveAccount', {
    account: {
      label: '信用卡',
      number: '',
      principal: '2000.00',
      interest: '0.00',
      fees: '0.00',
      dueDate: null,
      overdueSince: null,
      penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-10-09' },
      contractDate: null,
      evidenceIds: [],
      note: '',
    },
    creditor: { legalName: '某某银行信用卡中心', product: 'credit-card', productName: '', channels: [], note: '' },
  });
  return { call, events, notes, asked, creditorId: doc.creditors[0]!.id, accountId: doc.accounts[0]!.id };
}

const today = todayBeijing();
const agreement = (creditorId: string, accountId: string, amounts = ['1000.00', '1000.00']) => ({
  agreement: {
    planId: null,
    creditorId,
    accountIds: [accountId],
    signedOn: addDays(today, -10),
    total: '2000.00',
    waived: { interest: '0.00', penalty: '0.00', fees: '0.00' },
    deadline: null,
    evidenceId: null,
    installments: [
      { n: 1, date: addDays(today, 3), amount: amounts[0], paid: false, paidOn: null, evidenceId: null },
      { n: 2, date: addDays(today, 33), amount: amounts[1], paid: false, paidOn: null, evidenceId: null },
    ],
    note: '',
  },
  terms: {
    balance: { principal: '2000.00', interest: '0.00', penalty: '0.00', fees: '0.00' },
    charges: '',
    noNewCards: true,
    duties: '',
    otherClauses: '',
    inWriting: false,
    roundId: null,
  },
});

describe('repayments services', () => {
  it('a reminder 3 days before the installment reaches the renderer and the notification hook, without names or amounts', async () => {
    const s = await setup(null);
    await s.call('repayments:saveAgreement', agreement(s.creditorId, s.accountId));
    await expect.poll(() => s.notes.length, { timeout: 5000 }).toBe(1);
    expect(s.notes[0]!.body).toContain('1 个还款提醒');
    expect(JSON.stringify(s.notes)).not.toMatch(/某某银行|1000/);
    const reminder = s.events.find((e) => e.event === 'timeline:reminder')!.payload as { items: { kind: string; date: string }[] };
    expect(reminder.items).toEqual([expect.objectContaining({ kind: 'reminder', date: today })]);
  });

  it('refuses installments not adding up, over IPC, with the code; nothing saved', async () => {
    const s = await setup(null);
    await expect(s.call('repayments:saveAgreement', agreement(s.creditorId, s.accountId, ['1000.00', '999.99']))).rejects.toThrow(/协议没有保存：各期之和为 1999\.99 元/);
    expect((await s.call<RepaymentsList>('repayments:list', {})).agreements).toEqual([]);
  });

  it('pay and list; the calendar export goes through the save dialog hook; cancel writes nothing', async () => {
    const out = `${tmpDir()}/cal.ics`;
    const s = await setup(out);
    const { id } = await s.call<{ id: string }>('repayments:saveAgreement', agreement(s.creditorId, s.accountId));
    const paid = await s.call<{ remaining: string }>('repayments:pay', { agreementId: id, amount: '1500', date: today, receiptId: null, note: '' });
    expect(paid.remaining).toBe('500.00');
    const list = await s.call<RepaymentsList>('repayments:list', {});
    expect(list.agreements[0]!.schedule.installments.map((i) => i.status)).toEqual(['paid', 'partial']);
    expect(list.agreements[0]!.needsWriting).toBe(true);
    const r = await s.call<{ cancelled: boolean; out: string; events: number }>('repayments:exportCalendar', { days: 365, details: false });
    expect(r).toEqual({ cancelled: false, out, events: 1 });
    expect(s.asked[0]).toMatch(/^协商证据箱-日程-\d{4}-\d{2}-\d{2}\.ics$/);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('BEGIN:VALARM');
    expect(text).toContain(`DTSTART;VALUE=DATE:${addDays(today, 33).replace(/-/g, '')}`);
    expect(
      text
        .split('\r\n')
        .filter((l) => /^(SUMMARY|DESCRIPTION):/.test(l))
        .join('\n'),
    ).not.toMatch(/某某银行|500|¥/);
  });

  it('a cancelled save dialog writes nothing', async () => {
    const s = await setup(null);
    expect(await s.call('repayments:exportCalendar', { days: 30, details: true })).toEqual({ cancelled: true });
  });
});
