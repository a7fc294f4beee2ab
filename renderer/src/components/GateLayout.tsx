// The frame of the screens shown before the vault is open (welcome, unlock): the app
// name, the language choice, and one centred column.
import type { ReactNode } from 'react';
import type { Locale } from '../../../shared/errors';
import { useT } from '../i18n';
import { LanguageSelect } from './LanguageSelect';

export interface GateLayoutProps {
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  children: ReactNode;
}

export function GateLayout({ locale, onLocaleChange, children }: GateLayoutProps) {
  const t = useT();
  return (
    <div className="gate">
      <header className="gate-header">
        <p className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tag">{t('app.offline')}</span>
        </p>
        <LanguageSelect id="gate-locale" testId="locale-select" label={t('locale.label')} value={locale} onChange={onLocaleChange} compact />
      </header>
      <main className="gate-main">{children}</main>
    </div>
  );
}
