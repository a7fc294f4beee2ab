// `import-bill FILE… [--format alipay|wechat|bank] [--columns MAP]` and `budget --month YYYY-MM`
// (docs/cli.md). Each file is independent: a refused file is reported, the others still go in.
import path from 'node:path';
import type { Command } from '../framework';
import { EXIT } from '../framework';
import { Vault } from '../../main/vault/vault';
import { UsageError, toErrorInfo } from '../../shared/errors';
import { importBillFile, type BillImportDoc } from '../../main/vault/bills/import';
import { budget, type BudgetDoc } from '../../main/vault/bills/budget';
import { parseColumnsOption } from '../../shared/bills/bank';
import type { BillSource } from '../../shared/bills/rows';

type ImportDoc = (BillImportDoc | { file: string; error: { code: string; message: string } })[];

const SOURCE_ZH: Record<string, string> = { alipay: '支付宝', wechat: '微信支付', bank: '银行流水' };

export const importBillCommand: Command<ImportDoc> = {
  name: 'import-bill',
  usage:
    'xieshang import-bill FILE… [--format alipay|wechat|bank] [--columns date=列名,amount=列名,direction=列名,counterparty=列名] [--vault PATH]\n银行流水第一次导入时用 --columns 指明各列，之后同样表头的文件会记住。A bank CSV needs --columns once; the mapping is remembered by its header row.',
  summary: '导入支付宝 / 微信支付 / 银行账单，用于预算（文件保存为证据）/ import bill exports',
  options: { format: { type: 'string' }, columns: { type: 'string' } },
  positionals: [1, 1000],
  async run(ctx) {
    const format = ctx.values.format;
    if (format !== undefined && !['alipay', 'wechat', 'bank'].includes(format as string)) throw new UsageError(`--format 只能是 alipay / wechat / bank：${String(format)}`);
    const columns = typeof ctx.values.columns === 'string' ? parseColumnsOption(ctx.values.columns) : undefined;
    if (columns && format !== undefined && format !== 'bank') throw new UsageError('--columns 只用于 --format bank');
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    const out: ImportDoc = [];
    try {
      for (const p of ctx.positionals) {
        const file = path.resolve(ctx.cwd, p);
        try {
          out.push(await importBillFile(vault, file, { format: (columns ? 'bank' : format) as BillSource | undefined, columns }));
        } catch (err) {
          const info = toErrorInfo(err);
          if (info.code === 'INTERNAL' || info.code === 'VAULT_LOCKED') throw err;
          out.push({ file, error: { code: info.code, message: info.message } });
        }
      }
    } finally {
      vault.close();
    }
    return out;
  },
  human(doc) {
    return doc
      .map((r) =>
        'error' in r
          ? `✗ ${r.file}：${r.error.message}`
          : `✓ ${r.file}（${SOURCE_ZH[r.source]}）：新增 ${r.imported} 条，已导入过 ${r.duplicates} 条，不计 ${r.skipped} 条；${r.from ?? '—'} 至 ${r.to ?? '—'}，收入 ${r.income}，支出 ${r.spending}`,
      )
      .join('\n');
  },
  exitCode: (doc) => (doc.every((r) => 'error' in r) ? EXIT.usage : doc.some((r) => 'error' in r) ? EXIT.partial : EXIT.ok),
};

export const budgetCommand: Command<BudgetDoc> = {
  name: 'budget',
  usage: 'xieshang budget --month YYYY-MM [--vault PATH]',
  summary: '某月预算：计划收支、账单里的实际收支、应还和已还、应急储备 / the month’s budget',
  options: { month: { type: 'string' } },
  run(ctx) {
    const month = ctx.requireString('month');
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    try {
      return budget(vault, month);
    } finally {
      vault.close();
    }
  },
  human(b) {
    return [
      `${b.month} 预算`,
      `计划：收入 ${b.planned.income}，支出 ${b.planned.spending}`,
      `实际（账单）：收入 ${b.actual.income}，支出 ${b.actual.spending}`,
      ...b.actual.byCategory.map((c) => `  ${c.category} ${c.amount}`),
      `协议还款：本月应还 ${b.repayments.due}，已还 ${b.repayments.paid}`,
      `应急储备：目标 ${b.reserve.goal}，已存 ${b.reserve.saved}`,
    ].join('\n');
  },
};

export const billCommands = [importBillCommand, budgetCommand];
