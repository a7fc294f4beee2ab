import { SECTION_IDS, type SectionId } from '../sections/sections';
import { useT } from '../i18n';

export interface SideNavProps {
  current: SectionId;
  onSelect: (id: SectionId) => void;
}

export function SideNav({ current, onSelect }: SideNavProps) {
  const t = useT();
  return (
    <nav className="sidenav" aria-label={t('shell.navLabel')}>
      <ul className="sidenav-list">
        {SECTION_IDS.map((id) => (
          <li key={id}>
            <button
              type="button"
              className={id === current ? 'sidenav-item is-current' : 'sidenav-item'}
              aria-current={id === current ? 'page' : undefined}
              onClick={() => onSelect(id)}
              data-testid={`nav-${id}`}
            >
              {t(`nav.${id}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
