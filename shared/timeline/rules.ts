// The rule behind each conduct flag and where it comes from (docs/domain.md §1, §3; the
// citations themselves are data: ../data/legal-sources.json),
// in the Chinese the complaint letter cites. The UI shows the same rules in the user's
// language (renderer/locales/timeline/*.json); the citations stay as published.
import type { FlagCode } from './kinds';
import legalSources from '../data/legal-sources.json';

/** Every citation with its source, last-checked date and status (../data/legal-sources.json). */
export const LEGAL_SOURCES = legalSources.sources;
export type LegalSource = (typeof LEGAL_SOURCES)[keyof typeof LEGAL_SOURCES] & { url?: string };

/** The citations the conduct flags use (a subset of LEGAL_SOURCES, same entries). */
export const SOURCES = {
  nifa_2024: LEGAL_SOURCES.nifa_2024,
  cba_2026: LEGAL_SOURCES.cba_2026,
  civil_code_1033: LEGAL_SOURCES.civil_code_1033,
  criminal_law_293_1: LEGAL_SOURCES.criminal_law_293_1,
  bank_card_art3: LEGAL_SOURCES.bank_card_art3,
  civil_code_195: LEGAL_SOURCES.civil_code_195,
} as const;
export type SourceId = keyof typeof SOURCES;

export interface FlagRule {
  /** The rule as the complaint letter states it. */
  ruleZh: string;
  sources: readonly SourceId[];
}

export const FLAG_RULES: Record<FlagCode, FlagRule> = {
  night_contact: {
    ruleZh: '每日 22:00 至次日 08:00（北京时间）不得催收，债务人同意的除外',
    sources: ['nifa_2024', 'cba_2026', 'civil_code_1033'],
  },
  excess_calls: {
    ruleZh: '每日对同一债务人接通的催收电话（债权人与委外机构合计）不得超过 3 次',
    sources: ['nifa_2024'],
  },
  third_party: {
    ruleZh: '只能向债务人本人催收，不得向其亲友、同事等第三人催收或透露债务',
    sources: ['nifa_2024', 'cba_2026'],
  },
  threat_or_impersonation: {
    ruleZh: '不得威胁、恐吓，不得冒充法院、公安等国家机关，不得以律师函、上门、告知家人或单位相威胁',
    sources: ['cba_2026', 'civil_code_1033', 'criminal_law_293_1'],
  },
};

/** Creditor collection by SMS, letter or email interrupts the limitation period. */
export const LIMITATION_RULE: FlagRule = {
  ruleZh: '发卡行或债权人以短信、信函、电子邮件等方式催收，诉讼时效中断，重新计算',
  sources: ['bank_card_art3', 'civil_code_195'],
};

/** NIFA's daily limit of connected calls; the 4th and later are flagged. */
export const DAILY_CONNECTED_CALL_LIMIT = 3;
/** The quiet hours, Beijing time: from 22:00 (inclusive) to 08:00 (exclusive). */
export const NIGHT_STARTS_HOUR = 22;
export const NIGHT_ENDS_HOUR = 8;

export function citation(id: SourceId): string {
  return SOURCES[id].title;
}
