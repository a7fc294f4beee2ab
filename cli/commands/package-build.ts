// `package build --out FILE.pdf [--sign] [--template …]`: the application package from the
// vault's data (docs/cli.md). The letter is dated today (Beijing time).
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import { buildPackageFromVault } from '../../main/vault/package/service';
import { TEMPLATES, type Template } from '../../shared/pdf/model';
import { todayBeijing } from '../../shared/time/beijing';
import { UsageError } from '../../shared/errors';
import type { Command } from '../framework';
import type { BuildFileResult } from '../../main/package/build-to-file';

const CLI_TEMPLATES: readonly Template[] = ['negotiation', 'waiver', 'complaint', 'mediation', 'stop-contact', 'statement-request', 'confirm-agreement'];

export type PackageBuildDoc = Pick<BuildFileResult, 'out' | 'pages' | 'exhibits' | 'bytes' | 'sha256' | 'signed'> & { creditor: string };

/**
 * The addressee (docs/cli.md): the creditor named, or the case's only creditor; with several
 * and none named, a usage error that lists them.
 */
function addressee(vault: Vault, named: string | undefined): string | undefined {
  const rows = vault.handle.prepare('SELECT id, legal_name, product, product_name FROM case_creditors ORDER BY position, id').all() as {
    id: string;
    legal_name: string;
    product: string;
    product_name: string;
  }[];
  const list = () => rows.map((r) => `${r.id}（${r.legal_name}${r.product_name ? ` ${r.product_name}` : r.product !== 'other' ? ` ${r.product}` : ''}）`).join('、');
  if (named !== undefined) {
    if (!rows.some((r) => r.id === named)) throw new UsageError(`--creditor 找不到债权机构 ${named}；案件里的债权机构：${list() || '（无）'}`);
    return named;
  }
  if (rows.length === 1) return rows[0]!.id;
  if (rows.length > 1) throw new UsageError(`案件里有 ${rows.length} 个债权机构，请用 --creditor ID 指定写给哪一个：${list()}`);
  return undefined;
}

export const packageBuildCommand: Command<PackageBuildDoc> = {
  name: 'package build',
  usage:
    'xieshang package build --out FILE.pdf [--sign] [--template negotiation|waiver|complaint|mediation|stop-contact|statement-request|confirm-agreement] [--creditor ID] [--vault PATH]',
  summary: '用证据箱里的资料生成申请材料 PDF（可数字签名） / build the application package from the vault',
  options: { out: { type: 'string' }, sign: { type: 'boolean' }, template: { type: 'string' }, creditor: { type: 'string' } },
  async run(ctx) {
    const out = path.resolve(ctx.cwd, ctx.requireString('out'));
    const template = (ctx.values.template ?? 'negotiation') as string;
    if (!CLI_TEMPLATES.includes(template as Template) || !TEMPLATES.includes(template as Template)) {
      throw new UsageError(`--template 只能是 ${CLI_TEMPLATES.join(' / ')}：${template}`);
    }
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    try {
      const sample = vault.meta('sample') === '1';
      const named = typeof ctx.values.creditor === 'string' ? ctx.values.creditor : undefined;
      const creditorId = addressee(vault, named);
      const built = await buildPackageFromVault(
        vault,
        { template: template as Template, date: todayBeijing(), sign: ctx.values.sign === true, sample, ...(creditorId ? { creditorId } : {}) },
        out,
      );
      const { out: file, pages, exhibits, bytes, sha256, signed } = built;
      return { out: file, creditor: creditorId ?? '', pages, exhibits, bytes, sha256, signed };
    } finally {
      vault.close();
    }
  },
  human: (r) =>
    `申请材料已生成：${r.out}（致债权机构 ${r.creditor}）\n共 ${r.pages} 页，附 ${r.exhibits} 份证据，${(r.bytes / 1024 / 1024).toFixed(1)} MB${r.signed ? '，已数字签名' : ''}\nSHA-256：${r.sha256}`,
};
