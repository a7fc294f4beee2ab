// The monthly conduct summary, in the sentence the complaint letter can cite.
import type { MonthSummary } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';

export function ConductSummary({ months }: { months: readonly MonthSummary[] }) {
  const t = useT();
  const recent = [...months].reverse().slice(0, 6);
  return (
    <section className="tl-panel" aria-labelledby="tl-summary-title" data-testid="conduct-summary">
      <h2 id="tl-summary-title">{t('timeline.summary.title')}</h2>
      <p className="help">{t('timeline.summary.help')}</p>
      {recent.length === 0 ? (
        <p className="help">{t('timeline.summary.empty')}</p>
      ) : (
        <>
          <table className="tl-summary-table">
            <thead>
              <tr>
                <th scope="col">{t('timeline.summary.month')}</th>
                <th scope="col">{t('timeline.summary.night')}</th>
                <th scope="col">{t('timeline.summary.excessDays')}</th>
                <th scope="col">{t('timeline.summary.thirdParty')}</th>
                <th scope="col">{t('timeline.summary.threats')}</th>
                <th scope="col">{t('timeline.summary.limitation')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((m) => (
                <tr key={m.month} data-testid="summary-month" data-month={m.month}>
                  <th scope="row">{m.month}</th>
                  <td>{m.nightContacts}</td>
                  <td>{m.excessCallDays}</td>
                  <td>{m.thirdParty}</td>
                  <td>{m.threats}</td>
                  <td>{m.limitationInterruptions}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="tl-summary-text">
            {recent.map((m) => (
              <li key={m.month} lang="zh-CN" data-testid="summary-sentence">
                {m.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
