// The evidence capability's IPC contract: zod schemas for each channel's arguments and
// result. Spread into `contract` in ../contract.ts. The renderer never names a file on
// disk: files come from main's dialogs (pickAndImport, export) or as bytes (upload*).
import { z } from 'zod';
import { EVIDENCE_CATEGORIES } from '../evidence/categories';
import { EVIDENCE_KINDS } from '../evidence/media';
import { IMPORT_ERROR_CODES } from '../evidence/import-errors';
import { CHUNK_BYTES, MAX_NOTE_CHARS, MAX_TAG_CHARS, MAX_TAGS } from '../evidence/limits';

export const EvidenceIdSchema = z.string().regex(/^[0-9a-f]{16}$/);
const Ids = z.array(EvidenceIdSchema).min(1).max(50_000);
const CategorySchema = z.enum(EVIDENCE_CATEGORIES);
const TaskId = z.string().regex(/^[\w-]{1,64}$/);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Tag = z.string().trim().min(1).max(MAX_TAG_CHARS);
const LinkId = z.string().min(1).max(64);
const Note = z.string().max(MAX_NOTE_CHARS);

export const CaptureSourceSchema = z.enum(['exif', 'filename', 'audio_tag', 'pdf_info', 'email_date', 'file_modified', 'user']);

export const EvidenceSummarySchema = z.object({
  id: EvidenceIdSchema,
  name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  category: CategorySchema,
  /** ISO 8601 with offset (Beijing time), or null when nothing gave a time. */
  capturedAt: z.string().nullable(),
  capturedSource: CaptureSourceSchema.nullable(),
  importedAt: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  accountIds: z.array(z.string()),
  /** null, or why the file is damaged ('truncated', 'undecodable', 'invalid_pdf'). */
  damaged: z.string().nullable(),
  encrypted: z.boolean(),
  nameMismatch: z.boolean(),
  /** original: the bytes can be shown; display: a stored display copy (HEIC, TIFF); none: a file card. */
  preview: z.enum(['original', 'display', 'none']),
  hasThumb: z.boolean(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSec: z.number().nullable(),
  pages: z.number().int().nullable(),
  trashedAt: z.string().nullable(),
});
export type EvidenceSummary = z.infer<typeof EvidenceSummarySchema>;

export const EvidenceHistorySchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
});

export const EvidenceDetailSchema = EvidenceSummarySchema.extend({
  modifiedAt: z.string().nullable(),
  categorySource: z.enum(['guess', 'import', 'user']),
  contactIds: z.array(z.string()),
  history: z.array(EvidenceHistorySchema),
});
export type EvidenceDetail = z.infer<typeof EvidenceDetailSchema>;

export const ImportErrorSchema = z.object({ code: z.enum(IMPORT_ERROR_CODES as [string, ...string[]]), message: z.string() });

/** One input of an import: exactly the fields of docs/cli.md `import --json`. */
export const ImportResultSchema = z.union([
  z.object({
    path: z.string(),
    id: EvidenceIdSchema,
    sha256: z.string(),
    size: z.number().int(),
    mime: z.string(),
    category: CategorySchema,
    capturedAt: z.string().nullable(),
    duplicateOf: EvidenceIdSchema.nullable(),
  }),
  z.object({ path: z.string(), error: ImportErrorSchema }),
]);
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const SortSchema = z.object({
  by: z.enum(['captured', 'imported', 'name', 'size', 'category']),
  dir: z.enum(['asc', 'desc']),
});

export const ListFilterSchema = z
  .object({
    category: CategorySchema.optional(),
    tag: Tag.optional(),
    /** Beijing calendar days, inclusive, on the capture time (else the import time). */
    from: DateText.optional(),
    to: DateText.optional(),
    accountId: LinkId.optional(),
    /** true: the trash; false/absent: live items. */
    trash: z.boolean().optional(),
    /** Full-text search over names, notes, tags and extracted text. */
    query: z.string().max(400).optional(),
    sort: SortSchema.optional(),
  })
  .strict();
export type ListFilter = z.infer<typeof ListFilterSchema>;

const ImportOptions = {
  category: CategorySchema.optional(),
  note: Note.optional(),
};

export const FacetsSchema = z.object({
  live: z.number().int(),
  trash: z.number().int(),
  categories: z.array(z.object({ category: CategorySchema, count: z.number().int() })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
  accountIds: z.array(z.string()),
});

export const VerifyResultSchema = z.object({ checked: z.number().int(), ok: z.number().int(), mismatched: z.array(EvidenceIdSchema) });

export const evidenceContract = {
  'evidence:list': {
    args: ListFilterSchema,
    result: z.object({ items: z.array(EvidenceSummarySchema), total: z.number().int() }),
  },
  'evidence:get': { args: z.object({ id: EvidenceIdSchema }).strict(), result: EvidenceDetailSchema },
  'evidence:facets': { args: z.object({}).strict(), result: FacetsSchema },
  /** Text and email bodies, as plain text (the renderer shows it as text, never as HTML). */
  'evidence:text': {
    args: z.object({ id: EvidenceIdSchema }).strict(),
    result: z.object({ text: z.string(), source: z.enum(['ocr', 'pdf', 'text', 'email']).nullable() }),
  },
  'evidence:search': {
    args: z.object({ query: z.string().min(1).max(400) }).strict(),
    result: z.array(z.object({ kind: z.string(), id: z.string(), snippet: z.string() })),
  },
  'evidence:update': {
    args: z
      .object({
        id: EvidenceIdSchema,
        category: CategorySchema.optional(),
        tags: z.array(Tag).max(MAX_TAGS).optional(),
        note: Note.optional(),
        /** ISO 8601 (no offset: Beijing time), or null to clear. */
        capturedAt: z.string().max(40).nullable().optional(),
        accountIds: z.array(LinkId).max(50).optional(),
        contactIds: z.array(LinkId).max(200).optional(),
        /** The caption printed for this item as an exhibit ('' = what the file is and when); the note never is. */
        caption: z.string().max(200).optional(),
      })
      .strict(),
    result: EvidenceDetailSchema,
  },
  'evidence:trash': { args: z.object({ ids: Ids }).strict(), result: z.object({ count: z.number().int() }) },
  'evidence:restore': { args: z.object({ ids: Ids }).strict(), result: z.object({ count: z.number().int() }) },
  /** Deletes trashed items for good; `confirm` must be literally true (the UI asked). */
  'evidence:purge': {
    args: z.object({ ids: Ids, confirm: z.literal(true) }).strict(),
    result: z.object({ purged: z.number().int(), blobsRemoved: z.number().int() }),
  },
  'evidence:verify': { args: z.object({ taskId: TaskId.optional() }).strict(), result: VerifyResultSchema },
  /** Main shows the open dialog (files or a folder), then imports what was chosen as a task. */
  'evidence:pickAndImport': {
    args: z.object({ mode: z.enum(['files', 'folder']), taskId: TaskId, ...ImportOptions }).strict(),
    result: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), interrupted: z.boolean(), results: z.array(ImportResultSchema) })]),
  },
  /** Bytes from the renderer (drag-and-drop, paste, file input): begin, chunks, commit. */
  'evidence:uploadBegin': {
    args: z
      .object({
        name: z.string().min(1).max(1024),
        /** Where it was in a dropped folder ("账单/2024/a.pdf"): a label only, never opened. */
        relativePath: z.string().max(4096).optional(),
        size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        lastModified: z.number().int().min(0).optional(),
      })
      .strict(),
    result: z.union([z.object({ uploadId: z.string() }), z.object({ path: z.string(), error: ImportErrorSchema })]),
  },
  'evidence:uploadChunk': {
    args: z
      .object({
        uploadId: z.string().regex(/^[0-9a-f]{32}$/),
        seq: z.number().int().min(0),
        /** Base64 of at most CHUNK_BYTES bytes. */
        data: z
          .string()
          .max(Math.ceil(CHUNK_BYTES / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
    result: z.object({ received: z.number().int() }),
  },
  'evidence:uploadCommit': {
    args: z.object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/), ...ImportOptions }).strict(),
    result: ImportResultSchema,
  },
  'evidence:uploadAbort': { args: z.object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/) }).strict(), result: z.object({ ok: z.literal(true) }) },
  'evidence:cancel': { args: z.object({ taskId: TaskId }).strict(), result: z.object({ ok: z.literal(true) }) },
  /** Main asks for a folder (Electron) and writes the originals plus manifest.csv / manifest.json. */
  'evidence:export': {
    args: z.object({ ids: Ids }).strict(),
    result: z.union([
      z.object({ cancelled: z.literal(true) }),
      z.object({ cancelled: z.literal(false), folder: z.string(), files: z.number().int(), manifest: z.array(z.string()) }),
    ]),
  },
} as const;
