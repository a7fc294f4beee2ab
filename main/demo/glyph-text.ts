// Text as SVG outlines: each glyph's path from the font, scaled and placed. The result
// renders identically everywhere (sharp/librsvg needs no installed CJK font).
import type { Font } from './font';

/** Characters that must not start a line (Chinese typesetting: 避头点). */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】…—～%,.;:?!)']);

// The demo draws each chat line in several overlapping screenshots. A line is set glyph by
// glyph from the font's character map and advance widths, without a shaping engine: the
// chat lines are Chinese, digits and punctuation, which this font neither kerns nor joins,
// and fontkit's layout() cost about a millisecond a call, most of the demo screenshots'
// JavaScript time (issue 14). The test compares both ways on every line of the story.
type Glyph = { id: number; advanceWidth: number; path: { toSVG(): string } };
const glyphs = new WeakMap<Font, Map<number, Glyph>>();
const outlines = new WeakMap<Font, Map<number, string>>();
const wraps = new WeakMap<Font, Map<string, string[]>>();
const CACHE_MAX = 4096;

function cacheOf<K, V>(store: WeakMap<Font, Map<K, V>>, font: Font): Map<K, V> {
  let m = store.get(font);
  if (!m) store.set(font, (m = new Map()));
  if (m.size > CACHE_MAX) m.clear();
  return m;
}

function glyphsOf(font: Font, text: string): Glyph[] {
  const m = cacheOf(glyphs, font);
  return Array.from(text, (ch) => {
    const cp = ch.codePointAt(0)!;
    let g = m.get(cp);
    if (!g) {
      const found: Glyph | null = font.glyphForCodePoint(cp);
      if (!found) throw new Error(`the font has no glyph for U+${cp.toString(16)}`);
      m.set(cp, (g = found));
    }
    return g;
  });
}

const advance = (run: readonly Glyph[]) => run.reduce((w, g) => w + g.advanceWidth, 0);

export function textWidth(font: Font, text: string, size: number): number {
  return advance(glyphsOf(font, text)) * (size / font.unitsPerEm);
}

/** The path data of one line with its baseline at (x, y). */
export function linePath(font: Font, text: string, x: number, y: number, size: number): string {
  const scale = size / font.unitsPerEm;
  const paths = cacheOf(outlines, font);
  let pen = 0;
  const parts: string[] = [];
  for (const glyph of glyphsOf(font, text)) {
    let d = paths.get(glyph.id);
    if (d === undefined) paths.set(glyph.id, (d = glyph.path.toSVG()));
    if (d) parts.push(`<path transform="translate(${(x + pen * scale).toFixed(2)} ${y}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`);
    pen += glyph.advanceWidth;
  }
  return parts.join('');
}

/** Breaks text into lines no wider than maxWidth, character by character (CJK), honouring 避头点. */
export function wrap(font: Font, text: string, size: number, maxWidth: number): string[] {
  const key = `${size}|${maxWidth}|${text}`;
  const known = cacheOf(wraps, font).get(key);
  if (known) return [...known];
  const lines: string[] = [];
  const limit = maxWidth / (size / font.unitsPerEm); // in font units
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const ch of Array.from(paragraph)) {
      const w = advance(glyphsOf(font, ch));
      if (line && width + w > limit && !NO_LINE_START.has(ch)) {
        lines.push(line);
        line = ch;
        width = w;
      } else {
        line += ch;
        width += w;
      }
    }
    lines.push(line);
  }
  cacheOf(wraps, font).set(key, lines);
  return [...lines];
}

/** A line laid out by the font's shaping engine (fontkit): the reference the test compares with. */
export function shapedLine(font: Font, text: string): { ids: number[]; advances: number[] } {
  const run = font.layout(text);
  return { ids: run.glyphs.map((g) => g.id), advances: (run.positions ?? []).map((p) => p.xAdvance) };
}

/** The glyphs and advances this module sets a line with. */
export function setLine(font: Font, text: string): { ids: number[]; advances: number[] } {
  const run = glyphsOf(font, text);
  return { ids: run.map((g) => g.id), advances: run.map((g) => g.advanceWidth) };
}
