// The case: everything the user knows about what is owed and what can be paid, as one
// documented JSON (docs/case.schema.json, generated from this file by
// scripts/gen-case-schema.mjs). `case export` prints it, `case import` reads it, the app's
// 债务 / 财务 / 方案 pages edit it piece by piece, the application package (issue 6) reads it.
// Isomorphic: zod and shared/ only.
import { z } from 'zod';
import { DailyRateString, DateString, EvidenceIdString, IdString, MoneyString, TimeString, choice, int, list, requiredText, text } from './fields';

export {
  CASE_FORMAT,
  CASE_VERSION,
  PRODUCTS,
  CHANNEL_KINDS,
  PENALTY_MODES,
  OVERDUE_CONVENTIONS,
  HARDSHIP_CATEGORIES,
  HOUSING,
  EMPLOYMENT,
  INCOME_CATEGORIES,
  FIXED_COST_CATEGORIES,
  FLEXIBLE_COST_CATEGORIES,
  PLAN_ROLES,
  PLAN_BASES,
  INSTITUTIONS,
} from './kinds';
import { ID_NUMBER_PROBLEM_ZH, idNumberProblem } from './id-number';
import { AgreementTermsSchema } from '../repayments/terms';
import { AgentSchema, BillColumnMapSchema, PaymentSchema, RoundSchema, SettingsSchema, SidesSchema } from './schema-after';
export type { Product, PlanBasis, Institution } from './kinds';
import {
  CASE_FORMAT,
  CASE_VERSION,
  PRODUCTS,
  CHANNEL_KINDS,
  PENALTY_MODES,
  OVERDUE_CONVENTIONS,
  HARDSHIP_CATEGORIES,
  HOUSING,
  EMPLOYMENT,
  INCOME_CATEGORIES,
  FIXED_COST_CATEGORIES,
  FLEXIBLE_COST_CATEGORIES,
  PLAN_ROLES,
  PLAN_BASES,
  INSTITUTIONS,
} from './kinds';

/** Agreements are facts the creditor agreed to, not our proposals: allow up to 10 years. */
export const MAX_AGREEMENT_INSTALLMENTS = 120;

const note = text(4000, '备注 / note');

export const ApplicantSchema = z
  .strictObject({
    name: text(100, '姓名 / full name'),
    idNumber: text(32, '身份证号（界面上默认遮盖）/ ID number (masked by default wherever shown)').superRefine((v, ctx) => {
      const problem = idNumberProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: ID_NUMBER_PROBLEM_ZH[problem] });
    }),
    phone: text(40, '电话 / phone'),
    address: text(300, '地址 / address'),
  })
  .meta({ description: '申请人 / the applicant' });

export const ServiceChannelSchema = z.strictObject({
  kind: choice(CHANNEL_KINDS, '渠道：hotline 客服热线 / app-chat App 在线客服 / email 邮件 / other 其他'),
  value: requiredText(200, '号码、App 入口或邮箱 / number, in-app path or address'),
  note: text(200, '备注 / note'),
});

export const CreditorSchema = z
  .strictObject({
    id: IdString,
    legalName: requiredText(200, '法定名称，例如 重庆蚂蚁消费金融有限公司 / legal name'),
    product: choice(PRODUCTS, '产品：huabei 花呗 / jiebei 借呗 / credit-card 信用卡 / other 其他'),
    productName: text(60, '产品名称（信用卡名称或其他产品）/ product name'),
    channels: list(ServiceChannelSchema, 20, '服务渠道 / service channels'),
    note,
    institution: choice(INSTITUTIONS, '机构类型：bank 银行（贵行）/ consumer-finance 消费金融公司 / company 其他公司（贵司）；省略或 null 时按名称推断').nullable().optional(),
    creditCode: text(18, '统一社会信用代码（调解申请用）/ unified social credit code').optional(),
    capacityShare: MoneyString.nullable()
      .optional()
      .meta({ description: "每月还款能力中分给该机构的金额；省略或 null 时按欠款比例分配 / this creditor's share of the monthly capacity; null = pro rata" }),
  })
  .meta({ description: '债权机构 / creditor' });

export const PenaltyRuleSchema = z
  .strictObject({
    mode: choice(PENALTY_MODES, '计息方式：simple 单利按日 / compound-daily 按日复利'),
    dailyRate: DailyRateString,
    graceDays: int(0, 365, '宽限期天数（不计罚息）/ grace days'),
    startDate: DateString.meta({ description: '罚息起算日：通常是错过的还款日，次日起算逾期 / the missed due date' }),
  })
  .meta({ description: '罚息规则（默认：未还本金 × 0.05%/天，单利）/ the penalty rule (default simple 0.05 % a day on the unpaid principal)' });

export const AccountSchema = z
  .strictObject({
    id: IdString,
    creditorId: IdString.meta({ description: 'creditors[].id' }),
    label: text(60, '名称，例如 花呗 / label'),
    number: text(64, '合同号或卡号 / contract or card number'),
    principal: MoneyString.meta({ description: '未还本金 / principal outstanding' }),
    interest: MoneyString.meta({ description: '已出利息 / interest billed' }),
    fees: MoneyString.meta({ description: '违约金、滞纳金等费用 / fees charged' }),
    dueDate: DateString.nullable().meta({ description: '应还款日（错过的那一期）/ the missed due date' }),
    overdueSince: DateString.nullable().meta({ description: '逾期开始日 / first day overdue' }),
    penalty: PenaltyRuleSchema,
    contractDate: DateString.nullable().meta({ description: '合同成立日（4 倍 LPR 对比用）/ contract date, for 4 × LPR' }),
    evidenceIds: list(EvidenceIdString, 100, '合同、账单等证据 / evidence for this account'),
    note,
    overdueConvention: choice(
      OVERDUE_CONVENTIONS,
      '逾期天数的算法：creditor 应还款日次日算第 1 天（债权机构自己的算法，省略时的默认）/ inclusive 应还款日当天算第 1 天',
    ).optional(),
    rateConfirmed: TimeString.nullable().optional().meta({
      description:
        '日利率高于 0.1%/天时，用户确认无误的时间；没有它，这样的账户不能导入或保存（或用 case import --confirm-rates）/ when the user confirmed a daily rate above 0.1 %',
    }),
  })
  .meta({ description: '账户 / account' });

export const SnapshotSchema = z
  .strictObject({
    id: IdString,
    accountId: IdString.meta({ description: 'accounts[].id' }),
    date: DateString.meta({ description: '账单日期 / bill date' }),
    principal: MoneyString,
    interest: MoneyString,
    penalty: MoneyString,
    fees: MoneyString,
    evidenceId: EvidenceIdString.nullable(),
    note,
  })
  .meta({ description: '账单记录的余额 / a balance snapshot from a bill' });

export const HardshipSchema = z
  .strictObject({
    category: choice(HARDSHIP_CATEGORIES, '原因类别 / reason category').nullable(),
    text: text(10000, '原因说明 / what happened'),
    since: DateString.nullable().meta({ description: '从何时开始 / since' }),
  })
  .meta({ description: '困难原因 / hardship' });

const item = <T extends readonly [string, ...string[]]>(categories: T) =>
  z.strictObject({
    id: IdString,
    category: choice(categories, '类别 / category'),
    label: text(100, '说明 / label'),
    monthly: MoneyString.meta({ description: '每月金额 / monthly amount' }),
    evidenceId: EvidenceIdString.nullable(),
    note,
    from: DateString.nullable().optional().meta({ description: '从哪天开始（省略 = 已经开始）/ starts on' }),
    until: DateString.nullable().optional().meta({ description: '到哪天结束（失业金、合同到期等；省略 = 不结束）/ ends on' }),
  });

export const IncomeItemSchema = item(INCOME_CATEGORIES);
export const FixedCostSchema = item(FIXED_COST_CATEGORIES);
export const FlexibleCostSchema = item(FLEXIBLE_COST_CATEGORIES);

export const OtherDebtSchema = z.strictObject({
  id: IdString,
  creditor: requiredText(200, '债权人 / creditor'),
  priority: z.boolean({ error: '必须是 true 或 false' }).meta({ description: '优先债务（房贷、房租、水电、税费、抚养费等不还会失去住房或服务的）/ priority debt' }),
  owed: MoneyString.meta({ description: '欠款 / owed' }),
  monthly: MoneyString.meta({ description: '每月还款 / monthly payment' }),
  evidenceId: EvidenceIdString.nullable(),
  note,
  family: z.boolean({ error: '必须是 true 或 false' }).optional().meta({ description: '向亲友的借款（与优先债务一样先从还款能力中扣除）/ a loan from family or friends' }),
});

export const AssetSchema = z.strictObject({
  id: IdString,
  label: requiredText(200, '可出售的资产 / an asset that could be sold'),
  value: MoneyString.meta({ description: '估计价值 / estimated value' }),
  evidenceId: EvidenceIdString.nullable(),
  note,
});

export const HouseholdSchema = z.strictObject({
  adults: int(1, 30, '家中成年人数 / adults in the household'),
  dependants: int(0, 30, '需要抚养或赡养的人数 / dependants'),
  housing: choice(HOUSING, '住房 / housing').nullable(),
  employment: choice(EMPLOYMENT, '就业 / employment').nullable(),
  note,
});

export const ReferenceFigureSchema = z
  .strictObject({
    label: requiredText(100, '参考标准，例如 本地最低工资 / 低保标准 / e.g. local minimum wage'),
    amount: MoneyString.meta({ description: '每月金额 / monthly amount' }),
    source: text(300, '来源（由用户填写，本程序不提供）/ source, given by the user'),
  })
  .meta({ description: '用户自选的参考数字，本程序从不编造 / a reference figure the user chose; never invented' });

export const FinancesSchema = z
  .strictObject({
    household: HouseholdSchema,
    income: list(IncomeItemSchema, 100, '每月收入 / monthly income'),
    fixedCosts: list(FixedCostSchema, 100, '固定支出 / fixed costs'),
    flexibleCosts: list(FlexibleCostSchema, 100, '弹性支出 / flexible costs'),
    debts: list(OtherDebtSchema, 100, '其他债务（不在账户列表中的）/ other debts'),
    assets: list(AssetSchema, 100, '可出售的资产 / assets that could be sold'),
    reference: ReferenceFigureSchema.nullable(),
  })
  .meta({
    description: '财务状况（参照英国 Standard Financial Statement）：每月可用于还款 = 收入 − 固定支出 − 弹性支出 − 优先债务 / the financial statement',
  });

export const OwedBreakdownSchema = z.strictObject({
  principal: MoneyString,
  interest: MoneyString,
  penalty: MoneyString,
  fees: MoneyString,
  total: MoneyString,
});

export const OverCapacityAckSchema = z
  .strictObject({
    at: TimeString,
    capacity: MoneyString.meta({ description: '当时每月可用于还款的钱 / capacity then' }),
    largestInstallment: MoneyString.meta({ description: '方案中最大的一期 / the largest installment' }),
  })
  .meta({ description: '用户明确确认：方案超出还款能力 / the recorded acknowledgement of a plan above capacity' });

export const PlanSchema = z
  .strictObject({
    id: IdString,
    name: requiredText(60, '方案名称 / name'),
    role: choice(PLAN_ROLES, 'offer 报价方案 / fallback 备选方案 / draft 草稿'),
    accountIds: list(IdString, 100, 'accounts[].id').min(1, { error: '至少选一个账户' }),
    basis: choice(PLAN_BASES, 'everything 全部 / principal 只还本金 / principal-part-interest 本金加部分利息'),
    asOf: DateString.meta({ description: '欠款计算日 / owed figures as of' }),
    owed: OwedBreakdownSchema.meta({ description: '当日欠款 / owed on asOf' }),
    interestOffered: MoneyString.meta({ description: '愿意支付的利息、费用和罚息部分 / the part of interest, fees and penalty offered' }),
    total: MoneyString.meta({ description: '方案还款总额 / the total offered' }),
    installments: int(1, 60, '期数 1–60 / installments'),
    firstDate: DateString.meta({ description: '首期还款日 / first payment date' }),
    capacity: MoneyString.nullable().meta({ description: '每月可用于本案的钱（保存时）/ monthly capacity when saved' }),
    overCapacityAck: OverCapacityAckSchema.nullable(),
    note,
    createdAt: TimeString,
    step: z
      .strictObject({
        count: int(1, 59, '前几期 / how many first installments'),
        amount: MoneyString.meta({ description: '前几期每期金额 / the amount of each of them' }),
      })
      .nullable()
      .optional()
      .meta({ description: '阶梯方案：前几期较低，其余期数平分剩余金额 / a step-up plan: the first installments lower, the rest share what is left' }),
  })
  .meta({ description: '还款方案（一个版本）/ a repayment plan version' });

export const AgreementInstallmentSchema = z.strictObject({
  n: int(1, MAX_AGREEMENT_INSTALLMENTS, '第几期 / installment number'),
  date: DateString,
  amount: MoneyString,
  paid: z.boolean({ error: '必须是 true 或 false' }).meta({ description: '已还 / paid' }),
  paidOn: DateString.nullable(),
  evidenceId: EvidenceIdString.nullable(),
});

export const AgreementSchema = z
  .strictObject({
    id: IdString,
    planId: IdString.nullable().meta({ description: 'plans[].id' }),
    creditorId: IdString.nullable().meta({ description: 'creditors[].id' }),
    accountIds: list(IdString, 100, 'accounts[].id'),
    signedOn: DateString.meta({ description: '签订日期 / signed on' }),
    total: MoneyString.meta({ description: '协议还款总额 / total agreed' }),
    waived: z.strictObject({ interest: MoneyString, penalty: MoneyString, fees: MoneyString }).meta({ description: '减免 / waived' }),
    deadline: DateString.nullable().meta({ description: '结清期限 / settle by' }),
    evidenceId: EvidenceIdString.nullable().meta({ description: '已签协议 / the signed agreement' }),
    installments: list(AgreementInstallmentSchema, MAX_AGREEMENT_INSTALLMENTS, '每期 / installments').min(1, {
      error: '至少一期',
    }),
    note,
    terms: AgreementTermsSchema.optional().meta({
      description: '协议条款（余额构成、收费、不再申请新卡、双方义务、其他条款、是否已书面确认）；省略 = 没有记录条款 / the terms as agreed',
    }),
  })
  .meta({ description: '达成的协议 / an agreement reached' });

/**
 * A contact from the timeline (issue 5). The core fields are checked; the timeline may
 * add more, which are kept as they are.
 */
export const ContactSchema = z
  .looseObject({
    id: z.string().min(1).max(64),
    at: TimeString,
    channel: requiredText(40, '方式 / channel'),
    direction: requiredText(20, '方向 / direction'),
  })
  .meta({ description: '一次联系（时间线）/ one contact from the timeline' });

export const LprRowSchema = z
  .strictObject({
    from: DateString.meta({ description: '该报价开始适用的日期 / first day the quote applies' }),
    rate: z
      .string({ error: '年利率必须是文字形式的小数，例如 "0.03"' })
      .regex(/^0(\.\d{1,8})?$/, { error: '一年期 LPR 用小数写，例如 "0.03" 表示 3%' })
      .meta({ description: '一年期 LPR，小数 / annual rate as a decimal ("0.03" = 3 %)' }),
    note: text(300, '来源 / source'),
  })
  .meta({ description: '用户补充的一年期 LPR 报价（程序自带的表见 shared/data/lpr.json）/ an LPR quote the user added' });

export const CaseSchema = z
  .strictObject({
    format: z.literal(CASE_FORMAT, { error: `format 必须是 "${CASE_FORMAT}"` }),
    version: z.literal(CASE_VERSION, { error: `version 必须是 ${CASE_VERSION}（本程序只认识这个版本）` }),
    applicant: ApplicantSchema,
    creditors: list(CreditorSchema, 200, '债权机构 / creditors'),
    accounts: list(AccountSchema, 500, '账户 / accounts'),
    snapshots: list(SnapshotSchema, 5000, '账单余额记录 / balance snapshots'),
    hardship: HardshipSchema,
    finances: FinancesSchema,
    plans: list(PlanSchema, 100, '还款方案，可保留多个版本 / plan versions'),
    agreements: list(AgreementSchema, 100, '协议 / agreements'),
    lpr: list(LprRowSchema, 200, '用户补充的 LPR 报价 / LPR quotes added by the user'),
    contacts: list(ContactSchema, 200000, '联系记录（时间线）；导入时省略则不改动 / contacts; omitted on import = unchanged').optional(),
    agents: list(AgentSchema, 500, '催收方；导入时省略则不改动 / agents; omitted on import = unchanged').optional(),
    sides: SidesSchema.optional().meta({ description: '用户设定的各记录的一方；导入时省略则不改动 / sides; omitted on import = unchanged' }),
    rounds: list(RoundSchema, 1000, '提交的申请；导入时省略则不改动 / rounds; omitted on import = unchanged').optional(),
    payments: list(PaymentSchema, 10000, '还款记录；导入时省略则不改动 / payments; omitted on import = unchanged').optional(),
    settings: SettingsSchema.optional().meta({ description: '提醒和储备设置；导入时省略则不改动 / settings; omitted on import = unchanged' }),
    billColumnMaps: list(BillColumnMapSchema, 500, '记住的银行流水列对应；导入时省略则不改动 / omitted on import = unchanged').optional(),
  })
  .meta({
    title: '协商证据箱 案件 / Xieshang case',
    description:
      '`xieshang case export` 输出、`xieshang case import FILE.json` 读取的案件文件。金额为两位小数的文字，利率为小数文字，日期为 YYYY-MM-DD。导入会整体替换案件（见 docs/case.schema.json 的说明）。',
  });

export type CaseDoc = z.infer<typeof CaseSchema>;
export type Applicant = z.infer<typeof ApplicantSchema>;
export type Creditor = z.infer<typeof CreditorSchema>;
export type ServiceChannel = z.infer<typeof ServiceChannelSchema>;
export type Account = z.infer<typeof AccountSchema>;
export type PenaltyRule = z.infer<typeof PenaltyRuleSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Hardship = z.infer<typeof HardshipSchema>;
export type Finances = z.infer<typeof FinancesSchema>;
export type FinanceItem = z.infer<typeof IncomeItemSchema>;
export type OtherDebt = z.infer<typeof OtherDebtSchema>;
export type Asset = z.infer<typeof AssetSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type OwedBreakdown = z.infer<typeof OwedBreakdownSchema>;
export type Agreement = z.infer<typeof AgreementSchema>;
export type AgreementInstallment = z.infer<typeof AgreementInstallmentSchema>;
export type CaseContact = z.infer<typeof ContactSchema>;
export type LprRowInput = z.infer<typeof LprRowSchema>;

export function emptyFinances(): Finances {
  return {
    household: { adults: 1, dependants: 0, housing: null, employment: null, note: '' },
    income: [],
    fixedCosts: [],
    flexibleCosts: [],
    debts: [],
    assets: [],
    reference: null,
  };
}

export function emptyCase(): CaseDoc {
  return {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    applicant: { name: '', idNumber: '', phone: '', address: '' },
    creditors: [],
    accounts: [],
    snapshots: [],
    hardship: { category: null, text: '', since: null },
    finances: emptyFinances(),
    plans: [],
    agreements: [],
    lpr: [],
    contacts: [],
  };
}
