// How values read in the letter: money grouped with 元, the ID number masked, conduct flags
// in words (dates and times: dateCN / beijingMinuteCN of shared/time/beijing). Isomorphic.
import { formatMoneyGrouped, Money, ZERO, type Decimal } from '../money/decimal';

export function yuan(amount: string | Decimal): string {
  return `${formatMoneyGrouped(typeof amount === 'string' ? new Money(amount) : amount)} 元`;
}

export function sum(values: (string | Decimal)[]): Decimal {
  return values.reduce<Decimal>((s, v) => s.plus(typeof v === 'string' ? new Money(v) : v), ZERO);
}

/** 110105199001011234 → 110105********1234; other lengths keep the first 3 and last 2. */
export function maskId(id: string): string {
  const s = id.trim();
  if (s.length >= 15) return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
  if (s.length <= 4) return '*'.repeat(s.length);
  return `${s.slice(0, 2)}${'*'.repeat(s.length - 4)}${s.slice(-2)}`;
}

export const FLAG_LABELS: Record<string, string> = {
  night_contact: '夜间催收（22:00—次日 08:00）',
  excess_calls: '单日接通催收电话超过 3 次',
  third_party: '联系债务人以外的第三人',
  threat_or_impersonation: '威胁、恐吓或冒充公检法等',
};

/** Why each flag breaks the rules, with the source (domain.md §3). */
export const FLAG_RULES: Record<string, string> = {
  night_contact:
    '中国互联网金融协会《互联网金融贷后催收业务指引》（2024）及中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026）均要求：未经债务人同意，不得在 22:00 至次日 08:00 期间催收。',
  excess_calls: '《互联网金融贷后催收业务指引》要求：对同一债务人每日接通的语音催收电话（出借方与催收机构合计）不超过 3 次。',
  third_party: '上述指引要求：只能向债务人本人催收；仅在无法联系债务人时可联系第三人转达信息，且不得透露债务情况，被要求停止时应当停止。',
  threat_or_impersonation:
    '《金融机构个人消费类贷款催收工作指引（试行）》禁止威胁、恐吓、侮辱、欺诈及冒充司法机关、政府部门等行为；《民法典》第一千零三十三条禁止以电话、短信、即时通讯工具等方式侵扰他人的私人生活安宁。',
};

export function flagLabel(flag: string): string {
  return FLAG_LABELS[flag] ?? flag;
}

export function bytesLabel(size: number): string {
  if (size < 1024) return `${size} 字节`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
