// i18next with every locale bundled (nothing is fetched). zh-CN is the default and the
// reference: the other locales must have exactly its keys (checked below at compile time).
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { useCallback } from 'react';
import type { ErrorCode, Locale } from '../../shared/errors';
import { LOCALES } from '../../shared/errors';
import coreZhCN from '../locales/zh-CN.json';
import coreZhTW from '../locales/zh-TW.json';
import coreEn from '../locales/en.json';
import debtsZhCN from '../locales/debts/zh-CN.json';
import debtsZhTW from '../locales/debts/zh-TW.json';
import debtsEn from '../locales/debts/en.json';
import financesZhCN from '../locales/finances/zh-CN.json';
import financesZhTW from '../locales/finances/zh-TW.json';
import financesEn from '../locales/finances/en.json';
import planZhCN from '../locales/plan/zh-CN.json';
import planZhTW from '../locales/plan/zh-TW.json';
import planEn from '../locales/plan/en.json';
import timelineZhCN from '../locales/timeline/zh-CN.json';
import timelineZhTW from '../locales/timeline/zh-TW.json';
import timelineEn from '../locales/timeline/en.json';
import evidenceZhCN from '../locales/evidence/zh-CN.json';
import evidenceZhTW from '../locales/evidence/zh-TW.json';
import evidenceEn from '../locales/evidence/en.json';
import demoZhCN from '../locales/demo/zh-CN.json';
import demoZhTW from '../locales/demo/zh-TW.json';
import demoEn from '../locales/demo/en.json';
import packageToolsZhCN from '../locales/package-tools/zh-CN.json';
import packageToolsZhTW from '../locales/package-tools/zh-TW.json';
import packageToolsEn from '../locales/package-tools/en.json';
import applicationZhCN from '../locales/application/zh-CN.json';
import applicationZhTW from '../locales/application/zh-TW.json';
import applicationEn from '../locales/application/en.json';
import sidesZhCN from '../locales/sides/zh-CN.json';
import sidesZhTW from '../locales/sides/zh-TW.json';
import sidesEn from '../locales/sides/en.json';
import claimsZhCN from '../locales/claims/zh-CN.json';
import claimsZhTW from '../locales/claims/zh-TW.json';
import claimsEn from '../locales/claims/en.json';
import currentZhCN from '../locales/current/zh-CN.json';
import currentZhTW from '../locales/current/zh-TW.json';
import currentEn from '../locales/current/en.json';
import repaymentsZhCN from '../locales/repayments/zh-CN.json';
import repaymentsZhTW from '../locales/repayments/zh-TW.json';
import repaymentsEn from '../locales/repayments/en.json';
import checksZhCN from '../locales/checks/zh-CN.json';
import checksZhTW from '../locales/checks/zh-TW.json';
import checksEn from '../locales/checks/en.json';
import ocrZhCN from '../locales/ocr/zh-CN.json';
import ocrZhTW from '../locales/ocr/zh-TW.json';
import ocrEn from '../locales/ocr/en.json';
import restoreZhCN from '../locales/restore/zh-CN.json';
import restoreZhTW from '../locales/restore/zh-TW.json';
import restoreEn from '../locales/restore/en.json';
import moneyRulesZhCN from '../locales/money-rules/zh-CN.json';
import moneyRulesZhTW from '../locales/money-rules/zh-TW.json';
import moneyRulesEn from '../locales/money-rules/en.json';
import formsZhCN from '../locales/forms/zh-CN.json';
import formsZhTW from '../locales/forms/zh-TW.json';
import formsEn from '../locales/forms/en.json';
// Each capability keeps its strings in renderer/locales/<feature>/{zh-CN,zh-TW,en}.json and
// adds them here under its own top-level key (three imports and one line per locale below),
// so parallel work on different sections never edits the same file.

const zhCN = {
  ...coreZhCN,
  debts: debtsZhCN,
  finances: financesZhCN,
  plan: planZhCN,
  timeline: timelineZhCN,
  evidence: evidenceZhCN,
  demo: demoZhCN,
  packageTools: packageToolsZhCN,
  application: applicationZhCN,
  sides: sidesZhCN,
  claims: claimsZhCN,
  current: currentZhCN,
  repayments: repaymentsZhCN,
  checks: checksZhCN,
  ocr: ocrZhCN,
  restore: restoreZhCN,
  moneyRules: moneyRulesZhCN,
  forms: formsZhCN,
};
const zhTW = {
  ...coreZhTW,
  debts: debtsZhTW,
  finances: financesZhTW,
  plan: planZhTW,
  timeline: timelineZhTW,
  evidence: evidenceZhTW,
  demo: demoZhTW,
  packageTools: packageToolsZhTW,
  application: applicationZhTW,
  sides: sidesZhTW,
  claims: claimsZhTW,
  current: currentZhTW,
  repayments: repaymentsZhTW,
  checks: checksZhTW,
  ocr: ocrZhTW,
  restore: restoreZhTW,
  moneyRules: moneyRulesZhTW,
  forms: formsZhTW,
};
const en = {
  ...coreEn,
  debts: debtsEn,
  finances: financesEn,
  plan: planEn,
  timeline: timelineEn,
  evidence: evidenceEn,
  demo: demoEn,
  packageTools: packageToolsEn,
  application: applicationEn,
  sides: sidesEn,
  claims: claimsEn,
  current: currentEn,
  repayments: repaymentsEn,
  checks: checksEn,
  ocr: ocrEn,
  restore: restoreEn,
  moneyRules: moneyRulesEn,
  forms: formsEn,
};

type Messages = typeof zhCN;
// Same keys in every locale, in both directions, and a message for every error code.
const zhTWChecked: Messages = zhTW;
const enChecked: Messages = en;
const reverseTW: typeof zhTW = zhCN;
const reverseEn: typeof en = zhCN;
const errorsChecked: Record<ErrorCode, string> = zhCN.errors;
void [reverseTW, reverseEn, errorsChecked];

/** Every translation key, as a dotted path ("welcome.title"). */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type TKey = Leaves<Messages>;
export type TVars = Record<string, string | number>;
export type Translate = (key: TKey, vars?: TVars) => string;

export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    'zh-TW': { translation: zhTWChecked },
    en: { translation: enChecked },
  },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  react: { useSuspense: false },
});

function reflectLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.title');
}
reflectLanguage(i18n.language);
i18n.on('languageChanged', reflectLanguage);

/** A typed `t`: only existing keys compile. */
export function useT(): Translate {
  const { t } = useTranslation();
  return useCallback((key: TKey, vars?: TVars) => String(t(key, vars ?? {})), [t]);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export async function changeUiLocale(locale: Locale): Promise<void> {
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export default i18n;
