// Feature modules: the vault-side half of each capability (evidence, debts, timeline, …).
// A module is a set of functions that take a FeatureContext first; they run wherever the
// VaultSession runs (the worker thread in the app, in-process in the CLI and tests).
import type { Vault } from './vault';

export interface FeatureContext {
  /** The open vault (throws VAULT_LOCKED when the session is locked). */
  vault(): Vault;
  /** Reports progress of the current task (no-op when the call is not a task). */
  progress(done: number, total: number, label?: string): void;
  /** True once the user cancelled the current task: stop at the next safe point. */
  cancelled(): boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FeatureFn = (ctx: FeatureContext, ...args: any[]) => unknown;
export type FeatureModule = Record<string, FeatureFn>;

/** The host-side signature of a feature function: the context is supplied by the host. */
export type RemoteFeature<M extends FeatureModule> = {
  [K in keyof M]: M[K] extends (ctx: FeatureContext, ...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

export interface TaskOptions {
  taskId: string;
  onProgress?: (done: number, total: number, label?: string) => void;
}
