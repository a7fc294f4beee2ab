// The creditor-side contract (issue 10): the case's agents (collection agencies and law
// firms acting for a creditor), and the side the user confirms for a contact or an
// evidence item. Spread into `contract` in ../contract.ts.
import { z } from 'zod';
import { AGENT_KINDS, SIDE_KINDS } from '../timeline/sides';
import { UNRELATED_KINDS } from '../timeline/classify';

const Id = z.string().min(1).max(64);

export const SideSuggestionSchema = z.object({
  kind: z.enum(['creditor', 'agent']),
  creditorId: z.string().nullable(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  agentKind: z.enum(AGENT_KINDS).nullable(),
});

/** Who a record belongs to, and how sure that is ('suggested' = 可能是催收方, to confirm). */
export const SideViewSchema = z.object({
  kind: z.enum([...SIDE_KINDS, 'unknown']),
  creditorId: z.string().nullable(),
  agentId: z.string().nullable(),
  /** The creditor side (the creditor's legal name); null when no creditor of the case is known. */
  group: z.string().nullable(),
  state: z.enum(['confirmed', 'inferred', 'suggested', 'none']),
  source: z.enum(['user', 'agent_number', 'mark', 'creditor_number', 'directory', 'party_type', 'text', 'unrelated', 'none']),
  unrelated: z.enum(UNRELATED_KINDS).nullable(),
  suggestion: SideSuggestionSchema.nullable(),
});
export type SideView = z.infer<typeof SideViewSchema>;

export const AgentSchema = z.object({
  id: Id,
  creditorId: Id,
  kind: z.enum(AGENT_KINDS),
  name: z.string().trim().min(1, '请填写机构名称').max(200),
  numbers: z.array(z.string().trim().min(1).max(60)).max(50),
  note: z.string().max(2000),
});
export type Agent = z.infer<typeof AgentSchema>;

export const SidesSchema = z.object({
  creditors: z.array(z.object({ id: z.string(), label: z.string(), legalName: z.string() })),
  agents: z.array(AgentSchema),
});
export type Sides = z.infer<typeof SidesSchema>;

export const AgentSaveSchema = AgentSchema.extend({ id: Id.optional() }).strict();
export type AgentSave = z.infer<typeof AgentSaveSchema>;

/** null clears what the user set (the app infers again). */
export const SideSetSchema = z
  .object({ side: z.enum(SIDE_KINDS), creditorId: Id.nullable(), agentId: Id.nullable() })
  .strict()
  .nullable();
export type SideSet = z.infer<typeof SideSetSchema>;

export const sidesContract = {
  'sides:get': { args: z.object({}).strict(), result: SidesSchema },
  'sides:saveAgent': { args: AgentSaveSchema, result: SidesSchema },
  'sides:deleteAgent': { args: z.object({ id: Id }).strict(), result: SidesSchema },
  /** One click on 可能是催收方: the contact's side, and with `wholeNumber` every record of its number. */
  'sides:setContactSide': {
    args: z.object({ id: Id, side: SideSetSchema, wholeNumber: z.boolean().optional() }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  'sides:setEvidenceSide': { args: z.object({ id: Id, side: SideSetSchema }).strict(), result: z.object({ ok: z.literal(true) }) },
} as const;
