// `xieshang case export` / `case import FILE.json` (docs/cli.md): the structured
// case as one documented JSON (docs/case.schema.json). Export opens the vault read-only (it
// works while the app is open); import validates everything first and replaces the case in
// one transaction, or changes nothing and lists every problem with its JSON path (exit 2).
import path from 'node:path';
import type { Command } from '../framework';
import { Vault } from '../../main/vault/vault';
// The timeline's contacts port only (not every feature module: pdf-lib, sharp… would load for nothing).
import '../../main/vault/timeline/case-port';
import { exportCase, importCase } from '../../main/vault/case/service';
import { BadInputError, UsageError, XieshangError } from '../../shared/errors';
import type { CaseDoc } from '../../shared/case/schema';
import { InputTooLargeError, NotRegularFileError, readRegularFile } from '../../main/regular-file';

/** A case is a few hundred KB at most; 32 MiB leaves room and bounds the read. */
const MAX_CASE_JSON_BYTES = 32 * 1024 * 1024;

export const caseExportCommand: Command<CaseDoc> = {
  name: 'case export',
  usage: 'xieshang case export [--vault PATH]',
  summary: '导出案件（申请人、债权机构、账户、财务、困难原因、方案、联系记录、协议）为 JSON / the structured case as JSON',
  run(ctx) {
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli', readonly: true });
    try {
      return exportCase(vault);
    } finally {
      vault.close();
    }
  },
  human: (doc) => JSON.stringify(doc, null, 2),
};

function readJson(file: string, cwd: string): unknown {
  let text: string;
  try {
    text = readRegularFile(path.resolve(cwd, file), MAX_CASE_JSON_BYTES, file).toString('utf8');
  } catch (err) {
    if (err instanceof NotRegularFileError || err instanceof InputTooLargeError) throw err;
    throw new XieshangError('IO_ERROR', { detail: `无法读取 ${file}` });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    // Never quote the file's content: a file given by mistake (a passphrase file) must not be echoed.
    const at = err instanceof Error ? /position (\d+)/.exec(err.message)?.[1] : undefined;
    throw new BadInputError(`${file} 不是有效的 JSON${at ? `（第 ${at} 个字符附近有错误）` : ''}`);
  }
}

export const caseImportCommand: Command<{ ok: true }> = {
  name: 'case import',
  usage: 'xieshang case import FILE.json [--confirm-rates] [--vault PATH]',
  summary: '导入案件 JSON（先检查全部内容，有问题则什么都不导入；导入会整体替换案件）/ validate and import a case',
  positionals: [1, 1],
  options: { 'confirm-rates': { type: 'boolean' } },
  run(ctx) {
    const file = ctx.positionals[0];
    if (file === undefined) throw new UsageError('缺少 FILE.json');
    const input = readJson(file, ctx.cwd);
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    try {
      importCase(vault, input, undefined, { confirmRates: ctx.values['confirm-rates'] === true });
    } finally {
      vault.close();
    }
    return { ok: true };
  },
  human: () => '案件已导入（原有案件内容已被替换，替换前的内容记录在审计日志中）。',
};

export const caseCommands: Command[] = [caseExportCommand, caseImportCommand] as unknown as Command[];
