// A collection message's claims beside the app's own figures for the same date. The two
// directions mean different things: a claim ABOVE our figure is unverified — ask for an
// itemised statement (要求对方提供逐项明细) before accepting or paying it; a claim BELOW it
// means the person's own entry may be wrong (a payment not entered, a wrong start date, a
// rate too high) and should be checked before anything is signed.
import { extractClaims, type CollectionClaims } from '../collection-claims';
import { dec, formatMoney } from './decimal';

export interface OurFigures {
  /** What the app computes is owed on the message's date. */
  total: string;
  overdueDays: number;
}

/** above: the message claims more than our figure; below: less; same: equal. */
export type ClaimSide = 'above' | 'below' | 'same';

export interface ClaimComparison {
  claims: CollectionClaims;
  amount: {
    ours: string;
    claimed?: string;
    /** claimed − ours ("123.45", or "-10.00" when the message claims less). */
    difference?: string;
    matches?: boolean;
    side?: ClaimSide;
  };
  days: {
    ours: number;
    claimed?: number;
    difference?: number;
    matches?: boolean;
    side?: ClaimSide;
  };
  /**
   * What to tell the person: 'unverified' when a claim is above our figure (未经核实 — 要求逐项明细),
   * 'check-own' when a claim is below it (your own entry may be wrong). Both can apply.
   */
  findings: ('unverified' | 'check-own')[];
  /** match: every claim found equals our figure; differs: at least one does not; nothing-found: no claim read. */
  verdict: 'match' | 'differs' | 'nothing-found';
}

function sideOf(sign: number): ClaimSide {
  return sign > 0 ? 'above' : sign < 0 ? 'below' : 'same';
}

export function compareClaims(body: string, ours: OurFigures, received?: string): ClaimComparison {
  const claims = extractClaims(body, received === undefined ? {} : { received });
  const out: ClaimComparison = {
    claims,
    amount: { ours: formatMoney(ours.total) },
    days: { ours: ours.overdueDays },
    findings: [],
    verdict: 'nothing-found',
  };
  if (claims.amountOwed !== undefined) {
    const diff = dec(claims.amountOwed).minus(ours.total);
    out.amount = { ...out.amount, claimed: claims.amountOwed, difference: formatMoney(diff), matches: diff.isZero(), side: sideOf(diff.comparedTo(0)) };
  }
  if (claims.overdueDays !== undefined) {
    const diff = claims.overdueDays - ours.overdueDays; // number-ok: a day count
    out.days = { ...out.days, claimed: claims.overdueDays, difference: diff, matches: diff === 0, side: sideOf(Math.sign(diff)) };
  }
  const sides = [out.amount.side, out.days.side];
  if (sides.includes('above')) out.findings.push('unverified');
  if (sides.includes('below')) out.findings.push('check-own');
  const found = [out.amount.matches, out.days.matches].filter((m) => m !== undefined);
  if (found.length > 0) out.verdict = found.every(Boolean) ? 'match' : 'differs';
  return out;
}
