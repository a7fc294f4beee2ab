// The shipped Chinese font (Noto Sans SC, SIL OFL) for everything the project renders
// itself: demo screenshots and proofs. Loaded from the npm package, never the system.
import type * as fontkit from '@cantoo/fontkit';
import { readDefaultFont } from '../package/build-to-file';
import { fontkitOnce } from '../../shared/pdf/fontkit-once';

let cachedBytes: Uint8Array | null = null;

/**
 * The same file the package builder embeds, and the same bytes object while the demo runs:
 * the proofs, the screenshots and the package share one parse of it (fontkit-once.ts).
 */
export function notoSansScBytes(): Uint8Array {
  cachedBytes ??= readDefaultFont();
  return cachedBytes;
}

export type Font = ReturnType<typeof fontkit.create> & {
  unitsPerEm: number;
  layout(text: string): { glyphs: { id: number; path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; path: { toSVG(): string } };
};

let cachedFont: Font | null = null;
export function notoSansSc(): Font {
  cachedFont ??= fontkitOnce.create(notoSansScBytes()) as unknown as Font;
  return cachedFont;
}
