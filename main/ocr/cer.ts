// Character error rate: edit distance between what was read and what was there, over the
// length of what was there. Whitespace is ignored and both sides are NFKC-folded (a
// full-width comma read as a half-width one is not an error a reader would notice).

const fold = (s: string) => [...s.normalize('NFKC').replace(/\s+/g, '')];

export function editDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export function characterErrors(truth: string, read: string): { errors: number; chars: number } {
  const t = fold(truth);
  return { errors: editDistance(t, fold(read)), chars: t.length };
}
