// Hosts of a VaultSession. The app uses the worker host so that key derivation (~0.4 s),
// rekeying, hashing and large blob writes never stall the main process event loop
// (Signal-Desktop runs its SQL in worker_threads for the same reason). The CLI and
// tests use the in-process host. Both expose the same async interface.
import { Worker } from 'node:worker_threads';
import { VaultSession, type SessionConfig, type SessionMethod } from './session';
import { fromErrorInfo, toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { errorCauseOf, type ErrorCause } from '../../shared/error-cause';
import type { FeatureModule, RemoteFeature, TaskOptions } from './feature';
import type { FeatureName, Features } from './features';

type Fn = (...args: never[]) => unknown;
export type VaultHost = {
  [K in SessionMethod]: VaultSession[K] extends Fn ? (...args: Parameters<VaultSession[K]>) => Promise<Awaited<ReturnType<VaultSession[K]>>> : never;
} & {
  /** Calls a feature module function; with a task, progress flows back and cancel() applies. */
  invoke(feature: string, method: string, args: unknown[], task?: TaskOptions): Promise<unknown>;
  cancel(taskId: string): void;
  dispose(): Promise<void>;
  /**
   * Whether the vault is open, as of the last reply: every reply carries it, so main never
   * asks after a call (a lock only happens through this host, or when the worker dies).
   */
  unlocked(): boolean;
  /** Requests sent to the vault so far (each a round trip to the worker in the app): a measure for tests. */
  requests(): number;
};

export type WorkerRequest =
  | { kind: 'session'; id: number; method: SessionMethod; args: unknown[] }
  | { kind: 'feature'; id: number; feature: string; method: string; args: unknown[]; taskId?: string }
  | { kind: 'cancel'; taskId: string };
/** Every result carries whether the session has a vault open after the call. */
export type WorkerReply =
  | { kind: 'result'; id: number; ok: true; value: unknown; unlocked: boolean }
  | { kind: 'result'; id: number; ok: false; error: ErrorInfo; cause: ErrorCause; unlocked: boolean }
  | { kind: 'progress'; taskId: string; done: number; total: number; label?: string };

export const SESSION_METHODS: readonly SessionMethod[] = ['status', 'create', 'unlock', 'openSample', 'lock', 'changePassphrase', 'backup', 'auditVerify', 'restore'];

/** Typed access to one feature module through a host. */
export function featureClient<K extends FeatureName>(host: VaultHost, feature: K, task?: TaskOptions): RemoteFeature<Features[K] & FeatureModule> {
  return new Proxy({} as RemoteFeature<Features[K] & FeatureModule>, {
    get: (_t, method) => (typeof method === 'string' ? (...args: unknown[]) => host.invoke(feature, method, args, task) : undefined),
  });
}

function withCause<E extends { diagnosis?: ErrorCause }>(err: E, cause: ErrorCause | undefined): E {
  if (cause) err.diagnosis = cause;
  return err;
}

export function createInProcessHost(config: SessionConfig): VaultHost {
  const session = new VaultSession(config);
  const cancelled = new Set<string>();
  let requests = 0;
  const host: Record<string, unknown> = {};
  for (const method of SESSION_METHODS) {
    host[method] = async (...args: unknown[]) => {
      requests++;
      return (session[method] as (...a: unknown[]) => unknown).apply(session, args);
    };
  }
  host.unlocked = () => session.isOpen();
  host.requests = () => requests;
  host.invoke = async (feature: string, method: string, args: unknown[], task?: TaskOptions) => {
    requests++;
    try {
      return await session.invoke(feature, method, args, {
        progress: (done, total, label) => task?.onProgress?.(done, total, label),
        cancelled: () => (task ? cancelled.has(task.taskId) : false),
      });
    } finally {
      if (task) cancelled.delete(task.taskId);
    }
  };
  host.cancel = (taskId: string) => cancelled.add(taskId);
  host.dispose = async () => {
    session.lock();
  };
  return host as VaultHost;
}

export function createWorkerHost(config: SessionConfig, workerPath: string, log: (line: string) => void = () => {}): VaultHost {
  const worker = new Worker(workerPath, { workerData: config });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const progressHandlers = new Map<string, NonNullable<TaskOptions['onProgress']>>();
  let dead: Error | null = null;
  let unlocked = false;
  let requests = 0;

  worker.on('message', (reply: WorkerReply) => {
    if (reply.kind === 'progress') {
      progressHandlers.get(reply.taskId)?.(reply.done, reply.total, reply.label);
      return;
    }
    unlocked = reply.unlocked;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(withCause(fromErrorInfo(reply.error), reply.cause));
  });
  const failAll = (err: Error) => {
    dead = err;
    // The key died with the worker.
    unlocked = false;
    const cause = errorCauseOf(err);
    log(`vault worker stopped: ${cause.name}${cause.detail ? `: ${cause.detail}` : ''}`);
    for (const waiter of pending.values()) waiter.reject(withCause(fromErrorInfo(toErrorInfo(err)), cause));
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`vault worker exited with code ${code}`)));

  const send = (build: (id: number) => WorkerRequest) =>
    new Promise((resolve, reject) => {
      if (dead) return reject(fromErrorInfo(toErrorInfo(dead)));
      const id = nextId++;
      requests++;
      pending.set(id, { resolve, reject });
      worker.postMessage(build(id));
    });

  const host: Record<string, unknown> = {};
  for (const method of SESSION_METHODS) host[method] = (...args: unknown[]) => send((id) => ({ kind: 'session', id, method, args }));
  host.invoke = async (feature: string, method: string, args: unknown[], task?: TaskOptions) => {
    if (task?.onProgress) progressHandlers.set(task.taskId, task.onProgress);
    try {
      return await send((id) => ({ kind: 'feature', id, feature, method, args, ...(task ? { taskId: task.taskId } : {}) }));
    } finally {
      if (task) progressHandlers.delete(task.taskId);
    }
  };
  host.unlocked = () => unlocked;
  host.requests = () => requests;
  host.cancel = (taskId: string) => {
    if (!dead) worker.postMessage({ kind: 'cancel', taskId } satisfies WorkerRequest);
  };
  host.dispose = async () => {
    if (!dead) {
      try {
        await send((id) => ({ kind: 'session', id, method: 'lock', args: [] }));
      } catch {
        /* terminating anyway */
      }
    }
    await worker.terminate();
  };
  return host as VaultHost;
}
