export interface BenchRow {
  name: string;
  ours: string;
  reference: string;
  /** ours ÷ reference, for the figure named. */
  ratio: number;
  /**
   * A goal on the ratio (issue 14): printed with PASS or MISS, as information only — the
   * bench never fails on time (the machines are shared and noisy).
   */
  goal?: { atMost: number } | { atLeast: number };
}

export function goalText(goal: BenchRow['goal']): string {
  if (!goal) return '';
  return 'atMost' in goal ? `≤ ${goal.atMost.toFixed(2)}×` : `≥ ${goal.atLeast.toFixed(2)}×`;
}

export function goalVerdict(row: BenchRow): '' | 'PASS' | 'MISS' {
  const g = row.goal;
  if (!g || !Number.isFinite(row.ratio)) return '';
  return ('atMost' in g ? row.ratio <= g.atMost : row.ratio >= g.atLeast) ? 'PASS' : 'MISS';
}

export function printTable(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  const w = Math.max(...rows.map((r) => r.name.length));
  const o = Math.max(...rows.map((r) => r.ours.length));
  const f = Math.max(...rows.map((r) => r.reference.length));
  const g = Math.max(4, ...rows.map((r) => goalText(r.goal).length));
  console.log(`${'benchmark'.padEnd(w)} | ${'xieshang'.padEnd(o)} | ${'reference'.padEnd(f)} | ratio   | ${'goal'.padEnd(g)} | verdict`);
  console.log(`${'-'.repeat(w)}-|-${'-'.repeat(o)}-|-${'-'.repeat(f)}-|---------|-${'-'.repeat(g)}-|--------`);
  for (const r of rows) {
    const ratio = `${r.ratio.toFixed(2)}×`.padEnd(7);
    console.log(`${r.name.padEnd(w)} | ${r.ours.padEnd(o)} | ${r.reference.padEnd(f)} | ${ratio} | ${goalText(r.goal).padEnd(g)} | ${goalVerdict(r)}`);
  }
  const goals = rows.filter((r) => r.goal);
  if (goals.length) {
    const missed = goals.filter((r) => goalVerdict(r) === 'MISS').length;
    console.log(`(goals: ${goals.length - missed} PASS, ${missed} MISS — information only, never a failure)`);
  }
}
