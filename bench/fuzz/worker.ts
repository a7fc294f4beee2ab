// The fuzz worker (built to dist/bench/fuzz-worker.js): holds one open encrypted vault and
// the real app services over another, runs one case at a time and says how it ended. The
// runner ends this thread when a case runs past its time budget, and its heap is limited
// (resourceLimits), so a case that hangs or grows without bound is a finding, not a hang.
import { parentPort, workerData } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import { createAppServices, type AppServices } from '../../main/services/app-services';
import { createDispatcher, type Dispatch } from '../../main/ipc/dispatch';
import { XieshangError } from '../../shared/errors';
import { targetNamed, type FuzzEnv } from './targets';

export interface CaseMessage {
  id: number;
  target: string;
  data: Uint8Array;
}
export type CaseReply =
  { id: number; outcome: 'ok' } | { id: number; outcome: 'refused'; code: string } | { id: number; outcome: 'finding'; detail: string } | { id: -1; outcome: 'ready' };

const PASSPHRASE = 'fuzz passphrase 协商 2024';
const port = parentPort!;
const root = fs.mkdtempSync(path.join((workerData as { tmp?: string } | null)?.tmp ?? os.tmpdir(), 'xieshang-fuzz-'));
const scratch = path.join(root, 'scratch');
const appDir = path.join(root, 'app');
fs.mkdirSync(scratch);
fs.mkdirSync(appDir);

async function main(): Promise<void> {
  const vault = Vault.create(path.join(root, 'vault.xsv'), PASSPHRASE, { actor: 'cli' });
  let services: AppServices | null = null;
  /** The dispatcher's own line about an INTERNAL (class and safe cause): the finding says it. */
  let lastLog = '';
  let dispatch: Dispatch = async () => ({ ok: false, error: { code: 'INTERNAL', message: 'not ready' } });
  const platform = {
    chooseSavePath: async (name: string) => path.join(appDir, `${Date.now()}-${path.basename(name)}`),
    chooseOpenPaths: async () => null,
    chooseFolder: async () => appDir,
    chooseBackupFile: async () => null,
  };
  const startServices = async () => {
    await services?.dispose();
    services = await createAppServices({ dataDir: appDir, mode: 'harness', platform, emit: () => {} });
    dispatch = createDispatcher(services.handlers, (line) => {
      lastLog = line;
    });
    const status = await dispatch('vault:status', {});
    const state = status.ok ? (status.value as { state: string }).state : 'none';
    const opened = await dispatch(state === 'none' ? 'vault:create' : 'vault:unlock', { passphrase: PASSPHRASE });
    if (!opened.ok) throw new Error(`fuzz worker: cannot open the IPC vault (${opened.error.code})`);
  };
  await startServices();

  const env: FuzzEnv = {
    scratch,
    vault,
    dispatch: (c, a) => {
      lastLog = '';
      return dispatch(c, a);
    },
    lastLog: () => lastLog,
    // A case that locked the vault (vault:lock, a create refused after closing, idle lock):
    // new services (a fresh unlock throttle) and unlock again, so later cases reach handlers.
    async heal() {
      const status = await dispatch('vault:status', {});
      if (status.ok && (status.value as { state: string }).state === 'unlocked') return;
      await startServices();
    },
  };

  port.on('message', (msg: CaseMessage) => {
    void (async (): Promise<CaseReply> => {
      for (const name of fs.readdirSync(scratch)) fs.rmSync(path.join(scratch, name), { recursive: true, force: true });
      const target = targetNamed(msg.target);
      if (!target) return { id: msg.id, outcome: 'finding', detail: `unknown target ${msg.target}` };
      try {
        await target.run(Buffer.from(msg.data), env);
        return { id: msg.id, outcome: 'ok' };
      } catch (err) {
        if (err instanceof XieshangError && err.code !== 'INTERNAL') return { id: msg.id, outcome: 'refused', code: err.code };
        const e = err as { name?: string; message?: string; stack?: string };
        const where = (e.stack ?? '')
          .split('\n')
          .slice(1, 4)
          .map((l) => l.trim())
          .join(' | ');
        return { id: msg.id, outcome: 'finding', detail: `${e.name ?? typeof err}: ${String(e.message ?? err).slice(0, 300)} @ ${where}` };
      }
    })().then((reply) => port.postMessage(reply));
  });
  port.postMessage({ id: -1, outcome: 'ready' } satisfies CaseReply);
}

process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
