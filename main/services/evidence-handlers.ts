// The evidence channels (shared/contracts/evidence.ts) and the evidence byte source for
// the vault:// protocol. Paths on disk only ever come from the platform's dialogs; the
// renderer sends bytes (upload*) or ids. Long work runs as a worker task: its progress
// goes out as 'task:progress', and keeps the auto-lock from firing mid-import.
import type { Handlers } from '../ipc/dispatch';
import type { EvidenceChannel } from '../../shared/contracts/evidence-names';
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

export interface EvidenceService {
  handlers: Pick<Handlers, EvidenceChannel>;
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

  const assertUnlocked = async () => {
    if ((await host.status()).state !== 'unlocked') throw new VaultLockedError();
  };

  const handlers: Pick<Handlers, EvidenceChannel> = {
    'evidence:list': (filter) => ev.list(filter),
    'evidence:get': ({ id }) => ev.get(id),
    'evidence:facets': () => ev.facets(),
    'evidence:text': ({ id }) => ev.text(id),
    'evidence:search': ({ query }) => ev.search(query),
    'evidence:update': ({ id, ...patch }) => ev.update(id, patch),
    'evidence:trash': ({ ids }) => ev.trash(ids),
    'evidence:restore': ({ ids }) => ev.restore(ids),
    'evidence:purge': ({ ids }) => ev.purge(ids),
    'evidence:verify': ({ taskId }) => featureClient(host, 'evidence', taskId ? task(taskId) : undefined).verify(),
    'evidence:pickAndImport': async ({ mode, taskId, category, note }) => {
      if (!platform.chooseOpenPaths) throw new BadInputError('这里不能打开文件对话框：请把文件或文件夹拖进窗口');
      await assertUnlocked();
      const paths = await platform.chooseOpenPaths(mode);
      if (!paths || paths.length === 0) return { cancelled: true as const };
      const result = await featureClient(host, 'evidence', task(taskId)).importPaths(paths, { category, note });
      return { cancelled: false as const, ...result };
    },
    'evidence:uploadBegin': (args) => ev.uploadBegin(args),
    'evidence:uploadChunk': (args) => ev.uploadChunk(args),
    'evidence:uploadCommit': (args) => ev.uploadCommit(args),
    'evidence:uploadAbort': ({ uploadId }) => ev.uploadAbort(uploadId),
    'evidence:cancel': ({ taskId }) => {
      host.cancel(taskId);
      return { ok: true as const };
    },
    'evidence:export': async ({ ids }) => {
      if (!platform.chooseFolder) throw new BadInputError('这里不能选择导出文件夹');
      await assertUnlocked();
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

  return { handlers, bytes };
}
