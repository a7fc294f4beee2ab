// Typed bindings: a vault-only channel is three parts, its schema (shared/contracts/<x>.ts),
// its feature function (main/vault/<x>/feature.ts) and ONE binding line (main/ipc/bindings.ts):
//
//   'timeline:get': { fn: 'get', args: ({ id }) => [id] },
//
// The mapped type below checks, when the project compiles, that the function exists in the
// feature module, that `args` turns the channel's validated arguments into exactly the
// function's parameters, and that what the function returns (awaited) is accepted by the
// channel's result schema. A mismatch is a compile error on that line instead of an INTERNAL
// at run time (test/ipc/bindings.test.ts). The dispatcher still validates both sides with zod.
import type { z } from 'zod';

type SchemaPair = { args: z.ZodType; result: z.ZodType };
export type ContractLike = Record<string, SchemaPair>;

// The first parameter is the module's context (FeatureContext for vault modules); the host supplies it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params<F> = F extends (ctx: any, ...args: infer A) => unknown ? A : never;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Returns<F> = F extends (...args: any[]) => infer R ? Awaited<R> : never;

/** What a bound call may also do, besides calling its function. */
interface BindingExtras<A> {
  /** The call is a task: its id (from the arguments); progress goes out as task:progress, cancel applies. */
  task?: (a: A) => string | undefined;
  /** The call can change what is due: the reminder loop looks again afterwards. */
  changes?: true;
}

/** One channel's binding to one function of the module `Mod`: the name, the arguments. */
export type Binding<Ct extends ContractLike, C extends keyof Ct, Mod> = {
  [M in keyof Mod & string]: {
    fn: M;
    /** The function's arguments (after the context) from the channel's validated arguments. */
    args: (a: z.output<Ct[C]['args']>) => Params<Mod[M]>;
  } & BindingExtras<z.output<Ct[C]['args']>> &
    // The function's (awaited) result must be something the result schema accepts.
    ([Returns<Mod[M]>] extends [z.input<Ct[C]['result']>] ? unknown : { resultDoesNotFitTheContract: never });
}[keyof Mod & string];

/** One binding line per channel of `Cs`, each to a function of `Mod`. */
export type Bindings<Ct extends ContractLike, Cs extends keyof Ct, Mod> = { [C in Cs]: Binding<Ct, C, Mod> };

/** The handlers bindings make, as the dispatcher calls them. */
export type BoundHandlers<Ct extends ContractLike, Cs extends keyof Ct> = {
  [C in Cs]: (args: z.output<Ct[C]['args']>) => Promise<z.input<Ct[C]['result']>>;
};

/** How a bound call reaches its module (the vault host, or a direct call in main). */
export type Invoke = (fn: string, args: unknown[], taskId?: string) => Promise<unknown>;

export interface BindHooks {
  /** After a call marked `changes` succeeded. */
  changed?: () => void;
}

/**
 * Handlers from binding lines. The one place the path from channel to function is untyped
 * at run time; the Bindings type above is what makes it true.
 */
export function bindModule<Ct extends ContractLike, Cs extends keyof Ct & string, Mod>(
  invoke: Invoke,
  bindings: Bindings<Ct, Cs, Mod>,
  hooks: BindHooks = {},
): BoundHandlers<Ct, Cs> {
  type Loose = { fn: string; args: (a: unknown) => unknown[]; task?: (a: unknown) => string | undefined; changes?: true };
  const out: Record<string, (a: unknown) => Promise<unknown>> = {};
  for (const [channel, b] of Object.entries(bindings) as [string, Loose][]) {
    out[channel] = async (a) => {
      const value = await invoke(b.fn, b.args(a), b.task?.(a));
      if (b.changes) hooks.changed?.();
      return value;
    };
  }
  return out as BoundHandlers<Ct, Cs>;
}
