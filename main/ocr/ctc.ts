// Greedy CTC decoding of the recogniser's output: the most likely class at each time step,
// repeats collapsed, the blank (class 0) dropped. Class i ≥ 1 is character i − 1 of the
// model's character list (PP-OCR appends a space as the last class).

export interface Decoded {
  text: string;
  /** Mean probability of the characters kept (0 when none). */
  confidence: number;
}

/** probs: [steps × classes] for one line, row-major. */
export function ctcGreedy(probs: Float32Array, steps: number, classes: number, chars: readonly string[]): Decoded {
  let text = '';
  let sum = 0;
  let kept = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const base = t * classes;
    let best = 0;
    let bestP = probs[base]!;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      const ch = chars[best - 1];
      if (ch !== undefined) {
        text += ch;
        sum += bestP;
        kept++;
      }
    }
    prev = best;
  }
  return { text, confidence: kept ? sum / kept : 0 };
}
