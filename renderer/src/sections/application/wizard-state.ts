// The wizard's state, kept pure so it can be tested without a window: the user's edits sit
// on top of the draft main filled from the vault (a field the user never touched follows
// the draft and the standard wording), and the picked exhibits survive a reload of the
// draft (another creditor, another date) by evidence id.
import type { ExhibitCandidate, PackageDraftModel } from '../../../../shared/contracts/package';
import type { PickedExhibit } from '../../../../shared/package/build-from-draft';
import { missingIn } from '../../../../shared/package/complete-model';
import {
  defaultPromise,
  defaultProposalSummary,
  defaultRecipientName,
  defaultRequests,
  defaultWaiverRequest,
} from '../../../../shared/pdf/defaults';
import { TEMPLATE_TITLES, type Template } from '../../../../shared/pdf/model';

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
  includeContacts: boolean;
}

export const NO_EDITS: Edits = { includeContacts: true };

export type EditableField = Exclude<keyof Edits, 'includeContacts'>;

/** What each text box shows: the user's text, else the draft's, else the standard wording. */
export function fieldValue(draft: PackageDraftModel, edits: Edits, field: EditableField): string {
  const own = edits[field];
  if (own !== undefined) return own;
  return fieldDefault(draft, field);
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
  }
}

/** Which parts a template has (the letter builder's own rules, shared/pdf/letter.ts). */
export function templateParts(template: Template) {
  const letter = template === 'negotiation' || template === 'waiver' || template === 'installments';
  return {
    letter,
    recipient: template === 'complaint' || template === 'mediation',
    requests: template === 'complaint' || template === 'mediation',
    facts: template === 'complaint' || template === 'mediation',
    hardship: template !== 'complaint',
    proposal: template !== 'complaint',
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
  const proposal = draft.proposal ?? { schedule: [] };
  return {
    ...draft,
    ...(parts.recipient && recipient ? { recipient: { name: recipient } } : {}),
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
