// How the total grows over 3 / 6 / 12 / 36 months if nothing is paid: a chart and its table.
import type { Account } from '../../../../shared/case/schema';
import { caseGrowth } from '../../../../shared/money/case-owed';
import { dec, formatMoney } from '../../../../shared/money/decimal';
import { currentLocale, useT } from '../../i18n';
import { StackedBarChart } from '../case/charts';
import { yuan } from '../case/input';

export function GrowthPanel({ accounts, today }: { accounts: readonly Account[]; today: string }) {
  const t = useT();
  const rows = caseGrowth(accounts, today);
  const when = (m: number) => (m === 0 ? t('debts.growth.today') : t('debts.growth.months', { n: m }));
  const last = rows[rows.length - 1]!;
  return (
    <section className="case-card" aria-labelledby="growth-title" data-testid="growth">
      <h2 id="growth-title">{t('debts.growth.title')}</h2>
      <p className="case-small">{t('debts.growth.intro')}</p>
      <StackedBarChart
        testId="growth-chart"
        locale={currentLocale()}
        title={t('debts.growth.title')}
        description={t('debts.growth.description', { today: yuan(rows[0]!.total.total), months: last.months, later: yuan(last.total.total) })}
        bars={rows.map((r) => ({
          key: String(r.months),
          label: when(r.months),
          total: r.total.total,
          totalText: yuan(r.total.total),
          parts: [
            { className: 'chart-principal', value: r.total.principal },
            { className: 'chart-interest', value: formatMoney(dec(r.total.interest).plus(r.total.fees)) },
            { className: 'chart-penalty', value: r.total.penalty },
          ],
        }))}
        legend={[
          { className: 'chart-principal', label: t('debts.parts.principal') },
          { className: 'chart-interest', label: t('debts.parts.interestFees') },
          { className: 'chart-penalty', label: t('debts.parts.penalty') },
        ]}
      />
      <table className="case-table" data-testid="growth-table">
        <caption className="visually-hidden">{t('debts.growth.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('debts.growth.colWhen')}</th>
            <th scope="col">{t('debts.growth.colDate')}</th>
            <th scope="col" className="num">
              {t('debts.parts.penalty')}
            </th>
            <th scope="col" className="num">
              {t('debts.parts.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.months}>
              <th scope="row">{when(r.months)}</th>
              <td>{r.date}</td>
              <td className="num">{yuan(r.total.penalty)}</td>
              <td className="num">{yuan(r.total.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
