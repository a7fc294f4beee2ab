// Fills the package model (shared/pdf/model.ts) from what the vault holds: the case
// (applicant, creditor, accounts, hardship, finances, plan), the timeline (contacts and
// their conduct flags) and the evidence (exhibits, read chunk by chunk from the vault).
import type { Vault } from '../vault';
import { getCase } from '../case/service';
import { cliTimeline } from '../timeline/queries';
import { listItems } from '../evidence/items';
import { readAll, readChunks } from '../evidence/blob-store';
import { caseOwedOn, type OwedAccount } from '../../../shared/money/case-owed';
import { makePlan } from '../../../shared/money/plan';
import { Money } from '../../../shared/money/decimal';
import { CATEGORY_LABELS, type EvidenceCategory } from '../../../shared/evidence/categories';
import { TEMPLATE_TITLES, type PackageModelInput, type Template, type ExhibitKind } from '../../../shared/pdf/model';
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

function suggestedExhibits(items: EvidenceSummary[]): EvidenceSummary[] {
  const rank = (c: EvidenceCategory) => {
    const i = SUGGESTED_ORDER.indexOf(c);
    return i < 0 ? SUGGESTED_ORDER.length : i;
  };
  return items
    .filter((i) => i.category !== 'other' && !i.damaged)
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

export function packageModelFromVault(vault: Vault, req: PackageRequest): PackageModelInput {
  const doc = getCase(vault);
  const plan = chosenPlan(doc, req.planId);
  const creditor =
    doc.creditors.find((c) => c.id === req.creditorId) ??
    doc.creditors.find((c) => plan && doc.accounts.some((a) => plan.accountIds.includes(a.id) && a.creditorId === c.id)) ??
    doc.creditors[0];
  if (req.creditorId && creditor?.id !== req.creditorId) throw new BadInputError(`找不到债权机构 ${req.creditorId}`);
  // Every account held with the addressee (same legal name: 花呗 and 借呗 are one company).
  const creditorIds = new Set(doc.creditors.filter((c) => c.legalName === creditor?.legalName).map((c) => c.id));
  const accounts = doc.accounts.filter((a) => creditorIds.has(a.creditorId));
  const owed = caseOwedOn(accounts.map(owedAccount), req.date);

  const items = listItems(vault.handle, {}).items;
  const byId = new Map(items.map((i) => [i.id, i]));
  const picked = req.exhibitIds
    ? req.exhibitIds.map((id) => {
        const item = byId.get(id);
        if (!item) throw new BadInputError(`找不到证据 ${id}（或已在回收站）`);
        return item;
      })
    : suggestedExhibits(items);
  const numberOf = new Map(picked.map((item, i) => [item.id, i + 1]));
  const db = vault.handle;
  const blobOf = (id: string) => (db.prepare('SELECT blob_id FROM evidence_items WHERE id = ?').get(id) as { blob_id: number }).blob_id;

  const exhibits = picked.map((item, i) => {
    const blobId = blobOf(item.id);
    const meta: Record<string, string> = {};
    if (item.durationSec) meta['时长'] = `${Math.round(item.durationSec)} 秒`;
    if (item.capturedAt) meta['时间'] = item.capturedAt.replace('T', ' ').slice(0, 16);
    return {
      n: i + 1,
      title: item.note ? `${item.name}（${item.note.slice(0, 40)}）` : item.name,
      category: CATEGORY_LABELS[item.category]['zh-CN'],
      date: item.capturedAt ? item.capturedAt.slice(0, 10) : '',
      sha256: item.sha256,
      size: item.size,
      mime: item.mime,
      kind: exhibitKind(item.mime),
      fileName: item.name,
      meta,
      source: {
        read: async () => new Uint8Array(readAll(db, blobId)),
        chunks: async function* () {
          for (const chunk of readChunks(db, blobId)) yield new Uint8Array(chunk);
        },
      },
    };
  });

  const timeline = cliTimeline(vault);
  const linked = (contactId: string) =>
    (db.prepare("SELECT item_id FROM evidence_links WHERE target_kind = 'contact' AND target_id = ?").all(contactId) as { item_id: string }[])
      .map((r) => numberOf.get(r.item_id))
      .filter((n): n is number => n !== undefined);

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
  return {
    template: req.template,
    date: req.date,
    creditor: {
      name: creditor?.legalName ?? '',
      phone: creditor?.channels.find((c) => c.kind === 'hotline')?.value,
    },
    applicant: {
      name: doc.applicant.name,
      idNumber: doc.applicant.idNumber || undefined,
      showFullIdNumber: req.showFullIdNumber ?? false,
      phone: doc.applicant.phone || undefined,
      address: doc.applicant.address || undefined,
    },
    accounts: accounts.map((a) => {
      const o = owed.accounts.find((r) => r.id === a.id)!.owed;
      return {
        label: a.label,
        number: a.number || undefined,
        creditor: doc.creditors.find((c) => c.id === a.creditorId)?.legalName,
        principal: o.principal,
        interest: o.interest,
        penalty: o.penalty,
        fees: o.fees,
        overdueSince: a.overdueSince ?? undefined,
        overdueDays: o.overdueDays,
      };
    }),
    hardship: { reason: doc.hardship.text, since: doc.hardship.since ?? undefined, category: doc.hardship.category ? HARDSHIP_ZH[doc.hardship.category] : undefined },
    finances: {
      household: [
        `成年人 ${f.household.adults} 人，需抚养/赡养 ${f.household.dependants} 人`,
        f.household.note,
      ]
        .filter(Boolean)
        .join('；'),
      income: f.income.map(row),
      fixedCosts: f.fixedCosts.map(row),
      flexibleCosts: f.flexibleCosts.map(row),
      priorityDebts: f.debts.filter((d) => d.priority).map((d) => ({ label: d.creditor, amount: d.monthly })),
      ...(f.reference ? { reference: { label: f.reference.label, amount: f.reference.amount, source: f.reference.source || undefined } } : {}),
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
        exhibits: linked(c.id),
      })),
    exhibits,
    signature: {
      name: doc.applicant.name,
      date: req.date,
      ...(req.signatureImage ? { image: req.signatureImage } : {}),
      ...(req.signerFingerprint ? { certificateFingerprint: req.signerFingerprint } : {}),
    },
    signing: { reserve: req.sign },
    metadata: { title: TEMPLATE_TITLES[req.template], author: doc.applicant.name, keywords: [], language: 'zh-CN' },
    sample: req.sample ?? false,
  };
}
