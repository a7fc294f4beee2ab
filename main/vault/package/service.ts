// Builds an application package from the vault and records it. The signing identity
// (a self-signed certificate whose subject is the applicant's name) lives inside the
// encrypted vault; its private key is read only here, in the main process.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import { createSigningIdentity, type SigningIdentity } from '../../signing';
import { buildPackageToFile, readDefaultFont, type BuildFileResult } from '../../package/build-to-file';
import { validatePackageModel } from '../../../shared/pdf/model';
import type { BuildProgress } from '../../../shared/pdf/build';
import { packageModelFromVault, type PackageRequest } from './model-from-vault';
import type { PackageRecord } from '../../../shared/contracts/package';

interface IdentityRow {
  subject: string;
  cert_pem: string;
  key_pem: string;
  fingerprint: string;
}

/** The vault's signing identity for this name; made (and recorded) on first use or when the name changes. */
export function signingIdentity(vault: Vault, subject: string): SigningIdentity {
  const row = vault.handle.prepare('SELECT subject, cert_pem, key_pem, fingerprint FROM signing_identity WHERE id = 1').get() as IdentityRow | undefined;
  if (row && row.subject === subject) return { certPem: row.cert_pem, keyPem: row.key_pem, fingerprint: row.fingerprint };
  const identity = createSigningIdentity(subject);
  storeSigningIdentity(vault, subject, identity);
  return identity;
}

/** Records an identity made for this name (replacing any other), with its audit row. */
export function storeSigningIdentity(vault: Vault, subject: string, identity: SigningIdentity): void {
  vault.change((db, audit) => {
    const row = db.prepare('SELECT fingerprint FROM signing_identity WHERE id = 1').get() as { fingerprint: string } | undefined;
    db.prepare(
      `INSERT INTO signing_identity (id, subject, cert_pem, key_pem, fingerprint, created_at) VALUES (1, @subject, @cert, @key, @fp, @at)
       ON CONFLICT (id) DO UPDATE SET subject = @subject, cert_pem = @cert, key_pem = @key, fingerprint = @fp, created_at = @at`,
    ).run({ subject, cert: identity.certPem, key: identity.keyPem, fp: identity.fingerprint, at: new Date().toISOString() });
    // The audit row names the certificate, never the key.
    audit({
      action: 'signing.identity',
      entity: 'signing_identity',
      oldValue: row ? { fingerprint: row.fingerprint } : null,
      newValue: { subject, fingerprint: identity.fingerprint },
    });
  });
}

export interface BuiltPackage extends BuildFileResult {
  id: string;
}

export async function buildPackageFromVault(
  vault: Vault,
  req: Omit<PackageRequest, 'signerFingerprint'>,
  out: string,
  opts: { onProgress?: (p: BuildProgress) => void; signal?: AbortSignal } = {},
): Promise<BuiltPackage> {
  // Check the content first: a missing name or account must be reported before any key is made.
  const draft = validatePackageModel(packageModelFromVault(vault, { ...req, sign: false }));
  const identity = req.sign ? signingIdentity(vault, draft.applicant.name) : undefined;
  const model = packageModelFromVault(vault, { ...req, ...(identity ? { signerFingerprint: identity.fingerprint } : {}) });
  const built = await buildPackageToFile(model, readDefaultFont(), out, {
    sign: req.sign,
    ...(identity ? { identity } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const id = recordPackage(vault, {
    template: req.template,
    addressee: draft.creditor.name,
    fileName: path.basename(built.out),
    sha256: built.sha256,
    bytes: built.bytes,
    pages: built.pages,
    signed: built.signed,
    exhibits: draft.exhibits.map((e) => ({ n: e.n, title: e.title, sha256: e.sha256 })),
  });
  const { out: file, pages, exhibits, bytes, sha256, signed } = built;
  return { id, out: file, pages, exhibits, bytes, sha256, signed };
}

export interface PackageRecordInput {
  template: string;
  addressee: string;
  fileName: string;
  sha256: string;
  bytes: number;
  pages: number;
  signed: boolean;
  exhibits: { n: number; title: string; sha256: string }[];
}

/** Records a built package (date, addressee, SHA-256, its exhibits) with an audit row. */
export function recordPackage(vault: Vault, rec: PackageRecordInput): string {
  const id = randomUUID();
  vault.change((db, audit) => {
    db.prepare(
      `INSERT INTO packages (id, built_at, template, addressee, file_name, sha256, bytes, pages, signed, exhibits)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, new Date().toISOString(), rec.template, rec.addressee, rec.fileName, rec.sha256, rec.bytes, rec.pages, rec.signed ? 1 : 0, JSON.stringify(rec.exhibits));
    audit({
      action: 'package.build',
      entity: 'package',
      entityId: id,
      newValue: { template: rec.template, addressee: rec.addressee, sha256: rec.sha256, exhibits: rec.exhibits.length, signed: rec.signed },
    });
  });
  return id;
}

/** The name the package was saved under (the build records a suggested name until then). */
export function setPackageFileName(vault: Vault, id: string, fileName: string): void {
  vault.change((db, audit) => {
    const row = db.prepare('SELECT file_name FROM packages WHERE id = ?').get(id) as { file_name: string } | undefined;
    if (!row) return;
    db.prepare('UPDATE packages SET file_name = ? WHERE id = ?').run(fileName, id);
    audit({ action: 'package.save', entity: 'package', entityId: id, oldValue: { fileName: row.file_name }, newValue: { fileName } });
  });
}

export function listPackages(vault: Vault): PackageRecord[] {
  const rows = vault.handle.prepare('SELECT * FROM packages ORDER BY built_at DESC').all() as {
    id: string;
    built_at: string;
    template: string;
    addressee: string;
    file_name: string;
    sha256: string;
    bytes: number;
    pages: number;
    signed: number;
    exhibits: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    builtAt: r.built_at,
    template: r.template,
    addressee: r.addressee,
    fileName: r.file_name,
    sha256: r.sha256,
    bytes: r.bytes,
    pages: r.pages,
    signed: r.signed === 1,
    exhibits: JSON.parse(r.exhibits) as PackageRecord['exhibits'],
  }));
}
