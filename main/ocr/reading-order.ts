// Lines in reading order (top to bottom, left to right within a row), and the text of a
// screen as paragraphs: lines of one block (same left edge, next line close below) are
// joined without a break, so a sentence wrapped inside a chat bubble reads — and is
// searched — as one sentence.
import type { OcrLine } from '../../shared/ocr/types';

const centreY = (l: OcrLine) => l.box.y + l.box.h / 2;

/** Rows: lines whose vertical extents overlap by more than half the smaller height. */
export function inReadingOrder(lines: readonly OcrLine[]): OcrLine[] {
  const byY = [...lines].sort((a, b) => centreY(a) - centreY(b));
  const rows: OcrLine[][] = [];
  for (const line of byY) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first) {
      const overlap = Math.min(first.box.y + first.box.h, line.box.y + line.box.h) - Math.max(first.box.y, line.box.y);
      if (overlap > 0.5 * Math.min(first.box.h, line.box.h)) {
        row.push(line);
        continue;
      }
    }
    rows.push([line]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.box.x - b.box.x));
}

const latinEnd = /[A-Za-z0-9]$/;
const latinStart = /^[A-Za-z0-9]/;

/** The lines as text: a block's lines joined (a space only between two Latin words), blocks on their own lines. */
export function paragraphText(lines: readonly OcrLine[]): string {
  const out: string[] = [];
  let prev: OcrLine | null = null;
  for (const line of lines) {
    const continues =
      prev !== null &&
      Math.abs(line.box.x - prev.box.x) <= 0.6 * prev.box.h &&
      line.box.y >= prev.box.y + 0.5 * prev.box.h &&
      line.box.y - (prev.box.y + prev.box.h) <= 0.8 * prev.box.h &&
      Math.abs(line.box.h - prev.box.h) <= 0.35 * prev.box.h;
    if (continues && out.length) {
      const last = out[out.length - 1]!;
      out[out.length - 1] = last + (latinEnd.test(last) && latinStart.test(line.text) ? ' ' : '') + line.text;
    } else out.push(line.text);
    prev = line;
  }
  return out.join('\n');
}
