// `demo --out DIR`: the whole job on synthetic data, no passphrase needed (docs/cli.md).
import path from 'node:path';
import { buildDemo, type DemoResult } from '../../main/demo/build-demo';
import type { Command } from '../framework';

export const demoCommand: Command<DemoResult> = {
  name: 'demo',
  usage: 'xieshang demo --out DIR',
  summary: '生成一套完整的示例案例（虚构人物）：示例证据箱和签名的申请材料 PDF / a complete sample case',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const out = ctx.requireString('out');
    return buildDemo(path.resolve(ctx.cwd, out), (step) => {
      if (!ctx.json) process.stderr.write(`… ${step}\n`);
    });
  },
  human: (r) => `示例案例已生成（人物和机构均为虚构）：\n  证据箱：${r.vault}（口令：${r.passphrase}）\n  申请材料：${r.pdf}`,
};
