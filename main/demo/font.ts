// The shipped Chinese font (Noto Sans SC, SIL OFL) for everything the project renders
// itself: demo screenshots and proofs. Loaded from the npm package, never the system.
import fs from 'node:fs';
import * as fontkit from '@cantoo/fontkit';

export const NOTO_SANS_SC = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let cachedBytes: Buffer | null = null;

export function notoSansScBytes(): Buffer {
  cachedBytes ??= fs.readFileSync(require.resolve(NOTO_SANS_SC));
  return cachedBytes;
}

export type Font = ReturnType<typeof fontkit.create> & {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
};

let cachedFont: Font | null = null;
export function notoSansSc(): Font {
  cachedFont ??= fontkit.create(notoSansScBytes()) as unknown as Font;
  return cachedFont;
}
