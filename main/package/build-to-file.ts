// Builds an application package into a file: build → temporary file next to the output →
// sign in place → SHA-256 → rename, so nothing is ever half-written. Used by the vault
// worker (main/vault/package/service.ts), the CLI, the benchmark and the tests; it lives on
// the main side because main/ must not depend on cli/.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { dropPartialDirIfEmpty, partialPathFor, PRIVATE_FILE_MODE } from '../partial-files';
import { BadInputError, XieshangError } from '../../shared/errors';
import { buildPackage, type BuildOptions, type BuildResult } from '../../shared/pdf/build';
import type { PackageModel, PackageModelInput } from '../../shared/pdf/model';
import type { ByteSink } from '../../shared/pdf/writer';
import type { SigningIdentity } from '../signing/identity';
import { signFile } from '../signing/sign';
import { nodeZlib } from './node-zlib';
import { nodeSha256 } from './node-sha256';

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

let lastFont: { file: string; bytes: WeakRef<Uint8Array> } | null = null;

/**
 * The font's bytes: the same object as long as someone still holds it (the demo does), so
 * its parse is shared (shared/pdf/fontkit-once.ts); read again once it was collected.
 */
export function readDefaultFont(): Uint8Array {
  const file = defaultFontPath();
  const held = lastFont?.file === file ? lastFont.bytes.deref() : undefined;
  if (held) return held;
  // A plain Uint8Array over the Buffer's memory: copying the 10 MB cost ~50 ms a build.
  const read = fs.readFileSync(file);
  const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
  lastFont = { file, bytes: new WeakRef(bytes) };
  return bytes;
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
  // In the output folder's private partial place: a killed build's plaintext is cleaned at the next start.
  const temp = partialPathFor(target);
  let sink: FileSink | undefined;
  try {
    sink = await FileSink.create(temp);
    const result = await buildPackage(input, fontBytes, {
      sink,
      zlib: nodeZlib,
      sha256: nodeSha256,
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
    await fsp.chmod(temp, PRIVATE_FILE_MODE);
    await fsp.rename(temp, target);
    dropPartialDirIfEmpty(target);
    return { out: target, pages: result.pages, exhibits: result.exhibits, bytes: size, sha256, signed: opts.sign === true, result };
  } catch (err) {
    if (sink) await sink.close(false).catch(() => {});
    await fsp.rm(temp, { force: true }).catch(() => {});
    dropPartialDirIfEmpty(target);
    if (err instanceof Error && 'code' in err && typeof (err as NodeJS.ErrnoException).code === 'string' && !(err instanceof XieshangError)) {
      throw new XieshangError('IO_ERROR', { detail: `${(err as NodeJS.ErrnoException).code} ${target}` });
    }
    throw err;
  }
}
