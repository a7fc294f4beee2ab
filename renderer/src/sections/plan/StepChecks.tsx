// The plan's installments in runs of equal amounts ("第 1–3 期 每期 ¥2,000.00"), each checked
// against the money available in its months (an income that ends lowers it) and against this
// creditor's share of it when other creditors are in the case — the same check the letter makes.
import type { CaseView } from '../../../../shared/contracts/case';
import { caseOwedOn } from '../../../../shared/money/case-owed';
import { ZERO, formatMoney } from '../../../../shared/money/decimal';
import { checkPlanSteps, type StepCheck } from '../../../../shared/money/plan-step-check';
import type { ShareInput } from '../../../../shared/money/capacity';
import { useT } from '../../i18n';
import { yuan } from '../case/input';

export function hasDatedIncome(doc: CaseView): boolean {
  return doc.finances.income.some((r) => r.until || r.from);
}

/** One share per legal name (as the letters split it), with what each is owed on `asOf`. */
function sharesOf(doc: CaseView, asOf: string): { shares: ShareInput[]; nameOf: (accountId: string) => string | undefined } {
  const nameOf = (accountId: string) => {
    const a = doc.accounts.find((x) => x.id === accountId);
    return doc.creditors.find((c) => c.id === a?.creditorId)?.legalName;
  };
  const names = [...new Set(doc.accounts.map((a) => nameOf(a.id)).filter((x): x is string => !!x))];
  const shares = names.map((name) => {
    const accounts = doc.accounts.filter((a) => nameOf(a.id) === name);
    const owed = caseOwedOn(accounts, asOf).total.total;
    const fixed = doc.creditors.filter((c) => c.legalName === name && c.capacityShare).map((c) => c.capacityShare!);
    return { id: name, owed, fixed: fixed.length > 0 ? formatMoney(fixed.reduce((s, x) => s.plus(x), ZERO)) : null };
  });
  return { shares, nameOf };
}

export function StepChecks({
  doc,
  accountIds,
  asOf,
  installments,
}: {
  doc: CaseView;
  accountIds: readonly string[];
  asOf: string;
  installments: readonly { n: number; date: string; amount: string }[];
}) {
  const t = useT();
  if (doc.finances.income.length === 0) return null;
  const { shares, nameOf } = sharesOf(doc, asOf);
  const planCreditors = [...new Set(accountIds.map(nameOf).filter((x): x is string => !!x))];
  const steps: StepCheck[] = checkPlanSteps({ schedule: installments, finances: doc.finances, shares, planCreditors });
  return (
    <div className="case-details" data-testid="plan-step-checks">
      <p className="case-small">{t('plan.step.checksIntro')}</p>
      <table className="case-table">
        <thead>
          <tr>
            <th scope="col">{t('plan.step.runs')}</th>
            <th scope="col" className="num">
              {t('plan.step.each')}
            </th>
            <th scope="col" className="num">
              {t('plan.step.capacity')}
            </th>
            <th scope="col" className="num">
              {t('plan.step.share')}
            </th>
            <th scope="col">{t('plan.step.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((st) => {
            const ok = st.withinCapacity && st.withinShare !== false;
            return (
              <tr key={st.from} data-testid="plan-step-row" data-ok={ok ? 'yes' : 'no'}>
                <td>
                  {st.from === st.to
                    ? t('plan.step.runOne', { n: st.from, date: st.firstDate })
                    : t('plan.step.run', { from: st.from, to: st.to, first: st.firstDate, last: st.lastDate })}
                </td>
                <td className="num">{yuan(st.amount)}</td>
                <td className="num">{yuan(st.capacity)}</td>
                <td className="num">{st.share === null ? '—' : yuan(st.share)}</td>
                <td>
                  <span className={ok ? 'case-badge' : 'case-badge case-badge-danger'}>
                    {!st.withinCapacity ? t('plan.step.overCapacity') : st.withinShare === false ? t('plan.step.overShare') : t('plan.step.fits')}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
