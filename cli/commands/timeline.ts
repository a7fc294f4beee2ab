// `xieshang import-sms FILE.xml`, `import-calls PATH…`, `timeline` (docs/cli.md).
// run() returns exactly the --json document; human() renders it for people.
import path from 'node:path';
import type { Command } from '../framework';
import { EXIT } from '../framework';
import { Vault } from '../../main/vault/vault';
// The one side effect the feature registry had for these commands (pdf-lib & co. stay unloaded).
import '../../main/vault/timeline/case-port';
import { BadInputError, UsageError } from '../../shared/errors';
import fs from 'node:fs';
import { importSmsBackup, importSmsKeepingOriginal, type ImportedSms } from '../../main/vault/timeline/sms-import';
import { importSmsTable } from '../../main/vault/timeline/sms-table-import';
import { parseColumnsOption } from '../../shared/timeline/sms-table';
import { fileSource } from '../../main/vault/timeline/xml-text';
import { importRecording } from '../../main/vault/timeline/calls-import';
import { withBulkWrites } from '../../main/vault/bulk-writes';
import { cliTimeline, type CliTimelineEntry } from '../../main/vault/timeline/queries';
import { walkPaths } from '../../main/vault/evidence/walk';

interface SmsDoc {
  evidenceId: string;
  imported: number;
  skipped: number;
  messages: ImportedSms[];
}

/** What the human rendering needs beyond the document (kept off the JSON). */
const smsNotes = new WeakMap<SmsDoc, { duplicates: number; rejected: { index: number; reason: string }[]; rejectedCount: number }>();

export const importSmsCommand: Command<SmsDoc> = {
  name: 'import-sms',
  usage: 'xieshang import-sms FILE.xml|FILE.csv|FILE.txt [--columns sender=列,time=列,body=列[,direction=列]] [--vault PATH]',
  summary: '导入短信：安卓“SMS Backup & Restore”备份（XML），或按列导出的表格（CSV / 文本），每条短信成为时间线的一条记录 / import SMS',
  positionals: [1, 1],
  options: { columns: { type: 'string' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('缺少 FILE.xml 或 FILE.csv');
    const full = path.resolve(ctx.cwd, file);
    const columnsOption = ctx.values.columns;
    const columns = typeof columnsOption === 'string' ? parseColumnsOption(columnsOption) : undefined;
    // The file is opened (and refused if it is not a regular file) before the writer lock is taken.
    const source = fileSource(full);
    // A table (CSV / text) unless it is XML: by --columns, the extension, or a leading "<".
    const table = columns !== undefined || /\.(csv|tsv|txt)$/i.test(full) || !looksLikeXml(full);
    let vault: Vault;
    try {
      vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    } catch (err) {
      source.close();
      throw err;
    }
    try {
      const name = path.basename(full);
      // The exported file itself is kept as evidence; every message links to it.
      const r = await importSmsKeepingOriginal(vault, { label: full, name, source: { kind: 'path', path: full } }, (evidenceId) =>
        table
          ? importSmsTable(vault, readFile(full), { name, collectMessages: true, evidenceId, ...(columns ? { columns } : {}) })
          : importSmsBackup(vault, source, { name, collectMessages: true, evidenceId }),
      );
      const doc: SmsDoc = { evidenceId: r.evidenceId, imported: r.imported, skipped: r.skipped, messages: r.messages ?? [] };
      smsNotes.set(doc, { duplicates: r.duplicates, rejected: r.rejected, rejectedCount: r.rejectedCount });
      return doc;
    } finally {
      source.close();
      vault.close();
    }
  },
  human(doc) {
    const notes = smsNotes.get(doc);
    const lines = [
      `已导入 ${doc.imported} 条短信，跳过 ${doc.skipped} 条（已导入过的 ${notes?.duplicates ?? 0} 条，无法导入的 ${notes?.rejectedCount ?? 0} 条）。`,
      `备份文件本身已作为证据保存（证据 ID ${doc.evidenceId}），每条短信都链接到它。`,
    ];
    for (const r of notes?.rejected ?? []) lines.push(`  第 ${r.index} 条：${r.reason}`);
    if (notes && notes.rejectedCount > notes.rejected.length) lines.push(`  ……另有 ${notes.rejectedCount - notes.rejected.length} 条`);
    const claims = doc.messages.filter((m) => m.claims.amountOwed || m.claims.overdueDays);
    if (claims.length) lines.push(`其中 ${claims.length} 条短信声称了欠款金额或逾期天数，请与自己的账目核对。`);
    return lines.join('\n');
  },
  exitCode: (doc) => ((smsNotes.get(doc)?.rejectedCount ?? 0) > 0 ? EXIT.partial : EXIT.ok),
};

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    throw new BadInputError(`无法读取文件：${file}`);
  }
}

/** The first non-blank character (after a byte-order mark) is "<". */
function looksLikeXml(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(512);
    const n = fs.readSync(fd, head, 0, 512, 0);
    fs.closeSync(fd);
    const text = head
      .subarray(0, n)
      .toString('latin1')
      .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
      .replace(/\x00/g, '');
    return text.trimStart().startsWith('<');
  } catch {
    return true; // the XML path reports the unreadable file
  }
}

type CallDoc = ({ id: string; file: string; number: string | null; at: string; durationSec: number | null } | { file: string; error: { code: string; message: string } })[];

const callNotes = new WeakMap<CallDoc, Map<string, { timeUncertain: boolean; duplicate: boolean }>>();

export const importCallsCommand: Command<CallDoc> = {
  name: 'import-calls',
  usage: 'xieshang import-calls PATH… [--vault PATH]',
  summary: '导入通话录音（可给文件夹）：号码和时间取自文件名，时长取自音频；每个录音成为证据和时间线记录 / import call recordings',
  positionals: [1, 10_000],
  async run(ctx) {
    const entries = walkPaths(ctx.positionals.map((p) => path.resolve(ctx.cwd, p)));
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    const out: CallDoc = [];
    const notes = new Map<string, { timeUncertain: boolean; duplicate: boolean }>();
    try {
      // Through a rollback journal, as every import of files (main/vault/bulk-writes.ts).
      await withBulkWrites(vault.handle, async () => {
        for (const e of entries) {
          if ('error' in e) {
            out.push({ file: e.path, error: { code: e.error.code, message: e.error.message } });
            continue;
          }
          const r = await importRecording(vault, { label: e.path, name: path.basename(e.path), source: { kind: 'path', path: e.path } });
          if ('error' in r) out.push({ file: r.file, error: r.error });
          else {
            out.push({ id: r.id, file: r.file, number: r.number, at: r.at, durationSec: r.durationSec });
            notes.set(r.id, { timeUncertain: r.timeUncertain, duplicate: r.duplicate });
          }
        }
      });
    } finally {
      vault.close();
    }
    callNotes.set(out, notes);
    return out;
  },
  human(doc) {
    const notes = callNotes.get(doc);
    const ok = doc.filter((r) => 'id' in r).length;
    const lines = [`导入了 ${ok} 个录音，${doc.length - ok} 个文件没有导入。`];
    for (const r of doc) {
      if ('error' in r) lines.push(`  ✗ ${r.file}：${r.error.message}`);
      else {
        const n = notes?.get(r.id);
        const flags = [n?.duplicate ? '已导入过' : '', n?.timeUncertain ? '文件名里没有时间，用了文件修改时间，请核对' : ''].filter(Boolean).join('；');
        lines.push(`  ✓ ${r.file}：${r.number ?? '号码未知'} ${r.at} ${r.durationSec ?? '?'} 秒${flags ? `（${flags}）` : ''}`);
      }
    }
    return lines.join('\n');
  },
  exitCode: (doc) => (doc.some((r) => 'error' in r) ? EXIT.partial : EXIT.ok),
};

const CHANNEL_ZH: Record<string, string> = { phone: '电话', chat: '在线客服', sms: '短信', email: '邮件', letter: '信函', visit: '上门', mediation: '调解', court: '法院' };
const FLAG_ZH: Record<string, string> = { night_contact: '夜间联系', excess_calls: '超过每日通话次数', third_party: '联系第三人', threat_or_impersonation: '威胁或冒充' };

export const timelineCommand: Command<CliTimelineEntry[]> = {
  name: 'timeline',
  usage: 'xieshang timeline [--vault PATH]',
  summary: '列出全部联系记录（按时间先后），附催收行为标记 / every contact, oldest first, with conduct flags',
  run(ctx) {
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli', readonly: true });
    try {
      return cliTimeline(vault);
    } finally {
      vault.close();
    }
  },
  human(entries) {
    if (entries.length === 0) return '时间线上还没有记录。';
    return entries
      .map((e) => {
        const flags = e.flags.length ? ` ⚑ ${e.flags.map((f) => FLAG_ZH[f] ?? f).join('、')}` : '';
        const dir = e.direction === 'incoming' ? '对方来' : '我方去';
        const dur = e.durationSec !== null ? ` ${e.durationSec} 秒` : '';
        const text = e.summary.replace(/\s+/g, ' ').slice(0, 60);
        return `${e.at}  ${dir}${CHANNEL_ZH[e.channel] ?? e.channel}  ${e.counterparty || '（未知）'}${dur}${flags}${text ? `\n    ${text}` : ''}`;
      })
      .join('\n');
  },
};

export const timelineCommands = [importSmsCommand, importCallsCommand, timelineCommand];
