// Letters from a real vault with two creditors (issue 10): each letter lists every debt
// with what is offered to each, checks the offers against the shared capacity (two offers
// that exceed it together: a warning, and no "within my means" sentence), speaks to the
// addressee in its own form (贵行 / 贵司), and the step-up of a plan and the claims above the
// ledger come through. Built to real PDFs and read with pdftotext.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../../main/vault/vault';
import { importCase } from '../../main/vault/case/service';
import { addContact } from '../../main/vault/timeline/contacts';
import { packageDraftFromVault, packageModelFromVault } from '../../main/vault/package/model-from-vault';
import { buildPackage } from '../../shared/pdf/build';
import type { Template } from '../../shared/pdf/model';
import { PASS, tmpDir } from '../helpers/tmp';
import { fontBytes } from './fixtures';
import { pdftotext } from './poppler';
import { ANT, BANK, LETTER_DATE, twoCreditorCase } from './letters-case';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
const sq = (s: string) => s.replace(/\s+/g, '');
const MEANS = sq('每期金额均在本人的还款能力之内');

function vaultWith(together: 'fits' | 'exceeds'): { vault: Vault; dir: string } {
  const dir = tmpDir();
  const vault = Vault.create(path.join(dir, 'v.xsv'), PASS, { actor: 'cli' });
  open.push(vault);
  importCase(vault, twoCreditorCase({ together }), { today: () => LETTER_DATE, now: () => '2026-03-18T10:00:00+08:00' });
  return { vault, dir };
}

async function letter(vault: Vault, dir: string, template: Template, creditorId: string): Promise<string> {
  const model = packageModelFromVault(vault, { template, date: LETTER_DATE, creditorId, sign: false, exhibitIds: [] });
  const r = await buildPackage(model, fontBytes());
  const file = path.join(dir, `${template}-${creditorId}.pdf`);
  fs.writeFileSync(file, r.bytes!);
  // XS_KEEP_LETTERS=DIR keeps the PDFs to look at (pdftoppm).
  if (process.env.XS_KEEP_LETTERS) fs.copyFileSync(file, path.join(process.env.XS_KEEP_LETTERS, path.basename(file)));
  return sq(pdftotext(file));
}

describe('letters from a vault with two creditors', () => {
  it('a step-up plan: lower first installments, then higher; a step that leaves nothing is refused on import', async () => {
    const { vault, dir } = vaultWith('fits');
    const doc = twoCreditorCase({ together: 'fits' });
    const bad = { ...doc, plans: doc.plans.map((p) => (p.id === 'p-bank' ? { ...p, step: { count: 12, amount: '50.00' } } : p)) };
    expect(() => importCase(vault, bad, { today: () => LETTER_DATE, now: () => '2026-03-18T10:00:00+08:00' })).toThrow(/少于总期数/);
    const stepped = { ...doc, plans: doc.plans.map((p) => (p.id === 'p-bank' ? { ...p, step: { count: 4, amount: '30.00' } } : p)) };
    importCase(vault, stepped, { today: () => LETTER_DATE, now: () => '2026-03-18T10:00:00+08:00' });
    const draft = packageDraftFromVault(vault, { template: 'negotiation', date: LETTER_DATE, creditorId: 'c-bank' });
    expect(draft.model.proposal?.schedule.map((r) => r.amount)).toEqual([...Array(4).fill('30.00'), ...Array(8).fill('120.00')]);
    const t = await letter(vault, dir, 'negotiation', 'c-bank');
    expect(t).toContain(sq('前 4 期每期 30.00 元，自第 5 期起每期约 120.00 元'));
  });

  it('two offers that together exceed the capacity: a warning, and neither letter claims they are within means', async () => {
    const { vault, dir } = vaultWith('exceeds');
    const draft = packageDraftFromVault(vault, { template: 'negotiation', date: LETTER_DATE, creditorId: 'c-bank' });
    expect(draft.model.capacity).toMatchObject({ monthly: '1800.00', withinWhole: false });
    expect(draft.warnings.join('')).toContain('各方案合计应还 2,000.00 元，超过当月可用于还款的 1,800.00 元');
    const bank = await letter(vault, dir, 'negotiation', 'c-bank');
    const ant = await letter(vault, dir, 'negotiation', 'c-huabei');
    for (const t of [bank, ant]) {
      expect(t).not.toContain(MEANS);
      // Every debt is listed, with what is offered to each.
      for (const s of [ANT, BANK, '表哥', '亲友借款', '房东（欠租）', '优先债务']) expect(t).toContain(sq(s));
    }
    expect(bank).toContain(sq('向贵行申请协商还款'));
    expect(bank).not.toContain('贵司');
    expect(ant).toContain(sq('向贵司申请协商还款'));
    expect(ant).not.toContain('贵行');
    // The Ant letter is about 花呗 and 借呗, one legal name; the bank's plan is not its plan.
    expect(ant).toContain(sq('分 20 期还款'));
    expect(bank).toContain(sq('分 10 期还款'));
  });

  it('offers that fit their shares and the whole, also after the benefits end: the letter says so, and says the capacity drops', async () => {
    const { vault, dir } = vaultWith('fits');
    const draft = packageDraftFromVault(vault, { template: 'negotiation', date: LETTER_DATE, creditorId: 'c-bank' });
    expect(draft.warnings).toEqual([]);
    expect(draft.model.capacity).toMatchObject({ withinShare: true, withinWhole: true });
    const bank = await letter(vault, dir, 'negotiation', 'c-bank');
    expect(bank).toContain(MEANS);
    expect(bank).toContain(sq('自2026年9月1日起（失业保险金结束），上述可用于还款的金额变为每月 300.00 元'));
    expect(bank).toContain(sq('失业保险金'));
    expect(bank).toContain(sq('至2026年8月31日止'));
  });

  it('a mediation names the respondent with its credit code and does not say negotiation failed; complaint and new letters build', async () => {
    const { vault, dir } = vaultWith('fits');
    const med = await letter(vault, dir, 'mediation', 'c-jiebei');
    expect(med).toContain(sq('91500000MA5U7AQ39J'));
    expect(med).toContain(sq('人民法院在线服务平台'));
    expect(med).not.toContain(sq('协商未能达成一致'));
    expect(med).not.toContain('贵司');
    addContact(vault, {
      at: '2026-02-01T09:00:00+08:00',
      channel: 'sms',
      direction: 'incoming',
      phone: '95188',
      summary: '【借呗】您已逾期，当前欠款合计 25000.00 元，请尽快处理。',
    });
    addContact(vault, { at: '2026-02-02T09:00:00+08:00', channel: 'phone', direction: 'outgoing', summary: '本人要求对方不要再联系我的家人。' });
    addContact(vault, {
      at: '2026-03-10T14:05:00+08:00',
      channel: 'phone',
      direction: 'incoming',
      organisation: ANT,
      outcome: '免除罚息，本金 20000 元分 20 期，每期 1000 元',
      iPromised: '每月 15 日前还款',
    });
    const sr = await letter(vault, dir, 'statement-request', 'c-huabei');
    expect(sr).toContain(sq('25,000.00 元'));
    expect(sr).toContain(sq('2026年2月1日'));
    const ca = await letter(vault, dir, 'confirm-agreement', 'c-huabei');
    expect(ca).toContain(sq('对方同意：免除罚息，本金 20000 元分 20 期'));
    expect(ca).toContain(sq('本人承诺：每月 15 日前还款'));
    const sc = await letter(vault, dir, 'stop-contact', 'c-bank');
    expect(sc).toContain(sq('立即停止联系本人以外的任何人'));
    expect(sc).not.toContain('贵司');
  });
});
