// The timeline's feature module: what the vault session serves for the timeline channels
// and the CLI commands (registered in ../features.ts). Each function takes the
// FeatureContext first; imports report progress and stop at a cancel between files.
import path from 'node:path';
import { addScreenshotContacts } from './screenshot-contacts';
import type { ScreenshotEntries } from '../../../shared/contracts/timeline';
import type { FeatureContext } from '../feature';
import { BadInputError, XieshangError } from '../../../shared/errors';
import type { ContactFields, ContactPatch, ImportCallResult, TimelineFilter } from '../../../shared/contracts/timeline';
import type { FlagCode, MarkSide } from '../../../shared/timeline/kinds';
import {
  addContact,
  contactFromEvidence,
  contactsForEvidence,
  deleteContact,
  dismissFlag,
  getContact,
  listMarks,
  markNumber,
  restoreFlag,
  updateContact,
} from './contacts';
import { agenda, cliTimeline, listTimeline, summary, takeReminders } from './queries';
import { importSmsBackupKeepingOriginal, importSmsKeepingOriginal } from './sms-import';
import { importSmsTable } from './sms-table-import';
import type { SmsColumns } from '../../../shared/timeline/sms-table';
import { bufferSource, fileSource } from './xml-text';
import { importRecording, type RecordingInput } from './calls-import';
import './case-port';

function decodeBase64(data: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw new BadInputError('上传的数据不是有效的 base64');
  return Buffer.from(data, 'base64');
}

export interface UploadedFile {
  name: string;
  dataBase64: string;
  lastModified?: number | undefined;
}

async function importRecordings(ctx: FeatureContext, inputs: RecordingInput[]): Promise<ImportCallResult[]> {
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
  /** The app: the bytes the renderer read from the file the user chose. */
  importSmsData: async (ctx: FeatureContext, upload: UploadedFile) => {
    const bytes = decodeBase64(upload.dataBase64);
    const name = path.basename(upload.name.replace(/\\/g, '/'));
    const { messages: _omitted, ...rest } = await importSmsBackupKeepingOriginal(
      ctx.vault(),
      { label: upload.name, name, source: { kind: 'bytes', bytes, modifiedMs: upload.lastModified ?? null } },
      () => bufferSource(bytes),
      { name: upload.name, progress: (done, total) => ctx.progress(done, total), cancelled: ctx.cancelled },
    );
    return rest;
  },
  /** The app: a CSV / text export and the column mapping the person confirmed. */
  importSmsTable: async (ctx: FeatureContext, upload: UploadedFile, columns?: SmsColumns) => {
    const bytes = decodeBase64(upload.dataBase64);
    const name = path.basename(upload.name.replace(/\\/g, '/'));
    const { messages: _omitted, ...rest } = await importSmsKeepingOriginal(
      ctx.vault(),
      { label: upload.name, name, source: { kind: 'bytes', bytes, modifiedMs: upload.lastModified ?? null } },
      (evidenceId) => importSmsTable(ctx.vault(), bytes, { name: upload.name, evidenceId, ...(columns ? { columns } : {}) }),
    );
    return rest;
  },
  importCallsFiles: (ctx: FeatureContext, files: { path: string; label: string }[]) =>
    importRecordings(
      ctx,
      files.map((f) => ({ label: f.label, name: path.basename(f.path), source: { kind: 'path' as const, path: f.path } })),
    ),
  importCallsData: (ctx: FeatureContext, files: UploadedFile[]) =>
    importRecordings(
      ctx,
      files.map((f) => ({
        label: f.name,
        name: path.basename(f.name.replace(/\\/g, '/')),
        source: { kind: 'bytes' as const, bytes: decodeBase64(f.dataBase64), modifiedMs: f.lastModified ?? null },
      })),
    ),
};
