// The statement's sums, live as the user types: what comes in, what must go out, and what
// is left each month for the debts in this case — the most that any plan should promise.
import type { Finances } from '../../../../shared/case/schema';
import { summarizeFinances, type FinanceFigures } from '../../../../shared/money/finances';
import { capacityChanges } from '../../../../shared/money/capacity';
import { todayBeijing } from '../../../../shared/time/beijing';
import { useT } from '../../i18n';
import { Message } from '../../components/Message';
import { yuan } from '../case/input';

export function FinanceSummary({ figures, reference, pending }: { figures: FinanceFigures; reference: Finances['reference']; pending: boolean }) {
  const t = useT();
  const today = todayBeijing();
  // This month's figures; an income that ends (or a cost that starts) changes them later: said below.
  const s = summarizeFinances(figures, today);
  const ahead = s.empty
    ? []
    : capacityChanges(figures)
        .filter((d) => d > today)
        .slice(0, 4)
        .map((date) => ({ date, forPlan: summarizeFinances(figures, date).forPlan }));
  const row = (label: string, value: string, sign: string, testId?: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num" data-testid={testId}>
        {sign}
        {yuan(value)}
      </td>
    </tr>
  );
  return (
    <section className="case-card case-headline" aria-labelledby="finances-summary-title" data-testid="finances-summary">
      <h2 id="finances-summary-title" className="case-headline-label">
        {t('finances.summary.title')}
      </h2>
      <p className="case-headline-total" data-testid="finances-for-plan">
        {s.empty ? t('finances.summary.unknown') : yuan(s.forPlan)}
      </p>
      <table className="case-table">
        <tbody>
          {row(t('finances.summary.income'), s.income, '', 'finances-income-total')}
          {row(t('finances.summary.fixed'), s.fixedCosts, '− ')}
          {row(t('finances.summary.flexible'), s.flexibleCosts, '− ')}
          {row(t('finances.summary.priority'), s.priorityDebts, '− ')}
          <tr className={s.shortfall ? 'is-over' : ''}>
            <th scope="row">{t('finances.summary.available')}</th>
            <td className="num" data-testid="finances-available">
              {yuan(s.available)}
            </td>
          </tr>
          {row(t('finances.summary.other'), s.otherNonPriorityDebts, '− ')}
          <tr>
            <th scope="row">{t('finances.summary.forPlan')}</th>
            <td className="num">{yuan(s.forPlan)}</td>
          </tr>
          {row(t('finances.summary.assets'), s.assets, '')}
        </tbody>
      </table>
      {ahead.length > 0 && (
        <div data-testid="finances-changes">
          <p className="case-small">{t('finances.summary.changesTitle')}</p>
          <ul className="case-small">
            {ahead.map((c) => (
              <li key={c.date}>{t('finances.summary.changeOn', { date: c.date, amount: yuan(c.forPlan) })}</li>
            ))}
          </ul>
        </div>
      )}
      {pending && <p className="case-small">{t('finances.summary.pending')}</p>}
      {s.shortfall && (
        <Message kind="warning" testId="finances-shortfall">
          {t('finances.summary.shortfall')}
        </Message>
      )}
      {reference && (
        <p className="case-small" data-testid="finances-reference">
          {t('finances.summary.reference', {
            label: reference.label,
            amount: yuan(reference.amount),
            source: reference.source || t('finances.summary.noSource'),
            income: yuan(s.income),
          })}
        </p>
      )}
      <p className="case-small">{t('finances.summary.never')}</p>
    </section>
  );
}
