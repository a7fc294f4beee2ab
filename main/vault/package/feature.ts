// The package feature module: the vault side of the wizard (main/vault/features.ts). It runs
// where the vault session runs (the worker thread in the app), so the signing key is read,
// used and dropped inside the main process and never crosses to the renderer.
import type { FeatureContext } from '../feature';
import type { PackageDraftRequest } from '../../../shared/contracts/package';
import { signFile } from '../../signing/sign';
import { verifyPackage } from '../../signing/verify';
import { packageDraftFromVault } from './model-from-vault';
import { signingIdentity, recordPackage, setPackageFileName, listPackages, type PackageRecordInput } from './service';
import { clearSignature, getSignature, setSignature, type SignatureSource } from './signature-image';

export const packageFeature = {
  draft: (ctx: FeatureContext, req: PackageDraftRequest) => packageDraftFromVault(ctx.vault(), req),
  identity: (ctx: FeatureContext, name: string) => {
    const { fingerprint } = signingIdentity(ctx.vault(), name.trim());
    return { subject: name.trim(), fingerprint };
  },
  /** The stored signature as the app shows it (base64 PNG), or nulls. */
  signatureGet: (ctx: FeatureContext) => {
    const s = getSignature(ctx.vault());
    return s ? { image: Buffer.from(s.png).toString('base64'), source: s.source, width: s.width, height: s.height } : { image: null, source: null, width: null, height: null };
  },
  /** A drawn or imported signature, as the contract carries it (base64). */
  signatureSet: (ctx: FeatureContext, base64: string, source: SignatureSource) => setSignature(ctx.vault(), new Uint8Array(Buffer.from(base64, 'base64')), source),
  signatureClear: (ctx: FeatureContext) => {
    clearSignature(ctx.vault());
    return { ok: true as const };
  },
  /** Signs a finished PDF in place with the identity of `signer` (the name in its signature block). */
  sign: async (ctx: FeatureContext, file: string, signer: string) => {
    const identity = signingIdentity(ctx.vault(), signer.trim());
    const { sha256 } = await signFile(file, identity);
    return { sha256, fingerprint: identity.fingerprint };
  },
  record: (ctx: FeatureContext, rec: PackageRecordInput) => recordPackage(ctx.vault(), rec),
  setFileName: (ctx: FeatureContext, id: string, fileName: string) => setPackageFileName(ctx.vault(), id, fileName),
  list: (ctx: FeatureContext) => ({ packages: listPackages(ctx.vault()) }),
  /** Needs no key: runs here only to keep hashing a large file off main's event loop. */
  verify: (_ctx: FeatureContext, file: string) => verifyPackage(file),
};
