// Text as SVG outlines: each glyph's path from the font, scaled and placed. The result
// renders identically everywhere (sharp/librsvg needs no installed CJK font).
import type { Font } from './font';

/** Characters that must not start a line (Chinese typesetting: 避头点). */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】…—～%,.;:?!)']);

export function textWidth(font: Font, text: string, size: number): number {
  const run = font.layout(text);
  return (run.positions ?? []).reduce((w, p) => w + p.xAdvance, 0) * (size / font.unitsPerEm);
}

/** The path data of one line with its baseline at (x, y). */
export function linePath(font: Font, text: string, x: number, y: number, size: number): string {
  const scale = size / font.unitsPerEm;
  const run = font.layout(text);
  let pen = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const d = glyph.path.toSVG();
    if (d) parts.push(`<path transform="translate(${(x + pen * scale).toFixed(2)} ${y}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`);
    pen += run.positions?.[i]?.xAdvance ?? 0;
  });
  return parts.join('');
}

/** Breaks text into lines no wider than maxWidth, character by character (CJK), honouring 避头点. */
export function wrap(font: Font, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of Array.from(paragraph)) {
      const next = line + ch;
      if (line && textWidth(font, next, size) > maxWidth && !NO_LINE_START.has(ch)) {
        lines.push(line);
        line = ch;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}
