// `xieshang demo --out DIR`: a complete sample case made from the fictional story in
// story.ts — DIR/demo.vault (passphrase demo-passphrase, marked 示例), the generated files
// it was filled from (DIR/demo-files/), and DIR/demo-application.pdf, the signed package
// built from it all. Everything goes through the same modules a user's data does.
import fs from 'node:fs';
import path from 'node:path';
import { Vault } from '../vault/vault';
import { importPaths } from '../vault/evidence/import-files';
import { warmAnalysers } from '../vault/evidence/analyse-bounded';
import { importSmsBackupKeepingOriginal } from '../vault/timeline/sms-import';
import { saveAgent, setEvidenceSide } from '../vault/sides/service';
import { fileSource } from '../vault/timeline/xml-text';
import { importRecording } from '../vault/timeline/calls-import';
import { markNumber, updateContact } from '../vault/timeline/contacts';
import { importCase, savePlan } from '../vault/case/service';
import { buildPackageFromVault, storeSigningIdentity } from '../vault/package/service';
import { createSigningIdentityAsync, type SigningIdentity } from '../signing';
import { withBulkWrites } from '../vault/bulk-writes';
import { emptyCase, type CaseDoc } from '../../shared/case/schema';
import type { ContactPatch } from '../../shared/contracts/timeline';
import { addDays, addMonthsClamped, todayBeijing } from '../../shared/time/beijing';
import { XieshangError } from '../../shared/errors';
import { isEvidenceCategory } from '../../shared/evidence/categories';
import * as story from './story';
import { renderConversation } from './chat-screenshots';
import { smsBackupXml } from './sms-backup';
import { wavRecording } from './recordings';
import { proofPdf } from './proof-pdfs';
import { addDemoAgreement } from './demo-agreement';

export interface DemoResult {
  vault: string;
  pdf: string;
  passphrase: string;
}

export type DemoProgress = (step: string) => void;

interface DemoFiles {
  shots: string;
  proofs: { file: string; category: string }[];
  sms: string;
  calls: string[];
}

/**
 * Writes the sample files. The chat screenshots are rendered by sharp on the libuv thread
 * pool, every conversation at once, while this thread typesets the proofs and synthesises
 * the recordings; `screenshots` settles when they are all written (the vault can be made
 * in the meantime). One after the other, the steps took 2.4 s of the demo's 8.
 */
function writeFiles(dir: string, progress: DemoProgress): { screenshots: Promise<Map<string, string>>; rest: Promise<DemoFiles> } {
  const shots = path.join(dir, '聊天截图');
  const proofsDir = path.join(dir, '证明材料');
  const callsDir = path.join(dir, '通话录音');
  for (const d of [shots, proofsDir, callsDir]) fs.mkdirSync(d, { recursive: true });
  progress('生成聊天截图');
  // Settles with each screenshot's conversation, by file name.
  const screenshots = Promise.all(story.conversations.map((conv) => renderConversation(conv, 8))).then((rendered) => {
    const shotOf = new Map<string, string>();
    rendered.forEach((list, i) => {
      for (const shot of list) {
        fs.writeFileSync(path.join(shots, shot.fileName), shot.bytes);
        shotOf.set(shot.fileName, story.conversations[i]!.key);
      }
    });
    return shotOf;
  });
  const rest = (async () => {
    progress('生成证明材料');
    const proofs = [];
    for (const proof of story.proofs) {
      const file = path.join(proofsDir, proof.fileName);
      fs.writeFileSync(file, await proofPdf(proof));
      proofs.push({ file, category: proof.category });
    }
    progress('生成通话录音');
    const made = new Map<number, Buffer>();
    const calls = story.calls.map((call, i) => {
      const file = path.join(callsDir, call.fileName);
      const like = call.sameBytesAs ?? i;
      // The same recording saved twice by the phone: the same bytes, generated once.
      let bytes = made.get(like);
      if (!bytes) made.set(like, (bytes = wavRecording(story.calls[like]!.seconds, like + 7)));
      fs.writeFileSync(file, bytes);
      return file;
    });
    const sms = path.join(dir, '短信备份-sms-backup.xml');
    fs.writeFileSync(sms, smsBackupXml());
    return { shots, proofs, sms, calls };
  })();
  return { screenshots, rest };
}

function caseDocument(proofIds: Map<string, string>): CaseDoc {
  const doc = emptyCase();
  delete doc.contacts; // leave the timeline as the imports made it
  const creditorOf = (key: string) => story.creditors.find((c) => c.key === key)!;
  const productOf = { huabei: 'huabei', jiebei: 'jiebei', credit_card: 'credit-card' } as const;
  const dueBefore = (date: string) => addDays(date, -1);
  return {
    ...doc,
    applicant: { ...story.applicant },
    creditors: story.accounts.map((a) => {
      const c = creditorOf(a.creditor);
      return {
        id: `c-${a.key}`,
        legalName: c.legalName,
        product: productOf[a.product],
        productName: '',
        channels: [{ kind: 'hotline' as const, value: c.hotline, note: '' }],
        note: '示例数据',
        // Her own split of the 921.00 a month she can pay: each offer fits its share, both together the whole.
        // (花呗 and 借呗 are one company: its share is set once, on the first of its accounts.)
        ...(story.accounts.find((x) => x.creditor === a.creditor) === a ? { capacityShare: c.capacityShare } : {}),
      };
    }),
    accounts: story.accounts.map((a) => ({
      id: `a-${a.key}`,
      creditorId: `c-${a.key}`,
      label: a.product === 'huabei' ? '花呗' : a.product === 'jiebei' ? '借呗' : '信用卡',
      number: a.number,
      principal: a.principal,
      interest: a.interest,
      fees: a.fees,
      dueDate: dueBefore(a.overdueSince),
      overdueSince: a.overdueSince,
      penalty: { mode: 'simple' as const, dailyRate: '0.0005', graceDays: 0, startDate: dueBefore(a.overdueSince) },
      contractDate: null,
      evidenceIds: [],
      note: '',
    })),
    hardship: { category: 'job-loss', text: story.hardship.text, since: story.hardship.since },
    finances: {
      ...doc.finances,
      household: { adults: 1, dependants: 1, housing: 'rent', employment: 'unemployed', note: '独自抚养 6 岁女儿' },
      income: [
        { id: 'i-benefit', category: 'benefits', label: '失业保险金', monthly: '1850.00', evidenceId: proofIds.get('失业登记证明.pdf') ?? null, note: '' },
        { id: 'i-parttime', category: 'salary', label: '临时兼职（餐厅帮工）', monthly: '2400.00', evidenceId: proofIds.get('兼职收入证明.pdf') ?? null, note: '' },
      ],
      fixedCosts: [
        { id: 'f-rent', category: 'housing', label: '房租', monthly: '1400.00', evidenceId: proofIds.get('银行流水-2026年8-10月.pdf') ?? null, note: '' },
        { id: 'f-util', category: 'utilities', label: '水电燃气', monthly: '180.00', evidenceId: null, note: '' },
        { id: 'f-school', category: 'childcare', label: '孩子上学和托管', monthly: '450.00', evidenceId: null, note: '' },
      ],
      flexibleCosts: [
        { id: 'x-food', category: 'food-housekeeping', label: '伙食', monthly: '1000.00', evidenceId: null, note: '' },
        { id: 'x-phone', category: 'communications-leisure', label: '手机和网络', monthly: '79.00', evidenceId: null, note: '' },
        { id: 'x-transport', category: 'personal', label: '交通', monthly: '120.00', evidenceId: null, note: '' },
      ],
      // The bank card is a creditor of the case (its own letters); a family loan is taken out of the capacity first.
      debts: [
        { id: 'd-family', creditor: '母亲（亲友借款）', priority: false, family: true, owed: '6000.00', monthly: '100.00', evidenceId: null, note: '2026 年 4 月借来交房租' },
      ],
      assets: [],
      reference: null,
    },
    plans: [],
    agreements: [],
    lpr: [],
  };
}

export async function buildDemo(
  outDir: string,
  progress: DemoProgress = () => {},
  options: { nativeBinding?: string | undefined; actor?: 'app' | 'cli' } = {},
): Promise<DemoResult> {
  const dir = path.resolve(outDir);
  const vaultPath = path.join(dir, 'demo.vault');
  const pdfPath = path.join(dir, 'demo-application.pdf');
  for (const existing of [vaultPath, pdfPath]) {
    if (fs.existsSync(existing)) throw new XieshangError('OUTPUT_EXISTS', { path: existing });
  }
  fs.mkdirSync(dir, { recursive: true });
  // Her signing key is made on the thread pool from the start (RSA: ~0.2 s), stored before the package.
  const identity = createSigningIdentityAsync(story.applicant.name);
  const written = writeFiles(path.join(dir, 'demo-files'), progress);
  // If anything below throws, the screenshots and the key still settle: never an unhandled rejection.
  void written.screenshots.catch(() => undefined);
  void identity.catch(() => undefined);
  const files = await written.rest;

  progress('创建示例证据箱');
  warmAnalysers(); // they start while the vault is made
  // The app's worker needs Electron's build of SQLite: it passes its binding along.
  const vault = Vault.create(vaultPath, story.DEMO_PASSPHRASE, { actor: options.actor ?? 'cli', nativeBinding: options.nativeBinding });
  try {
    // Filled as one import of files: through a rollback journal (main/vault/bulk-writes.ts).
    await withBulkWrites(vault.handle, () => fill(vault, { dir, pdfPath, files, screenshots: written.screenshots, identity, progress }));
  } finally {
    vault.close();
  }
  return { vault: vaultPath, pdf: pdfPath, passphrase: story.DEMO_PASSPHRASE };
}

interface FillInput {
  dir: string;
  pdfPath: string;
  files: DemoFiles;
  /** Settles when the chat screenshots are written (rendered while the vault was made), with each one's conversation. */
  screenshots: Promise<Map<string, string>>;
  identity: Promise<SigningIdentity>;
  progress: DemoProgress;
}

/** The proofs, one after the other; each file's evidence id by file name. */
async function importProofs(vault: Vault, proofs: DemoFiles['proofs']): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const proof of proofs) {
    const category = isEvidenceCategory(proof.category) ? proof.category : 'other';
    const { results } = await importPaths(vault, [proof.file], { category, note: '示例（虚构）证明材料' });
    const id = results[0] && 'id' in results[0] ? (results[0] as { id: string }).id : undefined;
    if (id) ids.set(path.basename(proof.file), id);
  }
  return ids;
}

/** The SMS backup and the call recordings, with the collectors' numbers marked first. */
async function importTimeline(vault: Vault, files: DemoFiles, progress: DemoProgress): Promise<void> {
  progress('导入短信和通话录音');
  // What a user does after the first collection calls: mark the numbers as a collector's.
  // (The demo's many small edits go in a few transactions: the same functions, one commit each batch.)
  vault.change(() => {
    for (const [number, org] of story.collectorNumbers) markNumber(vault, number, 'collector', org);
  });
  await importSmsBackupKeepingOriginal(vault, { label: files.sms, name: path.basename(files.sms), source: { kind: 'path', path: files.sms } }, () => fileSource(files.sms), {
    name: path.basename(files.sms),
  });
  const noted: [string, ContactPatch][] = [];
  for (const [i, file] of files.calls.entries()) {
    const r = await importRecording(vault, { label: file, name: path.basename(file), source: { kind: 'path', path: file } });
    const call = story.calls[i]!;
    if ('id' in r) noted.push([r.id, { summary: call.summary, ...(call.direction ? { direction: call.direction } : {}) }]);
  }
  // What she noted of each call afterwards, as in the timeline's edit form.
  vault.change(() => {
    for (const [id, patch] of noted) updateContact(vault, id, patch);
  });
}

/** Both, side by side; a failure is passed on only when both have settled (nothing still writing). */
async function sideBySide<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
  return [ra.value, rb.value];
}

/** Everything a user would do with the sample files, in the vault. */
// The chat screenshots come last: what needs no picture is filled in while the thread pool
// still draws them (waiting for them first left this thread idle for half a second).
async function fill(vault: Vault, { dir, pdfPath, files, screenshots, identity, progress }: FillInput): Promise<void> {
  vault.change((db, audit) => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('sample', '1')").run();
    audit({ action: 'vault.mark_sample', newValue: { sample: true } });
  });
  progress('导入证明材料');
  // The first PDF's analysis loads pdf.js in its thread (0.5–0.7 s here, this thread idle):
  // the SMS and calls are imported meanwhile. Imports side by side are safe, as in the app
  // (each commits in its own transaction); the exhibits keep their order (by category).
  const [proofIds] = await sideBySide(importProofs(vault, files.proofs), importTimeline(vault, files, progress));
  progress('填写欠款、财务和还款方案');
  importCase(vault, caseDocument(proofIds));
  let agentIds = new Map<string, string>();
  vault.change(() => {
    for (const a of story.agents) {
      const sides = saveAgent(vault, { creditorId: `c-${a.creditor}`, kind: a.kind, name: a.name, numbers: a.numbers, note: '示例（虚构）' });
      agentIds = new Map(sides.agents.map((x) => [x.name, x.id]));
    }
  });
  const today = todayBeijing();
  const firstDate = `${addMonthsClamped(today, 1).slice(0, 8)}10`;
  savePlan(vault, {
    plan: {
      name: '报价方案：60 期还本金',
      role: 'offer',
      accountIds: ['a-huabei', 'a-jiebei'],
      basis: 'principal',
      asOf: today,
      interestOffered: '0.00',
      installments: 60,
      firstDate,
      note: '每月还款额在我每月能拿出的金额之内；请求免除逾期罚息和剩余利息。',
    },
  });
  // The bank's plan was agreed two months ago: the letter to 蚂蚁 lists it with what is paid under it.
  await addDemoAgreement(vault, path.join(dir, 'demo-files'));
  progress('导入聊天截图');
  const shotOf = await screenshots;
  // Not read by OCR here: the sample case must open in seconds. Its pictures wait for the
  // evidence page's "识别图片中的文字" job (issue 12), which shows what that job does.
  const shotIds = new Map<string, string>();
  for (const r of (await importPaths(vault, [files.shots], { category: 'chat_screenshot', ocr: false })).results) {
    const conv = 'id' in r ? shotOf.get(path.basename(r.path)) : undefined;
    if (conv) shotIds.set((r as { id: string }).id, conv);
  }
  // Whose each chat is: the user says so once (a chat has no number to go by).
  vault.change(() => {
    for (const [id, conv] of shotIds) {
      const side = story.chatSides[conv];
      if (!side) continue;
      if (side.agent) setEvidenceSide(vault, id, { side: 'agent', creditorId: null, agentId: agentIds.get(side.agent) ?? null });
      else setEvidenceSide(vault, id, { side: 'creditor', creditorId: `c-${side.creditor}`, agentId: null });
    }
  });
  progress('生成并签名申请材料');
  storeSigningIdentity(vault, story.applicant.name, await identity);
  await buildPackageFromVault(vault, { template: 'negotiation', date: today, sign: true, sample: true }, pdfPath);
}
