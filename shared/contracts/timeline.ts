// The timeline's IPC contract: zod schemas for each channel's arguments and result.
// Spread into `contract` (and `events`) in ../contract.ts.
import { z } from 'zod';
import { SideViewSchema } from './sides';
import { CONTACT_CHANNELS, CONTACT_SOURCES, DIRECTIONS, FLAG_CODES, MARK_SIDES, PARTY_TYPES, SIDE_REASONS } from '../timeline/kinds';

const Id = z.string().min(1).max(64);
const Text = (max: number) => z.string().max(max);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ChannelEnum = z.enum(CONTACT_CHANNELS);
const PartyEnum = z.enum(PARTY_TYPES);
const EffectivePartyEnum = z.enum([...PARTY_TYPES, 'unknown']);
const FlagEnum = z.enum(FLAG_CODES);

export const ClaimsSchema = z.object({
  amountOwed: z.string().optional(),
  overdueDays: z.number().int().optional(),
  dueDate: z
    .string()
    .regex(/^(\d{4}-)?\d{2}-\d{2}$/)
    .optional(),
  minimumPayment: z.string().optional(),
});

export const FlagHitSchema = z.object({
  code: FlagEnum,
  dismissed: z.object({ reason: z.string(), at: z.string() }).nullable(),
  /** night_contact: "23:05"; excess_calls: the day and the call's rank; threats: the words found. */
  beijingTime: z.string().optional(),
  date: z.string().optional(),
  nth: z.number().int().optional(),
  ofDay: z.number().int().optional(),
  words: z.array(z.string()).optional(),
  threatKinds: z.array(z.string()).optional(),
  /** threat_or_impersonation: a filed lawsuit with its case number ('legal_notice') or a threat. */
  nature: z.enum(['threat', 'legal_notice']).optional(),
  caseNumber: z.string().optional(),
});
export type FlagHitView = z.infer<typeof FlagHitSchema>;

export const TimelineEntrySchema = z.object({
  id: Id,
  at: z.string(),
  atMs: z.number(),
  channel: ChannelEnum,
  direction: z.enum(DIRECTIONS),
  partyType: PartyEnum.nullable(),
  /** The party after the user's marks, the directory and the wording. */
  party: EffectivePartyEnum,
  sideReason: z.enum(SIDE_REASONS),
  organisation: z.string().nullable(),
  person: z.string().nullable(),
  agentId: z.string().nullable(),
  phone: z.string().nullable(),
  counterparty: z.string(),
  durationSec: z.number().int().nullable(),
  connected: z.boolean(),
  /** The summary, or the start of the SMS text (at most 280 characters). */
  preview: z.string(),
  source: z.enum(CONTACT_SOURCES),
  timeUncertain: z.boolean(),
  toThirdParty: z.boolean(),
  followUpDate: z.string().nullable(),
  followUpDone: z.boolean(),
  awaitingReply: z.boolean(),
  flags: z.array(FlagHitSchema),
  interruptsLimitation: z.boolean(),
  evidenceIds: z.array(z.string()),
  claims: ClaimsSchema.nullable(),
  /** Who the record belongs to: a creditor, an agent acting for one, nobody (issue 10). */
  side: SideViewSchema,
  /** What I promised or agreed in this contact. */
  promised: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const ContactDetailSchema = TimelineEntrySchema.extend({
  summary: z.string(),
  theySaid: z.string(),
  iPromised: z.string(),
  outcome: z.string(),
  body: z.string().nullable(),
  contactName: z.string().nullable(),
  evidence: z.array(z.object({ id: z.string(), name: z.string().nullable(), mime: z.string().nullable(), missing: z.boolean() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactDetail = z.infer<typeof ContactDetailSchema>;

const Optional = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const ContactFieldsSchema = z
  .object({
    at: Text(40),
    channel: ChannelEnum,
    direction: z.enum(DIRECTIONS),
    partyType: Optional(PartyEnum),
    organisation: Optional(Text(200)),
    person: Optional(Text(200)),
    agentId: Optional(Text(100)),
    phone: Optional(Text(40)),
    durationSec: Optional(z.number().int().min(0).max(86_400)),
    connected: z.boolean().optional(),
    summary: Text(20_000).optional(),
    theySaid: Text(20_000).optional(),
    iPromised: Text(20_000).optional(),
    outcome: Text(20_000).optional(),
    followUpDate: Optional(DateText),
    followUpDone: z.boolean().optional(),
    awaitingReply: z.boolean().optional(),
    toThirdParty: z.boolean().optional(),
    timeUncertain: z.boolean().optional(),
    evidenceIds: z.array(Id).max(500).optional(),
  })
  .strict();
export type ContactFields = z.infer<typeof ContactFieldsSchema>;
export const ContactPatchSchema = ContactFieldsSchema.partial().strict();
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

export const TimelineFilterSchema = z
  .object({
    channels: z.array(ChannelEnum).max(CONTACT_CHANNELS.length).optional(),
    parties: z
      .array(EffectivePartyEnum)
      .max(PARTY_TYPES.length + 1)
      .optional(),
    flaggedOnly: z.boolean().optional(),
    from: DateText.optional(),
    to: DateText.optional(),
    query: Text(200).optional(),
  })
  .strict();
export type TimelineFilter = z.infer<typeof TimelineFilterSchema>;

export const TimelineListSchema = z.object({
  entries: z.array(TimelineEntrySchema),
  /** All entries in the vault, before the filter. */
  total: z.number().int(),
});
export type TimelineList = z.infer<typeof TimelineListSchema>;

export const MarkSchema = z.object({ number: z.string(), key: z.string(), side: z.enum(MARK_SIDES), organisation: z.string().nullable() });
export const MarksSchema = z.object({
  marks: z.array(MarkSchema),
  directory: z.array(z.object({ number: z.string(), organisation: z.string(), note: z.string().optional() })),
});
export type Marks = z.infer<typeof MarksSchema>;

export const AgendaItemSchema = z.object({
  key: z.string(),
  kind: z.enum(['follow_up', 'answer_due', 'installment', 'reminder']),
  /** The due date (for answer_due: the last of the 7–15 working days). */
  date: DateText,
  /** answer_due: the 7th working day (the window opens). */
  windowStart: DateText.nullable(),
  /** The date is an estimate (a year without a published holiday schedule). */
  provisional: z.boolean(),
  status: z.enum(['overdue', 'today', 'soon', 'later']),
  contactId: z.string().nullable(),
  agreementId: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  amount: z.string().nullable(),
  /** A date that could not be worked out (e.g. no holiday data for that year). */
  problem: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export const AgendaSchema = z.object({ today: DateText, items: z.array(AgendaItemSchema) });
export type Agenda = z.infer<typeof AgendaSchema>;

export const MonthSummarySchema = z.object({
  month: z.string(),
  contacts: z.number().int(),
  fromCreditorSide: z.number().int(),
  nightContacts: z.number().int(),
  nightCalls: z.number().int(),
  excessCallDays: z.number().int(),
  excessCalls: z.number().int(),
  thirdParty: z.number().int(),
  threats: z.number().int(),
  limitationInterruptions: z.number().int(),
  /** One sentence in Chinese the complaint letter can cite. */
  text: z.string(),
});
export type MonthSummary = z.infer<typeof MonthSummarySchema>;

export const ImportSmsResultSchema = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  duplicates: z.number().int(),
  /** Messages refused, with the reason (the first 200). */
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  rejectedCount: z.number().int(),
  encoding: z.string(),
  sha256: z.string(),
  /** The backup file itself, kept as evidence; every message links to it. */
  evidenceId: z.string(),
});
export type ImportSmsResult = z.infer<typeof ImportSmsResultSchema>;

export const ImportCallResultSchema = z.union([
  z.object({
    file: z.string(),
    id: z.string(),
    number: z.string().nullable(),
    at: z.string(),
    durationSec: z.number().int().nullable(),
    timeUncertain: z.boolean(),
    duplicate: z.boolean(),
    evidenceId: z.string(),
  }),
  z.object({ file: z.string(), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type ImportCallResult = z.infer<typeof ImportCallResultSchema>;

/** An upload that went through the one upload primitive (evidence:uploadBegin / uploadChunk); see renderer/src/lib/upload.ts. */
const UploadId = z.string().regex(/^[0-9a-f]{32}$/);
/** A renderer-chosen id: progress of the import arrives as task:progress events with it. */
const TaskId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/)
  .optional();
/** Which column holds what, in a CSV / text SMS export: a header's text or a column number from 1. */
export const SmsColumnsSchema = z.object({ sender: Text(100), time: Text(100), body: Text(100), direction: Text(100).optional() }).strict();

export const ReminderSchema = z.object({ items: z.array(AgendaItemSchema) });

/** Contacts confirmed from a chat or SMS screenshot's proposals (ProposedContacts). */
export const ScreenshotEntriesSchema = z
  .object({
    evidenceId: Id,
    layout: z.enum(['chat', 'sms-conversation', 'sms-list', 'unknown']),
    entries: z
      .array(z.object({ at: Text(40), direction: z.enum(DIRECTIONS), sender: Text(200), text: Text(20_000) }).strict())
      .min(1)
      .max(200),
  })
  .strict();
export type ScreenshotEntries = z.infer<typeof ScreenshotEntriesSchema>;

export const timelineContract = {
  'timeline:list': { args: z.object({ filter: TimelineFilterSchema.optional() }).strict(), result: TimelineListSchema },
  'timeline:get': { args: z.object({ id: Id }).strict(), result: ContactDetailSchema },
  'timeline:add': { args: ContactFieldsSchema, result: ContactDetailSchema },
  'timeline:update': { args: z.object({ id: Id, patch: ContactPatchSchema }).strict(), result: ContactDetailSchema },
  'timeline:delete': { args: z.object({ id: Id }).strict(), result: z.object({ ok: z.literal(true) }) },
  'timeline:dismissFlag': {
    args: z.object({ id: Id, flag: FlagEnum, reason: z.string().trim().min(1).max(2000) }).strict(),
    result: ContactDetailSchema,
  },
  'timeline:restoreFlag': { args: z.object({ id: Id, flag: FlagEnum }).strict(), result: ContactDetailSchema },
  /** A contact made from selected evidence (chat screenshots): linked, timed by the earliest. */
  'timeline:fromEvidence': {
    args: z.object({ evidenceIds: z.array(Id).min(1).max(200), fields: ContactPatchSchema.optional() }).strict(),
    result: ContactDetailSchema,
  },
  'timeline:contactsForEvidence': { args: z.object({ evidenceId: Id }).strict(), result: z.object({ ids: z.array(z.string()) }) },
  'timeline:marks': { args: z.object({}).strict(), result: MarksSchema },
  'timeline:mark': {
    args: z.object({ number: Text(60).min(1), side: z.enum(MARK_SIDES).nullable(), organisation: Optional(Text(200)) }).strict(),
    result: MarksSchema,
  },
  'timeline:agenda': { args: z.object({}).strict(), result: AgendaSchema },
  'timeline:summary': { args: z.object({}).strict(), result: z.object({ months: z.array(MonthSummarySchema) }) },
  /** An SMS backup (XML) uploaded through the upload primitive: kept as evidence, its messages added. */
  'timeline:importSmsUpload': { args: z.object({ uploadId: UploadId, taskId: TaskId }).strict(), result: ImportSmsResultSchema },
  /** A CSV / text SMS export, uploaded, with its column mapping (none: the header must name the columns). */
  'timeline:importSmsTableUpload': {
    args: z.object({ uploadId: UploadId, taskId: TaskId, columns: SmsColumnsSchema.optional() }).strict(),
    result: ImportSmsResultSchema,
  },
  /** One call recording, uploaded: kept as evidence with its timeline entry (any size the evidence section takes). */
  'timeline:importCallUpload': { args: z.object({ uploadId: UploadId }).strict(), result: z.object({ results: z.array(ImportCallResultSchema) }) },
  'timeline:addFromScreenshot': { args: ScreenshotEntriesSchema, result: z.object({ ids: z.array(z.string()) }) },
} as const;

export const timelineEvents = {
  'timeline:reminder': ReminderSchema,
} as const;
