// The agreement's terms beyond the schedule (the elements 《商业银行信用卡业务监督管理办法》
// Art 70 lists for a card's individual installment plan: the balance and its structure, each
// installment, whether fees or interest are charged, no new cards until settled, both
// sides' duties) and the comparison with what was asked (the plan). Isomorphic.
import { z } from 'zod';
import { addMonthsClamped, compareDates } from '../time/beijing';
import { dec, formatMoney } from '../money/decimal';

const Money = z.string().regex(/^\d{1,9}\.\d{2}$/, { error: '金额写成两位小数，例如 "1825.00"' });

export const AgreementTermsSchema = z.strictObject({
  balance: z.strictObject({ principal: Money, interest: Money, penalty: Money, fees: Money }),
  /** Whether, and which, fees or interest are charged during the plan, in the agreement's words. */
  charges: z.string().max(1000),
  noNewCards: z.boolean(),
  duties: z.string().max(4000),
  otherClauses: z.string().max(4000),
  /** False while the agreement was only oral (a call): flagged until confirmed in writing. */
  inWriting: z.boolean(),
  roundId: z.string().min(1).max(64).nullable(),
});
export type AgreementTerms = z.infer<typeof AgreementTermsSchema>;

export function defaultTerms(): AgreementTerms {
  return {
    balance: { principal: '0.00', interest: '0.00', penalty: '0.00', fees: '0.00' },
    charges: '',
    noNewCards: false,
    duties: '',
    otherClauses: '',
    inWriting: true,
    roundId: null,
  };
}

export interface PlanLike {
  total: string;
  installments: number;
  firstDate: string;
  owed: { total: string };
}
export interface AgreementLike {
  total: string;
  installments: readonly { date: string; amount: string }[];
  waived: { interest: string; penalty: string; fees: string };
}

export interface TermRow {
  key: 'total' | 'count' | 'first' | 'last' | 'largest' | 'waived';
  asked: string;
  agreed: string;
  differs: boolean;
}

/** Asked (the plan) beside agreed, row by row; `differs` marks what the creditor changed. */
export function compareWithPlan(plan: PlanLike | null, a: AgreementLike): TermRow[] {
  const amounts = a.installments.map((i) => dec(i.amount));
  const largest = amounts.reduce((m, x) => (x.greaterThan(m) ? x : m), dec('0'));
  const agreedWaived = dec(a.waived.interest).plus(a.waived.penalty).plus(a.waived.fees);
  const first = a.installments[0]?.date ?? '';
  const last = a.installments[a.installments.length - 1]?.date ?? '';
  if (!plan) {
    return [
      { key: 'total', asked: '', agreed: formatMoney(a.total), differs: false },
      { key: 'count', asked: '', agreed: String(a.installments.length), differs: false },
      { key: 'first', asked: '', agreed: first, differs: false },
      { key: 'last', asked: '', agreed: last, differs: false },
      { key: 'largest', asked: '', agreed: formatMoney(largest), differs: false },
      { key: 'waived', asked: '', agreed: formatMoney(agreedWaived), differs: false },
    ];
  }
  const askedLargest = dec(plan.total).dividedBy(plan.installments).toDecimalPlaces(2);
  const askedWaived = dec(plan.owed.total).minus(plan.total);
  const askedLast = addMonthsClamped(plan.firstDate, plan.installments - 1);
  const askedWaivedNonNeg = askedWaived.lessThan(0) ? dec('0') : askedWaived;
  return [
    { key: 'total', asked: formatMoney(plan.total), agreed: formatMoney(a.total), differs: !dec(plan.total).equals(a.total) },
    { key: 'count', asked: String(plan.installments), agreed: String(a.installments.length), differs: plan.installments !== a.installments.length },
    { key: 'first', asked: plan.firstDate, agreed: first, differs: compareDates(plan.firstDate, first || plan.firstDate) !== 0 },
    { key: 'last', asked: askedLast, agreed: last, differs: compareDates(askedLast, last || askedLast) !== 0 },
    { key: 'largest', asked: formatMoney(askedLargest), agreed: formatMoney(largest), differs: largest.greaterThan(askedLargest.plus('0.01')) },
    { key: 'waived', asked: formatMoney(askedWaivedNonNeg), agreed: formatMoney(agreedWaived), differs: !askedWaivedNonNeg.equals(agreedWaived) },
  ];
}
