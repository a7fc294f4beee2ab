// The vault worker thread: owns the VaultSession (and so the key). Session calls are
// answered in order; feature calls may be async (streaming a file, making a thumbnail),
// and meanwhile a 'cancel' message can arrive and is honoured at the next safe point.
// Errors go back as { code, message } for the user and, for main's log, the error's class and
// a cause that holds no secret (shared/error-cause.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { VaultSession, type SessionConfig } from './session';
import { toErrorInfo } from '../../shared/errors';
import { errorCauseOf } from '../../shared/error-cause';
import { SESSION_METHODS, type WorkerRequest, type WorkerReply } from './host';
import path from 'node:path';
import { useAddedHolidays } from '../../shared/calendar/workdays';
import { addedHolidaysSource } from '../calendar/notice-store';

const session = new VaultSession(workerData as SessionConfig);
// The agenda counts working days here: the holiday years the person added live next to the vault.
useAddedHolidays(addedHolidaysSource(path.dirname((workerData as SessionConfig).vaultPath)));
const port = parentPort;
if (!port) throw new Error('vault worker must run in a worker thread');
const cancelled = new Set<string>();

async function answer(req: Exclude<WorkerRequest, { kind: 'cancel' }>): Promise<WorkerReply> {
  try {
    if (req.kind === 'session') {
      if (!SESSION_METHODS.includes(req.method)) throw new Error('unknown method');
      const fn = session[req.method] as unknown as (...a: unknown[]) => unknown;
      const value = fn.apply(session, req.args);
      return { kind: 'result', id: req.id, ok: true, value, unlocked: session.isOpen() };
    }
    const { taskId } = req;
    const value = await session.invoke(req.feature, req.method, req.args, {
      progress: (done, total, label) => {
        if (taskId) port!.postMessage({ kind: 'progress', taskId, done, total, ...(label ? { label } : {}) } satisfies WorkerReply);
      },
      cancelled: () => (taskId ? cancelled.has(taskId) : false),
    });
    return { kind: 'result', id: req.id, ok: true, value, unlocked: session.isOpen() };
  } catch (err) {
    return { kind: 'result', id: req.id, ok: false, error: toErrorInfo(err), cause: errorCauseOf(err), unlocked: session.isOpen() };
  } finally {
    if (req.kind === 'feature' && req.taskId) cancelled.delete(req.taskId);
  }
}

port.on('message', (req: WorkerRequest) => {
  if (req.kind === 'cancel') {
    cancelled.add(req.taskId);
    return;
  }
  void answer(req).then((reply) => port.postMessage(reply));
});
