// `xieshang import-sms FILE.xml`, `import-calls PATH…`, `timeline` (docs/cli.md).
// run() returns exactly the --json document; human() renders it for people.
import path from 'node:path';
import type { Command } from '../framework';
import { EXIT } from '../framework';
import { Vault } from '../../main/vault/vault';
// The one side effect the feature registry had for these commands (pdf-lib & co. stay unloaded).
import '../../main/vault/timeline/case-port';
import { UsageError } from '../../shared/errors';
import { importSmsBackup, type ImportedSms } from '../../main/vault/timeline/sms-import';
import { fileSource } from '../../main/vault/timeline/xml-text';
import { importRecording } from '../../main/vault/timeline/calls-import';
import { cliTimeline, type CliTimelineEntry } from '../../main/vault/timeline/queries';
import { walkPaths } from '../../main/vault/evidence/walk';

interface SmsDoc {
  imported: number;
  skipped: number;
  messages: ImportedSms[];
}

/** What the human rendering needs beyond the document (kept off the JSON). */
const smsNotes = new WeakMap<SmsDoc, { duplicates: number; rejected: { index: number; reason: string }[]; rejectedCount: number }>();

export const importSmsCommand: Command<SmsDoc> = {
  name: 'import-sms',
  usage: 'xieshang import-sms FILE.xml [--vault PATH]',
  summary: '导入安卓“SMS Backup & Restore”短信备份（XML），每条短信成为时间线的一条记录 / import an SMS backup',
  positionals: [1, 1],
  run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('缺少 FILE.xml');
    const full = path.resolve(ctx.cwd, file);
    // The file is opened (and refused if it is not a regular file) before the writer lock is taken.
    const source = fileSource(full);
    let vault: Vault;
    try {
      vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    } catch (err) {
      source.close();
      throw err;
    }
    try {
      const r = importSmsBackup(vault, source, { name: path.basename(full), collectMessages: true });
      const doc: SmsDoc = { imported: r.imported, skipped: r.skipped, messages: r.messages ?? [] };
      smsNotes.set(doc, { duplicates: r.duplicates, rejected: r.rejected, rejectedCount: r.rejectedCount });
      return doc;
    } finally {
      vault.close();
    }
  },
  human(doc) {
    const notes = smsNotes.get(doc);
    const lines = [`已导入 ${doc.imported} 条短信，跳过 ${doc.skipped} 条（已导入过的 ${notes?.duplicates ?? 0} 条，无法导入的 ${notes?.rejectedCount ?? 0} 条）。`];
    for (const r of notes?.rejected ?? []) lines.push(`  第 ${r.index} 条：${r.reason}`);
    if (notes && notes.rejectedCount > notes.rejected.length) lines.push(`  ……另有 ${notes.rejectedCount - notes.rejected.length} 条`);
    const claims = doc.messages.filter((m) => m.claims.amountOwed || m.claims.overdueDays);
    if (claims.length) lines.push(`其中 ${claims.length} 条短信声称了欠款金额或逾期天数，请与自己的账目核对。`);
    return lines.join('\n');
  },
  exitCode: (doc) => ((smsNotes.get(doc)?.rejectedCount ?? 0) > 0 ? EXIT.partial : EXIT.ok),
};

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
