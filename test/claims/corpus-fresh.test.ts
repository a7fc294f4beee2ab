// The fresh held-out claims set (test/claims/corpus-fresh.ts), scored on its own: precision
// and recall of the amount owed and the days overdue, each ≥ 0.95, figures printed; messages
// that never make a claim yield nothing. (corpus.test.ts scores every set together.)
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/collection-claims';
import { FRESH } from './corpus-fresh';

function score(field: 'amount' | 'days') {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const m of FRESH) {
    const c = extractClaims(m.body, m.received === undefined ? {} : { received: m.received });
    const got = field === 'amount' ? (c.amountOwed ?? null) : c.overdueDays === undefined ? null : String(c.overdueDays);
    const want = field === 'amount' ? m.amount : m.days === null ? null : String(m.days);
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

describe('fresh held-out claims set', () => {
  it('has at least 60 messages, 18 or more of them never a claim', () => {
    expect(FRESH.length).toBeGreaterThanOrEqual(60);
    expect(FRESH.filter((m) => m.amount === null && m.days === null).length).toBeGreaterThanOrEqual(18);
  });

  for (const field of ['amount', 'days'] as const) {
    it(`${field}: precision and recall ≥ 0.95`, () => {
      const s = score(field);
      console.log(`fresh held-out ${field}: ${FRESH.length} messages; precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
      for (const miss of s.misses) console.log(`  miss ${miss}`);
      expect(s.precision).toBeGreaterThanOrEqual(0.95);
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('phone bills, verification codes, balance notices, marketing and personal messages yield nothing', () => {
    for (const m of FRESH.filter((x) => ['carrier', 'verification', 'balance', 'marketing', 'personal'].includes(x.kind))) {
      expect(extractClaims(m.body), m.body).toEqual({});
    }
  });
});
