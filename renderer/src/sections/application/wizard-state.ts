// The wizard's state, kept pure so it can be tested without a window: the user's edits sit
// on top of the draft main filled from the vault (a field the user never touched follows
// the draft and the standard wording), and the picked exhibits survive a reload of the
// draft (another creditor, another date) by evidence id.
import type { ExhibitCandidate, PackageDraftModel } from '../../../../shared/contracts/package';
import type { PickedExhibit } from '../../../../shared/package/build-from-draft';
import { missingIn } from '../../../../shared/package/complete-model';
import { defaultPromise, defaultProposalSummary, defaultRecipientName, defaultRequests, defaultWaiverRequest } from '../../../../shared/pdf/defaults';
import { TEMPLATE_TITLES, type Template } from '../../../../shared/pdf/model';
import { voiceOf, type AddresseeKind } from '../../../../shared/pdf/address';

/** Text the user changed; undefined = not touched (the draft's or the standard wording is used). */
export interface Edits {
  recipient?: string;
  hardshipReason?: string;
  summary?: string;
  waiverRequest?: string;
  promise?: string;
  facts?: string;
  /** One request per line. */
  requests?: string;
  /** What was agreed by phone (confirm-agreement). */
  agreementTerms?: string;
  /** The addressee's kind, when the one inferred from the name is wrong (decides 贵行 / 贵司 / 贵局 …). */
  addresseeKind?: AddresseeKind;
  summaryPage?: boolean;
  pauseCollection?: boolean;
  includeContacts: boolean;
}

export const NO_EDITS: Edits = { includeContacts: true };

export type EditableField = Exclude<keyof Edits, 'includeContacts' | 'addresseeKind' | 'summaryPage' | 'pauseCollection'>;

/** What each text box shows: the user's text, else the draft's, else the standard wording (in the chosen form of address). */
export function fieldValue(draft: PackageDraftModel, edits: Edits, field: EditableField): string {
  const own = edits[field];
  if (own !== undefined) return own;
  return fieldDefault(withAddresseeKind(draft, edits), field);
}

/** The draft with only the addressee kind the user chose: the standard wording follows it. */
export function withAddresseeKind(draft: PackageDraftModel, edits: Edits): PackageDraftModel {
  if (!edits.addresseeKind) return draft;
  const { recipient, creditor, oralAgreement, summaryPage, pauseCollection } = applyEdits(draft, { includeContacts: true, addresseeKind: edits.addresseeKind });
  return {
    ...draft,
    creditor,
    ...(recipient ? { recipient } : {}),
    ...(oralAgreement ? { oralAgreement } : {}),
    ...(summaryPage !== undefined ? { summaryPage } : {}),
    ...(pauseCollection !== undefined ? { pauseCollection } : {}),
  };
}

export function fieldDefault(draft: PackageDraftModel, field: EditableField): string {
  switch (field) {
    case 'recipient':
      return draft.recipient?.name ?? defaultRecipientName(draft.template, draft.creditor.name);
    case 'hardshipReason':
      return draft.hardship.reason;
    case 'summary':
      return draft.proposal?.summary ?? defaultProposalSummary(draft);
    case 'waiverRequest':
      return draft.proposal?.waiverRequest ?? defaultWaiverRequest(draft);
    case 'promise':
      return draft.proposal?.promise ?? defaultPromise(draft);
    case 'facts':
      return draft.facts ?? '';
    case 'requests':
      return (draft.requests ?? defaultRequests(draft) ?? []).join('\n');
    case 'agreementTerms':
      return draft.oralAgreement?.terms ?? '';
  }
}

/** A complaint to the regulator when the user has not named the local office yet. */
export const REGULATOR_DEFAULT = '国家金融监督管理总局（所在地监管局）';

/** The kinds a template's addressee can be: a third body for a complaint or mediation, else the creditor's kinds. */
export function addresseeKinds(template: Template): AddresseeKind[] {
  if (template === 'complaint') return ['bank', 'consumer-finance', 'company', 'regulator'];
  if (template === 'mediation') return ['mediator', 'court'];
  return ['bank', 'consumer-finance', 'company'];
}

/** The addressee's kind as the letter will use it. */
export function currentAddresseeKind(draft: PackageDraftModel): AddresseeKind {
  return voiceOf(draft).kind;
}

/** Which parts a template has (the letter builder's own rules, shared/pdf/letter.ts). */
export function templateParts(template: Template) {
  const letter = template === 'negotiation' || template === 'waiver' || template === 'installments';
  const own = template === 'stop-contact' || template === 'statement-request' || template === 'confirm-agreement';
  return {
    letter,
    recipient: template === 'complaint' || template === 'mediation',
    requests: template === 'complaint' || template === 'mediation' || template === 'stop-contact' || template === 'statement-request',
    facts: template === 'complaint' || template === 'mediation',
    hardship: template !== 'complaint' && !own,
    proposal: template !== 'complaint' && !own,
    agreement: template === 'confirm-agreement',
    addressee: template !== 'callsheet',
    exhibits: template !== 'callsheet',
    sign: template !== 'callsheet',
  };
}

/** The draft with the user's edits applied: what goes to the build worker. */
export function applyEdits(draft: PackageDraftModel, edits: Edits): PackageDraftModel {
  const parts = templateParts(draft.template);
  const trimmedOr = (field: EditableField) => {
    const v = edits[field];
    return v === undefined ? undefined : v.trim();
  };
  const recipient = trimmedOr('recipient');
  const requests = trimmedOr('requests');
  const facts = trimmedOr('facts');
  const terms = trimmedOr('agreementTerms');
  const proposal = draft.proposal ?? { schedule: [] };
  const kind = edits.addresseeKind && addresseeKinds(draft.template).includes(edits.addresseeKind) ? edits.addresseeKind : undefined;
  const recipientName = recipient || draft.recipient?.name || '';
  return {
    ...draft,
    ...(parts.recipient && recipient ? { recipient: { name: recipient } } : {}),
    // A kind chosen for a third body needs its name (the standard one when the box was left alone).
    ...(parts.recipient && kind && !['bank', 'consumer-finance', 'company'].includes(kind)
      ? { recipient: { name: recipientName || (kind === 'regulator' ? REGULATOR_DEFAULT : fieldDefault(draft, 'recipient')), kind } }
      : {}),
    ...(kind && (!parts.recipient || ['bank', 'consumer-finance', 'company'].includes(kind)) ? { creditor: { ...draft.creditor, kind } } : {}),
    ...(parts.agreement && terms !== undefined ? { oralAgreement: { ...(draft.oralAgreement ?? { at: draft.date, channel: '电话', counterparty: '' }), terms } } : {}),
    ...(edits.summaryPage !== undefined ? { summaryPage: edits.summaryPage } : {}),
    ...(edits.pauseCollection !== undefined ? { pauseCollection: edits.pauseCollection } : {}),
    hardship: { ...draft.hardship, reason: trimmedOr('hardshipReason') ?? draft.hardship.reason },
    proposal: {
      ...proposal,
      ...(trimmedOr('summary') ? { summary: trimmedOr('summary')! } : {}),
      ...(trimmedOr('waiverRequest') ? { waiverRequest: trimmedOr('waiverRequest')! } : {}),
      ...(trimmedOr('promise') ? { promise: trimmedOr('promise')! } : {}),
    },
    ...(parts.requests && requests !== undefined
      ? {
          requests: requests
            .split('\n')
            .map((l) => l.replace(/^\s*\d+[.、．)]\s*/, '').trim())
            .filter(Boolean)
            .slice(0, 20),
        }
      : {}),
    ...(parts.facts && facts !== undefined ? { facts } : {}),
    contacts: edits.includeContacts ? draft.contacts : [],
  };
}

/** The suggested set, in the suggested order (identity, what is owed, income, hardship, contacts). */
export function suggestedPicks(candidates: readonly ExhibitCandidate[]): PickedExhibit[] {
  return candidates.filter((c) => c.suggested).map((candidate) => ({ candidate, title: candidate.title }));
}

/**
 * Keeps the user's picks, titles and passwords across a reloaded draft: each pick is
 * matched by evidence id to the fresh candidate (its hash may have been re-read); picks
 * whose evidence is gone (trashed meanwhile) are dropped and reported.
 */
export function carryPicks(picks: readonly PickedExhibit[], candidates: readonly ExhibitCandidate[]): { picks: PickedExhibit[]; dropped: string[] } {
  const byId = new Map(candidates.map((c) => [c.evidenceId, c]));
  const kept: PickedExhibit[] = [];
  const dropped: string[] = [];
  for (const p of picks) {
    const fresh = byId.get(p.candidate.evidenceId);
    if (fresh) kept.push({ ...p, candidate: fresh });
    else dropped.push(p.title);
  }
  return { picks: kept, dropped };
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Problems with the exhibits the builder would refuse: found before building, each named. */
export function exhibitProblems(picks: readonly PickedExhibit[]): { n: number; title: string; kind: 'damaged' | 'password' | 'title' }[] {
  const out: { n: number; title: string; kind: 'damaged' | 'password' | 'title' }[] = [];
  picks.forEach((p, i) => {
    if (p.title.trim() === '') out.push({ n: i + 1, title: p.candidate.fileName, kind: 'title' });
    if (p.candidate.damaged && (p.candidate.kind === 'image' || p.candidate.kind === 'pdf')) out.push({ n: i + 1, title: p.title, kind: 'damaged' });
    if (p.candidate.encrypted && p.candidate.kind === 'pdf' && !p.password) out.push({ n: i + 1, title: p.title, kind: 'password' });
  });
  return out;
}

/** "协商还款申请书-重庆蚂蚁消费金融有限公司-2026-11-22.pdf"; the demo copy says 示例 in the name too. */
export function suggestedFileName(draft: PackageDraftModel): string {
  const who = draft.creditor.name.replace(/[\\/:*?"<>|]/g, '').slice(0, 40) || '申请';
  return `${draft.sample ? '示例-' : ''}${TEMPLATE_TITLES[draft.template]}-${who}-${draft.date}.pdf`;
}

/** What the letter still lacks with the user's edits in: the builder's own check (validatePackageModel). */
export function missingNow(edited: PackageDraftModel): string[] {
  return missingIn(edited);
}

/** True when the draft can be built: nothing missing and every exhibit usable. */
export function readyToBuild(edited: PackageDraftModel, picks: readonly PickedExhibit[]): boolean {
  return missingNow(edited).length === 0 && exhibitProblems(picks).length === 0;
}

/** What e-mail and upload forms commonly take: above it the wizard warns (issue 10). */
export const SIZE_WARN_BYTES = 20 * 1024 * 1024;

/** The bytes the picked originals add to the package (listed recordings add none). */
export function embeddedBytes(picks: readonly PickedExhibit[]): number {
  return picks.reduce((s, p) => s + (p.listOnly ? 0 : p.candidate.size), 0);
}

/** A recording or video may be listed instead of embedded. */
export function canListOnly(c: ExhibitCandidate): boolean {
  return c.kind === 'audio' || c.mime.startsWith('video/');
}
