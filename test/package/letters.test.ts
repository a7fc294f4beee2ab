// Every template read as its reader reads it (issue 10): built to real PDFs and read back
// with pdftotext. The form of address follows the addressee (贵行 to a bank, 贵司 to a
// company, 贵局 to a regulator, 贵委 to a mediation committee, 贵院 to the court's platform,
// none on a call sheet); "within my means" is said only when the offers fit the shared
// capacity; every debt is listed; the new letters say what they must.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../shared/pdf/build';
import type { PackageModelInput } from '../../shared/pdf/model';
import { daxie } from '../../shared/money/daxie';
import { verifyPackage } from '../../main/signing/verify';
import { baseModel, exhibit, fontBytes, makeWav } from './fixtures';
import { attachments, pdftotext } from './poppler';
import { applyEdits, embeddedBytes, NO_EDITS, SIZE_WARN_BYTES } from '../../renderer/src/sections/application/wizard-state';
import type { PackageDraftModel } from '../../shared/contracts/package';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-letters-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const BANK = '招商银行股份有限公司信用卡中心';
const ANT = '重庆蚂蚁消费金融有限公司';

async function read(model: PackageModelInput, name: string): Promise<string> {
  const r = await buildPackage(model, fontBytes(), { now: new Date('2025-03-18T02:00:00Z') });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, r.bytes!);
  // One line per paragraph: pdftotext breaks lines where the layout did.
  return sq(pdftotext(file));
}

/** Without white space: pdftotext breaks lines and spaces where the layout did. */
const sq = (s: string) => s.replace(/\s+/g, '');

const fits = { monthly: '2000.00', share: '1200.00', basis: 'pro-rata' as const, withinShare: true, withinWhole: true, changes: [] };
const MEANS = '每期金额均在本人的还款能力之内';

describe('the form of address follows the addressee', () => {
  it('a bank is 贵行 in every part of a negotiation letter; no 贵司 anywhere', async () => {
    const t = await read(baseModel({ creditor: { name: BANK } }), 'bank');
    expect(t).toContain(sq(`向贵行申请协商还款`));
    expect(t).toContain(sq('恳请贵行在本人按方案履约期间'));
    expect(t).toContain(sq('方案经贵行同意后'));
    expect(t).not.toContain(sq('贵司'));
  });

  it('a consumer-finance company is 贵司, never 贵行', async () => {
    const t = await read(baseModel({ template: 'waiver' }), 'ant');
    expect(t).toContain(sq('恳请贵司考虑本人的实际困难'));
    expect(t).not.toContain(sq('贵行'));
  });

  it('the kind set on the creditor wins over the name', async () => {
    const t = await read(baseModel({ template: 'installments', creditor: { name: '某某信用卡中心', kind: 'bank' } }), 'kind');
    expect(t).toContain(sq('贵行'));
    expect(t).not.toContain(sq('贵司'));
  });

  it('a complaint goes first to the creditor’s own complaint channel, then names 12378', async () => {
    const t = await read(baseModel({ template: 'complaint', creditor: { name: BANK }, facts: '2025年1月8日起多次在夜间来电。' }), 'complaint-own');
    expect(t).toContain(sq(`致：${BANK} 消费者投诉受理部门`));
    expect(t).toContain(sq('请贵行立即停止下述违规催收行为'));
    expect(t).toContain(sq('12378'));
    expect(t).not.toContain(sq('贵司'));
  });

  it('a complaint to the regulator says 贵局 and names the creditor in the third person', async () => {
    const t = await read(
      baseModel({
        template: 'complaint',
        creditor: { name: BANK },
        recipient: { name: '国家金融监督管理总局深圳监管局' },
        flaggedContacts: [{ at: '2025-01-08T23:40:00+08:00', channel: '电话', counterparty: '某催收公司', flags: ['night_contact'], summary: '23:40 来电催收', exhibits: [] }],
        stopRequests: [{ at: '2025-01-07T10:00:00+08:00', summary: '本人在电话中要求对方不要在夜间来电。' }],
      }),
      'complaint-regulator',
    );
    expect(t).toContain(sq('致：国家金融监督管理总局深圳监管局'));
    expect(t).toContain(sq(`请责令${BANK}及其委托的催收机构`));
    expect(t).not.toMatch(/贵司|贵行/);
    expect(t).toContain(sq('GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》'));
    expect(t).toContain(sq('《银行保险机构消费者权益保护管理办法》'));
    expect(t).not.toContain(sq('刑法'));
    expect(t).toContain(sq('依法提起诉讼'));
    expect(t).toContain(sq('本人曾明确要求停止上述行为'));
    expect(t).toContain(sq('在本人最后一次提出要求之后，仍发生了上表所列的 1 次联系'));
  });

  it('a mediation goes to a real body: the court’s platform (贵院) or a named committee (贵委), with the respondent’s code', async () => {
    const court = await read(baseModel({ template: 'mediation', negotiationState: '本人于2025年2月10日提交的协商申请已受理，正在审核中' }), 'mediation-court');
    expect(court).toContain(sq('致：人民法院在线服务平台（在线调解）'));
    expect(court).toContain(sq('在贵院的主持下'));
    expect(court).toContain(sq('统一社会信用代码'));
    expect(court).toContain(sq('正在审核中'));
    expect(court).not.toContain(sq('协商未能达成一致'));
    expect(court).not.toContain(sq('贵司'));
    const committee = await read(
      baseModel({ template: 'mediation', recipient: { name: '重庆市江北区金融纠纷人民调解委员会' }, creditor: { name: ANT, creditCode: '91500000MA5U7AQ39J' } }),
      'mediation-committee',
    );
    expect(committee).toContain(sq('在贵委的主持下'));
    expect(committee).toContain(sq('91500000MA5U7AQ39J'));
    expect(committee).toContain(sq('请被申请人提供每一项的明细'));
    expect(committee).not.toContain(sq('贵司'));
  });

  it('a call sheet, read aloud on the phone, uses no written form of address', async () => {
    const t = await read(baseModel({ template: 'callsheet', creditor: { name: BANK } }), 'callsheet');
    expect(t).not.toMatch(/贵司|贵行/);
    expect(t).toContain(sq('和你们协商'));
  });
});

describe('capacity is shared, never promised twice', () => {
  it('says the installments are within means only when the offers fit the share and the whole', async () => {
    const yes = await read(baseModel({ capacity: fits }), 'fits');
    expect(yes).toContain(sq(MEANS));
    expect(yes).toContain(sq('可用于偿还上述各债权机构的金额合计为 2,000.00 元'));
    expect(yes).toContain(sq('用于偿还贵司的为每月 1,200.00 元'));
    const overWhole = await read(baseModel({ capacity: { ...fits, withinWhole: false } }), 'over-whole');
    expect(overWhole).not.toContain(sq(MEANS));
    const overShare = await read(baseModel({ capacity: { ...fits, withinShare: false } }), 'over-share');
    expect(overShare).not.toContain(sq(MEANS));
    const unknown = await read(baseModel({}), 'unknown');
    expect(unknown).not.toContain(sq(MEANS));
  });

  it('the statement lists every debt with what is offered to each, and capacity changes when an income ends', async () => {
    const t = await read(
      baseModel({
        creditor: { name: BANK },
        capacity: { ...fits, changes: [{ from: '2025-07-01', monthly: '1500.00', why: '失业保险金结束' }] },
        debts: [
          { creditor: BANK, label: '信用卡', owed: '5412.00', monthly: '300.00', kind: 'this' },
          { creditor: ANT, label: '花呗、借呗', owed: '22083.70', monthly: '900.00', kind: 'case' },
          { creditor: '表哥', label: '', owed: '10000.00', monthly: '200.00', kind: 'family' },
          { creditor: '房东', label: '欠租', owed: '800.00', monthly: '100.00', kind: 'priority' },
        ],
      }),
      'debts',
    );
    for (const s of ['本人的全部债务', '本函所涉', '其他债权机构', '亲友借款', '优先债务', '表哥', '22,083.70', '900.00']) expect(t).toContain(sq(s));
    expect(t).toContain(sq('自2025年7月1日起（失业保险金结束），上述可用于还款的金额变为每月 1,500.00 元'));
    expect(t).toContain(sq('日常生活支出'));
    expect(t).not.toContain(sq('弹性支出'));
  });
});

describe('language', () => {
  it('states the days overdue, labels 账号 / 借据号, one date format, and the total in 大写 even with a note of the user’s own', async () => {
    const model = baseModel();
    const total = '24000.00';
    const t = await read({ ...model, proposal: { ...model.proposal!, summary: '我每月 15 日发工资后还 1000 元。' } }, 'note');
    expect(t).toContain(sq('我每月 15 日发工资后还 1000 元。'));
    expect(t).toContain(sq(`方案合计：24,000.00 元（人民币${daxie(total)}），共 24 期。`));
    expect(t).toContain(sq('逾期 128 天'));
    expect(t).toContain(sq('账号 2088****5566'));
    expect(t).toContain(sq('自2024年11月10日起逾期'));
    expect(t).toContain(sq('2025年1月6日 10:12'));
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('the new letters', () => {
  it('stop-contact: stop third parties and night calls, the incidents, the rules', async () => {
    const t = await read(
      baseModel({
        template: 'stop-contact',
        creditor: { name: BANK },
        flaggedContacts: [
          { at: '2025-01-09T09:30:00+08:00', channel: '电话', counterparty: '某催收公司', flags: ['third_party'], summary: '致电本人母亲，告知本人欠款', exhibits: [] },
          { at: '2025-01-10T10:00:00+08:00', channel: '电话', counterparty: '某催收公司', flags: ['excess_calls'], summary: '第 4 次来电', exhibits: [] },
        ],
      }),
      'stop-contact',
    );
    expect(t).toContain(sq('关于停止联系第三人及夜间催收的函'));
    expect(t).toContain(sq('立即停止联系本人以外的任何人'));
    expect(t).toContain(sq('22:00 至次日 08:00'));
    expect(t).toContain(sq('致电本人母亲'));
    expect(t).not.toContain(sq('第 4 次来电'));
    expect(t).toContain(sq('GB/T 45251—2025'));
    expect(t).not.toContain(sq('贵司'));
  });

  it('statement-request: an itemised statement before paying, with the claims above the ledger', async () => {
    const t = await read(
      baseModel({
        template: 'statement-request',
        claims: [{ date: '2025-02-01', source: '106980095188', claimedAmount: '26800.00', ourAmount: '22083.70', exhibits: [] }],
      }),
      'statement-request',
    );
    for (const s of [
      '关于提供欠款逐项明细的申请',
      '本金',
      '利息（利率及计息起止日）',
      '罚息（利率及起算日）',
      '违约金、滞纳金及其他费用',
      '暂不按催收方所称的金额付款',
      '26,800.00 元',
      '22,083.70 元',
      '2025年2月1日',
    ]) {
      expect(t).toContain(sq(s));
    }
  });

  it('confirm-agreement: the oral terms in writing, the total in 大写, a request to confirm', async () => {
    const model = baseModel({
      template: 'confirm-agreement',
      oralAgreement: { at: '2025-03-10T14:05:00+08:00', channel: '电话', counterparty: '95188 客服 工号 5566', terms: '对方同意：免除罚息，本金分 24 期归还，每期 1000 元。' },
    });
    const t = await read(model, 'confirm');
    expect(t).toContain(sq('口头协议书面确认函'));
    expect(t).toContain(sq('2025年3月10日 14:05通过电话与贵司工作人员（95188 客服 工号 5566）'));
    expect(t).toContain(sq('免除罚息，本金分 24 期归还'));
    expect(t).toContain(sq(`人民币${daxie('24000.00')}`));
    expect(t).toContain(sq('以书面形式（函件、电子邮件或短信）确认上述约定'));
  });

  it('confirm-agreement without terms is refused with what is missing', async () => {
    await expect(buildPackage(baseModel({ template: 'confirm-agreement' }), fontBytes())).rejects.toThrow(/口头约定的内容/);
  });

  it('a negotiation package can open with a one-page summary and ask to pause outsourced collection', async () => {
    const t = await read(baseModel({ summaryPage: true, pauseCollection: true, capacity: fits }), 'summary');
    expect(t.indexOf('申请摘要')).toBeLessThan(t.indexOf('协商还款申请书'));
    expect(t).toContain(sq('收件机构'));
    expect(t).toContain(sq('每月可用于还款 合计 2,000.00 元，其中用于贵司 1,200.00 元'));
    expect(t).toContain(sq('恳请暂停委外催收'));
  });
});

describe('exhibits the creditor can receive', () => {
  it('a recording can be listed by name, duration and SHA-256 instead of embedded; verify still passes', async () => {
    const wav = makeWav(2);
    const rec = exhibit({
      n: 1,
      title: '催收电话录音（2025年1月8日 23:40，时长 2 秒）',
      category: '通话录音',
      date: '2025-01-08',
      kind: 'audio',
      mime: 'audio/wav',
      fileName: 'call.wav',
      bytes: wav,
      meta: { 时长: '2 秒' },
    });
    const r = await buildPackage(baseModel({ exhibits: [{ ...rec, listOnly: true }] }), fontBytes());
    const file = path.join(dir, 'listed.pdf');
    fs.writeFileSync(file, r.bytes!);
    const t = sq(pdftotext(file));
    expect(t).toContain(sq('文件较大，未嵌入本 PDF'));
    expect(t).toContain(rec.sha256);
    expect(t).toContain(sq('时长 2 秒'));
    expect(attachments(file).some((a) => a.includes('call.wav') || a.includes('证据1'))).toBe(false);
    expect(r.manifest.exhibits[0]).toMatchObject({ storage: 'listed', sha256: rec.sha256 });
    const report = await verifyPackage(file);
    expect(report.exhibits).toEqual([{ n: 1, sha256: rec.sha256, ok: true }]);
  });

  it('the wizard counts what the package will carry and warns above 20 MB; listing a recording takes it off', () => {
    const cand = (size: number, mime: string) => ({ candidate: { size, mime, kind: mime.startsWith('audio/') ? 'audio' : 'image' } as never, title: 't' });
    const picks = [cand(3_000_000, 'image/png'), cand(19_000_000, 'audio/mp4')];
    expect(embeddedBytes(picks)).toBe(22_000_000);
    expect(embeddedBytes(picks) > SIZE_WARN_BYTES).toBe(true);
    expect(embeddedBytes([picks[0]!, { ...picks[1]!, listOnly: true }])).toBe(3_000_000);
  });

  it('the wizard’s addressee kind reaches the letter: a complaint to the regulator, a negotiation to a bank', async () => {
    const base = { ...baseModel({ template: 'complaint', facts: '夜间来电。' }), contacts: [], flaggedContacts: [], sample: false } as unknown as PackageDraftModel;
    const toRegulator = applyEdits(base, { ...NO_EDITS, addresseeKind: 'regulator' });
    expect(toRegulator.recipient).toEqual({ name: '国家金融监督管理总局（所在地监管局）', kind: 'regulator' });
    const t = await read({ ...(toRegulator as unknown as PackageModelInput), exhibits: [] }, 'wizard-regulator');
    expect(t).toContain(sq('致：国家金融监督管理总局（所在地监管局）'));
    expect(t).not.toMatch(/贵司|贵行/);
    const neg = applyEdits({ ...base, template: 'negotiation' }, { ...NO_EDITS, addresseeKind: 'bank' });
    expect(neg.creditor.kind).toBe('bank');
  });
});
