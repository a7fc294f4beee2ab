// For 债务: once an account is under an agreement, what it owes is what remains of the
// agreement (after the payments), not the penalty rule's growing figure.
import { useEffect, useState } from 'react';
import type { RepaymentsList } from '../../../../shared/contracts/repayments';
import { ZERO, dec, formatMoney } from '../../../../shared/money/decimal';
import { api } from '../../lib/api';

export interface AgreementOwed {
  /** account id → the agreement covering it and what remains of that agreement. */
  byAccount: Map<string, { agreementId: string; remaining: string; shared: boolean }>;
  /** What remains of all agreements that cover at least one account. */
  remaining: string;
}

export function agreementOwed(list: RepaymentsList | null): AgreementOwed {
  const byAccount = new Map<string, { agreementId: string; remaining: string; shared: boolean }>();
  let remaining = ZERO;
  for (const a of list?.agreements ?? []) {
    if (a.accountIds.length === 0) continue;
    remaining = remaining.plus(dec(a.schedule.remaining));
    for (const id of a.accountIds) byAccount.set(id, { agreementId: a.agreementId, remaining: a.schedule.remaining, shared: a.accountIds.length > 1 });
  }
  return { byAccount, remaining: formatMoney(remaining) };
}

export function useAgreementOwed(generation: unknown): AgreementOwed {
  const [list, setList] = useState<RepaymentsList | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .repayments.list({})
      .then(
        (l) => live && setList(l),
        () => live && setList(null),
      );
    return () => {
      live = false;
    };
  }, [generation]);
  return agreementOwed(list);
}
