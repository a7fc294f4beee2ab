// The application package's IPC contract (issue 6). The renderer builds the PDF in a Web
// Worker from a draft main fills from the vault; the bytes go back to main in chunks
// (upload*), main signs them with the vault's key (the key never leaves main), records the
// package and saves it where the user chooses. The renderer never names a path on disk.
import { z } from 'zod';
import { CHUNK_BYTES } from '../evidence/limits';
import { EVIDENCE_CATEGORIES } from '../evidence/categories';
import {
  AccountSchema,
  ApplicantSchema,
  CapacitySchema,
  ClaimRowSchema,
  DebtRowSchema,
  OralAgreementSchema,
  ContactRowSchema,
  EXHIBIT_KINDS,
  ExhibitOcrSchema,
  FinancesSchema,
  FlaggedContactSchema,
  MetadataSchema,
  PartySchema,
  ProposalSchema,
  TEMPLATES,
} from '../pdf/model';

const Id = z.string().min(1).max(64);
const EvidenceId = z.string().regex(/^[0-9a-f]{16}$/);
const UploadId = z.string().regex(/^[0-9a-f]{32}$/);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const Base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The largest signature image accepted (a drawn signature PNG is ~20–80 KB). */
export const MAX_SIGNATURE_BYTES = 4 * 1024 * 1024;

export const PackageDraftRequestSchema = z
  .object({
    template: z.enum(TEMPLATES),
    date: DateText,
    creditorId: Id.optional(),
    planId: Id.optional(),
    /** The accounts the letter is about; default every account with the addressee. */
    accountIds: z.array(Id).max(50).optional(),
    showFullIdNumber: z.boolean().optional(),
  })
  .strict();
export type PackageDraftRequest = z.infer<typeof PackageDraftRequestSchema>;

/** An exhibit as the wizard offers it: everything the builder needs but the bytes. */
export const ExhibitCandidateSchema = z.object({
  evidenceId: EvidenceId,
  title: z.string().max(200),
  category: z.enum(EVIDENCE_CATEGORIES),
  /** The category in Chinese, as printed in the exhibit index. */
  categoryLabel: z.string(),
  date: z.union([DateText, z.literal('')]),
  sha256: Sha,
  size: z.number().int().min(0),
  mime: z.string(),
  kind: z.enum(EXHIBIT_KINDS),
  fileName: z.string(),
  meta: z.record(z.string(), z.string()),
  pages: z.number().int().nullable(),
  hasThumb: z.boolean(),
  /** null or why the file is damaged: such an exhibit would be refused by the builder. */
  damaged: z.string().nullable(),
  /** A password-protected PDF: the wizard asks for its password. */
  encrypted: z.boolean(),
  suggested: z.boolean(),
  /** An image's recognised text and line boxes (issue 12), carried invisibly on its exhibit page. */
  ocr: ExhibitOcrSchema.optional(),
});
export type ExhibitCandidate = z.infer<typeof ExhibitCandidateSchema>;

export const DraftFlaggedContactSchema = FlaggedContactSchema.omit({ exhibits: true }).extend({
  /** The evidence linked to the contact; numbered once the user has ordered the exhibits. */
  evidenceIds: z.array(EvidenceId),
});

export const DraftContactSchema = ContactRowSchema.omit({ exhibits: true }).extend({
  /** The evidence linked to the contact (an SMS: the backup file); numbered with the exhibits. */
  evidenceIds: z.array(EvidenceId).optional(),
});

export const DraftClaimRowSchema = ClaimRowSchema.omit({ exhibits: true }).extend({
  /** The evidence of the message; numbered once the user has ordered the exhibits. */
  evidenceIds: z.array(EvidenceId),
});

/** The letter's content, pre-filled from the vault; the wizard edits it and adds the exhibits. */
export const PackageDraftModelSchema = z.object({
  template: z.enum(TEMPLATES),
  date: DateText,
  creditor: PartySchema,
  recipient: PartySchema.optional(),
  applicant: ApplicantSchema,
  accounts: z.array(AccountSchema),
  hardship: z.object({ reason: z.string(), since: DateText.optional(), category: z.string().optional() }),
  finances: FinancesSchema.optional(),
  proposal: ProposalSchema.optional(),
  contacts: z.array(DraftContactSchema),
  flaggedContacts: z.array(DraftFlaggedContactSchema),
  requests: z.array(z.string()).optional(),
  facts: z.string().optional(),
  metadata: MetadataSchema,
  sample: z.boolean(),
  debts: z.array(DebtRowSchema).optional(),
  capacity: CapacitySchema.optional(),
  claims: z.array(DraftClaimRowSchema).optional(),
  stopRequests: z.array(z.object({ at: z.string().max(40), summary: z.string().max(2000) })).optional(),
  negotiationState: z.string().max(1000).optional(),
  oralAgreement: OralAgreementSchema.optional(),
  summaryPage: z.boolean().optional(),
  pauseCollection: z.boolean().optional(),
});
export type PackageDraftModel = z.infer<typeof PackageDraftModelSchema>;

export const PackageDraftSchema = z.object({
  model: PackageDraftModelSchema,
  choices: z.object({
    creditors: z.array(z.object({ id: Id, name: z.string(), legalName: z.string() })),
    accounts: z.array(z.object({ id: Id, label: z.string(), creditorId: Id })),
    plans: z.array(z.object({ id: Id, name: z.string(), role: z.string() })),
  }),
  /** What the draft was made for (the defaults main chose when the request left them open). */
  chosen: z.object({ creditorId: Id.nullable(), planId: Id.nullable(), accountIds: z.array(Id) }),
  /** Every evidence item not in the trash, the suggested ones first in the suggested order. */
  candidates: z.array(ExhibitCandidateSchema),
  /** What the letter still lacks (Chinese); nothing can be built while it is not empty. */
  missing: z.array(z.string()),
  /** What the user should know before signing (Chinese): offers that together exceed the capacity … */
  warnings: z.array(z.string()).default([]),
});
export type PackageDraft = z.infer<typeof PackageDraftSchema>;

export const VerifyReportSchema = z.object({
  ok: z.boolean(),
  signatureValid: z.boolean(),
  signer: z.string().nullable(),
  exhibits: z.array(z.object({ n: z.number().int(), sha256: z.string(), ok: z.boolean(), title: z.string().optional() })),
  problems: z.array(z.string()),
  /** Who the package was addressed to and when it was made, from its manifest. */
  title: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type VerifyReportDoc = z.infer<typeof VerifyReportSchema>;

export const PackageRecordSchema = z.object({
  id: z.string(),
  builtAt: z.string(),
  template: z.string(),
  addressee: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  pages: z.number().int(),
  signed: z.boolean(),
  exhibits: z.array(z.object({ n: z.number().int(), title: z.string(), sha256: z.string() })),
});
export type PackageRecord = z.infer<typeof PackageRecordSchema>;

const Ok = z.object({ ok: z.literal(true) });

export const packageContract = {
  /** The letter pre-filled from the vault, the choices, the exhibit candidates, what is missing. */
  'package:draft': { args: PackageDraftRequestSchema, result: PackageDraftSchema },
  /** The vault's signing certificate for this name (made on first use): its fingerprint goes in the signature block. */
  'package:identity': {
    args: z.object({ name: z.string().trim().min(1).max(64) }).strict(),
    result: z.object({ subject: z.string(), fingerprint: z.string() }),
  },
  'package:signatureGet': {
    args: z.object({}).strict(),
    result: z.object({ image: z.string().nullable(), source: z.enum(['drawn', 'imported']).nullable(), width: z.number().int().nullable(), height: z.number().int().nullable() }),
  },
  /** Stores the signature (drawn on the pad or imported) in the vault, as PNG. Not an image → BAD_INPUT. */
  'package:signatureSet': {
    args: z.object({ data: Base64(MAX_SIGNATURE_BYTES).min(1), source: z.enum(['drawn', 'imported']) }).strict(),
    result: z.object({ width: z.number().int(), height: z.number().int() }),
  },
  'package:signatureClear': { args: z.object({}).strict(), result: Ok },
  /** A temporary file in main for a built package (purpose build) or one to check (verify). */
  'package:uploadBegin': {
    args: z.object({ purpose: z.enum(['build', 'verify']) }).strict(),
    result: z.object({ uploadId: UploadId }),
  },
  'package:uploadChunk': {
    args: z.object({ uploadId: UploadId, seq: z.number().int().min(0), data: Base64(CHUNK_BYTES) }).strict(),
    result: z.object({ received: z.number().int() }),
  },
  /** Signs the uploaded PDF in main (when asked), records it in the vault; it stays for preview and saving. */
  'package:finish': {
    args: z
      .object({
        uploadId: UploadId,
        template: z.enum(TEMPLATES),
        addressee: z.string().min(1).max(200),
        /** The signer: must be the name the signature block shows (package:identity). */
        signer: z.string().trim().min(1).max(64),
        sign: z.boolean(),
        pages: z.number().int().min(1),
        exhibits: z.array(z.object({ n: z.number().int().min(1), title: z.string().max(200), sha256: Sha })).max(2000),
        /** Suggested file name for the save dialog (no folders). */
        fileName: z.string().min(1).max(200),
      })
      .strict(),
    result: z.object({ id: z.string(), uploadId: UploadId, bytes: z.number().int(), sha256: Sha, signed: z.boolean(), pages: z.number().int() }),
  },
  /** Main asks where to save (a dialog in Electron) and copies the finished package there. */
  'package:save': {
    args: z.object({ uploadId: UploadId }).strict(),
    result: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), out: z.string(), bytes: z.number().int() })]),
  },
  /** Forgets an upload or a finished preview and deletes its temporary file. */
  'package:discard': { args: z.object({ uploadId: UploadId }).strict(), result: Ok },
  /** Checks the signature and every attached original against the manifest. */
  'package:verify': { args: z.object({ uploadId: UploadId }).strict(), result: VerifyReportSchema },
  'package:list': { args: z.object({}).strict(), result: z.object({ packages: z.array(PackageRecordSchema) }) },
} as const;
