// Hosts of a VaultSession. The app uses the worker host so that key derivation (~0.4 s),
// rekeying and large blob writes never stall the main process event loop (Signal-Desktop
// runs its SQL in worker_threads for the same reason). The CLI uses the in-process host.
import { Worker } from 'node:worker_threads';
import { VaultSession, type SessionConfig, type SessionMethod } from './session';
import { fromErrorInfo, toErrorInfo, type ErrorInfo } from '../../shared/errors';

type Fn = (...args: never[]) => unknown;
export type VaultHost = {
  [K in SessionMethod]: VaultSession[K] extends Fn
    ? (...args: Parameters<VaultSession[K]>) => Promise<ReturnType<VaultSession[K]>>
    : never;
} & { dispose(): Promise<void> };

export interface WorkerRequest {
  id: number;
  method: SessionMethod;
  args: unknown[];
}
export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorInfo };

const METHODS: readonly SessionMethod[] = ['status', 'create', 'unlock', 'lock', 'changePassphrase', 'backup', 'auditVerify'];

export function createInProcessHost(config: SessionConfig): VaultHost {
  const session = new VaultSession(config);
  const host: Record<string, unknown> = {};
  for (const method of METHODS) {
    host[method] = async (...args: unknown[]) =>
      (session[method] as (...a: unknown[]) => unknown).apply(session, args);
  }
  host.dispose = async () => {
    session.lock();
  };
  return host as VaultHost;
}

export function createWorkerHost(config: SessionConfig, workerPath: string): VaultHost {
  const worker = new Worker(workerPath, { workerData: config });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let dead: Error | null = null;

  worker.on('message', (reply: WorkerReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(fromErrorInfo(reply.error));
  });
  const failAll = (err: Error) => {
    dead = err;
    for (const waiter of pending.values()) waiter.reject(fromErrorInfo(toErrorInfo(err)));
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`vault worker exited with code ${code}`)));

  const call = (method: SessionMethod, args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (dead) return reject(fromErrorInfo(toErrorInfo(dead)));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args } satisfies WorkerRequest);
    });

  const host: Record<string, unknown> = {};
  for (const method of METHODS) host[method] = (...args: unknown[]) => call(method, args);
  host.dispose = async () => {
    if (!dead) {
      try {
        await call('lock', []);
      } catch {
        /* terminating anyway */
      }
    }
    await worker.terminate();
  };
  return host as VaultHost;
}
