// Contacts confirmed from a screenshot's proposals (issue 12): each stored with its text and
// the claims the same parser reads from typed and imported SMS, the same conduct flags and
// creditor-side attribution as the same message imported from an SMS backup, linked to the
// screenshot; a bad entry refuses the whole confirmation and changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { beginStaging, StagingWriter } from '../../main/vault/evidence/blob-store';
import { commitStaged } from '../../main/vault/evidence/ingest';
import { addScreenshotContacts } from '../../main/vault/timeline/screenshot-contacts';
import { getContact } from '../../main/vault/timeline/contacts';
import { listTimeline } from '../../main/vault/timeline/queries';
import { importSmsBackup } from '../../main/vault/timeline/sms-import';
import { bufferSource } from '../../main/vault/timeline/xml-text';
import type { Vault } from '../../main/vault/vault';
import { bj, makeVault, smsXml } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
async function screenshot(v: Vault, name: string): Promise<string> {
  const w = new StagingWriter(v.handle, beginStaging(v.handle), true);
  w.add(Buffer.concat([PNG, Buffer.from(name)]));
  w.finish();
  const r = await commitStaged(v, w, { label: name, name, modifiedMs: null, route: 'upload', category: 'sms' });
  if ('error' in r) throw new Error('import failed');
  return r.id;
}

const COLLECTION = '【某某资产】您的借呗已逾期第37日，已还500.00元，剩余欠款¥3,256.78元，最低还款520.00元，请于11月2日前处理，否则将上门走访并联系您的单位。';
const MINE = '我下周三前还一部分，已经在申请分期了';

describe('proposed contacts confirmed from a screenshot', () => {
  it('store their claims, flags and side exactly as the same SMS imported from a backup, linked to the screenshot', async () => {
    const m = makeVault();
    open.push(m.vault);
    const v = m.vault;
    const shot = await screenshot(v, 'IMG_20241021_231500.png');
    const { ids } = addScreenshotContacts(v, {
      evidenceId: shot,
      layout: 'sms-conversation',
      entries: [
        { at: '2024-10-21T23:10', direction: 'incoming', sender: '95188', text: COLLECTION },
        { at: '2024-10-21T23:12', direction: 'outgoing', sender: '95188', text: MINE },
      ],
    });
    expect(ids).toHaveLength(2);
    // The same message from an SMS backup, to compare with.
    importSmsBackup(v, bufferSource(Buffer.from(smsXml([{ address: '95188', date: bj(2024, 10, 21, 23, 10), body: COLLECTION }]))), { name: 'b.xml' });

    const entries = listTimeline(v).entries;
    const fromShot = entries.find((e) => e.id === ids[0])!;
    const fromBackup = entries.find((e) => e.source === 'sms_backup')!;
    expect(fromShot.claims).toEqual({ amountOwed: '3256.78', overdueDays: 37, dueDate: '2024-11-02', minimumPayment: '520.00' });
    expect(fromShot.claims).toEqual(fromBackup.claims);
    expect(fromShot.flags.map((f) => f.code).sort()).toEqual(fromBackup.flags.map((f) => f.code).sort());
    expect(fromShot.flags.map((f) => f.code)).toContain('night_contact');
    expect(fromShot.side).toEqual(fromBackup.side);
    expect(fromShot.party).toBe(fromBackup.party);
    expect(fromShot.party).not.toBe('unknown');
    expect(fromShot).toMatchObject({ channel: 'sms', direction: 'incoming', phone: '95188', at: '2024-10-21T23:10:00+08:00', source: 'chat_screenshots', evidenceIds: [shot] });
    expect(fromShot.preview).toContain('剩余欠款');

    // My own message makes no claim.
    const mine = getContact(v, ids[1]!);
    expect(mine).toMatchObject({ direction: 'outgoing', claims: null, body: MINE, evidenceIds: [shot] });
    expect(v.verifyAudit().ok).toBe(true);
  });

  it('a chat from a named sender keeps the name; claims are read from the text as corrected; a bad time adds nothing', async () => {
    const m = makeVault();
    open.push(m.vault);
    const v = m.vault;
    const shot = await screenshot(v, 'IMG_20241018_090000.png');
    const { ids } = addScreenshotContacts(v, {
      evidenceId: shot,
      layout: 'chat',
      entries: [{ at: '2024-10-18T08:40', direction: 'incoming', sender: '借呗客服小王', text: '您好，您目前逾期第15日，应还总额人民币壹万贰仟元整。' }],
    });
    const c = getContact(v, ids[0]!);
    expect(c).toMatchObject({ channel: 'chat', person: '借呗客服小王', phone: null, claims: { amountOwed: '12000.00', overdueDays: 15 } });

    const before = listTimeline(v).total;
    expect(() =>
      addScreenshotContacts(v, {
        evidenceId: shot,
        layout: 'chat',
        entries: [
          { at: '2024-10-18T09:00', direction: 'incoming', sender: 'x', text: '好的' },
          { at: '2024-10-18T', direction: 'incoming', sender: 'x', text: '第二条' },
        ],
      }),
    ).toThrow(/第 2 条的时间/);
    expect(() => addScreenshotContacts(v, { evidenceId: 'nope', layout: 'chat', entries: [{ at: '2024-10-18T09:00', direction: 'incoming', sender: '', text: '好' }] })).toThrow(
      /找不到证据/,
    );
    expect(listTimeline(v).total).toBe(before);
  });
});
