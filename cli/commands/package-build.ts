// `package build --out FILE.pdf [--sign] [--template …]`: the application package from the
// vault's data (docs/cli.md). The letter is dated today (Beijing time).
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import { buildPackageFromVault } from '../../main/vault/package/service';
import { TEMPLATES, type Template } from '../../shared/pdf/model';
import { todayBeijing } from '../../shared/dates';
import { UsageError } from '../../shared/errors';
import type { Command } from '../framework';
import type { BuildFileResult } from '../../main/package/build-to-file';

const CLI_TEMPLATES: readonly Template[] = ['negotiation', 'waiver', 'complaint', 'mediation', 'stop-contact', 'statement-request', 'confirm-agreement'];

export const packageBuildCommand: Command<BuildFileResult> = {
  name: 'package build',
  usage: 'xieshang package build --out FILE.pdf [--sign] [--template negotiation|waiver|complaint|mediation|stop-contact|statement-request|confirm-agreement] [--vault PATH]',
  summary: '用证据箱里的资料生成申请材料 PDF（可数字签名） / build the application package from the vault',
  options: { out: { type: 'string' }, sign: { type: 'boolean' }, template: { type: 'string' } },
  async run(ctx) {
    const out = path.resolve(ctx.cwd, ctx.requireString('out'));
    const template = (ctx.values.template ?? 'negotiation') as string;
    if (!CLI_TEMPLATES.includes(template as Template) || !TEMPLATES.includes(template as Template)) {
      throw new UsageError(`--template 只能是 ${CLI_TEMPLATES.join(' / ')}：${template}`);
    }
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    try {
      const sample = vault.meta('sample') === '1';
      const built = await buildPackageFromVault(vault, { template: template as Template, date: todayBeijing(), sign: ctx.values.sign === true, sample }, out);
      const { out: file, pages, exhibits, bytes, sha256, signed } = built;
      return { out: file, pages, exhibits, bytes, sha256, signed };
    } finally {
      vault.close();
    }
  },
  human: (r) => `申请材料已生成：${r.out}\n共 ${r.pages} 页，附 ${r.exhibits} 份证据，${(r.bytes / 1024 / 1024).toFixed(1)} MB${r.signed ? '，已数字签名' : ''}\nSHA-256：${r.sha256}`,
};
