// The vault worker thread: owns the VaultSession (and so the key) and answers requests
// from main one at a time. Errors come back as { code, message } only.
import { parentPort, workerData } from 'node:worker_threads';
import { VaultSession, type SessionConfig } from './session';
import { toErrorInfo } from '../../shared/errors';
import type { WorkerRequest, WorkerReply } from './host';

const session = new VaultSession(workerData as SessionConfig);
const port = parentPort;
if (!port) throw new Error('vault worker must run in a worker thread');

port.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const fn = session[req.method] as unknown as (...a: unknown[]) => unknown;
    if (typeof fn !== 'function' || req.method === ('open' as string)) throw new Error('unknown method');
    reply = { id: req.id, ok: true, value: fn.apply(session, req.args) };
  } catch (err) {
    reply = { id: req.id, ok: false, error: toErrorInfo(err) };
  }
  port.postMessage(reply);
});
