// The evidence channels where main acts (a file dialog, a folder to export to, cancelling a
// task; the others are bound in main/ipc/bindings.ts) and the evidence byte source for
// the vault:// protocol. Paths on disk only ever come from the platform's dialogs; the
// renderer sends bytes (upload*) or ids. Long work runs as a worker task: its progress
// goes out as 'task:progress', and keeps the auto-lock from firing mid-import.
import type { Handlers } from '../ipc/dispatch';
import type { EmitEvent, PlatformHooks } from './platform';
import { featureClient, type VaultHost } from '../vault/host';
import type { TaskOptions } from '../vault/feature';
import type { EvidenceByteSource } from '../evidence-protocol';
import { BadInputError, VaultLockedError } from '../../shared/errors';

export interface EvidenceServiceOptions {
  host: VaultHost;
  platform: PlatformHooks;
  emit: EmitEvent;
  /** Called while a long task makes progress: the person is waiting for it, not away. */
  keepAlive?: () => void;
}

/** The evidence channels main handles itself. */
export type EvidenceMainChannel = 'evidence:pickAndImport' | 'evidence:cancel' | 'evidence:export';

export interface EvidenceService {
  handlers: Pick<Handlers, EvidenceMainChannel>;
  /** A long task's progress as task:progress events (throttled), keeping the auto-lock away. */
  task(taskId: string): TaskOptions;
  bytes: EvidenceByteSource;
}

export function createEvidenceService(opts: EvidenceServiceOptions): EvidenceService {
  const { host, platform, emit } = opts;
  const ev = featureClient(host, 'evidence');
  let lastKeepAlive = 0;

  const task = (taskId: string): TaskOptions => {
    let lastEmit = 0;
    const onProgress = (done: number, total: number, label?: string) => {
      const now = Date.now();
      // At most ~10 events a second (10,000 small files must not flood the renderer), and always the last.
      if (now - lastEmit < 100 && done < total) return;
      lastEmit = now;
      emit('task:progress', { taskId, done, total, ...(label ? { label } : {}) });
      if (now - lastKeepAlive > 5_000) {
        lastKeepAlive = now;
        opts.keepAlive?.();
      }
    };
    return { taskId, onProgress };
  };

  const assertUnlocked = () => {
    if (!host.unlocked()) throw new VaultLockedError();
  };

  const handlers: Pick<Handlers, EvidenceMainChannel> = {
    'evidence:pickAndImport': async ({ mode, taskId, category, note }) => {
      if (!platform.chooseOpenPaths) throw new BadInputError('这里不能打开文件对话框：请把文件或文件夹拖进窗口');
      assertUnlocked();
      const paths = await platform.chooseOpenPaths(mode);
      if (!paths || paths.length === 0) return { cancelled: true as const };
      const result = await featureClient(host, 'evidence', task(taskId)).importPaths(paths, { category, note });
      return { cancelled: false as const, ...result };
    },
    'evidence:cancel': ({ taskId }) => {
      host.cancel(taskId);
      return { ok: true as const };
    },
    'evidence:export': async ({ ids }) => {
      if (!platform.chooseFolder) throw new BadInputError('这里不能选择导出文件夹');
      assertUnlocked();
      const parent = await platform.chooseFolder();
      if (parent === null) return { cancelled: true as const };
      const result = await ev.exportToFolder(ids, parent);
      return { cancelled: false as const, ...result };
    },
  };

  const bytes: EvidenceByteSource = {
    // 'package' previews are served by the package service, never from the evidence table.
    info: async (kind, id) => (kind === 'package' ? null : ev.byteInfo(kind, id)),
    range: async (kind, id, start, end) => (kind === 'package' ? new Uint8Array(0) : ev.byteRange(kind, id, start, end)),
  };

  return { handlers, task, bytes };
}
