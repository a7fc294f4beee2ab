// From the wizard's draft (shared/contracts/package.ts) to the builder's model: the one
// place that numbers exhibits and ties flagged contacts to them. Isomorphic: the CLI
// (main/vault/package/model-from-vault.ts) and the renderer's build worker both use it.
import { validatePackageModel, type ExhibitSource, type PackageModelInput } from '../pdf/model';
import { PackageIncompleteError, PackageModelError } from '../pdf/errors';
import type { ExhibitCandidate, PackageDraftModel } from '../contracts/package';

/** What the letter lacks, in the builder's own words (validatePackageModel), before any exhibit. */
export function missingIn(model: PackageDraftModel): string[] {
  try {
    validatePackageModel(completeModel(model, [], undefined));
    return [];
  } catch (err) {
    // The signature block carries the applicant's name: one missing name, said once.
    if (err instanceof PackageIncompleteError) return err.missing.filter((m) => m !== '签名人姓名' || !err.missing.includes('申请人姓名'));
    if (err instanceof PackageModelError) return err.issues;
    throw err;
  }
}

/** An exhibit the builder reads: the candidate's fields, its number, and how to get its bytes. */
export type ExhibitInput = Omit<ExhibitCandidate, 'evidenceId' | 'category' | 'categoryLabel' | 'pages' | 'hasThumb' | 'damaged' | 'encrypted' | 'suggested'> & {
  evidenceId: string;
  n: number;
  category: string;
  password?: string;
  listOnly?: boolean;
  source: ExhibitSource;
};

/**
 * A picked candidate as exhibit n: the one mapping from what the wizard lists to what the
 * builder reads, for the CLI (bytes from the vault) and the app's worker (bytes fetched).
 */
export function exhibitInputOf(
  c: ExhibitCandidate,
  n: number,
  source: ExhibitSource,
  choice: { title?: string; password?: string | undefined; listOnly?: boolean | undefined } = {},
): ExhibitInput {
  return {
    evidenceId: c.evidenceId,
    n,
    title: choice.title ?? c.title,
    category: c.categoryLabel,
    date: c.date,
    sha256: c.sha256,
    size: c.size,
    mime: c.mime,
    kind: c.kind,
    fileName: c.fileName,
    meta: c.meta,
    ...(c.ocr ? { ocr: c.ocr } : {}),
    ...(choice.password ? { password: choice.password } : {}),
    ...(choice.listOnly ? { listOnly: true } : {}),
    source,
  };
}

/**
 * The draft plus the numbered exhibits → the builder's model. Flagged contacts cite the
 * exhibits they are linked to by number (only those in the package).
 */
export function completeModel(
  draft: PackageDraftModel,
  exhibits: ExhibitInput[],
  signature: { image?: Uint8Array; certificateFingerprint?: string; reserve?: boolean } | undefined,
): PackageModelInput {
  const numberOf = new Map(exhibits.map((e) => [e.evidenceId, e.n]));
  const { flaggedContacts, contacts, claims, ...rest } = draft;
  return {
    ...rest,
    contacts: contacts.map(({ evidenceIds, ...c }) => {
      const cited = (evidenceIds ?? []).map((id) => numberOf.get(id)).filter((n): n is number => n !== undefined);
      return cited.length > 0 ? { ...c, exhibits: cited } : c;
    }),
    claims: (claims ?? []).map(({ evidenceIds, ...c }) => ({
      ...c,
      exhibits: evidenceIds.map((id) => numberOf.get(id)).filter((n): n is number => n !== undefined),
    })),
    flaggedContacts: flaggedContacts.map(({ evidenceIds, ...c }) => ({
      ...c,
      exhibits: evidenceIds.map((id) => numberOf.get(id)).filter((n): n is number => n !== undefined),
    })),
    exhibits: exhibits.map(({ evidenceId: _id, ...e }) => e),
    signature: {
      name: draft.applicant.name,
      date: draft.date,
      ...(signature?.image ? { image: signature.image } : {}),
      ...(signature?.certificateFingerprint ? { certificateFingerprint: signature.certificateFingerprint } : {}),
    },
    signing: { reserve: signature?.reserve ?? false },
  };
}
