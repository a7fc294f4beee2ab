// Text as SVG outlines: each glyph's path from the font, scaled and placed. The result
// renders identically everywhere (sharp/librsvg needs no installed CJK font).
import type { Font } from './font';

/** Characters that must not start a line (Chinese typesetting: 避头点). */
const NO_LINE_START = new Set([...'，。、；：？！）」』》〉】…—～%,.;:?!)']);

// The demo draws each chat line in several overlapping screenshots: layouts, glyph outlines
// and line breaks are kept per text (over half of the screenshots' JavaScript time went to
// laying out the same lines again; issue 14). Same results, computed once.
type Run = { glyphs: { id: number; path: { toSVG(): string } }[]; positions: { xAdvance: number }[] | null };
const runs = new WeakMap<Font, Map<string, Run>>();
const outlines = new WeakMap<Font, Map<number, string>>();
const wraps = new WeakMap<Font, Map<string, string[]>>();
const CACHE_MAX = 4096;

function cacheOf<K, V>(store: WeakMap<Font, Map<K, V>>, font: Font): Map<K, V> {
  let m = store.get(font);
  if (!m) store.set(font, (m = new Map()));
  if (m.size > CACHE_MAX) m.clear();
  return m;
}

function layout(font: Font, text: string): Run {
  const m = cacheOf(runs, font);
  let run = m.get(text);
  if (!run) m.set(text, (run = font.layout(text) as Run));
  return run;
}

const advance = (run: Run) => (run.positions ?? []).reduce((w, p) => w + p.xAdvance, 0);

export function textWidth(font: Font, text: string, size: number): number {
  return advance(layout(font, text)) * (size / font.unitsPerEm);
}

/** The path data of one line with its baseline at (x, y). */
export function linePath(font: Font, text: string, x: number, y: number, size: number): string {
  const scale = size / font.unitsPerEm;
  const run = layout(font, text);
  const paths = cacheOf(outlines, font);
  let pen = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    let d = paths.get(glyph.id);
    if (d === undefined) paths.set(glyph.id, (d = glyph.path.toSVG()));
    if (d) parts.push(`<path transform="translate(${(x + pen * scale).toFixed(2)} ${y}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`);
    pen += run.positions?.[i]?.xAdvance ?? 0;
  });
  return parts.join('');
}

/** Breaks text into lines no wider than maxWidth, character by character (CJK), honouring 避头点. */
export function wrap(font: Font, text: string, size: number, maxWidth: number): string[] {
  const key = `${size}|${maxWidth}|${text}`;
  const known = cacheOf(wraps, font).get(key);
  if (known) return [...known];
  const lines: string[] = [];
  const scale = size / font.unitsPerEm;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of Array.from(paragraph)) {
      const next = line + ch;
      // Prefixes are laid out directly (never cached: each is seen once).
      if (line && advance(font.layout(next) as Run) * scale > maxWidth && !NO_LINE_START.has(ch)) {
        lines.push(line);
        line = ch;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  cacheOf(wraps, font).set(key, lines);
  return [...lines];
}
