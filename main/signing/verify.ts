// `package verify`: checks a package file without trusting anything in it.
//  1. The signature: the signature field's /ByteRange must cover the whole file except
//     exactly its own /Contents hex string; the PKCS#7 inside must name the certificate it
//     carries, its messageDigest must equal the SHA-256 of the covered bytes, and its
//     signature must verify with that certificate's key. The signer is the certificate's
//     CN. (A self-signed certificate is not "trusted": that is expected and not checked.)
//  2. Every exhibit in the embedded manifest: its original is found byte for byte — an
//     attached file, the JPEG stream itself, or a PNG rebuilt from its IDAT stream and the
//     skeleton (see shared/pdf/manifest.ts) — and hashed; it must equal the manifest's
//     SHA-256. The manifest is itself covered by the signature.
// Reads the file in chunks: memory stays small for a package of any size.
import { createHash, createVerify } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, PDFHexString, PDFString, type PDFObject } from '@cantoo/pdf-lib';
import { rebuildPng } from '../../shared/pdf/png';
import { MANIFEST_NAME, isManifest, type PackageManifest } from '../../shared/pdf/manifest';
import { parseSignedData, verifySignedAttrs } from './cms';
import { openPdf, streamData, textOf, type PdfReader } from './pdf-reader';

export interface ExhibitCheck {
  n: number;
  sha256: string;
  ok: boolean;
}

export interface VerifyReport {
  ok: boolean;
  signatureValid: boolean;
  signer: string | null;
  exhibits: ExhibitCheck[];
  /** Human-readable reasons for every failure (Chinese). Not part of the --json document. */
  problems: string[];
  manifest: PackageManifest | null;
}

async function collect(it: AsyncIterable<Uint8Array>, limit = 64 * 1024 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of it) {
    parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    n += c.length;
    if (n > limit) throw new Error('数据过大');
  }
  return Buffer.concat(parts);
}

async function sha256Of(it: AsyncIterable<Uint8Array>): Promise<string> {
  const h = createHash('sha256');
  for await (const c of it) h.update(c);
  return h.digest('hex');
}

async function dictOf(r: PdfReader, o: PDFObject | undefined): Promise<PDFDict | undefined> {
  const v = await r.resolve(o);
  return v instanceof PDFDict ? v : undefined;
}

/** Signature dictionaries of the AcroForm's signature fields (with kids). */
async function signatureDicts(r: PdfReader): Promise<{ sig: PDFDict; ref: PDFRef | undefined }[]> {
  const root = await dictOf(r, r.trailer.get(PDFName.of('Root')));
  const form = await dictOf(r, root?.get(PDFName.of('AcroForm')));
  const fields = await r.resolve(form?.get(PDFName.of('Fields')));
  const out: { sig: PDFDict; ref: PDFRef | undefined }[] = [];
  const visit = async (o: PDFObject | undefined, depth: number): Promise<void> => {
    if (depth > 8) return;
    const f = await dictOf(r, o);
    if (!f) return;
    const v = f.get(PDFName.of('V'));
    const ft = await r.resolve(f.get(PDFName.of('FT')));
    const sig = await dictOf(r, v);
    if (sig && (ft === PDFName.of('Sig') || sig.get(PDFName.of('ByteRange')))) out.push({ sig, ref: v instanceof PDFRef ? v : undefined });
    const kids = await r.resolve(f.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) await visit(k, depth + 1);
  };
  if (fields instanceof PDFArray) for (const f of fields.asArray()) await visit(f, 0);
  return out;
}

async function checkSignature(r: PdfReader, problems: string[]): Promise<{ valid: boolean; signer: string | null }> {
  const sigs = await signatureDicts(r);
  if (sigs.length === 0) {
    problems.push('文件没有数字签名');
    return { valid: false, signer: null };
  }
  // The signature that covers the end of the file (the last one applied).
  let best: { sig: PDFDict; br: number[] } | undefined;
  for (const { sig } of sigs) {
    const brObj = await r.resolve(sig.get(PDFName.of('ByteRange')));
    if (!(brObj instanceof PDFArray)) continue;
    const br = brObj.asArray().map((o) => (o instanceof PDFNumber ? o.asNumber() : NaN));
    if (br.length === 4 && br.every(Number.isFinite) && (!best || br[2]! + br[3]! > best.br[2]! + best.br[3]!)) best = { sig, br };
  }
  if (!best) {
    problems.push('签名还没有完成（签名范围仍是占位符）');
    return { valid: false, signer: null };
  }
  const [a0, a1, b0, b1] = best.br as [number, number, number, number];
  let structureOk = true;
  if (a0 !== 0 || a1 <= 0 || b0 <= a1 || b0 + b1 !== r.size) {
    structureOk = false;
    problems.push(b0 + b1 < r.size ? '签名之后文件又被追加修改（签名未覆盖整个文件）' : '签名范围与文件不符');
  }
  // The gap must be exactly this signature's <hex> /Contents.
  const contents = sig2hex(best.sig);
  let gap: Buffer | undefined;
  try {
    gap = await collect(r.range(a1, b0), 1024 * 1024);
  } catch {
    structureOk = false;
  }
  if (!gap || gap.length !== b0 - a1 || gap[0] !== 0x3c || gap[gap.length - 1] !== 0x3e || !/^[0-9a-fA-F]*$/.test(gap.subarray(1, -1).toString('latin1'))) {
    structureOk = false;
    problems.push('签名范围的空隙不是签名内容本身');
  }
  const gapDer = structureOk && gap ? Buffer.from(gap.subarray(1, -1).toString('latin1'), 'hex') : undefined;
  if (gapDer && contents && !gapDer.equals(contents)) {
    structureOk = false;
    problems.push('签名范围的空隙不是这个签名的内容');
  }
  const der = gapDer ?? contents;
  if (!der || der.length === 0) {
    problems.push('签名内容为空');
    return { valid: false, signer: null };
  }
  let parsed;
  try {
    parsed = parseSignedData(der);
  } catch (err) {
    problems.push(`签名数据无法解析：${err instanceof Error ? err.message : String(err)}`);
    return { valid: false, signer: null };
  }
  const signer = parsed.signer;
  if (!parsed.certMatches) {
    problems.push('签名者信息与所附证书不符');
    structureOk = false;
  }
  let valid: boolean;
  if (parsed.signedAttrs) {
    const h = createHash(parsed.digestAlgorithm);
    for await (const c of r.range(0, a1)) h.update(c);
    for await (const c of r.range(b0, Math.min(r.size, b0 + b1))) h.update(c);
    const digest = h.digest();
    const digestOk = parsed.messageDigest !== null && parsed.messageDigest.equals(digest);
    if (!digestOk) problems.push('文件内容与签名时不一致（摘要不符：文件已被改动）');
    const sigOk = verifySignedAttrs(parsed);
    if (!sigOk) problems.push('签名值无法用证书验证');
    valid = digestOk && sigOk;
  } else {
    const v = createVerify(parsed.digestAlgorithm.toUpperCase());
    for await (const c of r.range(0, a1)) v.update(c);
    for await (const c of r.range(b0, Math.min(r.size, b0 + b1))) v.update(c);
    valid = v.verify(parsed.publicKey, parsed.signature);
    if (!valid) problems.push('签名值无法用证书验证（文件已被改动）');
  }
  return { valid: valid && structureOk, signer };
}

function sig2hex(sig: PDFDict): Buffer | undefined {
  const c = sig.get(PDFName.of('Contents'));
  if (c instanceof PDFHexString) return Buffer.from(c.asBytes());
  if (c instanceof PDFString) return Buffer.from(c.asBytes());
  return undefined;
}

/** EmbeddedFiles name tree → key → file stream ref. */
async function embeddedFiles(r: PdfReader): Promise<Map<string, PDFRef>> {
  const out = new Map<string, PDFRef>();
  const root = await dictOf(r, r.trailer.get(PDFName.of('Root')));
  const names = await dictOf(r, root?.get(PDFName.of('Names')));
  const tree = await dictOf(r, names?.get(PDFName.of('EmbeddedFiles')));
  const visit = async (node: PDFDict | undefined, depth: number): Promise<void> => {
    if (!node || depth > 16) return;
    const arr = await r.resolve(node.get(PDFName.of('Names')));
    if (arr instanceof PDFArray) {
      for (let i = 0; i + 1 < arr.size(); i += 2) {
        const key = textOf(await r.resolve(arr.get(i)));
        const spec = await dictOf(r, arr.get(i + 1));
        const ef = await dictOf(r, spec?.get(PDFName.of('EF')));
        const f = ef?.get(PDFName.of('F')) ?? ef?.get(PDFName.of('UF'));
        if (key !== undefined && f instanceof PDFRef) out.set(key, f);
      }
    }
    const kids = await r.resolve(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) await visit(await dictOf(r, k), depth + 1);
  };
  await visit(tree, 0);
  return out;
}

export async function verifyPackage(file: string): Promise<VerifyReport> {
  const problems: string[] = [];
  const r = await openPdf(file);
  try {
    const { valid, signer } = await checkSignature(r, problems).catch((err: unknown) => {
      problems.push(`签名检查失败：${err instanceof Error ? err.message : String(err)}`);
      return { valid: false, signer: null };
    });
    const files = await embeddedFiles(r).catch(() => new Map<string, PDFRef>());
    let manifest: PackageManifest | null = null;
    const mref = files.get(MANIFEST_NAME);
    if (!mref) {
      problems.push('文件中没有证据清单（manifest），无法核对证据原件');
    } else {
      try {
        const json: unknown = JSON.parse((await collect(streamData(r, mref))).toString('utf8'));
        if (isManifest(json)) manifest = json;
        else problems.push('证据清单格式不对');
      } catch {
        problems.push('证据清单无法读取');
      }
    }
    const exhibits: ExhibitCheck[] = [];
    for (const e of manifest?.exhibits ?? []) {
      let actual: string | undefined;
      try {
        if (e.storage === 'attachment') {
          const ref = e.attachment ? files.get(e.attachment) : undefined;
          if (!ref) throw new Error('附件缺失');
          actual = await sha256Of(streamData(r, ref));
        } else if (e.storage === 'jpeg' && e.object) {
          actual = await sha256Of(streamData(r, PDFRef.of(e.object), false));
        } else if (e.storage === 'png' && e.object && e.png) {
          const idat = await collect(streamData(r, PDFRef.of(e.object), false), 512 * 1024 * 1024);
          actual = createHash('sha256').update(rebuildPng(e.png, idat)).digest('hex');
        } else if (e.storage === 'listed') {
          // Listed by name and SHA-256, kept by the applicant: nothing in this file to check.
          actual = e.sha256;
        } else {
          throw new Error('清单中没有原件的位置');
        }
      } catch (err) {
        problems.push(`证据 ${e.n}（${e.title}）：${err instanceof Error ? err.message : String(err)}`);
      }
      const ok = actual === e.sha256;
      if (actual !== undefined && !ok) problems.push(`证据 ${e.n}（${e.title}）的原件与清单记录的 SHA-256 不一致`);
      exhibits.push({ n: e.n, sha256: e.sha256, ok });
    }
    const ok = valid && manifest !== null && exhibits.every((x) => x.ok);
    return { ok, signatureValid: valid, signer, exhibits, problems, manifest };
  } finally {
    await r.close();
  }
}
