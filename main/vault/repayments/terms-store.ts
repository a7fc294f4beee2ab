// The agreed terms of an agreement (table agreement_terms, migration 0010): one reader and one
// writer, used by the repayments service and by case import/export (main/vault/case/after-store.ts).
// No imports from either, so neither depends on the other.
import type { Db } from '../sqlite';
import type { AgreementTerms } from '../../../shared/repayments/terms';

export function readTerms(db: Db, agreementId: string): AgreementTerms | null {
  const r = db.prepare('SELECT * FROM agreement_terms WHERE agreement_id = ?').get(agreementId) as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    balance: { principal: String(r.balance_principal), interest: String(r.balance_interest), penalty: String(r.balance_penalty), fees: String(r.balance_fees) },
    charges: String(r.charges),
    noNewCards: r.no_new_cards === 1,
    duties: String(r.duties),
    otherClauses: String(r.other_clauses),
    inWriting: r.in_writing === 1,
    roundId: r.round_id === null ? null : String(r.round_id),
  };
}

export function writeTerms(db: Db, agreementId: string, t: AgreementTerms): void {
  db.prepare(
    `INSERT INTO agreement_terms (agreement_id, balance_principal, balance_interest, balance_penalty, balance_fees, charges, no_new_cards, duties, other_clauses, in_writing, round_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (agreement_id) DO UPDATE SET balance_principal = excluded.balance_principal, balance_interest = excluded.balance_interest,
       balance_penalty = excluded.balance_penalty, balance_fees = excluded.balance_fees, charges = excluded.charges, no_new_cards = excluded.no_new_cards,
       duties = excluded.duties, other_clauses = excluded.other_clauses, in_writing = excluded.in_writing, round_id = excluded.round_id`,
  ).run(
    agreementId,
    t.balance.principal,
    t.balance.interest,
    t.balance.penalty,
    t.balance.fees,
    t.charges,
    t.noNewCards ? 1 : 0,
    t.duties,
    t.otherClauses,
    t.inWriting ? 1 : 0,
    t.roundId,
  );
}
