// The timeline's ties to the rest of the vault: audit rows (dismissal reasons), evidence
// links both ways (a contact made from chat screenshots; deleting a contact keeps its
// evidence), installments of the case's agreements in the agenda, reminders shown once,
// and the case JSON (`case export` / `case import`) carrying every contact unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { beginStaging, StagingWriter } from '../../main/vault/evidence/blob-store';
import { commitStaged } from '../../main/vault/evidence/ingest';
import { addContact, contactFromEvidence, contactsForEvidence, deleteContact, dismissFlag, getContact } from '../../main/vault/timeline/contacts';
import { agenda, cliTimeline, takeReminders } from '../../main/vault/timeline/queries';
import { importSmsBackup } from '../../main/vault/timeline/sms-import';
import { bufferSource } from '../../main/vault/timeline/xml-text';
import { exportCase, importCase } from '../../main/vault/case/service';
import type { Vault } from '../../main/vault/vault';
import { bj, makeVault, smsXml } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
const setup = () => {
  const m = makeVault();
  open.push(m.vault);
  return m.vault;
};

// A real 1×1 PNG, stored through the evidence module's own pipeline.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
async function screenshot(v: Vault, name: string): Promise<string> {
  const w = new StagingWriter(v.handle, beginStaging(v.handle), true);
  w.add(Buffer.concat([PNG, Buffer.from(name)]));
  w.finish();
  const r = await commitStaged(v, w, { label: name, name, modifiedMs: null, route: 'upload', category: 'chat_screenshot' });
  if ('error' in r) throw new Error('import failed');
  return r.id;
}

describe('audit log', () => {
  it('a dismissal and its reason are in the audit log, in the same transaction as the change', () => {
    const v = setup();
    const c = addContact(v, { at: '2024-10-21T23:00:00+08:00', channel: 'phone', direction: 'incoming', partyType: 'creditor' });
    dismissFlag(v, c.id, 'night_contact', '我同意他们晚上打来');
    const rows = v.handle.prepare("SELECT action, entity_id, new_value FROM audit_log WHERE action LIKE 'timeline.%' ORDER BY id").all() as {
      action: string;
      entity_id: string;
      new_value: string;
    }[];
    expect(rows.map((r) => r.action)).toEqual(['timeline.contact_add', 'timeline.flag_dismiss']);
    expect(JSON.parse(rows[1]!.new_value)).toEqual({ flag: 'night_contact', reason: '我同意他们晚上打来' });
    expect(v.verifyAudit().ok).toBe(true);
  });
});

describe('evidence links', () => {
  it('a chat contact made from selected screenshots: linked, and found from the evidence side; deleting it keeps the evidence', async () => {
    const v = setup();
    const a = await screenshot(v, 'Screenshot_20241018-143022_com.eg.android.AlipayGphone.png');
    const b = await screenshot(v, 'Screenshot_20241018-143510_com.eg.android.AlipayGphone.png');
    const c = contactFromEvidence(v, [b, a], { summary: '支付宝在线客服：可以申请延期 3 个月', partyType: 'creditor' });
    expect(c).toMatchObject({ channel: 'chat', at: '2024-10-18T14:30:22+08:00', source: 'chat_screenshots', timeUncertain: false, summary: '支付宝在线客服：可以申请延期 3 个月' });
    expect([...c.evidenceIds].sort()).toEqual([a, b].sort());
    expect(contactsForEvidence(v, a)).toEqual({ ids: [c.id] });
    expect(() => contactFromEvidence(v, ['no-such-item'])).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    deleteContact(v, c.id);
    expect(contactsForEvidence(v, a)).toEqual({ ids: [] });
    expect((v.handle.prepare('SELECT count(*) AS n FROM evidence_items').get() as { n: number }).n).toBe(2);
  });
});

describe('agenda with agreements (the case tables of issue 4)', () => {
  it('unpaid installments of signed agreements are due items; paid ones are not', () => {
    const v = setup();
    v.change((db) => {
      db.prepare(
        "INSERT INTO case_creditors (id, position, legal_name, product, product_name, channels, note) VALUES ('cr1', 0, '招商银行股份有限公司', 'credit-card', '信用卡', '[]', '')",
      ).run();
      db.prepare(
        "INSERT INTO case_agreements (id, position, plan_id, creditor_id, signed_on, total, waived_interest, waived_penalty, waived_fees, deadline, evidence_id, note) VALUES ('ag1', 0, NULL, 'cr1', '2025-09-01', '3000.00', '0.00', '0.00', '0.00', NULL, NULL, '')",
      ).run();
      const put = db.prepare('INSERT INTO case_agreement_installments (agreement_id, n, date, amount, paid, paid_on, evidence_id) VALUES (?, ?, ?, ?, ?, NULL, NULL)');
      put.run('ag1', 1, '2025-09-30', '1000.00', 1);
      put.run('ag1', 2, '2025-10-31', '1000.00', 0);
      put.run('ag1', 3, '2025-11-30', '1000.00', 0);
    });
    const items = agenda(v, '2025-10-31').items;
    expect(items.filter((i) => i.kind === 'installment').map((i) => [i.kind, i.date, i.status, i.title, i.amount])).toEqual([
      ['installment', '2025-10-31', 'today', '招商银行股份有限公司', '1000.00'],
      ['installment', '2025-11-30', 'later', '招商银行股份有限公司', '1000.00'],
    ]);
    // Each open installment also has its reminder, 3 days before by default (issue 11).
    expect(items.filter((i) => i.kind === 'reminder').map((i) => [i.date, i.detail])).toEqual([
      ['2025-10-28', '第 2 期 2025-10-31 到期'],
      ['2025-11-27', '第 3 期 2025-11-30 到期'],
    ]);
    // A reminder not shown yet (the app was closed on its day) still comes, once.
    expect(takeReminders(v, '2025-10-31').items.map((i) => i.key)).toEqual(['reminder:ag1:2:2025-10-31:3', 'installment:ag1:2']);
    expect(takeReminders(v, '2025-10-31').items).toEqual([]);
    expect(takeReminders(v, '2025-11-30').items.map((i) => i.key)).toEqual(['reminder:ag1:3:2025-11-30:3', 'installment:ag1:3']);
  });
});

describe('case JSON', () => {
  it('exports every contact in full and imports it back unchanged (no duplicates on a later SMS import)', () => {
    const v = setup();
    const xml = smsXml([{ address: '95188', date: bj(2024, 10, 18, 22, 50), body: '您的花呗已逾期15天' }]);
    importSmsBackup(v, bufferSource(Buffer.from(xml)), { name: 'a.xml' });
    const c = addContact(v, { at: '2024-10-21T23:00:00+08:00', channel: 'phone', direction: 'incoming', partyType: 'creditor', followUpDate: '2024-10-31' });
    dismissFlag(v, c.id, 'night_contact', '约好的');
    const before = cliTimeline(v);
    const doc = exportCase(v);
    expect(doc.contacts).toHaveLength(2);
    expect(doc.contacts![1]).toMatchObject({ id: c.id, followUpDate: '2024-10-31', dismissedFlags: [{ flag: 'night_contact', reason: '约好的' }] });
    importCase(v, JSON.parse(JSON.stringify(doc)));
    expect(cliTimeline(v)).toEqual(before);
    expect(getContact(v, c.id).flags[0]!.dismissed?.reason).toBe('约好的');
    expect(importSmsBackup(v, bufferSource(Buffer.from(xml)), { name: 'a.xml' }).duplicates).toBe(1);
    // A bad contact in the JSON: nothing changes.
    const bad = JSON.parse(JSON.stringify(doc));
    bad.contacts[0].channel = 'fax';
    expect(() => importCase(v, bad)).toThrow();
    expect(cliTimeline(v)).toEqual(before);
    // An empty contact (no party, no words) is refused by name, saying which one; nothing changes.
    const empty = JSON.parse(JSON.stringify(doc));
    empty.contacts.push({ id: 'empty-1', at: '2024-10-22T10:00:00+08:00', channel: 'phone', direction: 'incoming', summary: '  ' });
    expect(() => importCase(v, empty)).toThrow(expect.objectContaining({ code: 'EMPTY_CONTACT', message: expect.stringContaining('contacts[2] 的对方和联系内容') }));
    expect(cliTimeline(v)).toEqual(before);
  });
});
