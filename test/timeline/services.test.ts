// The timeline through the real services and the IPC dispatcher (zod-validated), on a
// real encrypted vault: contacts by hand, flags and dismissals (audit log), marks, filters
// and search, agenda and reminders, uploads, links to evidence, the case JSON port.
import { afterEach, describe, expect, it } from 'vitest';
import { callChannel, makeServices, type ServicesUnderTest } from '../helpers/services';
import { PASS } from '../helpers/tmp';
import { addDays, todayBeijing } from '../../shared/time/beijing';
import { smsXml, bj, wav } from './fixtures';
import type { ContactDetail, TimelineList } from '../../shared/contracts/timeline';

let s: ServicesUnderTest | null = null;
afterEach(async () => {
  await s?.services.dispose();
  s = null;
});

async function ready(): Promise<ServicesUnderTest> {
  s = await makeServices();
  await call('vault:create', { passphrase: PASS });
  return s;
}
function call<T = unknown>(channel: string, args: unknown = {}): Promise<T> {
  return callChannel<T>(s!, channel, args);
}
/** Sends bytes through the one upload primitive (as renderer/src/lib/upload.ts does); returns the upload id. */
async function stage(label: string, bytes: Buffer, chunk = 256 * 1024): Promise<string> {
  const begun = await call<{ uploadId: string }>('evidence:uploadBegin', { name: label.split('/').pop(), relativePath: label, size: bytes.length });
  for (let at = 0, seq = 0; at < bytes.length; at += chunk, seq++) {
    await call('evidence:uploadChunk', { uploadId: begun.uploadId, seq, data: bytes.subarray(at, at + chunk).toString('base64') });
  }
  return begun.uploadId;
}
const fail = async (channel: string, args: unknown) => {
  const env = await s!.dispatch(channel, args);
  if (env.ok) throw new Error(`${channel} should have failed`);
  return env.error;
};

const CALL = {
  at: '2024-10-21T23:10:00+08:00',
  channel: 'phone',
  direction: 'incoming',
  partyType: 'collector',
  organisation: '某某资产管理有限公司',
  person: '王经理',
  agentId: 'A102',
  phone: '13700001111',
  durationSec: 420,
  summary: '催收员来电，说再不还就起诉，还要联系我单位领导。',
  theySaid: '可以减免部分罚息，需一次性还清',
  iPromised: '月底前答复',
  outcome: '未达成',
  followUpDate: '2024-10-31',
} as const;

describe('contacts by hand', () => {
  it('add, read, update, delete (the audit chain stays valid); arguments are validated', async () => {
    await ready();
    const c = await call<ContactDetail>('timeline:add', CALL);
    expect(c).toMatchObject({
      at: '2024-10-21T23:10:00+08:00',
      party: 'collector',
      counterparty: '某某资产管理有限公司 王经理 工号 A102 13700001111',
      theySaid: '可以减免部分罚息，需一次性还清',
      followUpDate: '2024-10-31',
      flags: [
        { code: 'night_contact', dismissed: null, beijingTime: '23:10' },
        { code: 'threat_or_impersonation', dismissed: null, words: ['起诉', '单位领导'], threatKinds: ['court', 'family_or_work'] },
      ],
    });
    const updated = await call<ContactDetail>('timeline:update', { id: c.id, patch: { outcome: '同意分 12 期', followUpDone: true } });
    expect(updated).toMatchObject({ outcome: '同意分 12 期', followUpDone: true });
    await call('timeline:delete', { id: c.id });
    expect((await fail('timeline:get', { id: c.id })).code).toBe('BAD_INPUT');
    const ok = await call<{ ok: boolean; rows: number }>('vault:auditVerify');
    expect(ok.ok).toBe(true);

    // Malformed calls never reach the vault.
    for (const bad of [
      { ...CALL, channel: 'fax' },
      { ...CALL, followUpDate: '31/10/2024' },
      { ...CALL, durationSec: -1 },
      { ...CALL, extra: 1 },
      { ...CALL, partyType: 'police' },
    ]) {
      expect((await fail('timeline:add', bad)).code).toBe('BAD_REQUEST');
    }
    expect((await fail('timeline:add', { ...CALL, at: '2024-02-30T10:00:00+08:00' })).code).toBe('BAD_INPUT');
    expect((await fail('timeline:add', { ...CALL, followUpDate: '2024-02-30' })).code).toBe('BAD_INPUT');
  });

  it('an empty contact is refused with a named error and nothing is written; a contact with only a number or only words is kept', async () => {
    await ready();
    const empty = { at: '2024-10-21T10:00:00+08:00', channel: 'phone', direction: 'incoming', organisation: '  ', summary: ' ' };
    const e = await fail('timeline:add', empty);
    expect(e.code).toBe('EMPTY_CONTACT');
    expect(e.message).toContain('缺少对方和联系内容');
    const noTime = await fail('timeline:add', { ...CALL, at: '' });
    expect(noTime.code).toBe('BAD_INPUT');
    expect(noTime.message).toContain('没有填写联系时间');
    expect((await call<TimelineList>('timeline:list', { filter: {} })).total).toBe(0);

    const byNumber = await call<ContactDetail>('timeline:add', { at: '2024-10-21T10:00:00+08:00', channel: 'phone', direction: 'incoming', phone: '95188' });
    const byWords = await call<ContactDetail>('timeline:add', { at: '2024-10-21T11:00:00+08:00', channel: 'visit', direction: 'outgoing', summary: '去网点问了分期' });
    expect((await call<TimelineList>('timeline:list', { filter: {} })).total).toBe(2);
    // Emptying a kept contact is refused too, and the row keeps what it had.
    expect((await fail('timeline:update', { id: byNumber.id, patch: { phone: '' } })).code).toBe('EMPTY_CONTACT');
    expect((await call<ContactDetail>('timeline:get', { id: byNumber.id })).phone).toBe('95188');
    expect((await fail('timeline:update', { id: byWords.id, patch: { summary: '' } })).code).toBe('EMPTY_CONTACT');
    expect((await call<{ ok: boolean }>('vault:auditVerify')).ok).toBe(true);
  });

  it('dismissing a flag needs a reason, goes to the audit log, and can be undone', async () => {
    await ready();
    const c = await call<ContactDetail>('timeline:add', CALL);
    expect((await fail('timeline:dismissFlag', { id: c.id, flag: 'night_contact', reason: '  ' })).code).toBe('BAD_REQUEST');
    expect((await fail('timeline:dismissFlag', { id: c.id, flag: 'excess_calls', reason: '没有这个标记' })).code).toBe('BAD_INPUT');
    const d = await call<ContactDetail>('timeline:dismissFlag', { id: c.id, flag: 'night_contact', reason: '是我约他晚上打来的' });
    expect(d.flags[0]).toMatchObject({ code: 'night_contact', dismissed: { reason: '是我约他晚上打来的' } });
    const list = await call<TimelineList>('timeline:list', { filter: { flaggedOnly: true } });
    expect(list.entries).toHaveLength(1); // still flagged: the threat
    const r = await call<ContactDetail>('timeline:restoreFlag', { id: c.id, flag: 'night_contact' });
    expect(r.flags[0]!.dismissed).toBeNull();
  });

  it('marks on numbers decide the creditor side (and override the shipped directory)', async () => {
    await ready();
    const c = await call<ContactDetail>('timeline:add', { at: '2024-10-21T23:00:00+08:00', channel: 'phone', direction: 'incoming', phone: '+86 139 1234 5678' });
    expect(c.flags).toEqual([]);
    await call('timeline:mark', { number: '13912345678', side: 'collector', organisation: '某催收公司' });
    expect((await call<ContactDetail>('timeline:get', { id: c.id })).flags.map((f) => f.code)).toEqual(['night_contact']);
    const m = await call<{ marks: unknown[]; directory: unknown[] }>('timeline:marks');
    expect(m.marks).toEqual([{ number: '13912345678', key: '13912345678', side: 'collector', organisation: '某催收公司' }]);
    expect(m.directory).toContainEqual({ number: '95188', organisation: '支付宝 / 蚂蚁（花呗、借呗）', note: expect.any(String) });
    await call('timeline:mark', { number: '13912345678', side: null });
    expect((await call<ContactDetail>('timeline:get', { id: c.id })).flags).toEqual([]);
  });
});

describe('imports through the app (uploads) and the list', () => {
  it('SMS and recordings uploaded as bytes; filters by channel, party, flags, dates and search', async () => {
    await ready();
    const xml = smsXml([
      { address: '95188', date: bj(2024, 10, 18, 22, 50), body: '【花呗】您的花呗已逾期15天，应还金额3208.40元。' },
      { address: '95188', date: bj(2024, 10, 18, 22, 51), type: '2', body: '收到，月底前处理' },
      { address: '10086', date: bj(2024, 10, 25, 10, 0), body: '您的话费账单已出' },
    ]);
    // 10 KB chunks: the backup arrives in several pieces and is read back from the vault.
    const sms = await call('timeline:importSmsUpload', { uploadId: await stage('sms.xml', Buffer.from(xml), 10 * 1024), taskId: 'sms-1' });
    expect(sms).toMatchObject({ imported: 3, skipped: 0, rejectedCount: 0 });
    expect(s!.events.some((e) => e.event === 'task:progress' && (e.payload as { taskId: string }).taskId === 'sms-1')).toBe(true);
    const calls = { results: [] as unknown[] };
    for (const [label, bytes] of [
      ['recordings/95188_20241019080000.wav', wav(2)],
      ['recordings/notes.txt', Buffer.from('not audio')],
    ] as const) {
      calls.results.push(...(await call<{ results: unknown[] }>('timeline:importCallUpload', { uploadId: await stage(label, bytes) })).results);
    }
    expect(calls.results).toEqual([
      expect.objectContaining({ file: 'recordings/95188_20241019080000.wav', number: '95188', durationSec: 2 }),
      { file: 'recordings/notes.txt', error: { code: 'NOT_AUDIO', message: expect.any(String) } },
    ]);
    await call('timeline:add', CALL);

    const list = (filter: object) => call<TimelineList>('timeline:list', { filter }).then((l) => l.entries.map((e) => e.preview || e.counterparty));
    expect((await call<TimelineList>('timeline:list', {})).total).toBe(5);
    expect(await list({ channels: ['phone'] })).toHaveLength(2);
    expect(await list({ parties: ['collector'] })).toEqual([CALL.summary]);
    expect(await list({ parties: ['unknown'] })).toEqual(['您的话费账单已出']);
    expect(await list({ flaggedOnly: true })).toEqual(['【花呗】您的花呗已逾期15天，应还金额3208.40元。', CALL.summary]);
    expect(await list({ from: '2024-10-19', to: '2024-10-21' })).toHaveLength(2);
    expect(await list({ query: '逾期' })).toEqual(['【花呗】您的花呗已逾期15天，应还金额3208.40元。']);
    expect(await list({ query: '单位领导' })).toEqual([CALL.summary]);
    expect(await list({ query: '月底前' })).toHaveLength(2); // my SMS and what I promised on the call
    expect(await list({ query: '不存在的词' })).toEqual([]);

    const summary = await call<{ months: { month: string; text: string; nightContacts: number }[] }>('timeline:summary');
    expect(summary.months.map((m) => [m.month, m.nightContacts])).toEqual([['2024-10', 2]]);
    expect(summary.months[0]!.text).toContain('2024年10月');
  });
});

describe('agenda and reminders', () => {
  it('a follow-up set by hand appears in the agenda; due ones are announced once (in-app event)', async () => {
    await ready();
    const today = todayBeijing();
    await call('timeline:add', { ...CALL, at: `${addDays(today, -1)}T10:00:00+08:00`, followUpDate: today });
    await call('timeline:add', { ...CALL, at: `${addDays(today, -1)}T11:00:00+08:00`, followUpDate: addDays(today, 30), awaitingReply: true, summary: '提交了分期申请' });
    const agenda = await call<{ today: string; items: { kind: string; date: string; status: string }[] }>('timeline:agenda');
    expect(agenda.today).toBe(today);
    expect(agenda.items.map((i) => [i.kind, i.status])).toEqual([
      ['follow_up', 'today'],
      ['answer_due', expect.stringMatching(/^(soon|later)$/)],
      ['follow_up', 'later'],
    ]);
    // The add triggered a reminder check: one event with the item due today, never repeated.
    await expect.poll(() => s!.events.filter((e) => e.event === 'timeline:reminder').length).toBe(1);
    const reminder = s!.events.find((e) => e.event === 'timeline:reminder')!.payload as { items: { kind: string; date: string }[] };
    expect(reminder.items).toEqual([expect.objectContaining({ kind: 'follow_up', date: today })]);
    await call('timeline:update', { id: (await call<TimelineList>('timeline:list', {})).entries[0]!.id, patch: { summary: '改了一下' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(s!.events.filter((e) => e.event === 'timeline:reminder')).toHaveLength(1);
  });
});

describe('desktop notification hook', () => {
  it('due items reach platform.notify once, as counts without names or amounts', async () => {
    const { createInProcessHost, featureClient } = await import('../../main/vault/host');
    const { createTimelineService } = await import('../../main/services/timeline-reminders');
    const { tmpDir } = await import('../helpers/tmp');
    const host = createInProcessHost({ vaultPath: `${tmpDir()}/v.xsv`, actor: 'app' });
    const notes: { title: string; body: string }[] = [];
    const events: unknown[] = [];
    const svc = createTimelineService({
      host,
      platform: { chooseSavePath: async () => null, notify: (title, body) => notes.push({ title, body }) },
      emit: (_e, p) => events.push(p),
      reminderIntervalMs: 3_600_000,
    });
    try {
      expect(await svc.checkReminders()).toEqual([]); // no vault yet
      await host.create(PASS);
      await featureClient(host, 'timeline').add({ ...CALL, organisation: '招商银行', followUpDate: todayBeijing() } as never);
      void svc.checkReminders();
      await expect.poll(() => notes.length).toBe(1);
      expect(notes[0]).toEqual({ title: '协商证据箱：有到期的待办', body: '今天有 1 项到期或已过期：1 个跟进。打开协商证据箱查看。' });
      expect(JSON.stringify(notes)).not.toContain('招商银行');
      expect(await svc.checkReminders()).toEqual([]);
      expect(notes).toHaveLength(1);
    } finally {
      svc.dispose();
      await host.dispose();
    }
  });
});
