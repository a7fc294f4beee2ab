// A reusable three-creditor case in a real encrypted vault (issue 10): 花呗 and 借呗 of
// 重庆蚂蚁消费金融有限公司 with two agents acting for 借呗 (a collection agency and a law
// firm), and one bank's credit card. SMS from all of them and from nobody (a verification
// code at 02:00, a carrier bill, a bank balance notice, marketing, a scam 债务协商 offer),
// a lawful lawsuit notice, the user's own "不要联系我的家人", numbers that read as
// collection but nobody confirmed, a busy day of calls from two sides, two recordings with
// identical bytes, and evidence with a private note. Everything through the real modules
// (import-sms, import-calls, evidence import, case import), nothing written around them.
// Every message and recording has a key, so tests can say what each must be.
import fs from 'node:fs';
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import '../../main/vault/features';
import { importPaths } from '../../main/vault/evidence/import-files';
import { importSmsBackupKeepingOriginal } from '../../main/vault/timeline/sms-import';
import { fileSource } from '../../main/vault/timeline/xml-text';
import { importRecording } from '../../main/vault/timeline/calls-import';
import { importCase } from '../../main/vault/case/service';
import { saveAgent, setEvidenceSide } from '../../main/vault/sides/service';
import { emptyCase, type CaseDoc } from '../../shared/case/schema';
import { makePdf } from '../package/fixtures';
import { smsXml, wav, bj, type Sms } from '../timeline/fixtures';
import os from 'node:os';
import { PASS } from '../helpers/tmp';

export const ANT = '重庆蚂蚁消费金融有限公司';
export const BANK = '蜀信银行股份有限公司（虚构）';
export const AGENCY = '重庆渝信资产管理有限公司（虚构）';
export const LAW_FIRM = '重庆明正律师事务所（虚构）';

export const NUMBERS = {
  ant: '95188',
  bank: '95999',
  agencyMobile: '13700000001',
  agencySms: '10690001111',
  lawFirm: '02388880000',
  carrier: '10086',
  marketing: '10690002222',
  scam: '10650003333',
  unknownThreat: '13800009999',
  unknownOutsourced: '13800008888',
} as const;

/** What each message must be: its side ('ant' / 'bank' / 'nobody' / 'suggested') and flags. */
export interface ExpectedSms extends Sms {
  key: string;
  side: 'ant' | 'bank' | 'nobody' | 'suggested';
  flags: string[];
}

const D = (day: number, h: number, m = 0) => bj(2026, 10, day, h, m);

export const MESSAGES: ExpectedSms[] = [
  { key: 'huabei-overdue', address: NUMBERS.ant, date: D(8, 10), body: '【花呗】您的花呗已逾期9天，应还金额8,620.00元，请尽快还款。', side: 'ant', flags: [] },
  { key: 'jiebei-overdue', address: NUMBERS.ant, date: D(8, 11), body: '【借呗】您的借呗已逾期，待还本金30,000.00元，请及时处理以免影响信用。', side: 'ant', flags: [] },
  {
    key: 'agency-night',
    address: NUMBERS.agencySms,
    date: D(9, 23, 10),
    body: `【${AGENCY}】您的借呗欠款已委外至我司，请于三日内处理，否则将联系您的紧急联系人。`,
    side: 'ant',
    flags: ['night_contact', 'threat_or_impersonation'],
  },
  {
    key: 'lawsuit-notice',
    address: NUMBERS.lawFirm,
    date: D(12, 14),
    body: `${LAW_FIRM}受${ANT}委托通知：已向重庆市渝北区人民法院提起诉讼，案号（2026）渝0112民初12345号，请留意法院送达。`,
    side: 'ant',
    flags: ['threat_or_impersonation'],
  },
  {
    key: 'user-stop-family',
    address: NUMBERS.agencyMobile,
    date: D(10, 9),
    type: '2',
    body: '我是周晓雯本人，请不要联系我的家人和单位，有事直接联系我，我正在和借呗协商还款。',
    side: 'ant',
    flags: [],
  },
  { key: 'bank-overdue', address: NUMBERS.bank, date: D(9, 10), body: '【蜀信银行】您尾号4821的信用卡已逾期，欠款13,580.00元，请尽快还款。', side: 'bank', flags: [] },
  { key: 'bank-balance', address: NUMBERS.bank, date: D(9, 12), body: '【蜀信银行】您尾号1234的储蓄卡10月9日支出200.00元，余额1,230.55元。', side: 'nobody', flags: [] },
  { key: 'code-0200', address: NUMBERS.ant, date: D(11, 2), body: '【支付宝】验证码 482913，用于登录，5分钟内有效。请勿泄露。', side: 'nobody', flags: [] },
  {
    key: 'carrier-bill',
    address: NUMBERS.carrier,
    date: D(11, 23, 30),
    body: '尊敬的客户，您10月话费账单已出：套餐费58.00元，流量费0.00元，当前余额12.30元。',
    side: 'nobody',
    flags: [],
  },
  { key: 'marketing', address: NUMBERS.marketing, date: D(12, 22, 40), body: '【某某商城】双十一狂欢，全场满300减50，点击领取优惠券，回T退订。', side: 'nobody', flags: [] },
  {
    key: 'scam-offer',
    address: NUMBERS.scam,
    date: D(13, 23, 5),
    body: '信用卡、网贷逾期？专业债务协商团队，停息挂账办理，征信修复，成功后收费。咨询：13900000000',
    side: 'nobody',
    flags: [],
  },
  {
    key: 'unknown-threat',
    address: NUMBERS.unknownThreat,
    date: D(13, 9),
    body: '你欠的钱再不还，我们明天就上门到你单位，通知你的家人。',
    side: 'suggested',
    flags: ['threat_or_impersonation'],
  },
  { key: 'unknown-outsourced', address: NUMBERS.unknownOutsourced, date: D(14, 10), body: '您的借呗欠款已委外处理，请尽快联系回电。', side: 'suggested', flags: [] },
];

export interface ExpectedCall {
  key: string;
  file: string;
  /** Seed of the WAV bytes: two calls with one seed have identical bytes. */
  seed: number;
  side: 'ant' | 'bank';
  flags: string[];
}

/** 2026-10-15: three calls of 95188 and one of the agency (the 4th of one side), three of the bank. */
export const CALLS: ExpectedCall[] = [
  { key: 'ant-1', file: '95188_20261015090000.wav', seed: 11, side: 'ant', flags: [] },
  { key: 'bank-1', file: '95999_20261015093000.wav', seed: 12, side: 'bank', flags: [] },
  { key: 'ant-2', file: '95188_20261015100000.wav', seed: 13, side: 'ant', flags: [] },
  { key: 'bank-2', file: '95999_20261015103000.wav', seed: 14, side: 'bank', flags: [] },
  { key: 'ant-3', file: '95188_20261015110000.wav', seed: 15, side: 'ant', flags: [] },
  { key: 'bank-3', file: '95999_20261015113000.wav', seed: 16, side: 'bank', flags: [] },
  { key: 'agency-4', file: '13700000001_20261015120000.wav', seed: 17, side: 'ant', flags: ['excess_calls'] },
  // Identical bytes, two calls: each its own evidence and entry, with its own number and time.
  { key: 'same-a', file: '95188_20261016150000.wav', seed: 99, side: 'ant', flags: [] },
  { key: 'same-b', file: '95999_20261016160000.wav', seed: 99, side: 'bank', flags: [] },
];

export const PRIVATE_NOTE = '私人备注：这个月的钱先借给了表弟';

export interface ThreeCreditorCase {
  vault: Vault;
  file: string;
  dir: string;
  smsEvidenceId: string;
  /** Contact id of each message and call, by key. */
  contactOf: Map<string, string>;
  /** Evidence id of each recording, by call key. */
  recordingOf: Map<string, string>;
  evidence: { idCard: string; bankBill: string; huabeiChat: string };
  agents: { agency: string; lawFirm: string };
}

function caseDoc(ev: { idCard: string; bankBill: string }): CaseDoc {
  const doc = emptyCase();
  delete doc.contacts;
  const hotline = (value: string) => [{ kind: 'hotline' as const, value, note: '' }];
  const account = (id: string, creditorId: string, label: string, number: string, principal: string, interest: string, fees: string, due: string, evidenceIds: string[]) => ({
    id,
    creditorId,
    label,
    number,
    principal,
    interest,
    fees,
    dueDate: due,
    overdueSince: null,
    penalty: { mode: 'simple' as const, dailyRate: '0.0005', graceDays: 0, startDate: due },
    contractDate: null,
    evidenceIds,
    note: '',
  });
  return {
    ...doc,
    applicant: { name: '周晓雯', idNumber: '510104199203150028', phone: '13800001234', address: '四川省成都市锦江区示例街 18 号' },
    creditors: [
      { id: 'c-huabei', legalName: ANT, product: 'huabei', productName: '', channels: hotline(NUMBERS.ant), note: '' },
      { id: 'c-jiebei', legalName: ANT, product: 'jiebei', productName: '', channels: hotline(NUMBERS.ant), note: '' },
      { id: 'c-card', legalName: BANK, product: 'credit-card', productName: '蜀信白金卡', channels: hotline(NUMBERS.bank), note: '' },
    ],
    accounts: [
      account('a-huabei', 'c-huabei', '花呗', '', '8620.00', '0.00', '0.00', '2026-09-30', []),
      account('a-jiebei', 'c-jiebei', '借呗', 'JB20250318000123', '30000.00', '1260.00', '0.00', '2026-09-15', []),
      account('a-card', 'c-card', '信用卡', '6259 **** **** 4821', '12450.00', '980.00', '150.00', '2026-09-05', [ev.bankBill]),
    ],
    hardship: { category: 'job-loss', text: '2026 年 3 月被裁员，目前靠失业保险金和临时兼职生活。', since: '2026-03-31' },
    finances: {
      ...doc.finances,
      household: { adults: 1, dependants: 1, housing: 'rent', employment: 'unemployed', note: '' },
      income: [{ id: 'i-1', category: 'benefits', label: '失业保险金', monthly: '1850.00', evidenceId: null, note: '' }],
      fixedCosts: [{ id: 'f-1', category: 'housing', label: '房租', monthly: '1400.00', evidenceId: null, note: '' }],
      flexibleCosts: [{ id: 'x-1', category: 'food-housekeeping', label: '伙食', monthly: '1100.00', evidenceId: null, note: '' }],
      debts: [],
      assets: [],
      reference: null,
    },
    plans: [],
    agreements: [],
    lpr: [],
  };
}

const idOf = (r: unknown): string => {
  if (!r || typeof r !== 'object' || !('id' in r)) throw new Error(`import failed: ${JSON.stringify(r)}`);
  return (r as { id: string }).id;
};

/**
 * Builds the case in a new vault in its own folder (kept across the tests of a file, unlike
 * tmpDir's): the caller closes the vault and calls removeThreeCreditorCase.
 */
export async function buildThreeCreditorCase(): Promise<ThreeCreditorCase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-three-'));
  const file = path.join(dir, 'three.xsv');
  const vault = Vault.create(file, PASS, { actor: 'cli' });

  const files = path.join(dir, 'files');
  fs.mkdirSync(files);
  const write = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(files, name);
    fs.writeFileSync(p, bytes);
    return p;
  };
  const idCard = idOf((await importPaths(vault, [write('身份证正反面.pdf', await makePdf(1, { label: 'ID card' }))], { category: 'id_document' })).results[0]);
  const bankBill = idOf(
    (await importPaths(vault, [write('蜀信信用卡账单-2026年9月.pdf', await makePdf(1, { label: 'Card bill' }))], { category: 'bill', note: PRIVATE_NOTE })).results[0],
  );
  const huabeiChat = idOf((await importPaths(vault, [write('花呗客服对话.pdf', await makePdf(1, { label: 'Huabei chat' }))], { category: 'chat_screenshot' })).results[0]);

  importCase(vault, caseDoc({ idCard, bankBill }));
  setEvidenceSide(vault, huabeiChat, { side: 'creditor', creditorId: 'c-huabei', agentId: null });
  const sides = saveAgent(vault, { creditorId: 'c-jiebei', kind: 'collection_agency', name: AGENCY, numbers: [NUMBERS.agencyMobile, NUMBERS.agencySms], note: '' });
  const agency = sides.agents.find((a) => a.name === AGENCY)!.id;
  const lawFirm = saveAgent(vault, { creditorId: 'c-jiebei', kind: 'law_firm', name: LAW_FIRM, numbers: [NUMBERS.lawFirm], note: '' }).agents.find((a) => a.name === LAW_FIRM)!.id;

  const xml = write('sms-20261031.xml', smsXml(MESSAGES));
  const sms = await importSmsBackupKeepingOriginal(vault, { label: xml, name: path.basename(xml), source: { kind: 'path', path: xml } }, () => fileSource(xml), {
    name: path.basename(xml),
    collectMessages: true,
  });
  const contactOf = new Map<string, string>();
  sms.messages!.forEach((m, i) => contactOf.set(MESSAGES[i]!.key, m.id));

  const recordingOf = new Map<string, string>();
  for (const call of CALLS) {
    const p = write(call.file, wav(3 + (call.seed % 5), call.seed));
    const r = await importRecording(vault, { label: p, name: call.file, source: { kind: 'path', path: p } });
    if ('error' in r) throw new Error(`${call.file}: ${r.error.message}`);
    contactOf.set(call.key, r.id);
    recordingOf.set(call.key, r.evidenceId);
  }
  return { vault, file, dir, smsEvidenceId: sms.evidenceId, contactOf, recordingOf, evidence: { idCard, bankBill, huabeiChat }, agents: { agency, lawFirm } };
}

export function removeThreeCreditorCase(k: ThreeCreditorCase | undefined): void {
  if (!k) return;
  try {
    k.vault.close();
  } catch {
    // already closed
  }
  fs.rmSync(k.dir, { recursive: true, force: true });
}
