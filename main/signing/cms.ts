// A small CMS (PKCS#7) SignedData builder for detached PDF signatures (adbe.pkcs7.detached):
// SHA-256, RSA PKCS#1 v1.5, signed attributes contentType / signingTime / messageDigest, the
// certificate included. The signer's issuer and serial are copied from the certificate's
// own DER, so a Chinese name can never be re-encoded differently (the node-forge double
// encoding). It takes the digest, not the data, so a large file is hashed in a stream.
// Plus the reverse: parsing a SignedData for verification.
import { createPublicKey, sign as rsaSign, verify as rsaVerify, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha1: '1.3.14.3.2.26',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
};

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const oid = (o: string) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const seq = (v: Asn1[]) => asn1.create(U, T.SEQUENCE, true, v);
const set = (v: Asn1[]) => asn1.create(U, T.SET, true, v);
const der = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const bin = (b: Uint8Array) => Buffer.from(b).toString('binary');

/** The certificate's tbs fields we need, as parsed ASN.1 nodes (re-encoded byte for byte). */
function certParts(certDer: Uint8Array): { cert: Asn1; serial: Asn1; issuer: Asn1; subject: Asn1; spki: Asn1 } {
  const cert = asn1.fromDer(bin(certDer));
  const tbs = (cert.value as Asn1[])[0]!;
  const fields = tbs.value as Asn1[];
  const i = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { cert, serial: fields[i]!, issuer: fields[i + 2]!, subject: fields[i + 4]!, spki: fields[i + 5]! };
}

function sortedSet(items: Asn1[]): Asn1 {
  // DER: the elements of a SET OF in ascending order of their encodings.
  const enc = items.map((it) => ({ it, d: der(it) }));
  enc.sort((a, b) => Buffer.compare(a.d, b.d));
  return set(enc.map((e) => e.it));
}

export interface SignedDataInput {
  /** SHA-256 of the signed bytes. */
  digest: Uint8Array;
  certDer: Uint8Array;
  keyPem: string;
  signingTime?: Date;
}

export function buildSignedData({ digest, certDer, keyPem, signingTime = new Date() }: SignedDataInput): Buffer {
  const { cert, serial, issuer } = certParts(certDer);
  const attrs = [
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.signingTime), set([asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(signingTime))])]),
    seq([oid(OID.messageDigest), set([asn1.create(U, T.OCTETSTRING, false, bin(digest))])]),
  ];
  const attrSet = sortedSet(attrs);
  const signature = rsaSign('sha256', der(attrSet), keyPem);
  const signedAttrs = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrSet.value as Asn1[]);
  const algSha256 = seq([oid(OID.sha256), asn1.create(U, T.NULL, false, '')]);
  const signerInfo = seq([
    asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    seq([issuer, serial]),
    algSha256,
    signedAttrs,
    seq([oid(OID.rsaEncryption), asn1.create(U, T.NULL, false, '')]),
    asn1.create(U, T.OCTETSTRING, false, signature.toString('binary')),
  ]);
  const signedData = seq([
    asn1.create(U, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    set([algSha256]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [cert]),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}

/** A name's CN (UTF8String, BMPString, PrintableString …) decoded. */
export function commonName(name: Asn1): string | null {
  for (const rdn of name.value as Asn1[]) {
    for (const atv of rdn.value as Asn1[]) {
      const [type, value] = atv.value as Asn1[];
      if (!type || !value || asn1.derToOid(type.value as string) !== OID.commonName) continue;
      const raw = value.value as string;
      if (value.type === T.UTF8) return forge.util.decodeUtf8(raw);
      if (value.type === T.BMPSTRING) {
        let s = '';
        for (let i = 0; i + 1 < raw.length; i += 2) s += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
        return s;
      }
      return raw;
    }
  }
  return null;
}

export interface ParsedSignature {
  digestAlgorithm: 'sha1' | 'sha256' | 'sha384' | 'sha512';
  /** DER of the signed attributes re-tagged as SET (what was signed), if any. */
  signedAttrs: Buffer | null;
  messageDigest: Buffer | null;
  signature: Buffer;
  certDer: Buffer;
  publicKey: KeyObject;
  signer: string | null;
  /** The signer info names the included certificate (issuer and serial match). */
  certMatches: boolean;
}

const DIGESTS: Record<string, ParsedSignature['digestAlgorithm']> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/** The length of the DER element at the start of `b` (header + content). */
export function derLength(b: Uint8Array): number {
  if (b.length < 2) throw new Error('DER 数据太短');
  const first = b[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || b.length < 2 + n) throw new Error('DER 长度无效');
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i]!;
  return 2 + n + len;
}

/** Parses a detached SignedData (trailing zero padding from /Contents is ignored). */
export function parseSignedData(bytes: Uint8Array): ParsedSignature {
  const len = derLength(bytes);
  if (len > bytes.length) throw new Error('签名数据被截断');
  const ci = asn1.fromDer(bin(bytes.subarray(0, len)));
  const [type, content] = ci.value as Asn1[];
  if (!type || asn1.derToOid(type.value as string) !== OID.signedData || !content) throw new Error('不是 PKCS#7 SignedData');
  const sd = (content.value as Asn1[])[0]!;
  const parts = sd.value as Asn1[];
  const certsNode = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const signerInfos = parts[parts.length - 1]!;
  const si = (signerInfos.value as Asn1[])[0];
  if (!certsNode || !si) throw new Error('签名中没有证书或签名者信息');
  const siParts = si.value as Asn1[];
  const sid = siParts[1]!;
  const digestOid = asn1.derToOid((siParts[2]!.value as Asn1[])[0]!.value as string);
  const digestAlgorithm = DIGESTS[digestOid];
  if (!digestAlgorithm) throw new Error(`不支持的摘要算法 ${digestOid}`);
  let k = 3;
  let signedAttrs: Buffer | null = null;
  let messageDigest: Buffer | null = null;
  if (siParts[k]!.tagClass === asn1.Class.CONTEXT_SPECIFIC && siParts[k]!.type === 0) {
    const attrs = siParts[k]!.value as Asn1[];
    signedAttrs = der(set(attrs));
    for (const a of attrs) {
      const [t, vals] = a.value as Asn1[];
      if (t && asn1.derToOid(t.value as string) === OID.messageDigest) {
        messageDigest = Buffer.from((vals!.value as Asn1[])[0]!.value as string, 'binary');
      }
    }
    k++;
  }
  const signature = Buffer.from(siParts[k + 1]!.value as string, 'binary');
  // Pick the certificate the signer info names.
  const [sidIssuer, sidSerial] = sid.value as Asn1[];
  const certs = certsNode.value as Asn1[];
  let chosen = certs[0]!;
  let certMatches = false;
  for (const c of certs) {
    const cd = der(c);
    const p = certParts(cd);
    if (sidIssuer && sidSerial && der(p.issuer).equals(der(sidIssuer)) && der(p.serial).equals(der(sidSerial))) {
      chosen = c;
      certMatches = true;
      break;
    }
  }
  const certDer = der(chosen);
  const p = certParts(certDer);
  const publicKey = createPublicKey({ key: der(p.spki), format: 'der', type: 'spki' });
  return { digestAlgorithm, signedAttrs, messageDigest, signature, certDer, publicKey, signer: commonName(p.subject), certMatches };
}

/** RSA / ECDSA check of the signed attributes. */
export function verifySignedAttrs(p: ParsedSignature): boolean {
  if (!p.signedAttrs) return false;
  try {
    return rsaVerify(p.digestAlgorithm, p.signedAttrs, p.publicKey, p.signature);
  } catch {
    return false;
  }
}
