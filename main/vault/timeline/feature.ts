// The timeline's feature module: what the vault session serves for the timeline channels
// and the CLI commands (registered in ../features.ts). Each function takes the
// FeatureContext first; imports report progress and stop at a cancel between files.
import path from 'node:path';
import { addScreenshotContacts } from './screenshot-contacts';
import type { ScreenshotEntries } from '../../../shared/contracts/timeline';
import type { FeatureContext } from '../feature';
import { XieshangError } from '../../../shared/errors';
import type { ContactFields, ContactPatch, ImportCallResult, TimelineFilter } from '../../../shared/contracts/timeline';
import type { FlagCode, MarkSide } from '../../../shared/timeline/kinds';
import { addContact, contactFromEvidence, contactsForEvidence, deleteContact, dismissFlag, getContact, listMarks, markNumber, restoreFlag, updateContact } from './contacts';
import { agenda, cliTimeline, listTimeline, summary, takeReminders } from './queries';
import { importSmsBackupKeepingOriginal, importSmsKeepingOriginal } from './sms-import';
import { importSmsTable } from './sms-table-import';
import type { SmsColumns } from '../../../shared/timeline/sms-table';
import { fileSource, type ByteSource } from './xml-text';
import { takeUpload, type TakenUpload } from '../evidence/uploads';
import { readChunks } from '../evidence/blob-store';
import type { Db } from '../sqlite';
import { importRecording, type RecordingInput } from './calls-import';
import { withBulkWrites } from '../bulk-writes';
import './case-port';

/** An upload taken from the one upload primitive, as the importers' input. */
function uploadedInput(up: TakenUpload): RecordingInput {
  return { label: up.label, name: up.name, source: { kind: 'staged', writer: up.writer, modifiedMs: up.lastModified } };
}

/** The stored bytes of an evidence item, chunk by chunk (the SMS export just kept as evidence). */
function itemSource(db: Db, itemId: string): ByteSource {
  const row = db.prepare('SELECT b.id, b.size FROM evidence_items i JOIN blobs b ON b.id = i.blob_id WHERE i.id = ?').get(itemId) as { id: number; size: number };
  const chunks = readChunks(db, row.id);
  return { size: row.size, next: () => chunks.next().value ?? null, close: () => void chunks.return(undefined) };
}

/** Runs an import of an upload; the upload's staging blob goes whatever happens (a no-op once committed). */
async function withUpload<T>(ctx: FeatureContext, uploadId: string, run: (up: TakenUpload) => Promise<T>): Promise<T> {
  const vault = ctx.vault();
  const up = takeUpload(vault, uploadId);
  try {
    return await run(up);
  } finally {
    up.writer.discard(vault.handle);
  }
}

// Through a rollback journal, as every import of files (bulk-writes.ts): a recording's
// commit costs half the CPU it costs in WAL.
function importRecordings(ctx: FeatureContext, inputs: RecordingInput[]): Promise<ImportCallResult[]> {
  return withBulkWrites(ctx.vault().handle, () => importEach(ctx, inputs));
}

async function importEach(ctx: FeatureContext, inputs: RecordingInput[]): Promise<ImportCallResult[]> {
  const out: ImportCallResult[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    if (ctx.cancelled()) {
      out.push({ file: input.label, error: { code: 'CANCELLED', message: '已取消，这个文件没有导入' } });
      continue;
    }
    try {
      out.push(await importRecording(ctx.vault(), input));
    } catch (err) {
      if (err instanceof XieshangError && (err.code === 'VAULT_LOCKED' || err.code === 'CANCELLED')) throw err;
      out.push({ file: input.label, error: { code: 'INTERNAL', message: '导入时出错，没有留下任何数据' } });
    }
    ctx.progress(i + 1, inputs.length);
  }
  return out;
}

export const timelineFeature = {
  list: (ctx: FeatureContext, filter?: TimelineFilter) => listTimeline(ctx.vault(), filter ?? {}),
  get: (ctx: FeatureContext, id: string) => getContact(ctx.vault(), id),
  add: (ctx: FeatureContext, fields: ContactFields) => addContact(ctx.vault(), fields),
  update: (ctx: FeatureContext, id: string, patch: ContactPatch) => updateContact(ctx.vault(), id, patch),
  remove: (ctx: FeatureContext, id: string) => deleteContact(ctx.vault(), id),
  dismissFlag: (ctx: FeatureContext, id: string, flag: FlagCode, reason: string) => dismissFlag(ctx.vault(), id, flag, reason),
  restoreFlag: (ctx: FeatureContext, id: string, flag: FlagCode) => restoreFlag(ctx.vault(), id, flag),
  fromEvidence: (ctx: FeatureContext, evidenceIds: string[], fields?: ContactPatch) => contactFromEvidence(ctx.vault(), evidenceIds, fields ?? {}),
  contactsForEvidence: (ctx: FeatureContext, evidenceId: string) => contactsForEvidence(ctx.vault(), evidenceId),
  marks: (ctx: FeatureContext) => listMarks(ctx.vault()),
  mark: (ctx: FeatureContext, number: string, side: MarkSide | null, organisation?: string | null) => markNumber(ctx.vault(), number, side, organisation),
  agenda: (ctx: FeatureContext, today?: string) => agenda(ctx.vault(), today),
  summary: (ctx: FeatureContext) => summary(ctx.vault()),
  takeReminders: (ctx: FeatureContext, today?: string) => takeReminders(ctx.vault(), today),
  cliTimeline: (ctx: FeatureContext) => cliTimeline(ctx.vault()),
  addFromScreenshot: (ctx: FeatureContext, input: ScreenshotEntries) => addScreenshotContacts(ctx.vault(), input),

  /** The CLI: a backup file on disk, streamed. */
  importSmsFile: (ctx: FeatureContext, file: string, collectMessages = false) =>
    importSmsBackupKeepingOriginal(ctx.vault(), { label: file, name: path.basename(file), source: { kind: 'path', path: file } }, () => fileSource(file), {
      name: path.basename(file),
      collectMessages,
      progress: (done, total) => ctx.progress(done, total),
      cancelled: ctx.cancelled,
    }),
  /** The app: an SMS backup (XML) that came through the upload primitive. */
  importSmsUpload: (ctx: FeatureContext, uploadId: string) =>
    withUpload(ctx, uploadId, async (up) => {
      const db = ctx.vault().handle;
      const { messages: _omitted, ...rest } = await importSmsBackupKeepingOriginal(ctx.vault(), uploadedInput(up), (evidenceId) => itemSource(db, evidenceId), {
        name: up.label,
        progress: (done, total) => ctx.progress(done, total),
        cancelled: ctx.cancelled,
      });
      return rest;
    }),
  /** The app: a CSV / text export (through the upload primitive) and the column mapping the person confirmed. */
  importSmsTableUpload: (ctx: FeatureContext, uploadId: string, columns?: SmsColumns) =>
    withUpload(ctx, uploadId, async (up) => {
      const db = ctx.vault().handle;
      const { messages: _omitted, ...rest } = await importSmsKeepingOriginal(ctx.vault(), uploadedInput(up), (evidenceId) => {
        const source = itemSource(db, evidenceId);
        const parts: Buffer[] = [];
        for (let chunk = source.next(); chunk; chunk = source.next()) parts.push(chunk);
        return importSmsTable(ctx.vault(), Buffer.concat(parts), { name: up.label, evidenceId, ...(columns ? { columns } : {}) });
      });
      return rest;
    }),
  importCallsFiles: (ctx: FeatureContext, files: { path: string; label: string }[]) =>
    importRecordings(
      ctx,
      files.map((f) => ({ label: f.label, name: path.basename(f.path), source: { kind: 'path' as const, path: f.path } })),
    ),
  /** The app: one call recording that came through the upload primitive (any size the evidence section takes). */
  importCallUpload: (ctx: FeatureContext, uploadId: string) => withUpload(ctx, uploadId, async (up) => ({ results: await importRecordings(ctx, [uploadedInput(up)]) })),
};
