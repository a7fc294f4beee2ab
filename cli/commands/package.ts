// `package verify FILE.pdf` (../../shared/cli.md), and buildPackageToFile() for
// `package build` once the vault data is wired (the lead's part): build → temporary file
// next to the output → sign in place → SHA-256 → rename. Nothing is ever half-written.
//
// Exit codes of `package verify` (cli.md leaves them open; also in its --help): 0 when ok
// (signature valid and every exhibit matches); 2 when the check ran and failed (tampered,
// unsigned, an original missing or changed) — the document is still printed on stdout, and
// the human output lists the reasons; 2 also for a file that cannot be read as a PDF or does
// not exist (one-line error on stderr, as for any bad input); 1 internal error.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { BadInputError, XieshangError } from '../../shared/errors';
import { buildPackage, type BuildOptions, type BuildResult } from '../../shared/pdf/build';
import type { PackageModel, PackageModelInput } from '../../shared/pdf/model';
import type { ByteSink } from '../../shared/pdf/writer';
import type { SigningIdentity } from '../../main/signing/identity';
import { signFile } from '../../main/signing/sign';
import { verifyPackage } from '../../main/signing/verify';
import { EXIT, type Command } from '../framework';

/** The font the builder embeds (subset): Noto Sans SC Regular, SIL OFL 1.1 (docs/licences). */
export function defaultFontPath(): string {
  const rel = path.join('@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf');
  const candidates = [
    process.env.XIESHANG_FONT,
    path.resolve(__dirname, '..', '..', 'node_modules', rel),
    path.resolve(__dirname, '..', '..', '..', 'node_modules', rel),
    path.resolve(process.cwd(), 'node_modules', rel),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new XieshangError('IO_ERROR', { detail: '找不到字体文件 NotoSansSC_400Regular.ttf（可用环境变量 XIESHANG_FONT 指定）' });
  return found;
}

export function readDefaultFont(): Uint8Array {
  return new Uint8Array(fs.readFileSync(defaultFontPath()));
}

/** Writes the builder's output to a file, in order, with back-pressure. */
export class FileSink implements ByteSink {
  private constructor(private readonly fh: fsp.FileHandle) {}
  static async create(file: string): Promise<FileSink> {
    return new FileSink(await fsp.open(file, 'wx'));
  }
  async write(chunk: Uint8Array): Promise<void> {
    let off = 0;
    while (off < chunk.length) {
      const { bytesWritten } = await this.fh.write(chunk, off, chunk.length - off);
      off += bytesWritten;
    }
  }
  async close(sync: boolean): Promise<void> {
    if (sync) await this.fh.sync();
    await this.fh.close();
  }
}

export interface BuildToFileOptions extends Pick<BuildOptions, 'onProgress' | 'signal' | 'now' | 'collectLayout'> {
  /** Sign with this identity (reserves the placeholder and signs in place). */
  sign?: boolean;
  identity?: SigningIdentity;
  /** Replace an existing file (default: refuse, as `backup --out` does). */
  overwrite?: boolean;
}

/** Exactly the `package build --json` document of cli.md. */
export interface BuildFileResult {
  out: string;
  pages: number;
  exhibits: number;
  bytes: number;
  sha256: string;
  signed: boolean;
}

async function fileSha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) h.update(c as Buffer);
  return h.digest('hex');
}

export async function buildPackageToFile(
  model: PackageModelInput | PackageModel,
  fontBytes: Uint8Array,
  out: string,
  opts: BuildToFileOptions = {},
): Promise<BuildFileResult & { result: BuildResult }> {
  const target = path.resolve(out);
  if (opts.sign && !opts.identity) throw new BadInputError('签名需要签名证书（identity）');
  if (!opts.overwrite && fs.existsSync(target)) throw new XieshangError('OUTPUT_EXISTS', { path: target });
  const input = opts.sign ? { ...model, signing: { ...(model.signing ?? {}), reserve: true } } : model;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.part`);
  let sink: FileSink | undefined;
  try {
    sink = await FileSink.create(temp);
    const result = await buildPackage(input, fontBytes, {
      sink,
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.collectLayout ? { collectLayout: true } : {}),
    });
    // Signing rewrites and syncs the file; an unsigned one is synced here.
    await sink.close(!opts.sign);
    sink = undefined;
    const sha256 = opts.sign ? (await signFile(temp, opts.identity!, opts.now ? { signingTime: opts.now } : {})).sha256 : await fileSha256(temp);
    const { size } = await fsp.stat(temp);
    await fsp.rename(temp, target);
    return { out: target, pages: result.pages, exhibits: result.exhibits, bytes: size, sha256, signed: opts.sign === true, result };
  } catch (err) {
    if (sink) await sink.close(false).catch(() => {});
    await fsp.rm(temp, { force: true }).catch(() => {});
    if (err instanceof Error && 'code' in err && typeof (err as NodeJS.ErrnoException).code === 'string' && !(err instanceof XieshangError)) {
      throw new XieshangError('IO_ERROR', { detail: `${(err as NodeJS.ErrnoException).code} ${target}` });
    }
    throw err;
  }
}

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
