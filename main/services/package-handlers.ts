// The package channels where main acts (shared/contracts/package.ts; the others are bound in
// main/ipc/bindings.ts). The renderer's worker builds the PDF and uploads it here in chunks
// (the same chunk protocol as every upload, main/vault/upload-chunks.ts, and the same
// renderer helper, renderer/src/lib/upload.ts); main signs it with the vault's key (the package feature
// runs in the vault worker thread, inside the main process), records it, serves it back
// for the in-app preview (vault://package/<id>, /vault/package/<id> in the harness) and
// copies it where the user chooses. The temporary files hold evidence in clear, so they
// live in the app's own folder, are deleted on discard and whenever the vault locks, and
// whatever a crash left behind is deleted at the next start.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { dropPartialDirIfEmpty, partialPathFor, PRIVATE_FILE_MODE } from '../partial-files';
import type { Handlers } from '../ipc/dispatch';
import type { PackageChannel } from '../../shared/contracts/package-names';
import type { PackageBoundChannel } from '../ipc/bindings';
import type { PlatformHooks } from './platform';
import type { EvidenceByteSource } from '../evidence-protocol';
import { featureClient, type VaultHost } from '../vault/host';
import { acceptChunk, type ChunkState } from '../vault/upload-chunks';
import { BadInputError, VaultLockedError, XieshangError } from '../../shared/errors';

/** The largest package accepted back from the renderer. */
export const MAX_PACKAGE_BYTES = 8 * 1024 ** 3;
/** Uploads open at once (a build and a verification, with room for a retry). */
const MAX_OPEN = 6;
const PDF_MAGIC = Buffer.from('%PDF-');

interface Upload {
  id: string;
  purpose: 'build' | 'verify';
  file: string;
  fh: fsp.FileHandle | null;
  /** Where the chunk protocol stands (main/vault/upload-chunks.ts, the same as the vault's uploads). */
  chunks: ChunkState;
  finished: { recordId: string; fileName: string; bytes: number } | null;
  /** A chunk being written: the next call waits for it (calls can overlap across IPC). */
  busy: Promise<unknown>;
}

export interface PackageServiceOptions {
  host: VaultHost;
  platform: PlatformHooks;
  /** The app's data folder; temporary packages go to <dataDir>/.package-work. */
  dataDir: string;
}

/** The package channels main handles itself: the built PDF is a file in main, signed, saved where the user chooses. */
export type PackageMainChannel = Exclude<PackageChannel, PackageBoundChannel>;

export interface PackageService {
  handlers: Pick<Handlers, PackageMainChannel>;
  /** Preview bytes of finished packages for the protocol handler. */
  bytes: EvidenceByteSource;
  /** Deletes every temporary package (the vault locked, or the app quits). */
  clear(): Promise<void>;
}

function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  const base = cleaned === '' ? '申请材料' : cleaned;
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) h.update(c as Buffer);
  return h.digest('hex');
}

export function createPackageService(opts: PackageServiceOptions): PackageService {
  const { host, platform } = opts;
  const pkg = featureClient(host, 'package');
  const workDir = path.join(opts.dataDir, '.package-work');
  // A crash may have left previews behind: they are evidence in clear, delete them now.
  fs.rmSync(workDir, { recursive: true, force: true });
  const uploads = new Map<string, Upload>();

  const assertUnlocked = () => {
    if (!host.unlocked()) throw new VaultLockedError();
  };
  const uploadOf = (id: string): Upload => {
    const u = uploads.get(id);
    if (!u) throw new BadInputError('这份文件已不在（可能已被丢弃，或证据箱已锁定），请重新生成');
    return u;
  };
  const closeFile = async (u: Upload, sync: boolean) => {
    if (!u.fh) return;
    const fh = u.fh;
    u.fh = null;
    if (sync) await fh.sync();
    await fh.close();
  };
  const drop = async (u: Upload) => {
    uploads.delete(u.id);
    await closeFile(u, false).catch(() => undefined);
    await fsp.rm(u.file, { force: true });
  };
  /** Closes a complete upload and checks it is a PDF at all. */
  const sealed = async (u: Upload) => {
    await u.busy;
    await closeFile(u, true);
    const fh = await fsp.open(u.file, 'r');
    try {
      const head = Buffer.alloc(5);
      await fh.read(head, 0, 5, 0);
      if (!head.equals(PDF_MAGIC)) throw new BadInputError('这不是 PDF 文件');
    } finally {
      await fh.close();
    }
  };

  const handlers: Pick<Handlers, PackageMainChannel> = {
    'package:uploadBegin': async ({ purpose }) => {
      assertUnlocked();
      if (uploads.size >= MAX_OPEN) {
        // The oldest unfinished upload is a build someone walked away from.
        const stale = [...uploads.values()].find((u) => !u.finished);
        if (stale) await drop(stale);
        else throw new BadInputError('打开的文件太多，请先丢弃不需要的预览');
      }
      await fsp.mkdir(workDir, { recursive: true, mode: 0o700 });
      const id = randomBytes(16).toString('hex');
      const file = path.join(workDir, `${id}.pdf`);
      const fh = await fsp.open(file, 'wx', 0o600);
      uploads.set(id, { id, purpose, file, fh, chunks: { nextSeq: 0, received: 0 }, finished: null, busy: Promise.resolve() });
      return { uploadId: id };
    },
    'package:uploadChunk': async ({ uploadId, seq, data }) => {
      const u = uploadOf(uploadId);
      if (u.finished || !u.fh) throw new BadInputError('这份文件已完成，不能再写入');
      const write = u.busy.then(async () => {
        const bytes = acceptChunk(u.chunks, seq, data, { max: MAX_PACKAGE_BYTES, label: '8 GB' });
        let off = 0;
        while (off < bytes.length) off += (await u.fh!.write(bytes, off, bytes.length - off)).bytesWritten;
        return u.chunks.received;
      });
      u.busy = write.catch(() => undefined);
      return { received: await write };
    },
    'package:finish': async (args) => {
      assertUnlocked();
      const u = uploadOf(args.uploadId);
      if (u.purpose !== 'build' || u.finished) throw new BadInputError('这份文件不是待完成的申请材料');
      try {
        await sealed(u);
        // Signing writes the signature into the reserved placeholder; a PDF without one is refused there.
        const sha256 = args.sign ? (await pkg.sign(u.file, args.signer)).sha256 : await sha256File(u.file);
        const { size } = await fsp.stat(u.file);
        const fileName = safeFileName(args.fileName);
        const recordId = await pkg.record({
          template: args.template,
          addressee: args.addressee,
          fileName,
          sha256,
          bytes: size,
          pages: args.pages,
          signed: args.sign,
          exhibits: args.exhibits,
        });
        u.finished = { recordId, fileName, bytes: size };
        return { id: recordId, uploadId: u.id, bytes: size, sha256, signed: args.sign, pages: args.pages };
      } catch (err) {
        await drop(u);
        throw err;
      }
    },
    'package:save': async ({ uploadId }) => {
      const u = uploadOf(uploadId);
      if (!u.finished) throw new BadInputError('申请材料还没有生成完成');
      const out = await platform.chooseSavePath(u.finished.fileName, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (out === null) return { cancelled: true as const };
      // Copy next to the target and rename: the chosen file is never half-written.
      let temp = '';
      try {
        temp = partialPathFor(out);
        await fsp.copyFile(u.file, temp);
        await fsp.chmod(temp, PRIVATE_FILE_MODE);
        const fh = await fsp.open(temp, 'r+');
        await fh.sync();
        await fh.close();
        await fsp.rename(temp, out);
        dropPartialDirIfEmpty(out);
      } catch (err) {
        if (temp) await fsp.rm(temp, { force: true }).catch(() => undefined);
        dropPartialDirIfEmpty(out);
        const code = (err as NodeJS.ErrnoException).code;
        throw new XieshangError('IO_ERROR', { detail: `${code ?? 'IO'} ${out}` });
      }
      await pkg.setFileName(u.finished.recordId, path.basename(out)).catch(() => undefined);
      return { cancelled: false as const, out, bytes: u.finished.bytes };
    },
    'package:discard': async ({ uploadId }) => {
      const u = uploads.get(uploadId);
      if (u) await drop(u);
      return { ok: true as const };
    },
    'package:verify': async ({ uploadId }) => {
      const u = uploadOf(uploadId);
      try {
        if (!u.finished) await sealed(u);
        let report;
        try {
          report = await pkg.verify(u.file);
        } catch (err) {
          if (err instanceof XieshangError) throw err;
          throw new BadInputError(`不是可以核验的 PDF 文件：${err instanceof Error ? err.message.slice(0, 120) : String(err)}`);
        }
        const titles = new Map((report.manifest?.exhibits ?? []).map((e) => [e.n, e.title]));
        return {
          ok: report.ok,
          signatureValid: report.signatureValid,
          signer: report.signer,
          exhibits: report.exhibits.map((e) => ({ n: e.n, sha256: e.sha256, ok: e.ok, ...(titles.has(e.n) ? { title: titles.get(e.n)! } : {}) })),
          problems: report.problems,
          title: report.manifest ? `${report.manifest.title} — ${report.manifest.creditor}` : null,
          createdAt: report.manifest?.createdAt ?? null,
        };
      } finally {
        // A file brought only to be checked is not kept.
        if (u.purpose === 'verify') await drop(u);
      }
    },
  };

  const finishedUpload = (kind: string, id: string) => {
    if (kind !== 'package') return null;
    const u = uploads.get(id);
    return u?.finished ? u : null;
  };
  const bytes: EvidenceByteSource = {
    async info(kind, id) {
      const u = finishedUpload(kind, id);
      return u ? { size: u.finished!.bytes, contentType: 'application/pdf', name: u.finished!.fileName } : null;
    },
    async range(kind, id, start, end) {
      const u = finishedUpload(kind, id);
      if (!u) return new Uint8Array(0);
      const fh = await fsp.open(u.file, 'r');
      try {
        const buf = Buffer.alloc(end - start + 1);
        const { bytesRead } = await fh.read(buf, 0, buf.length, start);
        return new Uint8Array(buf.buffer, buf.byteOffset, bytesRead);
      } finally {
        await fh.close();
      }
    },
  };

  return {
    handlers,
    bytes,
    async clear() {
      await Promise.all([...uploads.values()].map((u) => drop(u).catch(() => undefined)));
      await fsp.rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
