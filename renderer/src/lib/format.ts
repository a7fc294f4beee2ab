import type { Translate } from '../i18n';

/** 1536 → "1.5 KB" (1024-based, as file managers on Windows show sizes). */
export function formatBytes(t: Translate, bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  const formatted = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return t(`size.${units[unit] ?? 'B'}`, { value: formatted });
}
