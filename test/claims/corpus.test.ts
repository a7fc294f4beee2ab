// The claims corpus (test/claims/corpus.ts): precision and recall of the amount owed and
// the days overdue over every message, each ≥ 0.95; the figures are printed. A message
// with a figure counts as found when the extractor returns exactly that figure; a figure
// returned where none is expected, or a different one, is a false positive.
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/collection-claims';
import { CORPUS as WRITTEN, HELD_OUT, type CorpusMessage } from './corpus';
import { FRESH } from './corpus-fresh';

const CORPUS = [...WRITTEN, ...HELD_OUT, ...FRESH];

type Field = 'amount' | 'days' | 'dueDate' | 'minimum';

function actualOf(m: CorpusMessage, field: Field): string | null {
  const c = extractClaims(m.body, m.received === undefined ? {} : { received: m.received });
  const v = { amount: c.amountOwed, days: c.overdueDays, dueDate: c.dueDate, minimum: c.minimumPayment }[field];
  return v === undefined ? null : String(v);
}

function expectedOf(m: CorpusMessage, field: Field): string | null {
  const v = { amount: m.amount, days: m.days, dueDate: m.dueDate ?? null, minimum: m.minimum ?? null }[field];
  return v === null ? null : String(v);
}

function score(field: Field, corpus: CorpusMessage[] = CORPUS) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const m of corpus) {
    const want = expectedOf(m, field);
    const got = actualOf(m, field);
    if (got !== null && got === want) tp++;
    else {
      if (got !== null) fp++;
      if (want !== null) fn++;
      if (got !== want) misses.push(`${field}: want ${want} got ${got} — ${m.body}`);
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp); // number-ok: a ratio of counts
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn); // number-ok: a ratio of counts
  return { tp, fp, fn, precision, recall, misses };
}

describe('claims corpus', () => {
  it('has at least 80 messages across every kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    const kinds = new Set(CORPUS.map((m) => m.kind));
    for (const k of ['huabei', 'jiebei', 'bank', 'lender', 'agency', 'lawfirm', 'carrier', 'verification', 'balance', 'marketing', 'scam']) {
      expect(kinds.has(k as CorpusMessage['kind'])).toBe(true);
    }
  });

  for (const [field, floor] of [
    ['amount', 0.95],
    ['days', 0.95],
    ['dueDate', 0.9],
    ['minimum', 0.9],
  ] as const) {
    it(`${field}: precision and recall ≥ ${floor}`, () => {
      const s = score(field);
      const stated = CORPUS.filter((m) => expectedOf(m, field) !== null).length;
      console.log(
        `claims corpus ${field}: ${CORPUS.length} messages, ${stated} state one; precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
      );
      for (const miss of s.misses) console.log(`  miss ${miss}`);
      const h = score(field, HELD_OUT);
      console.log(`  of which held-out ${field}: ${HELD_OUT.length} messages; precision ${h.precision.toFixed(3)} recall ${h.recall.toFixed(3)}`);
      expect(s.precision).toBeGreaterThanOrEqual(floor);
      expect(s.recall).toBeGreaterThanOrEqual(floor);
    });
  }

  it('messages that never make a claim yield nothing at all', () => {
    for (const m of CORPUS.filter((x) => ['carrier', 'verification', 'balance', 'marketing', 'personal'].includes(x.kind))) {
      expect(extractClaims(m.body), m.body).toEqual({});
    }
  });
});
