// Application rounds (issue 11): each application sent, its answer window, the creditor's
// requests for more material and the outcome. Shapes shared by the vault, IPC and the UI.
import { z } from 'zod';

export const ROUND_CHANNELS = ['app', 'email', 'post', 'hotline', 'in-person', 'other'] as const;
export const ROUND_OUTCOMES = ['pending', 'accepted', 'counter_offer', 'refused', 'no_answer'] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];

const Id = z.string().min(1).max(64);
const DateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期写成 YYYY-MM-DD' });
const EvidenceIds = z.array(z.string().min(1).max(64)).max(50);

export const RoundInputSchema = z.strictObject({
  id: Id.optional(),
  creditorId: Id,
  sentOn: DateText,
  channel: z.enum(ROUND_CHANNELS),
  packageId: Id.nullable(),
  note: z.string().max(2000),
});
export type RoundInput = z.infer<typeof RoundInputSchema>;

export const OutcomeInputSchema = z.strictObject({
  roundId: Id,
  outcome: z.enum(ROUND_OUTCOMES),
  outcomeOn: DateText.nullable(),
  /** What the creditor said or wrote, in their words. */
  creditorWords: z.string().max(8000),
  evidenceIds: EvidenceIds,
  /** Agreed by phone only: flagged until confirmed in writing. */
  oral: z.boolean(),
});
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

export const RequestInputSchema = z.strictObject({
  id: Id.optional(),
  roundId: Id,
  askedOn: DateText,
  text: z.string().min(1, { error: '请写下对方要的材料' }).max(2000),
  due: DateText.nullable(),
  evidenceIds: EvidenceIds,
  done: z.boolean(),
});
export type RequestInput = z.infer<typeof RequestInputSchema>;

export const RoundViewSchema = z.object({
  id: Id,
  creditorId: Id,
  creditor: z.string(),
  sentOn: DateText,
  channel: z.enum(ROUND_CHANNELS),
  packageId: Id.nullable(),
  note: z.string(),
  outcome: z.enum(ROUND_OUTCOMES),
  outcomeOn: DateText.nullable(),
  creditorWords: z.string(),
  evidenceIds: EvidenceIds,
  oral: z.boolean(),
  /** The 7th and 15th working days after sending (null when the calendar cannot say). */
  windowStart: DateText.nullable(),
  windowEnd: DateText.nullable(),
  windowProblem: z.string().nullable(),
  /** An oral agreement not yet confirmed in writing by a signed agreement kept as evidence. */
  needsWriting: z.boolean(),
  requests: z.array(RequestInputSchema.extend({ id: Id })),
});
export type RoundView = z.infer<typeof RoundViewSchema>;
