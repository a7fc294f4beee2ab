// The case in a real vault: import and export (atomic, replace, round trip), edits with
// their audit rows, the checks that roll an edit back, and the over-capacity acknowledgement.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Vault } from '../../main/vault/vault';
import * as service from '../../main/vault/case/service';
import { registerCaseContactsPort } from '../../main/vault/case/contacts';
import type { CaseContact } from '../../shared/case/schema';
import type { AccountSave, PlanDraft } from '../../shared/contracts/case';
import { PASS, tmpDir } from '../helpers/tmp';
import { emptyAfterSections, sampleCase, TODAY } from './fixtures';

const clock: service.Clock = { today: () => TODAY, now: () => '2026-03-01T10:00:00+08:00' };
const open: Vault[] = [];
// Start every test without a timeline port (the timeline registers one when its module loads).
beforeEach(() => registerCaseContactsPort(null));
afterEach(() => {
  for (const v of open.splice(0)) v.close();
  registerCaseContactsPort(null);
});

function newVault(): Vault {
  const vault = Vault.create(path.join(tmpDir(), 'v.xsv'), PASS, { actor: 'cli' });
  open.push(vault);
  return vault;
}

function auditRows(vault: Vault, like = 'case.%') {
  return vault.handle.prepare('SELECT action, entity, entity_id, old_value, new_value FROM audit_log WHERE action LIKE ? ORDER BY id').all(like) as {
    action: string;
    entity: string;
    entity_id: string | null;
    old_value: string | null;
    new_value: string | null;
  }[];
}

const huabei = (over: Partial<AccountSave['account']> = {}): AccountSave => ({
  account: {
    label: '花呗',
    number: '',
    principal: '10000.00',
    interest: '0.00',
    fees: '0.00',
    dueDate: '2025-12-09',
    overdueSince: '2025-12-10',
    penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-12-09' },
    contractDate: null,
    evidenceIds: [],
    note: '',
    ...over,
  },
  creditor: { legalName: '重庆蚂蚁消费金融有限公司', product: 'huabei', productName: '', channels: [], note: '' },
});

describe('case import / export', () => {
  it('a new vault exports the empty case, contacts [] while there is no timeline', () => {
    const doc = service.exportCase(newVault());
    expect(doc).toMatchObject({ format: 'xieshang-case', version: 1, creditors: [], accounts: [], plans: [], contacts: [] });
  });

  it('import replaces the case; export gives back exactly what was imported; the round trip is identical', () => {
    const vault = newVault();
    service.saveAccount(vault, huabei(), clock); // replaced by the import
    expect(service.importCase(vault, sampleCase(), clock)).toEqual({ ok: true, warnings: [] });
    const exported = service.exportCase(vault);
    expect(exported).toEqual({ ...sampleCase(), contacts: [], ...emptyAfterSections() });
    service.importCase(vault, JSON.parse(JSON.stringify(exported)), clock);
    expect(JSON.stringify(service.exportCase(vault))).toBe(JSON.stringify(exported));
    const rows = auditRows(vault, 'case.import');
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]!.old_value!).accounts[0].label).toBe('花呗');
    expect(JSON.parse(rows[0]!.new_value!).accounts).toHaveLength(2);
    expect(vault.verifyAudit().ok).toBe(true);
  });

  it('any problem: every one reported with its path, and the vault is exactly as before', () => {
    const vault = newVault();
    service.importCase(vault, sampleCase(), clock);
    const before = JSON.stringify(service.exportCase(vault));
    const auditBefore = auditRows(vault, '%').length;
    const bad = structuredClone(sampleCase()) as any;
    bad.accounts[1].principal = -5;
    bad.accounts[0].penalty.dailyRate = '1.5';
    bad.plans[0].installments = 0;
    let error: unknown;
    try {
      service.importCase(vault, bad, clock);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(service.CaseImportError);
    expect((error as service.CaseImportError).problems.map((p) => p.path)).toEqual(['accounts[0].penalty.dailyRate', 'accounts[1].principal', 'plans[0].installments']);
    expect((error as Error).message).toMatch(/^输入无效：案件文件有 3 处问题，没有导入任何内容：accounts\[0\]\.penalty\.dailyRate: /);
    expect(JSON.stringify(service.exportCase(vault))).toBe(before);
    expect(auditRows(vault, '%').length).toBe(auditBefore);
  });

  it('contacts: refused without a timeline; through its port when there is one; omitted = left alone', () => {
    const vault = newVault();
    const contact: CaseContact = { id: 'k1', at: '2026-01-20T23:10:00+08:00', channel: 'phone', direction: 'incoming', summary: '催收' };
    expect(() => service.importCase(vault, { ...sampleCase(), contacts: [contact] }, clock)).toThrow(/contacts: 这个版本还没有时间线功能/);
    expect(service.exportCase(vault).accounts).toEqual([]);

    let held: CaseContact[] = [{ id: 'old', at: '2026-01-01T09:00:00+08:00', channel: 'sms', direction: 'incoming' }];
    registerCaseContactsPort({
      read: () => held,
      replace: (_db, contacts, audit) => {
        audit({ action: 'timeline.replace', newValue: contacts.length });
        held = [...contacts];
      },
    });
    service.importCase(vault, sampleCase(), clock); // no contacts key: the timeline keeps its own
    expect(service.exportCase(vault).contacts).toEqual([held[0]]);
    service.importCase(vault, { ...sampleCase(), contacts: [contact] }, clock);
    expect(service.exportCase(vault).contacts).toEqual([contact]);
    expect(auditRows(vault, 'timeline.replace')).toHaveLength(1);
  });

  it('a plan whose first date has passed imports, with a warning', () => {
    const doc = sampleCase();
    doc.plans[0]!.firstDate = '2026-02-01';
    expect(service.importCase(newVault(), doc, clock).warnings).toEqual([{ path: 'plans[0].firstDate', message: '首期还款日 2026-02-01 已经过去' }]);
  });
});

describe('case edits', () => {
  it('an account with a new creditor: both saved in one transaction, each with an audit row', () => {
    const vault = newVault();
    const doc = service.saveAccount(vault, huabei(), clock);
    expect(doc.creditors).toHaveLength(1);
    expect(doc.accounts[0]).toMatchObject({ creditorId: doc.creditors[0]!.id, principal: '10000.00' });
    const rows = auditRows(vault);
    expect(rows.map((r) => r.action)).toEqual(['case.creditor.create', 'case.account.create']);
    expect(rows[1]!.old_value).toBeNull();
    expect(JSON.parse(rows[1]!.new_value!)).toEqual(doc.accounts[0]);

    const id = doc.accounts[0]!.id;
    const updated = service.saveAccount(vault, { account: { ...doc.accounts[0]!, principal: '9500.00' } }, clock);
    expect(updated.accounts).toHaveLength(1);
    const last = auditRows(vault).at(-1)!;
    expect(last).toMatchObject({ action: 'case.account.update', entity: 'case_account', entity_id: id });
    expect(JSON.parse(last.old_value!).principal).toBe('10000.00');
    expect(JSON.parse(last.new_value!).principal).toBe('9500.00');
  });

  it('an account moved to another creditor: the creditor left with nothing is removed, with its audit row', () => {
    const vault = newVault();
    const doc = service.saveAccount(vault, huabei(), clock);
    const moved = service.saveAccount(
      vault,
      { account: doc.accounts[0]!, creditor: { legalName: '某某银行', product: 'credit-card', productName: '', channels: [], note: '' } },
      clock,
    );
    expect(moved.creditors.map((c) => c.legalName)).toEqual(['某某银行']);
    expect(
      auditRows(vault)
        .map((r) => r.action)
        .slice(-3),
    ).toEqual(['case.creditor.create', 'case.account.update', 'case.creditor.delete']);
  });

  it('refuses what would leave the case invalid, and writes nothing', () => {
    const vault = newVault();
    const doc = service.saveAccount(vault, huabei(), clock);
    const before = auditRows(vault, '%').length;
    expect(() =>
      service.saveSnapshot(
        vault,
        { snapshot: { accountId: 'nope', date: '2026-01-01', principal: '1.00', interest: '0.00', penalty: '0.00', fees: '0.00', evidenceId: null, note: '' } },
        clock,
      ),
    ).toThrow(/找不到账户 nope/);
    expect(() => service.deleteCreditor(vault, doc.creditors[0]!.id, clock)).toThrow(/还有 1 个账户/);
    expect(() => service.saveAccount(vault, { account: { ...huabei().account, creditorId: 'ghost' } }, clock)).toThrow(/找不到债权机构 ghost/);
    expect(() => service.saveAccount(vault, huabei({ penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '1901-01-01' } }), clock)).toThrow(/罚息起算日太早/);
    expect(auditRows(vault, '%').length).toBe(before);
    expect(service.getCase(vault).creditors).toHaveLength(1);
  });

  it('deleting an account deletes its snapshots, and the audit row keeps both', () => {
    const vault = newVault();
    const doc = service.saveAccount(vault, huabei(), clock);
    const accountId = doc.accounts[0]!.id;
    service.saveSnapshot(
      vault,
      { snapshot: { accountId, date: '2026-01-09', principal: '10000.00', interest: '0.00', penalty: '155.00', fees: '0.00', evidenceId: 'ev-1', note: '' } },
      clock,
    );
    const after = service.deleteAccount(vault, accountId, clock);
    expect(after.accounts).toEqual([]);
    expect(after.snapshots).toEqual([]);
    const row = auditRows(vault).at(-1)!;
    expect(row.action).toBe('case.account.delete');
    expect(JSON.parse(row.old_value!).snapshots).toHaveLength(1);
  });
});

describe('plans and the over-capacity acknowledgement', () => {
  function withFinances(): { vault: Vault; accountId: string } {
    const vault = newVault();
    const doc = service.saveAccount(vault, huabei(), clock);
    const f = sampleCase().finances; // 400.00 a month for this case
    service.saveFinances(vault, { finances: f }, clock);
    return { vault, accountId: doc.accounts[0]!.id };
  }
  const draft = (accountId: string, installments: number): PlanDraft => ({
    name: '报价方案',
    role: 'offer',
    accountIds: [accountId],
    basis: 'everything',
    asOf: TODAY,
    interestOffered: '0.00',
    installments,
    firstDate: '2026-04-10',
    note: '',
  });

  it('above capacity: refused without an explicit acknowledgement, nothing saved', () => {
    const { vault, accountId } = withFinances();
    expect(() => service.savePlan(vault, { plan: draft(accountId, 12) }, clock)).toThrow(/每期最多 867\.50 元，超出每月可用于还款的 400\.00 元/);
    expect(service.getCase(vault).plans).toEqual([]);
  });

  it('above capacity with the acknowledgement: saved with it, and a separate audit row records it', () => {
    const { vault, accountId } = withFinances();
    const doc = service.savePlan(vault, { plan: draft(accountId, 12), acknowledgeOverCapacity: true }, clock);
    expect(doc.plans[0]).toMatchObject({
      total: '10410.00',
      capacity: '400.00',
      overCapacityAck: { at: '2026-03-01T10:00:00+08:00', capacity: '400.00', largestInstallment: '867.50' },
    });
    const ack = auditRows(vault, 'case.plan.over_capacity_acknowledged');
    expect(ack).toHaveLength(1);
    expect(JSON.parse(ack[0]!.new_value!)).toMatchObject({ capacity: '400.00', largestInstallment: '867.50', minInstallments: 27 });
  });

  it('within capacity: saved with no acknowledgement; versions are kept side by side', () => {
    const { vault, accountId } = withFinances();
    service.savePlan(vault, { plan: draft(accountId, 27) }, clock);
    const doc = service.savePlan(vault, { plan: { ...draft(accountId, 25), name: '备选方案', role: 'fallback', basis: 'principal' } }, clock);
    expect(doc.plans.map((p) => [p.name, p.total, p.installments, p.overCapacityAck])).toEqual([
      ['报价方案', '10410.00', 27, null],
      ['备选方案', '10000.00', 25, null],
    ]);
    expect(auditRows(vault, 'case.plan.%').map((r) => r.action)).toEqual(['case.plan.create', 'case.plan.create']);
  });

  it('an agreement from the plan: installments marked paid one by one, each in the audit log', () => {
    const { vault, accountId } = withFinances();
    const planId = service.savePlan(vault, { plan: { ...draft(accountId, 2), basis: 'principal' }, acknowledgeOverCapacity: true }, clock).plans[0]!.id;
    const doc = service.saveAgreement(
      vault,
      {
        agreement: {
          planId,
          creditorId: null,
          accountIds: [accountId],
          signedOn: '2026-03-20',
          total: '10000.00',
          waived: { interest: '0.00', penalty: '410.00', fees: '0.00' },
          deadline: null,
          evidenceId: 'ev-signed',
          installments: [
            { n: 1, date: '2026-04-10', amount: '5000.00', paid: false, paidOn: null, evidenceId: null },
            { n: 2, date: '2026-05-10', amount: '5000.00', paid: false, paidOn: null, evidenceId: null },
          ],
          note: '',
        },
      },
      clock,
    );
    const id = doc.agreements[0]!.id;
    const paid = service.setInstallmentPaid(vault, { agreementId: id, n: 1, paid: true }, clock);
    expect(paid.agreements[0]!.installments[0]).toMatchObject({ paid: true, paidOn: TODAY });
    const row = auditRows(vault, 'case.agreement.installment_paid')[0]!;
    expect(JSON.parse(row.old_value!)).toEqual({ n: 1, paid: false, paidOn: null });
    expect(() => service.deleteAccount(vault, accountId, clock)).toThrow(/还款方案/);
    expect(vault.verifyAudit().ok).toBe(true);
  });
});
