// The 15 evidence categories (the kinds of record the seed articles tell people to keep).
// The English keys are the values on the CLI (`--category`), in the vault and over IPC;
// the Chinese labels are what the CLI prints and what the export manifest carries.
// The UI takes its labels from renderer/locales/evidence/*.json. Isomorphic.

export const EVIDENCE_CATEGORIES = [
  'chat_screenshot',
  'call_recording',
  'sms',
  'income_proof',
  'bank_statement',
  'bill',
  'medical_proof',
  'unemployment_proof',
  'work_proof',
  'contract',
  'id_document',
  'email',
  'agreement',
  'collection_notice',
  'other',
] as const;

export type EvidenceCategory = (typeof EVIDENCE_CATEGORIES)[number];

export const CATEGORY_LABELS: Readonly<Record<EvidenceCategory, { 'zh-CN': string; en: string }>> = {
  chat_screenshot: { 'zh-CN': '聊天截图', en: 'Chat screenshot' },
  call_recording: { 'zh-CN': '通话录音', en: 'Call recording' },
  sms: { 'zh-CN': '短信', en: 'SMS' },
  income_proof: { 'zh-CN': '收入证明', en: 'Income proof' },
  bank_statement: { 'zh-CN': '银行流水', en: 'Bank statement' },
  bill: { 'zh-CN': '账单', en: 'Bill' },
  medical_proof: { 'zh-CN': '医疗证明', en: 'Medical proof' },
  unemployment_proof: { 'zh-CN': '失业证明', en: 'Unemployment proof' },
  work_proof: { 'zh-CN': '工作证明', en: 'Work proof' },
  contract: { 'zh-CN': '借款合同', en: 'Loan contract' },
  id_document: { 'zh-CN': '身份证件', en: 'ID document' },
  email: { 'zh-CN': '电子邮件', en: 'Email' },
  agreement: { 'zh-CN': '协议', en: 'Agreement' },
  collection_notice: { 'zh-CN': '催收通知', en: 'Collection notice' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export function isEvidenceCategory(value: unknown): value is EvidenceCategory {
  return typeof value === 'string' && (EVIDENCE_CATEGORIES as readonly string[]).includes(value);
}

/** "chat_screenshot（聊天截图）, call_recording（通话录音）, …" for --help and usage errors. */
export function categoryHelp(): string {
  return EVIDENCE_CATEGORIES.map((c) => `${c}（${CATEGORY_LABELS[c]['zh-CN']}）`).join(', ');
}
