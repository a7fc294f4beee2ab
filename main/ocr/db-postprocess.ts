// Text boxes out of the detection model's probability map (the "DB" differentiable-
// binarisation head of PP-OCR): threshold the map, take each connected region, score it by
// its mean probability, and grow it back by the amount the model was trained to shrink text
// ("unclip": distance = area × ratio / perimeter). Boxes are axis-aligned: phone screenshots
// are upright, and an upright box crops cleanly for the recogniser.

export interface DetBox {
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
}

export interface DbParams {
  /** A pixel is text above this probability. */
  thresh: number;
  /** A region is kept when its mean probability is at least this. */
  boxThresh: number;
  unclipRatio: number;
  /** Regions thinner than this (map pixels) are noise. */
  minSize: number;
}

export const DB_DEFAULTS: DbParams = { thresh: 0.3, boxThresh: 0.6, unclipRatio: 1.5, minSize: 3 };

/**
 * Boxes in map pixels (the map is `width`×`height`, row-major). 4-connected regions, found
 * with an explicit stack (no recursion: a large region must not overflow the call stack).
 */
export function boxesFromProbMap(prob: Float32Array, width: number, height: number, params: DbParams = DB_DEFAULTS): DetBox[] {
  const n = width * height;
  if (prob.length < n) throw new Error('probability map smaller than its size');
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  const boxes: DetBox[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start] || prob[start]! <= params.thresh) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (x > 0 && !seen[p - 1] && prob[p - 1]! > params.thresh) {
        seen[p - 1] = 1;
        stack[top++] = p - 1;
      }
      if (x < width - 1 && !seen[p + 1] && prob[p + 1]! > params.thresh) {
        seen[p + 1] = 1;
        stack[top++] = p + 1;
      }
      if (y > 0 && !seen[p - width] && prob[p - width]! > params.thresh) {
        seen[p - width] = 1;
        stack[top++] = p - width;
      }
      if (y < height - 1 && !seen[p + width] && prob[p + width]! > params.thresh) {
        seen[p + width] = 1;
        stack[top++] = p + width;
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    if (Math.min(w, h) < params.minSize) continue;
    let sum = 0;
    for (let y = minY; y <= maxY; y++) for (let x = minX; x <= maxX; x++) sum += prob[y * width + x]!;
    const score = sum / (w * h);
    if (score < params.boxThresh) continue;
    const d = (w * h * params.unclipRatio) / (2 * (w + h));
    const x0 = Math.max(0, minX - d);
    const y0 = Math.max(0, minY - d);
    const x1 = Math.min(width, maxX + 1 + d);
    const y1 = Math.min(height, maxY + 1 + d);
    if (Math.min(x1 - x0, y1 - y0) < params.minSize + 2) continue;
    boxes.push({ x: x0, y: y0, w: x1 - x0, h: y1 - y0, score });
  }
  return boxes;
}
