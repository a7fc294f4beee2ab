// import, list, search, export-evidence, verify: the evidence commands, exactly as
// docs/cli.md says. They run the same vault functions as the app's worker, in-process.
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import { importPaths } from '../../main/vault/evidence/import-files';
import { listItems, searchAll } from '../../main/vault/evidence/items';
import { exportOne } from '../../main/vault/evidence/export';
import { verifyAll } from '../../main/vault/evidence/verify';
import { EXIT, type Command, type CommandContext } from '../framework';
import { UsageError, XieshangError } from '../../shared/errors';
import { CATEGORY_LABELS, categoryHelp, isEvidenceCategory, type EvidenceCategory } from '../../shared/evidence/categories';
import { MAX_NOTE_CHARS } from '../../shared/evidence/limits';
import type { ImportResult } from '../../shared/contracts/evidence';
import type { SearchHit } from '../../main/vault/evidence/search-index';

const CATEGORY_USAGE = `类别 CAT 取值 Categories: ${categoryHelp()}`;
/** The first schema with the evidence tables. */
const EVIDENCE_SCHEMA = 2;

function category(ctx: CommandContext): EvidenceCategory | undefined {
  const value = ctx.values.category;
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isEvidenceCategory(value)) throw new UsageError(`未知的类别 ${String(value)}。${CATEGORY_USAGE}`);
  return value;
}

/** Read-only when the command only reads: it then works while the app has the vault open. */
async function withVault<T>(ctx: CommandContext, readonly: boolean, fn: (vault: Vault) => Promise<T> | T): Promise<T> {
  const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli', readonly });
  try {
    return await fn(vault);
  } finally {
    vault.close();
  }
}

type ImportOutput = ImportResult[];

export const importCommand: Command<ImportOutput> = {
  name: 'import',
  usage: `xieshang import PATH… [--category CAT] [--note TEXT] [--no-ocr] [--vault PATH]\n${CATEGORY_USAGE}\n图片会用文字识别（OCR，中文和数字，在本机完成）读取文字并建立索引；--no-ocr 跳过（之后可在应用里补做）。\nImages are read by OCR (on this machine) and their text indexed, unless --no-ocr.\n每个文件单独导入：坏文件会报告原因，其他文件照常导入；有文件被拒绝时退出码为 3。文件上限 2 GB。\nEach file is imported on its own; exit 3 when some inputs were rejected. Size limit 2 GiB.`,
  summary: '导入证据文件（文件夹会递归导入） / import evidence files (folders recursively)',
  options: { category: { type: 'string' }, note: { type: 'string' }, 'no-ocr': { type: 'boolean' } },
  positionals: [1, 100_000],
  async run(ctx) {
    const cat = category(ctx);
    const note = typeof ctx.values.note === 'string' ? ctx.values.note : undefined;
    if (note !== undefined && note.length > MAX_NOTE_CHARS) throw new UsageError(`备注太长（最多 ${MAX_NOTE_CHARS} 个字符）`);
    const paths = ctx.positionals.map((p) => path.resolve(ctx.cwd, p));
    return withVault(ctx, false, async (vault) => (await importPaths(vault, paths, { category: cat, note, ocr: ctx.values['no-ocr'] !== true })).results);
  },
  human(results) {
    const lines = results.map((r) => {
      if ('error' in r) return `✗ ${r.path}：${r.error.message} [${r.error.code}]`;
      if (r.duplicateOf) return `＝ ${r.path}：与已有证据 ${r.duplicateOf} 内容相同，未重复保存`;
      return `✓ ${r.path} → ${r.id}（${CATEGORY_LABELS[r.category]['zh-CN']}，${r.mime}，SHA-256 ${r.sha256.slice(0, 12)}…）`;
    });
    const bad = results.filter((r) => 'error' in r).length;
    lines.push(`共 ${results.length} 个：导入 ${results.length - bad} 个，拒绝 ${bad} 个。`);
    return lines.join('\n');
  },
  exitCode: (results) => (results.some((r) => 'error' in r) ? EXIT.partial : EXIT.ok),
};

interface ListRow {
  id: string;
  name: string;
  sha256: string;
  size: number;
  mime: string;
  category: EvidenceCategory;
  capturedAt: string | null;
  importedAt: string;
  note: string;
}

export const listCommand: Command<ListRow[]> = {
  name: 'list',
  usage: `xieshang list [--category CAT] [--vault PATH]\n${CATEGORY_USAGE}\n按导入先后列出（不含回收站）。Listed in import order (trash excluded).`,
  summary: '列出证据 / list evidence items',
  options: { category: { type: 'string' } },
  run(ctx) {
    const cat = category(ctx);
    return withVault(ctx, true, (vault) => {
      if (vault.schemaVersion < EVIDENCE_SCHEMA) return [];
      return listItems(vault.handle, { ...(cat ? { category: cat } : {}), sort: { by: 'imported', dir: 'asc' } }).items.map((i) => ({
        id: i.id,
        name: i.name,
        sha256: i.sha256,
        size: i.size,
        mime: i.mime,
        category: i.category,
        capturedAt: i.capturedAt,
        importedAt: i.importedAt,
        note: i.note,
      }));
    });
  },
  human: (rows) =>
    rows.length === 0
      ? '证据箱里还没有证据。'
      : rows.map((r) => `${r.id}  ${CATEGORY_LABELS[r.category]['zh-CN']}  ${r.capturedAt ?? '时间未知'}  ${r.name}${r.note ? `  （${r.note}）` : ''}`).join('\n'),
};

export const searchCommand: Command<SearchHit[]> = {
  name: 'search',
  usage: 'xieshang search QUERY [--vault PATH]\n在名称、备注、标签、PDF 文字、短信和联系摘要中查找（中文可查词语和片段，1 个字也可以）。',
  summary: '全文搜索 / full-text search',
  positionals: [1, 20],
  run(ctx) {
    const query = ctx.positionals.join(' ').trim();
    if (!query) throw new UsageError('搜索内容不能为空');
    return withVault(ctx, true, (vault) => (vault.schemaVersion < EVIDENCE_SCHEMA ? [] : searchAll(vault.handle, query)));
  },
  human: (hits) => (hits.length === 0 ? '没有找到。' : hits.map((h) => `${h.kind}  ${h.id}  ${h.snippet}`).join('\n')),
};

export const exportEvidenceCommand: Command<{ id: string; out: string; sha256: string }> = {
  name: 'export-evidence',
  usage: 'xieshang export-evidence ID --out FILE [--vault PATH]\n原样写出原始文件（逐字节相同）；目标文件已存在时拒绝。Writes the original bytes; refuses to overwrite.',
  summary: '导出一件证据的原始文件 / write one original, byte-identical',
  options: { out: { type: 'string' } },
  positionals: [1, 1],
  run(ctx) {
    const out = path.resolve(ctx.cwd, ctx.requireString('out'));
    const id = ctx.positionals[0]!;
    if (!/^[0-9a-f]{16}$/.test(id)) throw new XieshangError('BAD_INPUT', { detail: `没有这条证据：${id}` });
    return withVault(ctx, false, (vault) => exportOne(vault, id, out));
  },
  human: (r) => `已导出：${r.out}\nSHA-256 ${r.sha256}`,
};

export const verifyCommand: Command<{ checked: number; ok: number; mismatched: string[] }> = {
  name: 'verify',
  usage:
    'xieshang verify [--vault PATH]\n从保存的数据重新计算每件证据的 SHA-256 并与导入时的记录比对；有不符时退出码为 5（证据已损坏）。\nRe-hashes every item; exit 5 when any differs. The result is recorded in the audit log (unless the app has the vault open: then it runs read-only).',
  summary: '校验所有证据的 SHA-256 / re-hash every item against its recorded SHA-256',
  async run(ctx) {
    const file = ctx.vaultPath();
    const passphrase = ctx.passphrase();
    let vault: Vault;
    let record = true;
    try {
      vault = Vault.open(file, passphrase, { actor: 'cli' });
    } catch (err) {
      if (!(err instanceof XieshangError && err.code === 'VAULT_IN_USE')) throw err;
      vault = Vault.open(file, passphrase, { actor: 'cli', readonly: true });
      record = false;
    }
    try {
      if (vault.schemaVersion < EVIDENCE_SCHEMA) return { checked: 0, ok: 0, mismatched: [] };
      return await verifyAll(vault, undefined, record);
    } finally {
      vault.close();
    }
  },
  human: (r) =>
    r.mismatched.length === 0
      ? `已校验 ${r.checked} 件证据，全部与导入时一致。`
      : `已校验 ${r.checked} 件证据：${r.mismatched.length} 件与导入时记录的 SHA-256 不符：\n${r.mismatched.join('\n')}`,
  exitCode: (r) => (r.mismatched.length > 0 ? EXIT.vault : EXIT.ok),
};

export const evidenceCommands = [importCommand, listCommand, searchCommand, exportEvidenceCommand, verifyCommand];
