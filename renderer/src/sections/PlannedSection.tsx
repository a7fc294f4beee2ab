// An honest empty state for a section that comes in later work: what it will hold, no data.
import { useT } from '../i18n';
import { PLANNED_SECTIONS, type PlannedSectionId } from './sections';

export function PlannedSectionView({ id }: { id: PlannedSectionId }) {
  const t = useT();
  const section = PLANNED_SECTIONS[id];
  return (
    <section className="section" aria-labelledby="section-title" data-testid={`section-${id}`}>
      <h1 id="section-title" tabIndex={-1}>
        {t(`nav.${id}`)}
      </h1>
      <p className="lead">{t(section.intro)}</p>
      <div className="empty-state" data-testid="empty-state">
        <p className="empty-state-title">{t('sections.willHold')}</p>
        <ul className="empty-state-list">
          {section.points.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p className="empty-state-note">{t('sections.comingLater')}</p>
      </div>
    </section>
  );
}
