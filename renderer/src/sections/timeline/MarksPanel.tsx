// The directory of creditor numbers: the user's marks first, then the shipped list.
import type { Marks } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';

export function MarksPanel({ marks }: { marks: Marks | null }) {
  const t = useT();
  if (!marks) return null;
  return (
    <details className="tl-panel tl-marks" data-testid="marks-panel">
      <summary>
        <h2 className="tl-inline-h2">{t('timeline.marks.title')}</h2>
      </summary>
      <p className="help">{t('timeline.marks.help')}</p>
      <h3>{t('timeline.marks.yours')}</h3>
      {marks.marks.length === 0 ? (
        <p className="help">{t('timeline.marks.none')}</p>
      ) : (
        <ul className="tl-marks-list">
          {marks.marks.map((m) => (
            <li key={m.key}>
              {m.number} —{' '}
              {t(m.side === 'not_creditor' ? 'timeline.detail.markNotCreditor' : m.side === 'collector' ? 'timeline.detail.markCollector' : 'timeline.detail.markCreditor')}
              {m.organisation ? `（${m.organisation}）` : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('timeline.marks.shipped')}</h3>
      <ul className="tl-marks-list">
        {marks.directory.map((d) => (
          <li key={d.number}>
            {d.number} — {d.organisation}
          </li>
        ))}
      </ul>
    </details>
  );
}
