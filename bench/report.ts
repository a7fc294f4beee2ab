export interface BenchRow {
  name: string;
  ours: string;
  reference: string;
  /** ours ÷ reference, for the figure named. */
  ratio: number;
}

export function printTable(title: string, rows: BenchRow[]): void {
  console.log(`\n## ${title}`);
  const w = Math.max(...rows.map((r) => r.name.length));
  const o = Math.max(...rows.map((r) => r.ours.length));
  const f = Math.max(...rows.map((r) => r.reference.length));
  console.log(`${'benchmark'.padEnd(w)} | ${'xieshang'.padEnd(o)} | ${'reference'.padEnd(f)} | ratio`);
  console.log(`${'-'.repeat(w)}-|-${'-'.repeat(o)}-|-${'-'.repeat(f)}-|------`);
  for (const r of rows) console.log(`${r.name.padEnd(w)} | ${r.ours.padEnd(o)} | ${r.reference.padEnd(f)} | ${r.ratio.toFixed(2)}×`);
}
