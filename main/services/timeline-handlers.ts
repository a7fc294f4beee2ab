// The timeline channels (shared/contracts/timeline.ts) → the timeline feature module in
// the vault worker, and the reminder loop: every minute while the vault is unlocked (and
// right after a change to the timeline), what fell due and was not announced yet is sent
// to the renderer as a 'timeline:reminder' event (shown in-app) and, where the platform
// can, as a desktop notification. The notification names no creditor and no amount (it
// can appear on a locked screen); nothing is ever sent anywhere else.
import { randomUUID } from 'node:crypto';
import type { Handlers } from '../ipc/dispatch';
import { featureClient, type VaultHost } from '../vault/host';
import type { EmitEvent, PlatformHooks } from './platform';
import type { AgendaItem, ContactDetail, ImportCallResult, ImportSmsResult } from '../../shared/contracts/timeline';
import type { TIMELINE_CHANNELS } from '../../shared/contracts/timeline-names';

export type TimelineChannel = (typeof TIMELINE_CHANNELS)[number];

export interface TimelineServiceOptions {
  host: VaultHost;
  platform: PlatformHooks;
  emit: EmitEvent;
  log?: ((line: string) => void) | undefined;
  /** How often to look for due items; default one minute. */
  reminderIntervalMs?: number;
}

export interface TimelineService {
  handlers: Pick<Handlers, TimelineChannel>;
  /** Looks for due items now (tests; after unlock). */
  checkReminders(): Promise<AgendaItem[]>;
  dispose(): void;
}

/** "今天有 2 项待办：1 个跟进、1 期还款。" — counts only, no names or amounts. */
export function notificationText(items: readonly AgendaItem[]): { title: string; body: string } {
  const n = (k: AgendaItem['kind']) => items.filter((i) => i.kind === k).length;
  const parts = [
    n('follow_up') ? `${n('follow_up')} 个跟进` : '',
    n('answer_due') ? `${n('answer_due')} 个答复期限` : '',
    n('installment') ? `${n('installment')} 期还款` : '',
    n('reminder') ? `${n('reminder')} 个还款提醒` : '',
  ].filter(Boolean);
  return { title: '协商证据箱：有到期的待办', body: `今天有 ${items.length} 项到期或已过期：${parts.join('、')}。打开协商证据箱查看。` };
}

export function createTimelineService(opts: TimelineServiceOptions): TimelineService {
  const { host, emit } = opts;
  const c = featureClient(host, 'timeline');
  let running: Promise<AgendaItem[]> | null = null;
  let disposed = false;

  const checkReminders = async (): Promise<AgendaItem[]> => {
    if (disposed) return [];
    if (running) return running;
    running = (async () => {
      try {
        if ((await host.status()).state !== 'unlocked') return [];
        const { items } = (await c.takeReminders()) as { items: AgendaItem[] };
        if (items.length > 0) {
          emit('timeline:reminder', { items });
          const text = notificationText(items);
          opts.platform.notify?.(text.title, text.body);
        }
        return items;
      } catch {
        opts.log?.('reminder check failed');
        return [];
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void checkReminders(), opts.reminderIntervalMs ?? 60_000);
  timer.unref?.();

  /** A change to the timeline may have made something due today: look again. */
  const changed = <T>(p: Promise<T>): Promise<T> =>
    p.then((v) => {
      void checkReminders();
      return v;
    });
  const detail = (p: Promise<unknown>) => changed(p as Promise<ContactDetail>);
  const task = (taskId: string | undefined) => {
    const id = taskId ?? `timeline-${randomUUID()}`;
    return { taskId: id, onProgress: (done: number, total: number, label?: string) => emit('task:progress', { taskId: id, done, total, ...(label ? { label } : {}) }) };
  };

  const handlers: Pick<Handlers, TimelineChannel> = {
    'timeline:list': ({ filter }) => c.list(filter) as never,
    'timeline:get': ({ id }) => c.get(id) as never,
    'timeline:add': (fields) => detail(c.add(fields)),
    'timeline:update': ({ id, patch }) => detail(c.update(id, patch)),
    'timeline:delete': ({ id }) => changed(c.remove(id)) as never,
    'timeline:dismissFlag': ({ id, flag, reason }) => detail(c.dismissFlag(id, flag, reason)),
    'timeline:restoreFlag': ({ id, flag }) => detail(c.restoreFlag(id, flag)),
    'timeline:fromEvidence': ({ evidenceIds, fields }) => detail(c.fromEvidence(evidenceIds, fields)),
    'timeline:contactsForEvidence': ({ evidenceId }) => c.contactsForEvidence(evidenceId) as never,
    'timeline:marks': () => c.marks() as never,
    'timeline:mark': ({ number, side, organisation }) => c.mark(number, side, organisation) as never,
    'timeline:agenda': () => c.agenda() as never,
    'timeline:summary': () => c.summary() as never,
    'timeline:importSmsData': ({ taskId, ...upload }) =>
      changed(featureClient(host, 'timeline', task(taskId)).importSmsData(upload) as Promise<ImportSmsResult>),
    'timeline:importSmsTable': ({ taskId, columns, ...upload }) =>
      changed(featureClient(host, 'timeline', task(taskId)).importSmsTable(upload, columns) as Promise<ImportSmsResult>),
    'timeline:importCallsData': async ({ files, taskId }) => {
      const results = (await featureClient(host, 'timeline', task(taskId)).importCallsData(files)) as ImportCallResult[];
      void checkReminders();
      return { results };
    },
    'timeline:addFromScreenshot': (input) => changed(c.addFromScreenshot(input) as Promise<{ ids: string[] }>),
  };

  return {
    handlers,
    checkReminders,
    dispose() {
      disposed = true;
      clearInterval(timer);
    },
  };
}
