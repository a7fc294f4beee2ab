// Issue 11's IPC contract: agreements, payments, settings, the calendar export, rounds.
import { z } from 'zod';
import { AgreementSchema } from '../case/schema';
import { AgreementTermsSchema } from '../repayments/terms';
import { OutcomeInputSchema, RequestInputSchema, RoundInputSchema, RoundViewSchema } from '../repayments/rounds';
import type { REPAYMENTS_CHANNELS } from './repayments-names';

type RepaymentsChannel = (typeof REPAYMENTS_CHANNELS)[number];

const Id = z.string().min(1).max(64);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const MoneyText = z.string().regex(/^-?\d+\.\d{2}$/);
const Ok = z.object({ ok: z.literal(true) });

export const SettingsViewSchema = z.object({ reminderDays: z.number().int().min(0).max(30), reserveGoal: MoneyText, reserveSaved: MoneyText });

const StatusEnum = z.enum(['paid', 'partial', 'due', 'late', 'upcoming']);
export const ScheduleSchema = z.object({
  total: MoneyText,
  paid: MoneyText,
  remaining: MoneyText,
  installments: z.array(
    z.object({
      n: z.number().int(),
      due: DateText,
      amount: MoneyText,
      paid: MoneyText,
      open: MoneyText,
      status: StatusEnum,
      daysLate: z.number().int(),
      paidOn: DateText.nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: Id,
      seq: z.number().int(),
      date: DateText,
      amount: MoneyText,
      receiptId: z.string().nullable(),
      note: z.string(),
      applied: z.array(z.object({ n: z.number().int(), amount: MoneyText })),
    }),
  ),
  next: z.unknown().nullable(),
});

export const AgreementViewSchema = z.object({
  agreementId: Id,
  creditorId: Id.nullable(),
  creditor: z.string(),
  accountIds: z.array(Id),
  signedOn: DateText,
  evidenceId: z.string().nullable(),
  waived: z.object({ interest: MoneyText, penalty: MoneyText, fees: MoneyText }),
  deadline: DateText.nullable(),
  note: z.string(),
  planId: Id.nullable(),
  terms: AgreementTermsSchema,
  needsWriting: z.boolean(),
  comparison: z.array(z.object({ key: z.enum(['total', 'count', 'first', 'last', 'largest', 'waived']), asked: z.string(), agreed: z.string(), differs: z.boolean() })),
  schedule: ScheduleSchema,
});
export type AgreementView = z.infer<typeof AgreementViewSchema>;

export const RepaymentsListSchema = z.object({ today: DateText, settings: SettingsViewSchema, agreements: z.array(AgreementViewSchema) });
export type RepaymentsList = z.infer<typeof RepaymentsListSchema>;

export const PayArgsSchema = z.strictObject({
  agreementId: Id,
  amount: z.string().min(1).max(40),
  date: DateText,
  receiptId: z.string().min(1).max(64).nullable(),
  note: z.string().max(1000),
});

const Money2 = MoneyText;
export const BudgetViewSchema = z.object({
  month: z.string(),
  planned: z.object({ income: Money2, spending: Money2 }),
  actual: z.object({ income: Money2, spending: Money2, byCategory: z.array(z.object({ category: z.string(), amount: Money2 })) }),
  repayments: z.object({ due: Money2, paid: Money2 }),
  reserve: z.object({ goal: Money2, saved: Money2 }),
  left: MoneyText,
  basis: z.enum(['actual', 'planned']),
  next: z.object({ date: DateText, amount: Money2, creditor: z.string(), short: z.boolean(), callBy: DateText }).nullable(),
  billFiles: z.number().int(),
});
export type BudgetView = z.infer<typeof BudgetViewSchema>;

export const BillImportSchema = z.object({
  file: z.string(),
  source: z.enum(['alipay', 'wechat', 'bank']),
  evidenceId: Id,
  imported: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  from: DateText.nullable(),
  to: DateText.nullable(),
  income: Money2,
  spending: Money2,
});
export type BillImport = z.infer<typeof BillImportSchema>;

export const HomeSchema = z.object({
  today: DateText,
  /** Owed today per creditor: by the agreement once there is one, else by the penalty rule. */
  creditors: z.array(z.object({ creditorId: Id, name: z.string(), owed: MoneyText, basis: z.enum(['agreement', 'penalty-rule']) })),
  totalOwed: MoneyText,
  nextDue: z.object({ date: DateText, amount: MoneyText, creditor: z.string() }).nullable(),
  openItems: z.array(z.object({ kind: z.string(), date: DateText, title: z.string(), detail: z.string() })),
  flagsThisMonth: z.number().int(),
  steps: z.array(z.object({ key: z.enum(['evidence', 'owed', 'capacity', 'contact', 'apply', 'agreement']), state: z.enum(['done', 'started', 'todo']), count: z.number().int() })),
});
export type HomeView = z.infer<typeof HomeSchema>;

export const repaymentsContract = {
  'repayments:list': { args: z.object({}).strict(), result: RepaymentsListSchema },
  'repayments:saveAgreement': {
    args: z.strictObject({ agreement: AgreementSchema.extend({ id: Id.optional() }), terms: AgreementTermsSchema }),
    result: z.object({ id: Id }),
  },
  'repayments:pay': {
    args: PayArgsSchema,
    result: z.object({ paymentId: Id, agreementId: Id, applied: z.array(z.object({ n: z.number().int(), amount: MoneyText })), remaining: MoneyText }),
  },
  'repayments:deletePayment': { args: z.strictObject({ id: Id }), result: Ok },
  'repayments:saveSettings': { args: SettingsViewSchema.strict(), result: SettingsViewSchema },
  /** Main asks where to save (a dialog in Electron); the renderer never names a path. */
  'repayments:exportCalendar': {
    args: z.strictObject({ days: z.number().int().min(1).max(3660), details: z.boolean() }),
    result: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), out: z.string(), events: z.number().int() })]),
  },
  'repayments:rounds': { args: z.object({}).strict(), result: z.object({ rounds: z.array(RoundViewSchema) }) },
  'repayments:saveRound': { args: RoundInputSchema, result: z.object({ id: Id }) },
  'repayments:setOutcome': { args: OutcomeInputSchema, result: Ok },
  'repayments:saveRequest': { args: RequestInputSchema, result: z.object({ id: Id }) },
  'repayments:budget': { args: z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/) }), result: BudgetViewSchema },
  /** A bill already kept as evidence (imported in 证据) is read as a bill and its rows added. */
  'repayments:importBill': {
    args: z.strictObject({
      evidenceId: Id,
      format: z.enum(['alipay', 'wechat', 'bank']).optional(),
      columns: z.string().max(400).optional(),
    }),
    result: BillImportSchema,
  },
  'repayments:home': { args: z.object({}).strict(), result: HomeSchema },
} as const satisfies Record<RepaymentsChannel, { args: z.ZodType; result: z.ZodType }>;
