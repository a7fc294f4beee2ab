// Measuring and breaking Chinese (and mixed) text into lines: break opportunities from
// UAX #14 (`linebreak`), widths from the embedded font; no line starts with a closing
// mark (，。、）…), no line ends with an opening one (（《“…). A segment wider than the line
// (a hash, a long number) is split by characters with the same rules.
/// <reference path="./linebreak.d.ts" />
import LineBreaker from 'linebreak';
import { PDFHexString, type PDFFont } from '@cantoo/pdf-lib';

/** Characters that must not start a line (避头). */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉〗〙〛”’…—～·％‰℃,.;:?!)]}%｝］〞〟ゝゞヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々〻']);
/** Characters that must not end a line (避尾). */
export const NO_LINE_END = new Set([...'（《「『【〔〈〖〘〚“‘([{｛［〝']);

export class TextKit {
  private readonly charWidths = new Map<string, number>();
  private readonly supported: Set<number>;
  private readonly fallback: string;

  constructor(readonly font: PDFFont) {
    this.supported = new Set(font.getCharacterSet());
    this.fallback = this.supported.has(0x25a1) ? '□' : '?';
    // Encode text character by character with a cache. pdf-lib shapes every drawText string
    // with fontkit's layout (≈0.5 ms a line); the builder measures per character (no
    // kerning, no ligatures), so drawing the same glyphs keeps measure and ink identical and
    // keeps text extraction exact (no shaping substitutions).
    const encodeOne = font.encodeText.bind(font);
    const hexOf = new Map<string, string>();
    font.encodeText = (text: string) => {
      let hex = '';
      for (const ch of text) {
        let h = hexOf.get(ch);
        if (h === undefined) {
          h = encodeOne(ch).asString();
          hexOf.set(ch, h);
        }
        hex += h;
      }
      return PDFHexString.of(hex);
    };
  }

  /** Tabs and controls become spaces; characters the font lacks become □ (never a blank glyph). */
  clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/\r\n?/g, '\n')) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\n') out += ch;
      else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) out += ' ';
      else if (cp === 0xfe0f || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0e)) continue;
      else out += this.supported.has(cp) ? ch : this.fallback;
    }
    return out;
  }

  private charWidth(ch: string): number {
    let w = this.charWidths.get(ch);
    if (w === undefined) {
      // The glyph's advance straight from the font (pdf-lib's widthOfTextAtSize runs the whole
      // shaping engine for one character, ~0.2 ms each); the same glyph the encoder picks for
      // a lone character in this font.
      const glyph = this.fontkitFont?.glyphForCodePoint(ch.codePointAt(0)!);
      w = glyph && this.fontkitFont ? (glyph.advanceWidth * 1000) / this.fontkitFont.unitsPerEm : this.font.widthOfTextAtSize(ch, 1000);
      this.charWidths.set(ch, w);
    }
    return w;
  }

  private get fontkitFont(): { glyphForCodePoint(cp: number): { advanceWidth: number } | null; unitsPerEm: number } | undefined {
    // pdf-lib keeps the fontkit font on its (TypeScript-private) embedder.
    const f = (this.font as unknown as { embedder?: { font?: { glyphForCodePoint?: unknown; unitsPerEm?: number } } }).embedder?.font;
    return f && typeof f.glyphForCodePoint === 'function' && typeof f.unitsPerEm === 'number'
      ? (f as { glyphForCodePoint(cp: number): { advanceWidth: number } | null; unitsPerEm: number })
      : undefined;
  }

  /** Width in points at `size` (per-character advances, as pdf-lib draws them). */
  width(text: string, size: number): number {
    let w = 0;
    for (const ch of text) w += this.charWidth(ch);
    return (w * size) / 1000;
  }

  /** Cuts `text` to fit `maxWidth`, ending with … when cut. */
  ellipsize(text: string, size: number, maxWidth: number): string {
    const clean = this.clean(text).replace(/\n/g, ' ');
    if (this.width(clean, size) <= maxWidth) return clean;
    const chars = [...clean];
    let w = this.width('…', size);
    let out = '';
    for (const ch of chars) {
      const cw = this.width(ch, size);
      if (w + cw > maxWidth) break;
      out += ch;
      w += cw;
    }
    return `${out}…`;
  }

  /** Lines of `text` (already cleaned or not) that each fit `maxWidth` at `size`. */
  wrap(text: string, size: number, maxWidth: number): string[] {
    const lines: string[] = [];
    for (const para of this.clean(text).split('\n')) {
      if (para.trim() === '') {
        lines.push('');
        continue;
      }
      this.wrapParagraph(para, size, maxWidth, lines);
    }
    return lines;
  }

  private wrapParagraph(para: string, size: number, maxWidth: number, out: string[]): void {
    const first = out.length;
    this.fillParagraph(para, size, maxWidth, out);
    // Last resort for runs of closing marks broken by spaces or longer than a line
    // ("人）、： ”》，？"): they hang on the line before, so no line ever starts with one.
    for (let i = Math.max(first, 1); i < out.length; i++) {
      if (i === first) continue;
      const chars = [...out[i]!];
      let k = 0;
      while (k < chars.length && (NO_LINE_START.has(chars[k]!) || chars[k] === ' ')) k++;
      if (!chars.slice(0, k).some((c) => NO_LINE_START.has(c))) continue;
      out[i - 1] = out[i - 1]! + chars.slice(0, k).join('').replace(/ +$/, '');
      out[i] = chars.slice(k).join('');
      if (out[i] === '') {
        out.splice(i, 1);
        i--;
      }
    }
  }

  private fillParagraph(para: string, size: number, maxWidth: number, out: string[]): void {
    const segments: string[] = [];
    const breaker = new LineBreaker(para);
    let last = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      if (bk.position > last) segments.push(para.slice(last, bk.position));
      last = bk.position;
    }
    if (last < para.length) segments.push(para.slice(last));

    let cur = '';
    let curWidth = 0;
    const push = () => {
      out.push(cur.trimEnd());
      cur = '';
      curWidth = 0;
    };
    for (let seg of segments) {
      const segWidth = this.width(seg.trimEnd(), size);
      if (curWidth + segWidth <= maxWidth) {
        cur += seg;
        curWidth += this.width(seg, size);
        continue;
      }
      if (cur.trim() !== '') {
        // The next segment starts with closing marks (after a space, UAX #14 allows the
        // break): they hang at the end of this line instead of starting the next.
        // Spaces between closing marks ("” ）") do not end the run: all of it hangs.
        const lead = /^[^\S\n]*/.exec(seg)![0].length;
        let end = lead;
        let at = lead;
        for (const ch of seg.slice(lead)) {
          at += ch.length;
          if (NO_LINE_START.has(ch)) end = at;
          else if (!/[^\S\n]/.test(ch)) break;
        }
        if (end > lead) {
          cur += seg.slice(0, end);
          seg = seg.slice(end);
          if (seg.trim() === '') {
            curWidth = this.width(cur, size);
            continue;
          }
        }
        // An opening mark at the end of this line goes down with what it opens.
        const chars = [...cur.trimEnd()];
        let keep = chars.length;
        while (keep > 1 && NO_LINE_END.has(chars[keep - 1]!)) keep--;
        if (keep < chars.length) {
          seg = chars.slice(keep).join('') + seg.replace(/^ +/, '');
          cur = chars.slice(0, keep).join('');
        }
        // Only spaces were left before the opening mark: nothing to push.
        if (cur.trim() !== '') push();
        else {
          cur = '';
          curWidth = 0;
        }
      } else {
        cur = '';
        curWidth = 0;
      }
      const trimmed = seg.replace(/^ +/, '');
      if (this.width(trimmed.trimEnd(), size) <= maxWidth) {
        cur = trimmed;
        curWidth = this.width(trimmed, size);
        continue;
      }
      // Wider than a whole line: split by characters.
      const chars = [...trimmed];
      let i = 0;
      while (i < chars.length) {
        let j = i;
        let w = 0;
        while (j < chars.length && w + this.charWidth(chars[j]!) * (size / 1000) <= maxWidth) {
          w += this.charWidth(chars[j]!) * (size / 1000);
          j++;
        }
        if (j === i) j = i + 1; // a single glyph wider than the line: still progress
        const n = chars.length;
        // A closing mark next: let up to two hang past the right edge (ぶら下げ, as CJK
        // typesetting does), which keeps the line full.
        if (j < n && NO_LINE_START.has(chars[j]!)) {
          let k = j;
          while (k < n && k - j < 2 && NO_LINE_START.has(chars[k]!)) k++;
          if (k === n || !NO_LINE_START.has(chars[k]!)) j = k;
        }
        // Otherwise move characters down: no closing mark starts the next line, no opening
        // mark ends this one.
        const lastInk = (end: number) => {
          let p = end - 1;
          while (p > i && chars[p] === ' ') p--;
          return chars[p]!;
        };
        while (j < n && j - i > 1 && (NO_LINE_START.has(chars[j]!) || NO_LINE_END.has(lastInk(j)))) j--;
        // A run of closing marks longer than a line: they all hang.
        while (j < n && NO_LINE_START.has(chars[j]!)) j++;
        const piece = chars.slice(i, j).join('');
        if (j < chars.length) {
          out.push(piece.trimEnd());
        } else {
          cur = piece;
          curWidth = this.width(piece, size);
        }
        i = j;
      }
    }
    if (cur.trim() !== '' || out.length === 0) push();
  }
}
