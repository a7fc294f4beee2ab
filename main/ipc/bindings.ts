// Every vault-only channel: one line each, naming its feature function and how the channel's
// validated arguments become that function's arguments (main/ipc/bind.ts checks the three
// parts agree when the project compiles). Channels where main itself must act — dialogs,
// windows, files in main, signing, the demo, settings — keep hand-written handlers in
// main/services/*-handlers.ts.
import type { Contract } from '../../shared/contract';
import type { Channel } from '../../shared/channels';
import type { Features, FeatureName } from '../vault/features';
import type { VaultHost } from '../vault/host';
import type { TaskOptions } from '../vault/feature';
import { bindModule, type BindHooks, type Bindings, type BoundHandlers } from './bind';
import type { CaseChannel } from '../../shared/contracts/case-names';
import type { SidesChannel } from '../../shared/contracts/sides-names';
import type { OcrChannel } from '../../shared/contracts/ocr-names';
import type { HolidaysChannel } from '../../shared/contracts/holidays-names';
import { holidaysFeature } from '../calendar/feature';

type Lines<F extends FeatureName, Cs extends Channel> = Bindings<Contract, Cs, Features[F]>;

const caseLines: Lines<'case', CaseChannel> = {
  'case:get': { fn: 'get', args: () => [] },
  'case:saveApplicant': { fn: 'saveApplicant', args: ({ applicant }) => [applicant] },
  'case:saveHardship': { fn: 'saveHardship', args: ({ hardship }) => [hardship] },
  'case:saveCreditor': { fn: 'saveCreditor', args: (a) => [a] },
  'case:deleteCreditor': { fn: 'deleteCreditor', args: ({ id }) => [id] },
  'case:saveAccount': { fn: 'saveAccount', args: (a) => [a] },
  'case:deleteAccount': { fn: 'deleteAccount', args: ({ id }) => [id] },
  'case:saveSnapshot': { fn: 'saveSnapshot', args: (a) => [a] },
  'case:deleteSnapshot': { fn: 'deleteSnapshot', args: ({ id }) => [id] },
  'case:saveFinances': { fn: 'saveFinances', args: (a) => [a] },
  'case:savePlan': { fn: 'savePlan', args: (a) => [a] },
  'case:deletePlan': { fn: 'deletePlan', args: ({ id }) => [id] },
  'case:saveAgreement': { fn: 'saveAgreement', args: (a) => [a] },
  'case:deleteAgreement': { fn: 'deleteAgreement', args: ({ id }) => [id] },
  'case:setInstallmentPaid': { fn: 'setInstallmentPaid', args: (a) => [a] },
  'case:saveLpr': { fn: 'saveLpr', args: (a) => [a] },
};

const sidesLines: Lines<'sides', SidesChannel> = {
  'sides:get': { fn: 'get', args: () => [] },
  'sides:saveAgent': { fn: 'saveAgent', args: (a) => [a] },
  'sides:deleteAgent': { fn: 'deleteAgent', args: ({ id }) => [id] },
  'sides:setContactSide': { fn: 'setContactSide', args: ({ id, side, wholeNumber }) => [id, side, wholeNumber ?? false] },
  'sides:setEvidenceSide': { fn: 'setEvidenceSide', args: ({ id, side }) => [id, side] },
};

const ocrLines: Lines<'ocr', OcrChannel> = {
  'ocr:counts': { fn: 'counts', args: () => [] },
  'ocr:lines': { fn: 'lines', args: ({ id }) => [id] },
  'ocr:readPending': { fn: 'readPending', args: () => [], task: ({ taskId }) => taskId },
};

export type EvidenceBoundChannel =
  | 'evidence:list'
  | 'evidence:get'
  | 'evidence:facets'
  | 'evidence:text'
  | 'evidence:search'
  | 'evidence:update'
  | 'evidence:trash'
  | 'evidence:restore'
  | 'evidence:purge'
  | 'evidence:verify'
  | 'evidence:uploadBegin'
  | 'evidence:uploadChunk'
  | 'evidence:uploadCommit'
  | 'evidence:uploadAbort';

const evidenceLines: Lines<'evidence', EvidenceBoundChannel> = {
  'evidence:list': { fn: 'list', args: (filter) => [filter] },
  'evidence:get': { fn: 'get', args: ({ id }) => [id] },
  'evidence:facets': { fn: 'facets', args: () => [] },
  'evidence:text': { fn: 'text', args: ({ id }) => [id] },
  'evidence:search': { fn: 'search', args: ({ query }) => [query] },
  'evidence:update': { fn: 'update', args: ({ id, ...patch }) => [id, patch] },
  'evidence:trash': { fn: 'trash', args: ({ ids }) => [ids] },
  'evidence:restore': { fn: 'restore', args: ({ ids }) => [ids] },
  'evidence:purge': { fn: 'purge', args: ({ ids }) => [ids] },
  'evidence:verify': { fn: 'verify', args: () => [], task: ({ taskId }) => taskId },
  'evidence:uploadBegin': { fn: 'uploadBegin', args: (a) => [a] },
  'evidence:uploadChunk': { fn: 'uploadChunk', args: (a) => [a] },
  'evidence:uploadCommit': { fn: 'uploadCommit', args: (a) => [a] },
  'evidence:uploadAbort': { fn: 'uploadAbort', args: ({ uploadId }) => [uploadId] },
};

export type TimelineBoundChannel = Extract<Channel, `timeline:${string}`>;

const timelineLines: Lines<'timeline', TimelineBoundChannel> = {
  'timeline:list': { fn: 'list', args: ({ filter }) => [filter] },
  'timeline:get': { fn: 'get', args: ({ id }) => [id] },
  'timeline:add': { fn: 'add', args: (fields) => [fields], changes: true },
  'timeline:update': { fn: 'update', args: ({ id, patch }) => [id, patch], changes: true },
  'timeline:delete': { fn: 'remove', args: ({ id }) => [id], changes: true },
  'timeline:dismissFlag': { fn: 'dismissFlag', args: ({ id, flag, reason }) => [id, flag, reason], changes: true },
  'timeline:restoreFlag': { fn: 'restoreFlag', args: ({ id, flag }) => [id, flag], changes: true },
  'timeline:fromEvidence': { fn: 'fromEvidence', args: ({ evidenceIds, fields }) => [evidenceIds, fields], changes: true },
  'timeline:contactsForEvidence': { fn: 'contactsForEvidence', args: ({ evidenceId }) => [evidenceId] },
  'timeline:marks': { fn: 'marks', args: () => [] },
  'timeline:mark': { fn: 'mark', args: ({ number, side, organisation }) => [number, side, organisation] },
  'timeline:agenda': { fn: 'agenda', args: () => [] },
  'timeline:summary': { fn: 'summary', args: () => [] },
  'timeline:importSmsUpload': { fn: 'importSmsUpload', args: ({ uploadId }) => [uploadId], task: ({ taskId }) => taskId, changes: true },
  'timeline:importSmsTableUpload': {
    fn: 'importSmsTableUpload',
    args: ({ uploadId, columns }) => [uploadId, columns],
    task: ({ taskId }) => taskId,
    changes: true,
  },
  'timeline:importCallUpload': { fn: 'importCallUpload', args: ({ uploadId }) => [uploadId], changes: true },
  'timeline:addFromScreenshot': { fn: 'addFromScreenshot', args: (input) => [input], changes: true },
};

export type PackageBoundChannel = 'package:draft' | 'package:identity' | 'package:signatureGet' | 'package:signatureSet' | 'package:signatureClear' | 'package:list';

const packageLines: Lines<'package', PackageBoundChannel> = {
  'package:draft': { fn: 'draft', args: (req) => [req] },
  'package:identity': { fn: 'identity', args: ({ name }) => [name] },
  'package:signatureGet': { fn: 'signatureGet', args: () => [] },
  'package:signatureSet': { fn: 'signatureSet', args: ({ data, source }) => [data, source] },
  'package:signatureClear': { fn: 'signatureClear', args: () => [] },
  'package:list': { fn: 'list', args: () => [] },
};

export type RepaymentsBoundChannel = Exclude<Extract<Channel, `repayments:${string}`>, 'repayments:exportCalendar'>;

const repaymentsLines: Lines<'repayments', RepaymentsBoundChannel> = {
  'repayments:list': { fn: 'list', args: () => [] },
  'repayments:saveAgreement': { fn: 'saveAgreement', args: (a) => [a], changes: true },
  'repayments:pay': { fn: 'pay', args: (a) => [a], changes: true },
  'repayments:deletePayment': { fn: 'deletePayment', args: ({ id }) => [id], changes: true },
  'repayments:saveSettings': { fn: 'saveSettings', args: (s) => [s], changes: true },
  'repayments:rounds': { fn: 'rounds', args: () => [] },
  'repayments:saveRound': { fn: 'saveRound', args: (input) => [input], changes: true },
  'repayments:setOutcome': { fn: 'setOutcome', args: (input) => [input], changes: true },
  'repayments:saveRequest': { fn: 'saveRequest', args: (input) => [input], changes: true },
  'repayments:budget': { fn: 'budget', args: ({ month }) => [month] },
  'repayments:importBill': { fn: 'importBill', args: (a) => [a] },
  'repayments:home': { fn: 'home', args: () => [] },
};

/** The holiday notices live in the user data folder, not the vault: the same lines, called in main. */
const holidaysLines: Bindings<Contract, HolidaysChannel, typeof holidaysFeature> = {
  'holidays:list': { fn: 'list', args: () => [] },
  'holidays:addNotice': { fn: 'addNotice', args: ({ text }) => [text] },
};

export type BoundChannel = CaseChannel | SidesChannel | OcrChannel | EvidenceBoundChannel | TimelineBoundChannel | PackageBoundChannel | RepaymentsBoundChannel | HolidaysChannel;

export interface VaultBindingOptions extends BindHooks {
  host: VaultHost;
  /** The user data folder (holiday notices). */
  dataDir: string;
  /** A task's progress (throttled by the caller). */
  task?: (taskId: string) => TaskOptions;
}

/** The handlers of every bound channel. */
export function boundHandlers(opts: VaultBindingOptions): BoundHandlers<Contract, BoundChannel> {
  const { host } = opts;
  const through =
    <F extends FeatureName>(feature: F) =>
    (fn: string, args: unknown[], taskId?: string) =>
      host.invoke(feature, fn, args, taskId ? (opts.task?.(taskId) ?? { taskId }) : undefined);
  const inMain = (fn: string, args: unknown[]) =>
    Promise.resolve((holidaysFeature as unknown as Record<string, (ctx: { dataDir: string }, ...a: unknown[]) => unknown>)[fn]!({ dataDir: opts.dataDir }, ...args));
  return {
    ...bindModule<Contract, CaseChannel, Features['case']>(through('case'), caseLines, opts),
    ...bindModule<Contract, SidesChannel, Features['sides']>(through('sides'), sidesLines, opts),
    ...bindModule<Contract, OcrChannel, Features['ocr']>(through('ocr'), ocrLines, opts),
    ...bindModule<Contract, EvidenceBoundChannel, Features['evidence']>(through('evidence'), evidenceLines, opts),
    ...bindModule<Contract, TimelineBoundChannel, Features['timeline']>(through('timeline'), timelineLines, opts),
    ...bindModule<Contract, PackageBoundChannel, Features['package']>(through('package'), packageLines, opts),
    ...bindModule<Contract, RepaymentsBoundChannel, Features['repayments']>(through('repayments'), repaymentsLines, opts),
    ...bindModule<Contract, HolidaysChannel, typeof holidaysFeature>(inMain, holidaysLines, opts),
  };
}
