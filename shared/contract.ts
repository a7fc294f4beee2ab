// The one IPC contract: channel → zod schema of the arguments and of the result, and
// event → zod schema of its payload. The main-process router, the preload bridge, the
// loopback harness and the renderer's typed API are all built from this table.
import { z } from 'zod';
import type { Channel, EventName } from './channels';
import { LOCALES } from './errors';
import { caseContract } from './contracts/case';
import { timelineContract, timelineEvents } from './contracts/timeline';
import { evidenceContract } from './contracts/evidence';
import { packageContract } from './contracts/package';
import { sidesContract } from './contracts/sides';
import { holidaysContract } from './contracts/holidays';
import { repaymentsContract } from './contracts/repayments';
import { ocrContract } from './contracts/ocr';
import { restoreContract } from './contracts/restore';

export const LocaleSchema = z.enum(LOCALES as unknown as ['zh-CN', 'zh-TW', 'en']);

const Empty = z.object({}).strict();
const Passphrase = z.string().min(1).max(1024);

export const VaultStatusSchema = z.object({
  /** none: no vault file yet; locked: file exists, key not in memory; unlocked: open. */
  state: z.enum(['none', 'locked', 'unlocked']),
  path: z.string(),
  schemaVersion: z.number().int().nullable(),
  /** The open vault is a demo copy (meta sample=1): the UI marks everything 示例. */
  sample: z.boolean().default(false),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

export const SettingsSchema = z.object({
  locale: LocaleSchema,
  autoLockMinutes: z.number().int().min(1).max(240),
  /** The column mapping last used for a CSV / text SMS export (column names, nothing from the vault). */
  smsColumns: z
    .object({ sender: z.string().max(100), time: z.string().max(100), body: z.string().max(100), direction: z.string().max(100).optional() })
    .strict()
    .optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'harness']),
  platform: z.string(),
  minPassphraseLength: z.number().int(),
});

export const contract = {
  'app:info': { args: Empty, result: AppInfoSchema },
  'settings:get': { args: Empty, result: SettingsSchema },
  'settings:set': { args: SettingsSchema.partial().strict(), result: SettingsSchema },
  /** The renderer reports user activity (throttled) so auto-lock measures real idleness. */
  'session:activity': { args: Empty, result: z.object({ lockInMs: z.number().nullable() }) },
  'vault:status': { args: Empty, result: VaultStatusSchema },
  'vault:create': { args: z.object({ passphrase: Passphrase }).strict(), result: VaultStatusSchema },
  'vault:unlock': { args: z.object({ passphrase: Passphrase }).strict(), result: VaultStatusSchema },
  'vault:lock': { args: Empty, result: VaultStatusSchema },
  /** Opens the demo case (made on first use; progress as 'task:progress'); never the user's own vault. */
  'vault:openDemo': { args: z.object({ taskId: z.string().regex(/^[\w-]{1,64}$/) }).strict(), result: VaultStatusSchema },
  'vault:changePassphrase': {
    args: z.object({ current: Passphrase, next: Passphrase }).strict(),
    result: z.object({ ok: z.literal(true) }),
  },
  /** Main asks the user where to save (a dialog in Electron); the renderer never names a path. */
  'vault:backup': {
    args: Empty,
    result: z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), out: z.string(), bytes: z.number().int() })]),
  },
  'vault:auditVerify': {
    args: Empty,
    result: z.object({ ok: z.boolean(), rows: z.number().int(), firstBadId: z.number().int().nullable() }),
  },
  ...caseContract,
  ...timelineContract,
  ...evidenceContract,
  ...packageContract,
  ...sidesContract,
  ...holidaysContract,
  ...repaymentsContract,
  ...ocrContract,
  ...restoreContract,
} as const satisfies Record<Channel, { args: z.ZodType; result: z.ZodType }>;

export const events = {
  'vault:locked': z.object({ reason: z.enum(['idle', 'manual', 'suspend', 'passphrase-changed']) }),
  'task:progress': z.object({
    taskId: z.string(),
    done: z.number(),
    total: z.number(),
    label: z.string().optional(),
  }),
  ...timelineEvents,
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The envelope every call returns across the process boundary (Electron drops error fields). */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; params?: Record<string, string | number> } };

type NamespaceOf<C extends string> = C extends `${infer N}:${string}` ? N : never;
type MethodOf<C extends string, N extends string> = C extends `${N}:${infer M}` ? M : never;

/** window.xieshang: one named function per channel, grouped by namespace, plus subscribe. */
export type XieshangApi = {
  [N in NamespaceOf<Channel>]: {
    [M in MethodOf<Channel, N>]: (args?: ArgsOf<Extract<Channel, `${N}:${M}`>>) => Promise<ResultOf<Extract<Channel, `${N}:${M}`>>>;
  };
} & {
  subscribe<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
};
