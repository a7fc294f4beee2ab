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
    z.object({ n: z.number().int(), due: DateText, amount: MoneyText, paid: MoneyText, open: MoneyText, status: StatusEnum, daysLate: z.number().int(), paidOn: DateText.nullable() }),
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
} as const satisfies Record<RepaymentsChannel, { args: z.ZodType; result: z.ZodType }>;
