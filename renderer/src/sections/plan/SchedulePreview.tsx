// A plan's schedule: the table of installments (date and exact amount) and its chart, with
// the monthly capacity drawn across it and any installment above it marked.
import type { Installment } from '../../../../shared/money/plan';
import { dec } from '../../../../shared/money/decimal';
import { currentLocale, useT } from '../../i18n';
import { ScheduleChart } from '../case/charts';
import { yuan } from '../case/input';

export function SchedulePreview({ installments, capacity, testId }: { installments: readonly Installment[]; capacity: string | null; testId: string }) {
  const t = useT();
  const over = (amount: string) => capacity !== null && dec(amount).greaterThan(capacity);
  return (
    <div data-testid={testId}>
      <ScheduleChart
        testId={`${testId}-chart`}
        locale={currentLocale()}
        title={t('plan.schedule.chartTitle')}
        description={t('plan.schedule.chartDescription', { n: installments.length, first: installments[0]?.date ?? '', last: installments.at(-1)?.date ?? '' })}
        amounts={installments.map((i) => ({ n: i.n, amount: i.amount, over: over(i.amount) }))}
        capacity={capacity}
        capacityLabel={capacity === null ? '' : t('plan.schedule.capacityLine', { amount: yuan(capacity) })}
      />
      <details className="case-details" open={installments.length <= 12}>
        <summary>{t('plan.schedule.tableTitle', { n: installments.length })}</summary>
        <table className="case-table" data-testid={`${testId}-table`}>
          <thead>
            <tr>
              <th scope="col">{t('plan.schedule.colN')}</th>
              <th scope="col">{t('plan.schedule.colDate')}</th>
              <th scope="col" className="num">
                {t('plan.schedule.colAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {installments.map((i) => (
              <tr key={i.n} className={over(i.amount) ? 'is-over' : ''}>
                <td>{t('plan.schedule.nth', { n: i.n })}</td>
                <td>{i.date}</td>
                <td className="num">{yuan(i.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
