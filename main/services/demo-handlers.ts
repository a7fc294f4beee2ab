// 'vault:openDemo': the demo case (main/demo/app-demo.ts) opened as the current vault.
// The passphrase is the demo's known one and stays in main and the worker; the user's own
// vault file is never opened, created or touched. Locking closes the demo, and the session
// then reports the user's own vault again (see VaultSession.openSample).
import path from 'node:path';
import type { Handlers } from '../ipc/dispatch';
import { featureClient, type VaultHost } from '../vault/host';
import type { SessionStatus } from '../vault/session';
import type { EmitEvent } from './platform';
import { DEMO_DIR_NAME, DEMO_OPEN_STEP, DEMO_STEP_COUNT } from '../demo/app-demo';
import { DEMO_PASSPHRASE } from '../demo/story';
import { XieshangError } from '../../shared/errors';

export interface DemoServiceOptions {
  host: VaultHost;
  dataDir: string;
  emit: EmitEvent;
  nativeBinding?: string | undefined;
  log?: (line: string) => void;
}

/** Errors that say nothing about the demo's files: rebuilding would not help. */
const NOT_THE_FILES: ReadonlySet<string> = new Set(['VAULT_IN_USE', 'VAULT_OPEN']);

export function demoHandlers(opts: DemoServiceOptions): Pick<Handlers, 'vault:openDemo'> {
  const { host, emit } = opts;
  const dir = path.join(opts.dataDir, DEMO_DIR_NAME);
  let running: Promise<SessionStatus> | null = null;

  const open = async (taskId: string): Promise<SessionStatus> => {
    const before = await host.status();
    if (before.state === 'unlocked') {
      if (before.sample) return before;
      // Refused, not "lock first": the UI only offers the demo while locked, so this is a
      // stale screen or a second window; silently locking would cut off whatever the user
      // is doing in their own vault (an import, an unsaved form) for a demo.
      throw new XieshangError('VAULT_OPEN');
    }
    const onProgress = (done: number, total: number, label?: string) => emit('task:progress', { taskId, done, total, ...(label ? { label } : {}) });
    const demo = featureClient(host, 'demo', { taskId, onProgress });
    const openIt = (file: string) => {
      onProgress(DEMO_STEP_COUNT - 1, DEMO_STEP_COUNT, DEMO_OPEN_STEP);
      return host.openSample(file, DEMO_PASSPHRASE);
    };
    const file = await demo.ensure(dir, { nativeBinding: opts.nativeBinding });
    try {
      return await openIt(file);
    } catch (err) {
      if (err instanceof XieshangError && NOT_THE_FILES.has(err.code)) throw err;
      // Damaged, half-copied, made by a newer version, not marked sample…: it is only a demo.
      opts.log?.(`demo could not be opened (${err instanceof XieshangError ? err.code : 'error'}); rebuilding it`);
    }
    return openIt(await demo.ensure(dir, { nativeBinding: opts.nativeBinding, rebuild: true }));
  };

  return {
    // One build at a time: a second click joins the first instead of building twice.
    'vault:openDemo': ({ taskId }) => {
      running ??= open(taskId).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
