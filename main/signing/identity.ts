// The per-vault signing identity: an RSA-2048 key and a self-signed X.509 certificate whose
// subject CN is the applicant's name in Chinese, encoded once as a UTF8String. (node-forge
// keeps a parsed UTF8String as raw UTF-8 bytes and encodes them again when it re-serialises
// a name: signers that rebuild the issuer from a parsed certificate — @signpdf's P12 signer
// among them — write a double-encoded name that no longer matches the certificate. Here the
// certificate is built from the JS string, and cms.ts copies the issuer's DER verbatim.)
// Plain Node, no electron: keys never leave the main process; the lead stores keyPem in
// the vault.
import { createHash, generateKeyPair, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { BadInputError } from '../../shared/errors';

export interface SigningIdentity {
  certPem: string;
  /** PKCS#1 RSA private key, PEM. Secret: store it in the vault, never log it. */
  keyPem: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by colons. */
  fingerprint: string;
}

export interface IdentityOptions {
  /** Validity start (default now − 1 day, for clock skew). */
  notBefore?: Date;
  /** Years of validity (default 20). */
  years?: number;
}

export function certFingerprint(certDer: Uint8Array): string {
  return (createHash('sha256').update(certDer).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
}

export function pemToDer(pem: string): Buffer {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new BadInputError('不是 PEM 格式的证书');
  return Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
}

function checkedName(name: string): string {
  const cn = name.trim();
  if (cn === '') throw new BadInputError('签名证书需要申请人姓名');
  if (cn.length > 64) throw new BadInputError('姓名太长，无法写入证书（最多 64 个字符）');
  return cn;
}

export function createSigningIdentity(name: string, opts: IdentityOptions = {}): SigningIdentity {
  const cn = checkedName(name);
  return certify(cn, generateKeyPairSync('rsa', { modulusLength: 2048 }), opts);
}

/**
 * The same, with the key made on the libuv thread pool (~0.2 s of RSA prime search) while
 * this thread does other work: `xieshang demo` makes its identity while it writes the files.
 */
export async function createSigningIdentityAsync(name: string, opts: IdentityOptions = {}): Promise<SigningIdentity> {
  const cn = checkedName(name);
  const keys = await new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) => (err ? reject(err) : resolve({ publicKey, privateKey }))),
  );
  return certify(cn, keys, opts);
}

function certify(cn: string, { publicKey, privateKey }: { publicKey: KeyObject; privateKey: KeyObject }, opts: IdentityOptions): SigningIdentity {
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const pubPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pubPem);
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f; // positive INTEGER
  cert.serialNumber = serial.toString('hex');
  const notBefore = opts.notBefore ?? new Date(Date.now() - 86_400_000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + (opts.years ?? 20));
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  // valueTagClass UTF8 makes forge encode the JS string as UTF-8 exactly once.
  const attrs = [
    { name: 'commonName', value: cn, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'OU', value: 'Xieshang self-signed', valueTagClass: forge.asn1.Type.UTF8 },
  ] as unknown as forge.pki.CertificateField[];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certPem = forge.pki.certificateToPem(cert);
  return { certPem, keyPem, fingerprint: certFingerprint(pemToDer(certPem)) };
}
