// `package verify FILE.pdf` (docs/cli.md). Building to a file lives in
// main/package/build-to-file.ts (used by `package build` through the vault service).
//
// Exit codes of `package verify` (cli.md leaves them open; also in its --help): 0 when ok
// (signature valid and every exhibit matches); 2 when the check ran and failed (tampered,
// unsigned, an original missing or changed) — the document is still printed on stdout, and
// the human output lists the reasons; 2 also for a file that cannot be read as a PDF or does
// not exist (one-line error on stderr, as for any bad input); 1 internal error.
import fs from 'node:fs';
import path from 'node:path';
import { BadInputError, XieshangError } from '../../shared/errors';
import { verifyPackage } from '../../main/signing/verify';
import { EXIT, type Command } from '../framework';

export interface VerifyDocument {
  ok: boolean;
  signatureValid: boolean;
  signer: string | null;
  exhibits: { n: number; sha256: string; ok: boolean }[];
}

/** The problems of the last verification, for the human output (not in the JSON document). */
const problemsOf = new WeakMap<VerifyDocument, string[]>();

export const packageVerifyCommand: Command<VerifyDocument> = {
  name: 'package verify',
  usage: 'xieshang package verify FILE.pdf [--json]（校验不通过时退出码为 2，结果照常输出 / exit 2 when the check fails）',
  summary: '核验申请书：数字签名及每份证据原件与清单是否一致 / check the signature and every original against the manifest',
  positionals: [1, 1],
  async run(ctx) {
    const file = path.resolve(ctx.cwd, ctx.positionals[0]!);
    if (!fs.existsSync(file)) throw new XieshangError('IO_ERROR', { detail: `找不到文件 ${file}` });
    let report;
    try {
      report = await verifyPackage(file);
    } catch (err) {
      if (err instanceof XieshangError) throw err;
      throw new BadInputError(`不是可以核验的 PDF 文件：${err instanceof Error ? err.message.slice(0, 120) : String(err)}`);
    }
    const doc: VerifyDocument = {
      ok: report.ok,
      signatureValid: report.signatureValid,
      signer: report.signer,
      exhibits: report.exhibits.map((e) => ({ n: e.n, sha256: e.sha256, ok: e.ok })),
    };
    problemsOf.set(doc, report.problems);
    return doc;
  },
  human(r) {
    const lines = [
      r.ok ? '核验通过：签名有效，所有证据原件与清单一致。' : '核验未通过。',
      `数字签名：${r.signatureValid ? '有效' : '无效或缺失'}${r.signer ? `（签名人：${r.signer}；自签名证书，未经第三方认证）` : ''}`,
      `证据：${r.exhibits.filter((e) => e.ok).length}/${r.exhibits.length} 份与清单一致`,
    ];
    for (const e of r.exhibits) if (!e.ok) lines.push(`  证据 ${e.n}：不一致或缺失（应为 SHA-256 ${e.sha256}）`);
    for (const p of problemsOf.get(r) ?? []) lines.push(`  · ${p}`);
    return lines.join('\n');
  },
  exitCode: (r) => (r.ok ? EXIT.ok : EXIT.usage),
};

export const packageCommands = [packageVerifyCommand] as const;
