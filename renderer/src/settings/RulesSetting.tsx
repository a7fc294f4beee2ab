// Settings → 规则与出处: every citation, the LPR table and the ceilings the app prints, from
// the data files, each with its status (verified / secondary source), source and check date.
import { useT, currentLocale } from '../i18n';
import { LEGAL_SOURCES } from '../../../shared/timeline/rules';
import { SHIPPED_LPR } from '../../../shared/money/ceilings';
import ceilings from '../../../shared/data/ceilings.json';
import lpr from '../../../shared/data/lpr.json';
import { formatPercent } from '../../../shared/money/decimal';
import type { TKey } from '../i18n';
import './current.css';

function Status({ status }: { status: string }) {
  const t = useT();
  const verified = status === 'verified';
  return (
    <span className={`status-badge ${verified ? 'status-verified' : 'status-secondary'}`} data-status={status}>
      {verified ? t('current.rules.verified') : t('current.rules.secondary')}
    </span>
  );
}

export function RulesSetting() {
  const t = useT();
  const en = currentLocale() === 'en';
  const entries = Object.entries(LEGAL_SOURCES);
  return (
    <section className="card settings-card" aria-labelledby="settings-rules-title" data-testid="settings-rules">
      <h2 id="settings-rules-title">{t('current.rules.title')}</h2>
      <p className="help">{t('current.rules.intro')}</p>
      <ul className="rules-list">
        {entries.map(([id, s]) => (
          <li key={id} data-testid={`rule-${id}`}>
            <strong>{en ? s.en : s.title}</strong>
            <Status status={s.status} />
            <br />
            <span className="help">
              {t(`current.rules.topic.${s.topic}` as TKey)} · {t('current.rules.source', { source: s.source })} · {t('current.rules.checked', { date: s.checked })}
            </span>
          </li>
        ))}
      </ul>
      <h3>
        {t('current.rules.lprTitle')}
        <Status status={lpr.status} />
      </h3>
      <p className="help">{t('current.rules.lprIntro', { date: SHIPPED_LPR.checkedThrough })}</p>
      <table className="plain-table">
        <tbody>
          {SHIPPED_LPR.rows.map((r) => (
            <tr key={r.from}>
              <td>{r.from}</td>
              <td>{formatPercent(r.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="help">
        {t('current.rules.source', { source: lpr.source })} · {t('current.rules.checked', { date: lpr.checked })}
      </p>
      <h3>{t('current.rules.ceilingsTitle')}</h3>
      <ul className="rules-list">
        {[ceilings.privateLending4xLpr, ceilings.financialLoan24].map((c) => (
          <li key={c.basis.slice(0, 20)}>
            {c.basis}
            <Status status={c.status} />
            <br />
            <span className="help">{c.caveat}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
