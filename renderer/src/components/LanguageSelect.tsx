import type { Locale } from '../../../shared/errors';
import { LOCALES } from '../../../shared/errors';
import { isLocale, useT } from '../i18n';

export interface LanguageSelectProps {
  id: string;
  testId: string;
  label: string;
  value: Locale;
  onChange: (locale: Locale) => void;
  disabled?: boolean;
  compact?: boolean;
}

export function LanguageSelect({ id, testId, label, value, onChange, disabled, compact }: LanguageSelectProps) {
  const t = useT();
  return (
    <div className={compact ? 'field field-inline' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className="select"
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          if (isLocale(e.target.value)) onChange(e.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          // Each language is named in itself, so anyone can find their own.
          <option key={locale} value={locale} lang={locale}>
            {t(`locale.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
