// The shipped Chinese font (Noto Sans SC, SIL OFL) for everything the project renders
// itself: demo screenshots and proofs. Loaded from the npm package, never the system.
import fs from 'node:fs';
import * as fontkit from '@cantoo/fontkit';

import { defaultFontPath } from '../package/build-to-file';

let cachedBytes: Buffer | null = null;

/** The same file the package builder embeds (found the same way, XIESHANG_FONT included). */
export function notoSansScBytes(): Buffer {
  cachedBytes ??= fs.readFileSync(defaultFontPath());
  return cachedBytes;
}

export type Font = ReturnType<typeof fontkit.create> & {
  unitsPerEm: number;
  layout(text: string): { glyphs: { id: number; path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number; path: { toSVG(): string } };
};

let cachedFont: Font | null = null;
export function notoSansSc(): Font {
  cachedFont ??= fontkit.create(notoSansScBytes()) as unknown as Font;
  return cachedFont;
}
