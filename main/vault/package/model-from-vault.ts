// Fills the package model (shared/pdf/model.ts) from what the vault holds: the case
// (applicant, creditor, accounts, hardship, finances, plan), the timeline (contacts and
// their conduct flags) and the evidence (exhibits, read chunk by chunk from the vault).
import type { Vault } from '../vault';
import { getCase } from '../case/service';
import { cliTimeline } from '../timeline/queries';
import { listItems } from '../evidence/items';
import { readAll, readChunks } from '../evidence/blob-store';
import { ocrOfBlob } from '../evidence/ocr-store';
import { caseOwedOn, type OwedAccount } from '../../../shared/money/case-owed';
import { makePlan } from '../../../shared/money/plan';
import { Money } from '../../../shared/money/decimal';
import { CATEGORY_LABELS, type EvidenceCategory } from '../../../shared/evidence/categories';
import { TEMPLATE_TITLES, type PackageModelInput, type Template, type ExhibitKind } from '../../../shared/pdf/model';
import { completeModel, missingIn, type ExhibitInput } from '../../../shared/package/complete-model';
import type { ExhibitCandidate, PackageDraft, PackageDraftModel } from '../../../shared/contracts/package';
import type { CaseDoc } from '../../../shared/case/schema';
import type { EvidenceSummary } from '../../../shared/contracts/evidence';
import { BadInputError } from '../../../shared/errors';

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
function suggestedExhibits(items: EvidenceSummary[], accountIds: ReadonlySet<string>): EvidenceSummary[] {
  const rank = (c: EvidenceCategory) => {
    const i = SUGGESTED_ORDER.indexOf(c);
    return i < 0 ? SUGGESTED_ORDER.length : i;
  };
  const wanted = (i: EvidenceSummary) =>
    i.accountIds.length === 0 ? i.category !== 'other' : i.accountIds.some((id) => accountIds.has(id));
  return items
    .filter((i) => wanted(i) && !i.damaged)
    .sort((a, b) => rank(a.category) - rank(b.category) || (a.capturedAt ?? '').localeCompare(b.capturedAt ?? ''));
}

function chosenPlan(doc: CaseDoc, planId?: string) {
  if (planId) {
    const plan = doc.plans.find((p) => p.id === planId);
    if (!plan) throw new BadInputError(`找不到还款方案 ${planId}`);
    return plan;
  }
  return doc.plans.find((p) => p.role === 'offer') ?? doc.plans[0] ?? null;
}

function owedAccount(a: CaseDoc['accounts'][number]): OwedAccount {
  return { id: a.id, principal: a.principal, interest: a.interest, fees: a.fees, contractDate: a.contractDate, penalty: a.penalty };
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

function candidateOf(item: EvidenceSummary, suggested: boolean, ocr?: ExhibitCandidate['ocr']): ExhibitCandidate {
  const meta: Record<string, string> = {};
  if (item.durationSec) meta['时长'] = `${Math.round(item.durationSec)} 秒`;
  if (item.capturedAt) meta['时间'] = item.capturedAt.replace('T', ' ').slice(0, 16);
  return {
    evidenceId: item.id,
    title: (item.note ? `${item.name}（${item.note.slice(0, 40)}）` : item.name).slice(0, 200),
    category: item.category,
    categoryLabel: CATEGORY_LABELS[item.category]['zh-CN'],
    date: item.capturedAt ? item.capturedAt.slice(0, 10) : '',
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
  const plan = chosenPlan(doc, req.planId);
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

  const items = listItems(vault.handle, {}).items;
  const suggested = suggestedExhibits(items, new Set(accounts.map((a) => a.id)));
  const suggestedIds = new Set(suggested.map((i) => i.id));
  const rest = items.filter((i) => !suggestedIds.has(i.id)).sort((a, b) => (a.capturedAt ?? '').localeCompare(b.capturedAt ?? ''));
  const candidates = [
    ...suggested.map((i) => candidateOf(i, true, exhibitOcr(vault.handle, i))),
    ...rest.map((i) => candidateOf(i, false, exhibitOcr(vault.handle, i))),
  ];

  const db = vault.handle;
  const timeline = cliTimeline(vault);
  const linkedEvidence = (contactId: string) =>
    (db.prepare("SELECT item_id FROM evidence_links WHERE target_kind = 'contact' AND target_id = ?").all(contactId) as { item_id: string }[]).map((r) => r.item_id);

  const schedule =
    plan && plan.installments > 0
      ? makePlan({ total: new Money(plan.total), installments: plan.installments, first: plan.firstDate }).installments.map((r) => ({
          n: r.n,
          date: r.date,
          amount: r.amount,
        }))
      : [];

  const f = doc.finances;
  const row = (x: { label: string; monthly: string }) => ({ label: x.label, amount: x.monthly });
  const opt = <T>(v: T | null | undefined | ''): T | undefined => (v === null || v === '' ? undefined : v);
  const model: PackageDraftModel = {
    template: req.template,
    date: req.date,
    creditor: {
      name: creditor?.legalName ?? '',
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
      ...(f.reference ? { reference: { label: f.reference.label, amount: f.reference.amount, ...(f.reference.source ? { source: f.reference.source } : {}) } } : {}),
    },
    proposal: { schedule, ...(plan?.note ? { summary: plan.note } : {}) },
    contacts: timeline.map((c) => ({
      at: c.at,
      channel: CHANNEL_ZH[c.channel] ?? c.channel,
      counterparty: c.counterparty,
      summary: c.summary || '（无摘要）',
    })),
    flaggedContacts: timeline
      .filter((c) => c.flags.length > 0)
      .map((c) => ({
        at: c.at,
        channel: CHANNEL_ZH[c.channel] ?? c.channel,
        counterparty: c.counterparty,
        flags: c.flags,
        summary: c.summary || '（无摘要）',
        evidenceIds: linkedEvidence(c.id),
      })),
    metadata: { title: TEMPLATE_TITLES[req.template], author: doc.applicant.name, keywords: [], language: 'zh-CN' },
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
  };
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
    return {
      evidenceId: c.evidenceId,
      n: i + 1,
      title: c.title,
      category: c.categoryLabel,
      date: c.date,
      sha256: c.sha256,
      size: c.size,
      mime: c.mime,
      kind: c.kind,
      fileName: c.fileName,
      meta: c.meta,
      ...(c.ocr ? { ocr: c.ocr } : {}),
      source: {
        read: async () => new Uint8Array(readAll(db, blobId)),
        chunks: async function* () {
          for (const chunk of readChunks(db, blobId)) yield new Uint8Array(chunk);
        },
      },
    };
  });
  return completeModel(draft.model, exhibits, {
    ...(req.signatureImage ? { image: req.signatureImage } : {}),
    ...(req.signerFingerprint ? { certificateFingerprint: req.signerFingerprint } : {}),
    reserve: req.sign,
  });
}
