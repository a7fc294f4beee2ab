// The case's IPC contract: each channel's arguments and result. Records are the case JSON
// shapes (../case/schema.ts); a new record may leave out its id (the vault assigns one).
// Every write returns the whole case (without contacts), so the pages redraw from one source.
import { z } from 'zod';
import {
  AccountSchema,
  AgreementSchema,
  ApplicantSchema,
  AssetSchema,
  CaseSchema,
  CreditorSchema,
  FinancesSchema,
  FixedCostSchema,
  FlexibleCostSchema,
  HardshipSchema,
  IncomeItemSchema,
  LprRowSchema,
  OtherDebtSchema,
  PLAN_BASES,
  PLAN_ROLES,
  SnapshotSchema,
} from '../case/schema';
import { DateString, IdString, MoneyString, choice, int, list, requiredText, text } from '../case/fields';
import type { CaseChannel } from './case-names';

const NewId = { id: IdString.optional() };

export const CreditorInputSchema = CreditorSchema.extend(NewId);
export const AccountInputSchema = AccountSchema.extend({ ...NewId, creditorId: IdString.optional() });

export const FinancesInputSchema = FinancesSchema.extend({
  income: list(IncomeItemSchema.extend(NewId), 100, 'income'),
  fixedCosts: list(FixedCostSchema.extend(NewId), 100, 'fixedCosts'),
  flexibleCosts: list(FlexibleCostSchema.extend(NewId), 100, 'flexibleCosts'),
  debts: list(OtherDebtSchema.extend(NewId), 100, 'debts'),
  assets: list(AssetSchema.extend(NewId), 100, 'assets'),
});

/** What the plan page sends: the vault computes the owed figures, total, capacity and acknowledgement. */
export const PlanDraftSchema = z.strictObject({
  ...NewId,
  name: requiredText(60, 'name'),
  role: choice(PLAN_ROLES, 'role'),
  accountIds: list(IdString, 100, 'accountIds').min(1, { error: '至少选一个账户' }),
  basis: choice(PLAN_BASES, 'basis'),
  asOf: DateString,
  interestOffered: MoneyString,
  installments: int(1, 60, 'installments'),
  firstDate: DateString,
  note: text(4000, 'note'),
  step: z
    .strictObject({ count: int(1, 59, 'step.count'), amount: MoneyString })
    .nullable()
    .optional(),
});

const IdArgs = z.strictObject({ id: IdString });

export const CaseViewSchema = CaseSchema.omit({ contacts: true });

const args = {
  creditor: z.strictObject({ creditor: CreditorInputSchema }),
  account: z.strictObject({ account: AccountInputSchema, creditor: CreditorInputSchema.optional() }),
  snapshot: z.strictObject({ snapshot: SnapshotSchema.extend(NewId) }),
  finances: z.strictObject({ finances: FinancesInputSchema }),
  plan: z.strictObject({ plan: PlanDraftSchema, acknowledgeOverCapacity: z.boolean().optional() }),
  agreement: z.strictObject({ agreement: AgreementSchema.extend(NewId) }),
  installmentPaid: z.strictObject({
    agreementId: IdString,
    n: int(1, 120, 'n'),
    paid: z.boolean(),
    paidOn: DateString.nullable().optional(),
  }),
  lpr: z.strictObject({ rows: list(LprRowSchema, 200, 'rows') }),
};

export type CreditorSave = z.output<typeof args.creditor>;
export type AccountSave = z.output<typeof args.account>;
export type SnapshotSave = z.output<typeof args.snapshot>;
export type FinancesSave = z.output<typeof args.finances>;
export type PlanSave = z.output<typeof args.plan>;
export type PlanDraft = z.output<typeof PlanDraftSchema>;
export type AgreementSave = z.output<typeof args.agreement>;
export type InstallmentPaidSave = z.output<typeof args.installmentPaid>;
export type LprSave = z.output<typeof args.lpr>;
export type CaseView = z.output<typeof CaseViewSchema>;

const write = <A extends z.ZodType>(a: A) => ({ args: a, result: CaseViewSchema });

export const caseContract = {
  'case:get': { args: z.strictObject({}), result: CaseViewSchema },
  'case:saveApplicant': write(z.strictObject({ applicant: ApplicantSchema })),
  'case:saveHardship': write(z.strictObject({ hardship: HardshipSchema })),
  'case:saveCreditor': write(args.creditor),
  'case:deleteCreditor': write(IdArgs),
  'case:saveAccount': write(args.account),
  'case:deleteAccount': write(IdArgs),
  'case:saveSnapshot': write(args.snapshot),
  'case:deleteSnapshot': write(IdArgs),
  'case:saveFinances': write(args.finances),
  'case:savePlan': write(args.plan),
  'case:deletePlan': write(IdArgs),
  'case:saveAgreement': write(args.agreement),
  'case:deleteAgreement': write(IdArgs),
  'case:setInstallmentPaid': write(args.installmentPaid),
  'case:saveLpr': write(args.lpr),
} as const satisfies Record<CaseChannel, { args: z.ZodType; result: z.ZodType }>;
