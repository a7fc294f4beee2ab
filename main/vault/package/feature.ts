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
  signatureGet: (ctx: FeatureContext) => getSignature(ctx.vault()),
  signatureSet: (ctx: FeatureContext, bytes: Uint8Array, source: SignatureSource) => setSignature(ctx.vault(), bytes, source),
  signatureClear: (ctx: FeatureContext) => clearSignature(ctx.vault()),
  /** Signs a finished PDF in place with the identity of `signer` (the name in its signature block). */
  sign: async (ctx: FeatureContext, file: string, signer: string) => {
    const identity = signingIdentity(ctx.vault(), signer.trim());
    const { sha256 } = await signFile(file, identity);
    return { sha256, fingerprint: identity.fingerprint };
  },
  record: (ctx: FeatureContext, rec: PackageRecordInput) => recordPackage(ctx.vault(), rec),
  setFileName: (ctx: FeatureContext, id: string, fileName: string) => setPackageFileName(ctx.vault(), id, fileName),
  list: (ctx: FeatureContext) => listPackages(ctx.vault()),
  /** Needs no key: runs here only to keep hashing a large file off main's event loop. */
  verify: (_ctx: FeatureContext, file: string) => verifyPackage(file),
};
