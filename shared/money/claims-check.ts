// A collection message's claims beside the app's own figures for the same date. Any
// difference is "unverified": the user should ask for an itemised statement (要求对方
// 提供逐项明细) before accepting or paying the claimed figure.
import { extractClaims, type CollectionClaims } from '../collection-claims';
import { dec, formatMoney } from './decimal';

export interface OurFigures {
  /** What the app computes is owed on the message's date. */
  total: string;
  overdueDays: number;
}

export interface ClaimComparison {
  claims: CollectionClaims;
  amount: {
    ours: string;
    claimed?: string;
    /** claimed − ours ("123.45", or "-10.00" when the message claims less). */
    difference?: string;
    matches?: boolean;
  };
  days: {
    ours: number;
    claimed?: number;
    difference?: number;
    matches?: boolean;
  };
  /** match: every claim found equals our figure; differs: at least one does not; nothing-found: no claim read. */
  verdict: 'match' | 'differs' | 'nothing-found';
}

export function compareClaims(body: string, ours: OurFigures): ClaimComparison {
  const claims = extractClaims(body);
  const out: ClaimComparison = {
    claims,
    amount: { ours: formatMoney(ours.total) },
    days: { ours: ours.overdueDays },
    verdict: 'nothing-found',
  };
  if (claims.amountOwed !== undefined) {
    const diff = dec(claims.amountOwed).minus(ours.total);
    out.amount = { ...out.amount, claimed: claims.amountOwed, difference: formatMoney(diff), matches: diff.isZero() };
  }
  if (claims.overdueDays !== undefined) {
    const diff = claims.overdueDays - ours.overdueDays; // number-ok: a day count
    out.days = { ...out.days, claimed: claims.overdueDays, difference: diff, matches: diff === 0 };
  }
  const found = [out.amount.matches, out.days.matches].filter((m) => m !== undefined);
  if (found.length > 0) out.verdict = found.every(Boolean) ? 'match' : 'differs';
  return out;
}
