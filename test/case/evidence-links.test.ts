// Account ↔ evidence links have one home (the case's accounts[].evidenceIds): a link made
// in 债务 (case:saveAccount, case import) shows in 证据 (detail, account filter, facets) and
// one made in 证据 (evidence:update) shows in 债务 and in `case export` — through the real
// dispatcher and services, as the pages call them.
import { afterEach, describe, expect, it } from 'vitest';
import { makeServices, type ServicesUnderTest } from '../helpers/services';
import { PASS, tmpDir } from '../helpers/tmp';
import { png } from '../evidence/samples';
import { sampleCase, TODAY } from './fixtures';
import { newVault, noTask, write } from '../evidence/fixtures';
import { importPaths } from '../../main/vault/evidence/import-files';
import { detail, listItems } from '../../main/vault/evidence/items';
import { exportCase, importCase } from '../../main/vault/case/service';
import { packageModelFromVault } from '../../main/vault/package/model-from-vault';
import type { CaseDoc } from '../../shared/case/schema';

let sut: ServicesUnderTest | null = null;
afterEach(async () => {
  await sut?.services.dispose();
  sut = null;
});

const creditor = (legalName: string, product: 'huabei' | 'credit-card') => ({ legalName, product, productName: '', channels: [], note: '' });
const account = (label: string, evidenceIds: string[] = []) => ({
  label,
  number: '',
  principal: '10000.00',
  interest: '0.00',
  fees: '0.00',
  dueDate: '2025-12-09',
  overdueSince: '2025-12-10',
  penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-12-09' },
  contractDate: null,
  evidenceIds,
  note: '',
});

async function setup() {
  sut = await makeServices();
  const { dispatch } = sut;
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const r = (await dispatch(channel as never, args)) as { ok: boolean; value?: unknown; error?: unknown };
    if (!r.ok) throw Object.assign(new Error(`${channel}: ${JSON.stringify(r.error)}`), { error: r.error });
    return r.value as T;
  };
  await call('vault:create', { passphrase: PASS });
  const upload = async (name: string, seed: number) => {
    const bytes = await png(40, 40, seed);
    const { uploadId } = await call<{ uploadId: string }>('evidence:uploadBegin', { name, size: bytes.length });
    await call('evidence:uploadChunk', { uploadId, seq: 0, data: bytes.toString('base64') });
    return (await call<{ id: string }>('evidence:uploadCommit', { uploadId, category: 'bill' })).id;
  };
  const e1 = await upload('bill-1.png', 1);
  const e2 = await upload('bill-2.png', 2);
  await call<CaseDoc>('case:saveAccount', { account: account('花呗'), creditor: creditor('重庆蚂蚁消费金融有限公司', 'huabei') });
  const doc = await call<CaseDoc>('case:saveAccount', { account: account('信用卡'), creditor: creditor('某某银行股份有限公司信用卡中心', 'credit-card') });
  const [huabei, card] = doc.accounts.map((a) => a.id) as [string, string];
  const evidence = async (id: string) => call<{ accountIds: string[]; history: { action: string }[] }>('evidence:get', { id });
  const listed = async (accountId: string) => (await call<{ items: { id: string; accountIds: string[] }[] }>('evidence:list', { accountId })).items;
  const caseAccounts = async () => Object.fromEntries((await call<CaseDoc>('case:get', {})).accounts.map((a) => [a.label, a.evidenceIds]));
  return { call, e1, e2, huabei, card, evidence, listed, caseAccounts, doc };
}

describe('account ↔ evidence links: one store, both screens', () => {
  it('a link made in 债务 shows in the evidence detail, the account filter and the facets', async () => {
    const { call, e1, huabei, evidence, listed, doc } = await setup();
    const saved = doc.accounts[0]!;
    const { id: _id, creditorId, ...rest } = saved;
    // Evidence not (yet) in this vault may be named too, as the case file allows.
    await call('case:saveAccount', { account: { ...rest, id: saved.id, creditorId, evidenceIds: ['ev-contract', e1] } });
    expect((await evidence(e1)).accountIds).toEqual([huabei]);
    expect((await listed(huabei)).map((i) => i.id)).toEqual([e1]);
    expect((await listed(huabei))[0]!.accountIds).toEqual([huabei]);
    expect(await call('evidence:facets', {})).toMatchObject({ accountIds: [huabei] });
  });

  it('a link made in 证据 shows in 债务 and in case export; unlinking removes it there, order of the rest kept', async () => {
    const { call, e1, e2, huabei, card, evidence, caseAccounts } = await setup();
    await call('evidence:update', { id: e1, accountIds: [huabei] });
    const d = await call<{ accountIds: string[]; history: { action: string; oldValue: unknown; newValue: unknown }[] }>('evidence:update', {
      id: e2,
      accountIds: [card, huabei],
    });
    expect(d.accountIds).toEqual([huabei, card]); // the debts page's order
    expect(d.history.at(-1)).toMatchObject({ action: 'evidence.update', oldValue: { accountIds: [] }, newValue: { accountIds: [huabei, card] } });
    expect(await caseAccounts()).toEqual({ 花呗: [e1, e2], 信用卡: [e2] });
    const exported = await call<CaseDoc>('case:get', {});
    expect(exported.accounts.map((a) => a.evidenceIds)).toEqual([[e1, e2], [e2]]);

    await call('evidence:update', { id: e1, accountIds: [] });
    expect(await caseAccounts()).toEqual({ 花呗: [e2], 信用卡: [e2] });
    expect((await evidence(e1)).accountIds).toEqual([]);
    // The same set again changes nothing and writes no audit row.
    const before = (await evidence(e2)).history.length;
    expect((await call<{ history: unknown[] }>('evidence:update', { id: e2, accountIds: [huabei, card] })).history).toHaveLength(before);
  });

  it('an account that does not exist is refused; a purge takes the item out of every account, a trash does not', async () => {
    const { call, e1, huabei, evidence, caseAccounts } = await setup();
    await expect(call('evidence:update', { id: e1, accountIds: ['nope'] })).rejects.toMatchObject({ error: { code: 'BAD_INPUT' } });
    await call('evidence:update', { id: e1, accountIds: [huabei] });
    await call('evidence:trash', { ids: [e1] });
    expect(await caseAccounts()).toEqual({ 花呗: [e1], 信用卡: [] });
    expect((await evidence(e1)).accountIds).toEqual([huabei]);
    await call('evidence:purge', { ids: [e1], confirm: true });
    expect(await caseAccounts()).toEqual({ 花呗: [], 信用卡: [] });
  });

  it('case import carries the links into 证据, and case export gives them back unchanged', async () => {
    const { vault } = newVault();
    try {
      const dir = tmpDir();
      const { results } = await importPaths(vault, [write(dir, 'a.png', await png(40, 40, 1)), write(dir, 'b.png', await png(40, 40, 2))], {}, noTask);
      const [e1, e2] = results.map((r) => ('id' in r ? r.id : '')) as [string, string];
      const doc = sampleCase();
      doc.accounts[0]!.evidenceIds = ['ev-bill-1', e2, e1];
      doc.accounts[1]!.evidenceIds = [e1];
      importCase(vault, doc, { today: () => TODAY, now: () => `${TODAY}T10:00:00+08:00` });
      expect(detail(vault.handle, e1).accountIds).toEqual(['a-huabei', 'a-jiebei']);
      expect(listItems(vault.handle, { accountId: 'a-jiebei' }).items.map((i) => i.id)).toEqual([e1]);
      expect(exportCase(vault).accounts.map((a) => a.evidenceIds)).toEqual([['ev-bill-1', e2, e1], [e1]]);
    } finally {
      vault.close();
    }
  });
  it("the package builder reads the same links: another creditor's evidence is not suggested, an account's own always is", async () => {
    const { vault } = newVault();
    try {
      const dir = tmpDir();
      const one = async (name: string, category: 'bill' | 'chat_screenshot' | 'other', seed: number) => {
        const r = (await importPaths(vault, [write(dir, name, await png(40, 40, seed))], { category }, noTask)).results[0]!;
        return 'id' in r ? r.id : '';
      };
      const antNote = await one('ant-note.png', 'other', 1);
      const bankBill = await one('bank-bill.png', 'bill', 2);
      await one('chat.png', 'chat_screenshot', 3);
      await one('misc.png', 'other', 4);
      const doc = sampleCase();
      doc.accounts[0]!.evidenceIds = [antNote];
      doc.accounts.push({ ...doc.accounts[1]!, id: 'a-card', creditorId: 'c-bank', label: '信用卡', evidenceIds: [bankBill] });
      importCase(vault, doc, { today: () => TODAY, now: () => `${TODAY}T10:00:00+08:00` });
      // The letter to 蚂蚁 (the offer plan's creditor): its accounts are 花呗 and 借呗.
      const model = packageModelFromVault(vault, { template: 'negotiation', date: TODAY, sign: false });
      // A chat linked to nothing and set to no creditor is nobody's yet: suggested to neither (issue 10).
      expect((model.exhibits ?? []).map((e) => e.fileName).sort()).toEqual(['ant-note.png']);
      const toBank = packageModelFromVault(vault, { template: 'negotiation', date: TODAY, sign: false, creditorId: 'c-bank' });
      expect((toBank.exhibits ?? []).map((e) => e.fileName).sort()).toEqual(['bank-bill.png']);
    } finally {
      vault.close();
    }
  });
});
