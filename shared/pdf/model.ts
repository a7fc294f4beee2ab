// The typed input of an application package: everything the letter and its exhibits need,
// nothing read from a database. The builder (build.ts) is pure over this model; the vault
// side (the lead's wiring) fills it from the case, the timeline and the evidence table.
// Isomorphic: zod and shared/ only. Evidence bytes come through async readers so that a
// worker can fetch them (vault:// protocol) and Node can read them from the vault, one
// exhibit at a time.
import { z } from 'zod';
import { PackageIncompleteError, PackageModelError } from './errors';
import { ADDRESSEE_KINDS } from './address';

export const TEMPLATES = ['negotiation', 'waiver', 'installments', 'complaint', 'mediation', 'callsheet', 'stop-contact', 'statement-request', 'confirm-agreement'] as const;
export type Template = (typeof TEMPLATES)[number];

export const TEMPLATE_TITLES: Record<Template, string> = {
  negotiation: '协商还款申请书',
  waiver: '罚息减免申请书',
  installments: '个性化分期还款申请书',
  complaint: '投诉信',
  mediation: '调解申请书',
  callsheet: '电话协商要点',
  'stop-contact': '关于停止联系第三人及夜间催收的函',
  'statement-request': '关于提供欠款逐项明细的申请',
  'confirm-agreement': '口头协议书面确认函',
};

export const EXHIBIT_KINDS = ['image', 'pdf', 'audio', 'other'] as const;
export type ExhibitKind = (typeof EXHIBIT_KINDS)[number];

/** How the builder reads an exhibit: the whole file, or chunks (memory-bounded). At least one. */
export interface ExhibitSource {
  /** Resolves with the whole file. Used for images and PDFs (they must be whole to be laid out). */
  read?: () => Promise<Uint8Array>;
  /** Yields the file in chunks. Preferred for audio and other attached files (never held whole). */
  chunks?: () => AsyncIterable<Uint8Array>;
}

const isSource = (v: unknown): v is ExhibitSource =>
  typeof v === 'object' && v !== null && (typeof (v as ExhibitSource).read === 'function' || typeof (v as ExhibitSource).chunks === 'function');

const Source = z.custom<ExhibitSource>(isSource, { message: '需要 read() 或 chunks() 读取函数' });
const Bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: '需要字节数组（Uint8Array）' });

const MONEY = /^\d{1,12}\.\d{2}$/;
const Money = z.string().regex(MONEY, { message: '金额应为两位小数的文字，例如 "1825.00"' });
const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD' });
const Text = (max: number) => z.string().max(max, { message: `太长了（最多 ${max} 个字符）` });
const Sha = z.string().regex(/^[0-9a-f]{64}$/, { message: 'SHA-256 应为 64 位小写十六进制' });

export const PartySchema = z.object({
  name: Text(200),
  /** Bank, company, regulator, mediator …: decides 贵行 / 贵司 / 贵局 / 贵委 (address.ts); inferred from the name when absent. */
  kind: z.enum(ADDRESSEE_KINDS).optional(),
  /** 统一社会信用代码 (a respondent in a mediation application). */
  creditCode: Text(18).optional(),
  department: Text(200).optional(),
  address: Text(300).optional(),
  phone: Text(60).optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const ApplicantSchema = z.object({
  name: Text(100),
  idNumber: Text(40).optional(),
  /** The ID number is masked (110105********1234) unless the user asks for it in full. */
  showFullIdNumber: z.boolean().default(false),
  phone: Text(60).optional(),
  address: Text(300).optional(),
});
export type Applicant = z.infer<typeof ApplicantSchema>;

export const AccountSchema = z.object({
  /** 花呗 / 借呗 / 招商银行信用卡 … */
  label: Text(100),
  /** Contract or card number; shown as given (mask it before if wanted). */
  number: Text(64).optional(),
  /** The lender of this account when it differs from the addressee. */
  creditor: Text(200).optional(),
  principal: Money,
  interest: Money,
  penalty: Money,
  fees: Money,
  overdueSince: DateStr.optional(),
  overdueDays: z.number().int().min(0).optional(),
  /** How the overdue days were counted, in words beside the figure (应还款日……的次日算第 1 天). */
  overdueRule: Text(120).optional(),
});
export type Account = z.infer<typeof AccountSchema>;

export const MoneyRowSchema = z.object({ label: Text(200), amount: Money, note: Text(300).optional() });
export type MoneyRow = z.infer<typeof MoneyRowSchema>;

export const FinancesSchema = z.object({
  /** One line about the household: "一人居住，需赡养母亲" … */
  household: Text(1000).optional(),
  income: z.array(MoneyRowSchema).max(100).default([]),
  fixedCosts: z.array(MoneyRowSchema).max(100).default([]),
  flexibleCosts: z.array(MoneyRowSchema).max(100).default([]),
  /** Priority debts paid each month (rent arrears, mortgage, child support …). */
  priorityDebts: z.array(MoneyRowSchema).max(100).default([]),
  /** A reference figure the user chose (local minimum wage, 低保 …); never invented. */
  reference: z.object({ label: Text(100), amount: Money, source: Text(300).optional() }).optional(),
});
export type Finances = z.infer<typeof FinancesSchema>;

export const ScheduleRowSchema = z.object({
  n: z.number().int().min(1),
  date: DateStr,
  amount: Money,
  note: Text(200).optional(),
});
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;

/** One debt in the financial statement: every creditor's account and every other debt, with what is offered to each. */
export const DebtRowSchema = z.object({
  creditor: Text(200),
  label: Text(200),
  owed: Money,
  /** What is paid or offered each month (the largest installment of an offer). */
  monthly: Money.optional(),
  /** this: the accounts of this letter; case: another creditor in the case; priority / family / other: other debts. */
  kind: z.enum(['this', 'case', 'priority', 'family', 'other']),
  note: Text(300).optional(),
});
export type DebtRow = z.infer<typeof DebtRowSchema>;

/** The shared monthly capacity and how the offers fit it (shared/money/capacity.ts, computed by the caller). */
export const CapacitySchema = z.object({
  /** What is left each month for the creditors in the case (after living costs, priority debts and family loans). */
  monthly: Money,
  /** This creditor's share of it. */
  share: Money,
  /** pro-rata (by what each is owed) or fixed (set by the user). */
  basis: z.enum(['pro-rata', 'fixed']).default('pro-rata'),
  /** Every installment of this offer fits the share in its month. */
  withinShare: z.boolean(),
  /** All offers together fit the whole capacity in every month. */
  withinWhole: z.boolean(),
  /** Later changes of the monthly capacity (an income ending or starting): from that date, this much. */
  changes: z
    .array(z.object({ from: DateStr, monthly: Money, why: Text(200).optional() }))
    .max(24)
    .default([]),
});
export type Capacity = z.infer<typeof CapacitySchema>;

/** A figure the creditor side claimed that exceeds the app's ledger (shared/money/claims-check.ts). */
export const ClaimRowSchema = z.object({
  date: DateStr,
  /** Who claimed it (催收短信的发送方 …). */
  source: Text(200),
  claimedAmount: Money.optional(),
  ourAmount: Money.optional(),
  claimedDays: z.number().int().min(0).optional(),
  ourDays: z.number().int().min(0).optional(),
  exhibits: z.array(z.number().int().min(1)).default([]),
});
export type ClaimRow = z.infer<typeof ClaimRowSchema>;

/** An agreement reached by phone, to be confirmed in writing (口头协议书面确认). */
export const OralAgreementSchema = z.object({
  at: Text(40),
  channel: Text(40),
  counterparty: Text(100),
  terms: Text(4000),
});
export type OralAgreement = z.infer<typeof OralAgreementSchema>;

export const ProposalSchema = z.object({
  /** One paragraph in the user's words; a default is written from the schedule when absent. */
  summary: Text(4000).optional(),
  schedule: z.array(ScheduleRowSchema).max(120).default([]),
  /** The request to freeze / waive penalty and interest. Default text by template when absent. */
  waiverRequest: Text(4000).optional(),
  /** The promise clause. Default text when absent. */
  promise: Text(4000).optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export const ContactRowSchema = z.object({
  /** "2024-10-18T14:30:22+08:00" or "2024-10-18 14:30"; shown as Beijing time "2024-10-18 14:30". */
  at: Text(40),
  channel: Text(40),
  counterparty: Text(100),
  summary: Text(2000),
  promised: Text(500).optional(),
  followUp: DateStr.optional(),
  /** incoming: they contacted me (←对方); outgoing: I contacted them (我方→). */
  direction: z.enum(['incoming', 'outgoing']).optional(),
  /** Exhibit numbers that hold the contact (an SMS row: the backup file's exhibit). */
  exhibits: z.array(z.number().int().min(1)).optional(),
});
export type ContactRow = z.infer<typeof ContactRowSchema>;

export const FlaggedContactSchema = z.object({
  at: Text(40),
  channel: Text(40),
  counterparty: Text(100),
  /** Conduct flags: the timeline's codes (night_contact, excess_calls, third_party, threat_or_impersonation) or Chinese words. */
  flags: z.array(Text(60)).min(1),
  summary: Text(2000),
  /** Exhibit numbers that prove it. */
  exhibits: z.array(z.number().int().min(1)).default([]),
});
export type FlaggedContact = z.infer<typeof FlaggedContactSchema>;

export const ExhibitOcrSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  lines: z.array(z.object({ text: Text(1000), box: z.object({ x: z.number().min(0), y: z.number().min(0), w: z.number().positive(), h: z.number().positive() }) })).max(5000),
});
export type ExhibitOcr = z.infer<typeof ExhibitOcrSchema>;

export const ExhibitSchema = z.object({
  n: z.number().int().min(1).max(9999),
  title: Text(200),
  category: Text(60),
  /** Capture or document date, YYYY-MM-DD (or empty when unknown). */
  date: z.union([DateStr, z.literal('')]).default(''),
  sha256: Sha,
  size: z.number().int().min(0),
  mime: Text(100),
  kind: z.enum(EXHIBIT_KINDS),
  /** The original file name; the attachment is named after it. */
  fileName: Text(255),
  /** Password of an encrypted PDF exhibit (never written anywhere). */
  password: z.string().max(200).optional(),
  /** Extra metadata shown in the listing: 时长, 号码, 通话时间 … */
  meta: z.record(z.string(), Text(300)).default({}),
  source: Source,
  /**
   * For an image the builder cannot lay out itself (HEIC, WebP, GIF…): a PNG or JPEG
   * rendition made by the caller (sharp in main). The original is then attached byte-for-byte.
   */
  rendition: z.object({ mime: z.enum(['image/png', 'image/jpeg']), source: Source }).optional(),
  /** List it by name, duration and SHA-256 instead of embedding it (a large recording). */
  listOnly: z.boolean().default(false),
  /**
   * For an image: the text OCR recognised, with each line's box in pixels of the upright
   * image (width × height). Written invisibly over the image so a PDF reader can search and copy it.
   */
  ocr: ExhibitOcrSchema.optional(),
});
export type Exhibit = z.infer<typeof ExhibitSchema>;

export const SignatureSchema = z.object({
  name: Text(100),
  date: DateStr,
  /** The drawn signature, PNG or JPEG bytes (transparent PNG from a signature pad is fine). */
  image: Bytes.optional(),
  /** SHA-256 fingerprint of the signing certificate, shown in the signature block. */
  certificateFingerprint: Text(200).optional(),
});
export type Signature = z.infer<typeof SignatureSchema>;

export const SigningSchema = z.object({
  /** Reserve a PKCS#7 signature field (main/signing fills it; the key never leaves main). */
  reserve: z.boolean(),
  reason: Text(200).optional(),
  location: Text(200).optional(),
  contactInfo: Text(200).optional(),
  /** Bytes reserved for the DER signature (hex doubles it). Default 8192. */
  signatureLength: z.number().int().min(2048).max(65536).optional(),
});
export type Signing = z.infer<typeof SigningSchema>;

export const MetadataSchema = z.object({
  title: Text(300).optional(),
  author: Text(200).optional(),
  subject: Text(300).optional(),
  keywords: z.array(Text(60)).max(30).default([]),
  language: z.literal('zh-CN').default('zh-CN'),
});

export const PackageModelSchema = z.object({
  template: z.enum(TEMPLATES),
  /** The date of the letter; arrears are stated as of this date. */
  date: DateStr,
  /** The creditor the application is addressed to (the respondent in a complaint or mediation). */
  creditor: PartySchema,
  /** Who receives a complaint or mediation application (defaults: 12378 / 人民调解委员会). */
  recipient: PartySchema.optional(),
  applicant: ApplicantSchema,
  accounts: z.array(AccountSchema).max(50).default([]),
  hardship: z.object({ reason: Text(10000), since: DateStr.optional(), category: Text(60).optional() }).default({ reason: '' }),
  finances: FinancesSchema.optional(),
  proposal: ProposalSchema.optional(),
  contacts: z.array(ContactRowSchema).max(2000).default([]),
  flaggedContacts: z.array(FlaggedContactSchema).max(2000).default([]),
  /** 请求事项 of a complaint or mediation application; defaults by template. */
  requests: z.array(Text(1000)).max(20).optional(),
  /** Free facts text for a complaint or mediation (in addition to the flagged contacts). */
  facts: Text(10000).optional(),
  /** Every debt the writer has (the statement is signed as complete), with what is offered to each. */
  debts: z.array(DebtRowSchema).max(200).default([]),
  capacity: CapacitySchema.optional(),
  /** Claims by the creditor side that exceed the ledger, with their dates and exhibits. */
  claims: z.array(ClaimRowSchema).max(200).default([]),
  /** The user's own requests to stop (date and words), from the record. */
  stopRequests: z
    .array(z.object({ at: Text(40), summary: Text(2000) }))
    .max(200)
    .default([]),
  /** Where the negotiation stands, in the record's words (a pending application is not a failed negotiation). */
  negotiationState: Text(1000).optional(),
  oralAgreement: OralAgreementSchema.optional(),
  /** A one-page summary on top of a negotiation package. */
  summaryPage: z.boolean().default(false),
  /** Ask to pause outsourced collection while the application is reviewed. */
  pauseCollection: z.boolean().default(false),
  exhibits: z.array(ExhibitSchema).max(2000).default([]),
  signature: SignatureSchema.optional(),
  signing: SigningSchema.optional(),
  metadata: MetadataSchema.default({ keywords: [], language: 'zh-CN' }),
  /** A demo copy: "示例" on every page. */
  sample: z.boolean().default(false),
});

export type PackageModelInput = z.input<typeof PackageModelSchema>;
export type PackageModel = z.output<typeof PackageModelSchema>;

/** The templates that explain why the payments stopped. */
const NEEDS_HARDSHIP: ReadonlySet<Template> = new Set(['negotiation', 'waiver', 'installments', 'mediation', 'callsheet']);

/** Which templates carry which parts. */
export const LETTER_TEMPLATES: readonly Template[] = ['negotiation', 'waiver', 'installments'];

/**
 * Parses and checks the model. Shape errors → PackageModelError (with paths); missing
 * content → PackageIncompleteError listing everything that is missing at once.
 */
export function validatePackageModel(input: unknown): PackageModel {
  const parsed = PackageModelSchema.safeParse(input);
  if (!parsed.success) {
    throw new PackageModelError(parsed.error.issues.slice(0, 20).map((i) => `${i.path.map(String).join('.') || '(根)'}：${i.message}`));
  }
  const m = parsed.data;
  const missing: string[] = [];
  const blank = (s: string | undefined) => s === undefined || s.trim() === '';
  if (blank(m.applicant.name)) missing.push('申请人姓名');
  if (blank(m.creditor.name)) missing.push(m.template === 'complaint' || m.template === 'mediation' ? '被投诉/被申请的机构名称' : '收件的债权机构名称');
  const needsAccounts = m.template !== 'complaint' && m.template !== 'stop-contact';
  if (needsAccounts && m.accounts.length === 0) missing.push('至少一个逾期账户（欠款明细）');
  if (NEEDS_HARDSHIP.has(m.template) && blank(m.hardship.reason)) missing.push('逾期的原因说明');
  if (m.template === 'installments' && (m.proposal?.schedule.length ?? 0) === 0) missing.push('分期还款计划（至少一期）');
  if (m.template === 'confirm-agreement' && (!m.oralAgreement || blank(m.oralAgreement.terms))) missing.push('口头约定的内容（时间、对方、约定了什么）');
  if (m.template === 'complaint' && m.flaggedContacts.length === 0 && blank(m.facts)) {
    missing.push('投诉的事实（被标记的催收记录或事实说明）');
  }
  const numbers = new Set<number>();
  for (const e of m.exhibits) {
    if (numbers.has(e.n)) missing.push(`证据编号不唯一：${e.n}`);
    numbers.add(e.n);
    if (blank(e.title)) missing.push(`证据 ${e.n} 的名称`);
  }
  for (const f of m.flaggedContacts) {
    for (const n of f.exhibits) if (!numbers.has(n)) missing.push(`催收记录引用的证据 ${n} 不在证据清单中`);
  }
  if (m.signature && blank(m.signature.name)) missing.push('签名人姓名');
  if (missing.length > 0) throw new PackageIncompleteError([...new Set(missing)]);
  return m;
}
