// The manifest embedded in every package (an attachment named MANIFEST_NAME): for each
// exhibit its number, title and the SHA-256 of the original, and where in the PDF the
// original can be found byte for byte, so `package verify` can check every one:
//   - 'attachment': the original is an embedded file (PDFs, audio, other files, and images
//     that had to be converted: PNG with alpha or interlacing, HEIC/WebP renditions …);
//   - 'jpeg': the image XObject's stream IS the original JPEG file (DCTDecode, untouched);
//   - 'png': the image XObject's stream is the PNG's IDAT data, untouched; the skeleton
//     (every other chunk, and the IDAT chunk lengths) rebuilds the original file exactly.
// So no original is stored twice, and every exhibit is verifiable byte-exactly.
// Isomorphic.
import type { ExhibitKind, Template } from './model';
import type { PngSkeletonEntry } from './png';

export const MANIFEST_NAME = 'xieshang-manifest.json';
export const MANIFEST_FORMAT = 'xieshang-package-manifest';
export const MANIFEST_VERSION = 1;

/** 'listed': a large file listed by name and SHA-256, not in the package (the applicant keeps it). */
export type ExhibitStorage = 'attachment' | 'jpeg' | 'png' | 'listed';

export interface ManifestExhibit {
  n: number;
  title: string;
  category: string;
  date: string;
  sha256: string;
  size: number;
  mime: string;
  kind: ExhibitKind;
  fileName: string;
  /** 1-based page range in the package ([first, last]); the listing page for attached files. */
  pages: [number, number];
  storage: ExhibitStorage;
  /** The embedded file's name (the /F key in the EmbeddedFiles name tree) for 'attachment'. */
  attachment?: string;
  /** The object number of the image XObject for 'jpeg' and 'png'. */
  object?: number;
  /** The PNG skeleton for 'png'. */
  png?: PngSkeletonEntry[];
}

export interface PackageManifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  generator: string;
  template: Template;
  title: string;
  date: string;
  applicant: string;
  creditor: string;
  createdAt: string;
  exhibits: ManifestExhibit[];
}

export function isManifest(value: unknown): value is PackageManifest {
  const v = value as PackageManifest;
  return typeof v === 'object' && v !== null && v.format === MANIFEST_FORMAT && Array.isArray(v.exhibits);
}
