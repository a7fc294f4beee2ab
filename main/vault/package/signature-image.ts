// The applicant's handwritten signature, kept in the vault (migration 0006) as a PNG.
// Whatever arrives (a PNG from the pad, a photo of a signature on paper, a scan) is decoded
// by sharp: anything it cannot decode as a still image is refused with a clear message and
// nothing is stored. The stored copy is normalised: EXIF orientation applied, at most
// 1200×600, PNG (the builder embeds PNG without re-encoding).
import sharp, { type Metadata } from 'sharp';
import type { Vault } from '../vault';
import { BadInputError } from '../../../shared/errors';

export type SignatureSource = 'drawn' | 'imported';

export interface StoredSignature {
  png: Uint8Array;
  source: SignatureSource;
  width: number;
  height: number;
}

const MAX_W = 1200;
const MAX_H = 600;

/** Decodes and normalises; throws BadInputError for anything that is not a still image. */
export async function normaliseSignature(bytes: Uint8Array): Promise<{ png: Buffer; width: number; height: number }> {
  if (bytes.length === 0) throw new BadInputError('签名图片是空文件');
  let meta: Metadata;
  try {
    // limitInputPixels: a "signature" of 100 megapixels is not one (and would cost memory).
    meta = await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata();
  } catch {
    throw new BadInputError('签名文件不是可识别的图片（请用 PNG 或 JPG 图片，或在签名板上手写）');
  }
  if (!meta.width || !meta.height) throw new BadInputError('签名文件不是可识别的图片（请用 PNG 或 JPG 图片，或在签名板上手写）');
  if ((meta.pages ?? 1) > 1) throw new BadInputError('签名图片不能是动图或多页图片');
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: MAX_W, height: MAX_H, fit: 'inside', withoutEnlargement: true })
      .png({ compressionLevel: 9 })
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height };
  } catch {
    throw new BadInputError('签名图片已损坏，无法读取');
  }
}

export function getSignature(vault: Vault): StoredSignature | null {
  const row = vault.handle.prepare('SELECT png, source, width, height FROM signature_image WHERE id = 1').get() as
    { png: Buffer; source: SignatureSource; width: number; height: number } | undefined;
  return row ? { png: new Uint8Array(row.png), source: row.source, width: row.width, height: row.height } : null;
}

export async function setSignature(vault: Vault, bytes: Uint8Array, source: SignatureSource): Promise<{ width: number; height: number }> {
  const { png, width, height } = await normaliseSignature(bytes);
  vault.change((db, audit) => {
    const had = db.prepare('SELECT source FROM signature_image WHERE id = 1').get() as { source: string } | undefined;
    db.prepare(
      `INSERT INTO signature_image (id, png, source, width, height, updated_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET png = excluded.png, source = excluded.source, width = excluded.width, height = excluded.height, updated_at = excluded.updated_at`,
    ).run(png, source, width, height, new Date().toISOString());
    audit({ action: 'signature.set', entity: 'signature_image', oldValue: had ? { source: had.source } : null, newValue: { source, width, height } });
  });
  return { width, height };
}

export function clearSignature(vault: Vault): void {
  vault.change((db, audit) => {
    const had = db.prepare('SELECT source FROM signature_image WHERE id = 1').get() as { source: string } | undefined;
    if (!had) return;
    db.prepare('DELETE FROM signature_image WHERE id = 1').run();
    audit({ action: 'signature.clear', entity: 'signature_image', oldValue: { source: had.source }, newValue: null });
  });
}
