// The main-process services behind the IPC contract. Electron (main/main.ts) and the
// loopback harness (main/harness/) both build exactly this, so e2e tests exercise the
// real services. Plain Node: no electron import.
import path from 'node:path';
import { createWorkerHost, createInProcessHost, type VaultHost } from '../vault/host';
import { assertPassphrasePolicy } from '../vault/vault';
import { SettingsStore } from './settings-store';
import { UnlockThrottle } from './unlock-throttle';
import { AutoLock } from './auto-lock';
import type { Handlers } from '../ipc/dispatch';
import type { EmitEvent, PlatformHooks } from './platform';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/passphrase';
import { XieshangError } from '../../shared/errors';
import { VAULT_FILE_NAME } from '../paths';
import { createTimelineService } from './timeline-reminders';
import { repaymentsHandlers } from './repayments-handlers';
import { createEvidenceService } from './evidence-handlers';
import { createPackageService } from './package-handlers';
import { demoHandlers } from './demo-handlers';
import { boundHandlers } from '../ipc/bindings';
import { createRestoreService } from './restore-handlers';
import { serveEvidence } from '../evidence-protocol';
import type { ByteKind } from '../evidence-protocol';
import pkg from '../../package.json';
import { useAddedHolidays } from '../../shared/calendar/workdays';
import { addedHolidaysSource } from '../calendar/notice-store';

export interface AppServicesOptions {
  dataDir: string;
  mode: 'electron' | 'harness';
  platform: PlatformHooks;
  emit: EmitEvent;
  /** The bundled vault worker; without it the vault runs in-process (tests only). */
  workerPath?: string;
  nativeBinding?: string | undefined;
  log?: (line: string) => void;
}

export interface AppServices {
  handlers: Handlers;
  lockNow(reason: 'manual' | 'suspend' | 'idle'): Promise<void>;
  dispose(): Promise<void>;
  /** Requests sent to the vault so far (round trips to the worker): a measure for tests. */
  vaultRequests(): number;
  /** Evidence bytes (vault:// in Electron, /vault/ in the harness); `target` parsed by the caller. */
  evidenceRequest(target: { kind: ByteKind; id: string } | null, request: Request, allowOrigin: string | null): Promise<Response>;
}

/** Calls that are not a sign of a person at the keyboard. */
const PASSIVE: ReadonlySet<string> = new Set(['vault:status', 'app:info', 'settings:get']);

function backupName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  return `协商证据箱备份-${stamp}.xsv`;
}

export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const config = {
    vaultPath: path.join(opts.dataDir, VAULT_FILE_NAME),
    actor: 'app' as const,
    nativeBinding: opts.nativeBinding,
  };
  const host: VaultHost = opts.workerPath ? createWorkerHost(config, opts.workerPath) : createInProcessHost(config);
  const settings = new SettingsStore(path.join(opts.dataDir, 'settings.json'));
  // Holiday years added by pasting a notice (this thread; the vault worker sets its own).
  useAddedHolidays(addedHolidaysSource(opts.dataDir));
  const throttle = new UnlockThrottle();

  const lockNow = async (reason: 'manual' | 'suspend' | 'idle') => {
    autoLock.disarm();
    // Built packages waiting for preview hold evidence in clear: they go with the key.
    await packages.clear();
    const wasUnlocked = host.unlocked();
    await host.lock();
    if (wasUnlocked) opts.emit('vault:locked', { reason });
  };
  const autoLock = new AutoLock(settings.get().autoLockMinutes, () => {
    lockNow('idle').catch(() => opts.log?.('auto-lock failed'));
  });

  const timeline = createTimelineService({ host, platform: opts.platform, emit: opts.emit, log: opts.log });
  const packages = createPackageService({ host, platform: opts.platform, dataDir: opts.dataDir });
  const evidence = createEvidenceService({ host, platform: opts.platform, emit: opts.emit, keepAlive: () => autoLock.arm() });
  const restore = createRestoreService({
    host,
    platform: opts.platform,
    vaultPath: config.vaultPath,
    throttle,
    // Previews built from the replaced vault go with it; the restored vault counts as just unlocked.
    afterRestore: async () => {
      await packages.clear();
      autoLock.arm();
    },
  });
  const handlers: Handlers = {
    'app:info': () => ({
      version: pkg.version,
      mode: opts.mode,
      platform: process.platform,
      minPassphraseLength: MIN_PASSPHRASE_LENGTH,
    }),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => {
      const next = settings.set(patch);
      autoLock.setMinutes(next.autoLockMinutes);
      return next;
    },
    'session:activity': () => ({ lockInMs: autoLock.msLeft() }),
    'vault:status': () => host.status(),
    'vault:create': async ({ passphrase }) => {
      assertPassphrasePolicy(passphrase);
      const status = await host.create(passphrase);
      throttle.recordSuccess();
      autoLock.arm();
      return status;
    },
    'vault:unlock': async ({ passphrase }) => {
      throttle.assertMayTry();
      try {
        const status = await host.unlock(passphrase);
        throttle.recordSuccess();
        autoLock.arm();
        return status;
      } catch (err) {
        if (err instanceof XieshangError && err.code === 'WRONG_PASSPHRASE') throttle.recordFailure();
        throw err;
      }
    },
    'vault:lock': async () => {
      await lockNow('manual');
      return host.status();
    },
    'vault:changePassphrase': async ({ current, next }) => host.changePassphrase(current, next),
    'vault:backup': async () => {
      const out = await opts.platform.chooseSavePath(backupName(), [{ name: '协商证据箱 (*.xsv)', extensions: ['xsv'] }]);
      if (out === null) return { cancelled: true as const };
      const result = await host.backup(out);
      return { cancelled: false as const, ...result };
    },
    'vault:auditVerify': () => host.auditVerify(),
    // Every vault-only channel: its schema, its feature function, one line in main/ipc/bindings.ts.
    ...boundHandlers({ host, dataDir: opts.dataDir, task: evidence.task, changed: () => void timeline.checkReminders() }),
    ...evidence.handlers,
    ...packages.handlers,
    ...demoHandlers({ host, dataDir: opts.dataDir, emit: opts.emit, nativeBinding: opts.nativeBinding, log: opts.log }),
    ...repaymentsHandlers({ host, platform: opts.platform }),
    ...restore.handlers,
  };

  // Every active call counts as the user being there: re-arm the idle timer.
  for (const channel of Object.keys(handlers) as (keyof Handlers)[]) {
    if (PASSIVE.has(channel)) continue;
    const inner = handlers[channel] as (args: unknown) => unknown;
    (handlers as Record<string, (args: unknown) => unknown>)[channel] = async (args: unknown) => {
      const result = await inner(args);
      // The lock state came back with the reply: no extra round trip to the worker.
      if (host.unlocked() && channel !== 'vault:lock') autoLock.arm();
      return result;
    };
  }

  return {
    handlers,
    lockNow,
    vaultRequests: () => host.requests(),
    evidenceRequest: (target, request, allowOrigin) => serveEvidence(target?.kind === 'package' ? packages.bytes : evidence.bytes, target, request, { allowOrigin }),
    async dispose() {
      autoLock.disarm();
      timeline.dispose();
      await packages.clear();
      await restore.clear();
      await host.dispose();
    },
  };
}
