// Signing a package with the vault's identity (main process only; the key never leaves it).
// - sign(pdfBytes, identity): in memory, through @signpdf/signpdf with our CMS signer. A
//   package from shared/pdf already carries the placeholder (same conventions as
//   @signpdf/placeholder-pdf-lib); any other PDF gets one through @signpdf/placeholder-pdf-lib
//   on upstream pdf-lib (1.17.1, installed as that package's peer): the bytes are reloaded
//   with upstream pdf-lib just to add it — the "reload" workaround of probes.md, needed
//   because placeholder-pdf-lib builds upstream pdf-lib objects that the cantoo fork's
//   context does not accept.
// - signFile(path, identity): the same signature written in place into a file, hashing it
//   in chunks: memory stays flat however large the package (signpdf concatenates the whole
//   file several times, ~4× its size).
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import signpdf from '@signpdf/signpdf';
import { Signer, DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ADOBE_PKCS7_DETACHED, findByteRange } from '@signpdf/utils';
import { XieshangError, BadInputError } from '../../shared/errors';
import { buildSignedData } from './cms';
import { pemToDer, type SigningIdentity } from './identity';

export class SigningError extends BadInputError {
  constructor(detail: string) {
    super(`签名失败：${detail}`);
    this.name = 'SigningError';
  }
}

/** The @signpdf Signer that produces our CMS (correct UTF-8 subject, SHA-256). */
export class CmsSigner extends Signer {
  constructor(
    private readonly identity: SigningIdentity,
    private readonly time?: Date,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const digest = createHash('sha256').update(pdfBuffer).digest();
    return buildSignedData({
      digest,
      certDer: pemToDer(this.identity.certPem),
      keyPem: this.identity.keyPem,
      signingTime: signingTime ?? this.time ?? new Date(),
    });
  }
}

async function addPlaceholder(pdf: Buffer, name: string): Promise<Buffer> {
  // Upstream pdf-lib only here, for PDFs not made by our builder.
  const { PDFDocument } = await import('pdf-lib');
  const { pdflibAddPlaceholder } = await import('@signpdf/placeholder-pdf-lib');
  const doc = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: doc as never,
    reason: '申请人确认内容真实并签名',
    contactInfo: '',
    name,
    location: '',
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** Signs PDF bytes in memory; returns the signed file. */
export async function sign(pdfBytes: Uint8Array, identity: SigningIdentity, opts: { signingTime?: Date } = {}): Promise<Buffer> {
  let pdf = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength);
  try {
    // The /Name of a foreign placeholder is Latin-1 (placeholder-pdf-lib): the signer's
    // real name is in the certificate.
    if (!findByteRange(pdf).byteRangePlaceholder) pdf = await addPlaceholder(pdf, 'Xieshang signer');
    return await signpdf.sign(pdf, new CmsSigner(identity, opts.signingTime), opts.signingTime);
  } catch (err) {
    if (err instanceof XieshangError) throw err;
    throw new SigningError(err instanceof Error ? err.message : String(err));
  }
}

const KEY = Buffer.from('/ByteRange', 'latin1');
const STAR = DEFAULT_BYTE_RANGE_PLACEHOLDER.replace(/\*/g, '\\*');
const PLACEHOLDER_RE = new RegExp(`^/ByteRange\\s*\\[\\s*0\\s+/${STAR}\\s+/${STAR}\\s+/${STAR}\\s*\\]`);
const CHUNK = 4 * 1024 * 1024;

async function readAt(fh: fs.FileHandle, pos: number, len: number): Promise<Buffer> {
  const b = Buffer.alloc(len);
  const { bytesRead } = await fh.read(b, 0, len, pos);
  return b.subarray(0, bytesRead);
}

/** Finds the last signature placeholder, scanning backwards (it is written near the end). */
async function findPlaceholder(fh: fs.FileHandle, size: number): Promise<number> {
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - CHUNK);
    const b = await readAt(fh, start, end - start + 128);
    let i = b.lastIndexOf(KEY, end - start);
    while (i >= 0) {
      if (PLACEHOLDER_RE.test(b.subarray(i, i + 128).toString('latin1'))) return start + i;
      i = i > 0 ? b.lastIndexOf(KEY, i - 1) : -1;
    }
    if (start === 0) break;
    end = start + KEY.length;
  }
  return -1;
}

/** Hashes [start, end) of the file in chunks. */
export async function hashRange(fh: fs.FileHandle, hash: ReturnType<typeof createHash>, start: number, end: number): Promise<void> {
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(1, end - start)));
  let pos = start;
  while (pos < end) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos), pos);
    if (bytesRead === 0) throw new SigningError('文件读取不完整');
    hash.update(buf.subarray(0, bytesRead));
    pos += bytesRead;
  }
}

/**
 * Signs a package file in place (it must carry a placeholder, as every package built with
 * signing.reserve does). Memory: a few MB whatever the file size.
 */
export async function signFile(
  file: string,
  identity: SigningIdentity,
  opts: { signingTime?: Date } = {},
): Promise<{ bytes: number; byteRange: [number, number, number, number]; sha256: string }> {
  const fh = await fs.open(file, 'r+');
  try {
    const { size } = await fh.stat();
    const at = await findPlaceholder(fh, size);
    if (at < 0) throw new SigningError('文件中没有签名占位（生成时需要 signing.reserve）');
    const head = await readAt(fh, at, 140 * 1024);
    const close = head.indexOf(']');
    const contentsTag = head.indexOf('/Contents ', close);
    const lt = head.indexOf('<', contentsTag);
    const gt = head.indexOf('>', lt);
    if (close < 0 || contentsTag < 0 || lt < 0 || gt < 0) throw new SigningError('签名占位格式不对');
    const placeholderLen = close + 1;
    const a = at + lt;
    const b = at + gt + 1;
    const byteRange: [number, number, number, number] = [0, a, b, size - b];
    let text = `/ByteRange [${byteRange.join(' ')}]`;
    if (text.length > placeholderLen) throw new SigningError('文件太大，签名范围写不下');
    text += ' '.repeat(placeholderLen - text.length);
    await fh.write(Buffer.from(text, 'latin1'), 0, placeholderLen, at);
    // One pass over the bulk: the signed digest and the final file's SHA-256 share the
    // part before the signature (the part after it is small: the signature dictionary is
    // written near the end, and is read twice).
    const hash = createHash('sha256');
    await hashRange(fh, hash, 0, a);
    const whole = hash.copy();
    await hashRange(fh, hash, b, size);
    const cms = buildSignedData({
      digest: hash.digest(),
      certDer: pemToDer(identity.certPem),
      keyPem: identity.keyPem,
      signingTime: opts.signingTime ?? new Date(),
    });
    const room = b - a - 2;
    const hex = cms.toString('hex');
    if (hex.length > room) throw new SigningError(`签名超出预留空间：${hex.length} > ${room}`);
    const gap = Buffer.from(`<${hex}${'0'.repeat(room - hex.length)}>`, 'latin1');
    await fh.write(gap, 1, room, a + 1);
    await fh.sync();
    whole.update(gap);
    await hashRange(fh, whole, b, size);
    return { bytes: size, byteRange, sha256: whole.digest('hex') };
  } finally {
    await fh.close();
  }
}
