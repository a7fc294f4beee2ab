// fontkit for pdf-lib, parsing each font file's bytes once. pdf-lib parses the font again for
// every document it embeds it in, and a parse of the 10 MB Noto Sans SC costs ≈ 50–100 ms
// before anything is drawn (its metrics tables are decoded on first use): `xieshang demo`
// parsed it six times (four proofs, the screenshots, the package). Keyed by the bytes
// object, held weakly: the parsed font lives as long as its caller keeps the bytes. A
// parsed font is shared safely: pdf-lib makes a new subset per document and only reads it.
import fontkit, { type Font, type FontCollection } from '@cantoo/fontkit';
import type { PDFDocument } from '@cantoo/pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

const parsed = new WeakMap<Uint8Array, Font | FontCollection>();

export const fontkitOnce: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let font = parsed.get(buffer);
    if (!font) {
      font = fontkit.create(buffer);
      parsed.set(buffer, font);
    }
    return font;
  },
} as Fontkit;
