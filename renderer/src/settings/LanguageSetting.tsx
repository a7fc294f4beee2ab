import { useState } from 'react';
import type { Locale } from '../../../shared/errors';
import { LanguageSelect } from '../components/LanguageSelect';
import { Message } from '../components/Message';
import { useT } from '../i18n';
import { sayText, type Said } from '../lib/said';

export interface LanguageSettingProps {
  locale: Locale;
  onLocaleChange: (locale: Locale) => Promise<void>;
}

export function LanguageSetting({ locale, onLocaleChange }: LanguageSettingProps) {
  const t = useT();
  const [error, setError] = useState<Said | null>(null);
  return (
    <section className="card settings-card" aria-labelledby="settings-language-title">
      <h2 id="settings-language-title">{t('settings.language.title')}</h2>
      <LanguageSelect
        id="settings-locale"
        testId="settings-locale"
        label={t('settings.language.label')}
        value={locale}
        onChange={(next) => {
          setError(null);
          onLocaleChange(next).catch((err: unknown) => setError({ error: err }));
        }}
      />
      {error && <Message kind="error">{sayText(t, error)}</Message>}
    </section>
  );
}
