// Fills the package model (shared/pdf/model.ts) from what the vault holds: the case
// (applicant, creditor, accounts, hardship, finances, plan), the timeline (contacts and
// their conduct flags) and the evidence (exhibits, read chunk by chunk from the vault).
import type { Vault } from '../vault';
import { getCase } from '../case/service';
import { counterpartyOf, loadTimeline } from '../timeline/store';
import { cliTimeline } from '../timeline/queries';
import { evidenceOfSide, evidenceSides, letterFlags, sideRows } from './creditor-side';
import { listItems } from '../evidence/items';
import { readAll, readChunks } from '../evidence/blob-store';
import { ocrOfBlob } from '../evidence/ocr-store';
import { caseOwedOn, type OwedAccount } from '../../../shared/money/case-owed';
import { CATEGORY_LABELS, type EvidenceCategory } from '../../../shared/evidence/categories';
import { TEMPLATE_TITLES, type PackageModelInput, type Template, type ExhibitKind } from '../../../shared/pdf/model';
import { completeModel, exhibitInputOf, missingIn, type ExhibitInput } from '../../../shared/package/complete-model';
import type { ExhibitCandidate, PackageDraft, PackageDraftModel } from '../../../shared/contracts/package';
import type { CaseDoc } from '../../../shared/case/schema';
import type { EvidenceSummary } from '../../../shared/contracts/evidence';
import { BadInputError } from '../../../shared/errors';
import { inferInstitution } from '../../../shared/pdf/address';
import { claimsAboveLedger, isStopRequest, letterFacts, planSchedule, stopRequests } from './letter-facts';
import { readRounds } from '../case/after-store';

export interface PackageRequest {
  template: Template;
  /** The letter's date (arrears are stated as of it), YYYY-MM-DD Beijing. */
  date: string;
  /** Addressee creditor (case creditor id); default: the creditor of the chosen plan's accounts. */
  creditorId?: string;
  /** Plan id; default: the first plan with role 'offer', else the first plan. */
  planId?: string;
  /** Evidence ids in exhibit order; default: the suggested set in the suggested order. */
  exhibitIds?: string[];
  showFullIdNumber?: boolean;
  /** The accounts the letter is about; default every account with the addressee. */
  accountIds?: string[];
  sign: boolean;
  signerFingerprint?: string;
  signatureImage?: Uint8Array;
  /** The demo copy: 示例 on every page. */
  sample?: boolean;
}

/** The order exhibits are suggested in: identity, what is owed, capacity, hardship, contacts. */
const SUGGESTED_ORDER: readonly EvidenceCategory[] = [
  'id_document',
  'contract',
  'bill',
  'income_proof',
  'bank_statement',
  'unemployment_proof',
  'medical_proof',
  'work_proof',
  'agreement',
  'chat_screenshot',
  'call_recording',
  'sms',
  'collection_notice',
  'email',
];

const CHANNEL_ZH: Record<string, string> = {
  phone: '电话',
  sms: '短信',
  chat: '在线客服',
  online_chat: '在线客服',
  email: '电子邮件',
  letter: '信件',
  visit: '上门',
  mediation: '调解',
  court: '法院',
};

const HARDSHIP_ZH: Record<string, string> = {
  'job-loss': '失业',
  'income-drop': '收入减少',
  illness: '疾病',
  family: '家庭变故',
  business: '经营困难',
  disaster: '灾害',
  other: '其他',
};

function exhibitKind(mime: string): ExhibitKind {
  if (mime === 'image/jpeg' || mime === 'image/png') return 'image';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('audio/')) return 'audio';
  return 'other';
}

/**
 * The exhibits suggested for a letter about `accountIds`. Account links (item.accountIds: the
 * case's accounts[].evidenceIds, the same lists 债务 and 证据 show): evidence linked to one of
 * the letter's accounts is suggested whatever its category; evidence linked only to other
 * accounts (another creditor's bill) is not; unlinked evidence by its category.
 */
function suggestedExhibits(items: EvidenceSummary[], wanted: (i: EvidenceSummary) => boolean): EvidenceSummary[] {
  const rank = (c: EvidenceCategory) => {
    const i = SUGGESTED_ORDER.indexOf(c);
    return i < 0 ? SUGGESTED_ORDER.length : i;
  };
  return items.filter((i) => wanted(i) && !i.damaged).sort((a, b) => rank(a.category) - rank(b.category) || (a.capturedAt ?? '').localeCompare(b.capturedAt ?? ''));
}

/** Recordings and videos above this are not suggested: e-mail and upload forms take about 20 MB in all. */
export const LARGE_MEDIA_BYTES = 5 * 1024 * 1024;

function isLargeMedia(i: EvidenceSummary): boolean {
  return (i.mime.startsWith('audio/') || i.mime.startsWith('video/')) && i.size > LARGE_MEDIA_BYTES;
}

/**
 * The exhibit's title: what it is and when it was captured, never the user's private note
 * (they may write one of their own into the title in the wizard).
 */
function exhibitTitle(item: EvidenceSummary): string {
  const label = CATEGORY_LABELS[item.category]['zh-CN'];
  const at = capturedOrIssued(item);
  const m = at ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(at) : null;
  const when = m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}` : '';
  if (item.mime.startsWith('image/')) return `${label}（${when ? `${when} 截取` : '截取时间不详'}）`;
  if (item.mime.startsWith('audio/')) return `${label}（${when || '录制时间不详'}${item.durationSec ? `，时长 ${Math.round(item.durationSec)} 秒` : ''}）`;
  return `${label}：${item.name}`.slice(0, 200);
}

/** The capture or issue date (EXIF, a PDF's creation date, an e-mail's date …), never a file's modified time. */
function capturedOrIssued(item: EvidenceSummary): string | null {
  return item.capturedSource === 'file_modified' ? null : item.capturedAt;
}

function chosenPlan(doc: CaseDoc, planId?: string) {
  if (planId) {
    const plan = doc.plans.find((p) => p.id === planId);
    if (!plan) throw new BadInputError(`找不到还款方案 ${planId}`);
    return plan;
  }
  return doc.plans.find((p) => p.role === 'offer') ?? doc.plans[0] ?? null;
}

/** The addressee's own offer (a plan whose accounts are all with its legal name), else its first plan, else none. */
function addresseePlan(doc: CaseDoc, creditorId: string) {
  const legal = doc.creditors.find((c) => c.id === creditorId)?.legalName;
  const ids = new Set(doc.creditors.filter((c) => c.legalName === legal).map((c) => c.id));
  const mine = doc.plans.filter((p) => p.accountIds.every((id) => ids.has(doc.accounts.find((a) => a.id === id)?.creditorId ?? '')));
  return mine.find((p) => p.role === 'offer') ?? mine[0] ?? null;
}

function owedAccount(a: CaseDoc['accounts'][number]): OwedAccount {
  return { id: a.id, principal: a.principal, interest: a.interest, fees: a.fees, contractDate: a.contractDate, penalty: a.penalty, overdueConvention: a.overdueConvention };
}

/** True when the vault is a demo copy (meta sample=1): everything built from it says 示例. */
export function isSampleVault(vault: Vault): boolean {
  const row = vault.handle.prepare("SELECT value FROM meta WHERE key = 'sample'").get() as { value: string } | undefined;
  return row?.value === '1';
}

export type DraftRequest = Omit<PackageRequest, 'exhibitIds' | 'sign' | 'signerFingerprint' | 'signatureImage'>;

/** An image's recognised lines for its exhibit page (none when it was not read or read nothing). */
function exhibitOcr(db: Vault['handle'], item: EvidenceSummary): ExhibitCandidate['ocr'] {
  if (item.kind !== 'image') return undefined;
  const blob = db.prepare('SELECT blob_id FROM evidence_items WHERE id = ?').get(item.id) as { blob_id: number } | undefined;
  const ocr = blob ? ocrOfBlob(db, blob.blob_id) : null;
  if (!ocr || ocr.status !== 'done' || !ocr.width || !ocr.height || ocr.lines.length === 0) return undefined;
  return { width: ocr.width, height: ocr.height, lines: ocr.lines.map((l) => ({ text: l.text, box: l.box })) };
}

function candidateOf(item: EvidenceSummary, suggested: boolean, caption: string, ocr?: ExhibitCandidate['ocr']): ExhibitCandidate {
  const meta: Record<string, string> = {};
  if (item.durationSec) meta['时长'] = `${Math.round(item.durationSec)} 秒`;
  if (item.capturedAt) meta['时间'] = item.capturedAt.replace('T', ' ').slice(0, 16);
  return {
    evidenceId: item.id,
    // The user's caption, else what the file is and when: never the private note.
    title: (caption.trim() || exhibitTitle(item)).slice(0, 200),
    category: item.category,
    categoryLabel: CATEGORY_LABELS[item.category]['zh-CN'],
    date: capturedOrIssued(item)?.slice(0, 10) ?? '',
    sha256: item.sha256,
    size: item.size,
    mime: item.mime,
    kind: exhibitKind(item.mime),
    fileName: item.name,
    meta,
    pages: item.pages,
    hasThumb: item.hasThumb,
    damaged: item.damaged,
    encrypted: item.encrypted,
    suggested,
    ...(ocr ? { ocr } : {}),
  };
}

/**
 * The letter pre-filled from the vault, without exhibit bytes: what the wizard shows and
 * edits, and what packageModelFromVault completes for the CLI. Serializable.
 */
export function packageDraftFromVault(vault: Vault, req: DraftRequest): PackageDraft {
  const doc = getCase(vault);
  const plan = req.planId || !req.creditorId ? chosenPlan(doc, req.planId) : addresseePlan(doc, req.creditorId);
  const creditor =
    doc.creditors.find((c) => c.id === req.creditorId) ??
    doc.creditors.find((c) => plan && doc.accounts.some((a) => plan.accountIds.includes(a.id) && a.creditorId === c.id)) ??
    doc.creditors[0];
  if (req.creditorId && creditor?.id !== req.creditorId) throw new BadInputError(`找不到债权机构 ${req.creditorId}`);
  // Every account held with the addressee (same legal name: 花呗 and 借呗 are one company),
  // or the ones the user picked.
  const creditorIds = new Set(doc.creditors.filter((c) => c.legalName === creditor?.legalName).map((c) => c.id));
  let accounts = doc.accounts.filter((a) => creditorIds.has(a.creditorId));
  if (req.accountIds) {
    for (const id of req.accountIds) if (!doc.accounts.some((a) => a.id === id)) throw new BadInputError(`找不到账户 ${id}`);
    accounts = doc.accounts.filter((a) => req.accountIds!.includes(a.id));
  }
  const owed = caseOwedOn(accounts.map(owedAccount), req.date);

  // The creditor side the letter speaks to: the addressee's legal name (its agents with it).
  const db = vault.handle;
  const group = creditor?.legalName ?? null;
  const state = loadTimeline(db);
  const groupOfCreditor = (id: string | null) => doc.creditors.find((c) => c.id === id)?.legalName ?? null;
  const items = listItems(db, {}).items;
  const evSides = evidenceSides(db);
  const wanted = evidenceOfSide(items, evSides, state, group, new Set(accounts.map((a) => a.id)), groupOfCreditor);
  const rows = sideRows(state, group);
  // A stop-contact letter is about the contacts it asks to stop: its suggested exhibits are the
  // evidence of those contacts (to third parties, at night) and of the person's own requests.
  const aboutOnly = req.template === 'stop-contact' ? stopContactEvidence(state, rows) : null;
  const suggested = suggestedExhibits(items, (i) => !isLargeMedia(i) && wanted(i) && (aboutOnly === null || aboutOnly.has(i.id)));
  const suggestedIds = new Set(suggested.map((i) => i.id));
  const rest = items.filter((i) => !suggestedIds.has(i.id)).sort((a, b) => (a.capturedAt ?? '').localeCompare(b.capturedAt ?? ''));
  const captionOf = (id: string) => evSides.get(id)?.caption ?? '';
  const candidates = [
    ...suggested.map((i) => candidateOf(i, true, captionOf(i.id), exhibitOcr(db, i))),
    ...rest.map((i) => candidateOf(i, false, captionOf(i.id), exhibitOcr(db, i))),
  ];

  const contactOf = (i: number) => {
    const r = state.rows[i]!;
    return {
      at: r.at,
      channel: CHANNEL_ZH[r.channel] ?? r.channel,
      counterparty: counterpartyOf(r, state.conduct[i]!.party.organisation ?? r.organisation).slice(0, 100),
      summary: (r.summary || r.body || '（无摘要）').slice(0, 2000),
      direction: r.direction,
    };
  };

  const schedule = plan && plan.installments > 0 ? planSchedule(plan) : [];

  const f = doc.finances;
  // An income or cost that starts or ends is dated in the statement.
  const dated = (x: { from?: string | null | undefined; until?: string | null | undefined }) =>
    [x.from ? `自${cn(x.from)}起` : '', x.until ? `至${cn(x.until)}止` : ''].filter(Boolean).join('，');
  const row = (x: { label: string; monthly: string; from?: string | null | undefined; until?: string | null | undefined }) => ({
    label: x.label,
    amount: x.monthly,
    ...(dated(x) ? { note: dated(x) } : {}),
  });
  const legalName = creditor?.legalName ?? '';
  const facts = letterFacts(doc, legalName, plan, req.date, readRounds(db));
  // The contacts this letter speaks of: the addressee's side only.
  const sideIds = new Set(rows.map((i) => state.rows[i]!.id));
  const letterRows = cliTimeline(vault).filter((c) => sideIds.has(c.id));
  const linkedEvidence = (contactId: string) => (state.links.get(contactId) ?? []).slice();
  const oral = oralAgreement(db, letterRows);
  const opt = <T>(v: T | null | undefined | ''): T | undefined => (v === null || v === '' ? undefined : v);
  const model: PackageDraftModel = {
    template: req.template,
    date: req.date,
    creditor: {
      name: creditor?.legalName ?? '',
      ...(creditor ? { kind: creditor.institution ?? inferInstitution(creditor.legalName) } : {}),
      ...(creditor?.creditCode ? { creditCode: creditor.creditCode } : {}),
      ...(creditor?.channels.find((c) => c.kind === 'hotline') ? { phone: creditor.channels.find((c) => c.kind === 'hotline')!.value } : {}),
    },
    applicant: {
      name: doc.applicant.name,
      ...(opt(doc.applicant.idNumber) ? { idNumber: doc.applicant.idNumber } : {}),
      showFullIdNumber: req.showFullIdNumber ?? false,
      ...(opt(doc.applicant.phone) ? { phone: doc.applicant.phone } : {}),
      ...(opt(doc.applicant.address) ? { address: doc.applicant.address } : {}),
    },
    accounts: accounts.map((a) => {
      const o = owed.accounts.find((r) => r.id === a.id)!.owed;
      const lender = doc.creditors.find((c) => c.id === a.creditorId)?.legalName;
      return {
        label: a.label,
        ...(opt(a.number) ? { number: a.number } : {}),
        ...(lender ? { creditor: lender } : {}),
        principal: o.principal,
        interest: o.interest,
        penalty: o.penalty,
        fees: o.fees,
        ...(a.overdueSince ? { overdueSince: a.overdueSince } : {}),
        overdueDays: o.overdueDays,
        overdueRule: overdueRule(a.penalty.startDate, a.overdueConvention),
      };
    }),
    hardship: {
      reason: doc.hardship.text,
      ...(doc.hardship.since ? { since: doc.hardship.since } : {}),
      ...(doc.hardship.category ? { category: HARDSHIP_ZH[doc.hardship.category] ?? doc.hardship.category } : {}),
    },
    finances: {
      household: [`成年人 ${f.household.adults} 人，需抚养/赡养 ${f.household.dependants} 人`, f.household.note].filter(Boolean).join('；'),
      income: f.income.map(row),
      fixedCosts: f.fixedCosts.map(row),
      flexibleCosts: f.flexibleCosts.map(row),
      priorityDebts: f.debts.filter((d) => d.priority).map((d) => ({ label: d.creditor, amount: d.monthly })),
      // Family loans and other debts are listed, with what is paid on each, in the debts table.
      ...(f.reference ? { reference: { label: f.reference.label, amount: f.reference.amount, ...(f.reference.source ? { source: f.reference.source } : {}) } } : {}),
    },
    proposal: { schedule, ...(plan?.note ? { summary: plan.note } : {}) },
    contacts: rows.map((i) => {
      const r = state.rows[i]!;
      const { direction, ...c } = contactOf(i);
      return {
        ...c,
        direction,
        ...(r.i_promised.trim() ? { promised: r.i_promised.trim().slice(0, 500) } : {}),
        ...(r.follow_up_date ? { followUp: r.follow_up_date } : {}),
        evidenceIds: (state.links.get(r.id) ?? []).slice(),
      };
    }),
    flaggedContacts: rows
      .map((i) => ({ i, flags: letterFlags(state, i) }))
      .filter(({ flags }) => flags.length > 0)
      .map(({ i, flags }) => {
        const { direction: _d, ...c } = contactOf(i);
        return { ...c, flags, evidenceIds: (state.links.get(state.rows[i]!.id) ?? []).slice() };
      }),
    metadata: { title: TEMPLATE_TITLES[req.template], author: doc.applicant.name, keywords: [], language: 'zh-CN' },
    debts: facts.debts,
    ...(facts.capacity ? { capacity: facts.capacity } : {}),
    ...(facts.negotiationState ? { negotiationState: facts.negotiationState } : {}),
    stopRequests: stopRequests(letterRows),
    claims: claimsAboveLedger(db, letterRows, accounts, linkedEvidence),
    ...(oral ? { oralAgreement: oral } : {}),
    summaryPage: req.template === 'negotiation',
    pauseCollection: ['negotiation', 'waiver', 'installments'].includes(req.template) && letterRows.some((c) => c.flags.length > 0),
    // A request may add the mark, never take it off a sample vault's package.
    sample: req.sample === true || isSampleVault(vault),
  };

  return {
    model,
    choices: {
      creditors: doc.creditors.map((c) => ({ id: c.id, name: c.productName ? `${c.legalName}（${c.productName}）` : c.legalName, legalName: c.legalName })),
      accounts: doc.accounts.map((a) => ({ id: a.id, label: a.label, creditorId: a.creditorId })),
      plans: doc.plans.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    },
    chosen: { creditorId: creditor?.id ?? null, planId: plan?.id ?? null, accountIds: accounts.map((a) => a.id) },
    candidates,
    missing: missingIn(model),
    warnings: req.template === 'mediation' && facts.mediationWarning ? [...facts.warnings, facts.mediationWarning] : facts.warnings,
  };
}

/** Evidence linked to the side's night or third-party contacts and to the person's own requests to stop. */
function stopContactEvidence(state: ReturnType<typeof loadTimeline>, rows: readonly number[]): Set<string> {
  const out = new Set<string>();
  for (const i of rows) {
    const r = state.rows[i]!;
    const flagged = letterFlags(state, i).some((f) => f === 'third_party' || f === 'night_contact');
    if (flagged || isStopRequest({ direction: r.direction, summary: r.summary || r.body || '' })) {
      for (const id of state.links.get(r.id) ?? []) out.add(id);
    }
  }
  return out;
}

/** "应还款日2026年5月9日，次日算第 1 天": the count stated beside every overdue-day figure in a letter. */
function overdueRule(dueDate: string, convention: CaseDoc['accounts'][number]['overdueConvention']): string {
  return `应还款日${cn(dueDate)}，${convention === 'inclusive' ? '当天' : '次日'}算第 1 天`;
}

const cn = (ymd: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd;
};

/** The latest phone or chat contact where something was agreed (outcome), as an oral agreement to confirm. */
function oralAgreement(db: Vault['handle'], rows: readonly { id: string; at: string; channel: string; counterparty: string }[]) {
  for (const r of [...rows].reverse()) {
    const c = db.prepare('SELECT outcome, i_promised FROM contacts WHERE id = ?').get(r.id) as { outcome: string; i_promised: string } | undefined;
    if (!c || (!c.outcome.trim() && !c.i_promised.trim())) continue;
    const terms = [c.outcome.trim() ? `对方同意：${c.outcome.trim()}` : '', c.i_promised.trim() ? `本人承诺：${c.i_promised.trim()}` : ''].filter(Boolean).join('\n');
    return { at: r.at, channel: CHANNEL_ZH[r.channel] ?? r.channel, counterparty: r.counterparty, terms };
  }
  return undefined;
}

export function packageModelFromVault(vault: Vault, req: PackageRequest): PackageModelInput {
  const draft = packageDraftFromVault(vault, req);
  const byId = new Map(draft.candidates.map((c) => [c.evidenceId, c]));
  const picked = req.exhibitIds
    ? req.exhibitIds.map((id) => {
        const c = byId.get(id);
        if (!c) throw new BadInputError(`找不到证据 ${id}（或已在回收站）`);
        return c;
      })
    : draft.candidates.filter((c) => c.suggested);
  const db = vault.handle;
  const blobOf = (id: string) => (db.prepare('SELECT blob_id FROM evidence_items WHERE id = ?').get(id) as { blob_id: number }).blob_id;
  const exhibits: ExhibitInput[] = picked.map((c, i) => {
    const blobId = blobOf(c.evidenceId);
    return exhibitInputOf(c, i + 1, {
      read: async () => new Uint8Array(readAll(db, blobId)),
      chunks: async function* () {
        for (const chunk of readChunks(db, blobId)) yield new Uint8Array(chunk);
      },
    });
  });
  return completeModel(draft.model, exhibits, {
    ...(req.signatureImage ? { image: req.signatureImage } : {}),
    ...(req.signerFingerprint ? { certificateFingerprint: req.signerFingerprint } : {}),
    reserve: req.sign,
  });
}
