// The timeline's reminder loop (its channels are bound in main/ipc/bindings.ts): every minute while the vault is unlocked (and
// right after a change to the timeline), what fell due and was not announced yet is sent
// to the renderer as a 'timeline:reminder' event (shown in-app) and, where the platform
// can, as a desktop notification. The notification names no creditor and no amount (it
// can appear on a locked screen); nothing is ever sent anywhere else.
import { featureClient, type VaultHost } from '../vault/host';
import type { EmitEvent, PlatformHooks } from './platform';
import type { AgendaItem } from '../../shared/contracts/timeline';

export interface TimelineServiceOptions {
  host: VaultHost;
  platform: PlatformHooks;
  emit: EmitEvent;
  log?: ((line: string) => void) | undefined;
  /** How often to look for due items; default one minute. */
  reminderIntervalMs?: number;
}

export interface TimelineService {
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
    const look = (async () => {
      try {
        if (!host.unlocked()) return [];
        const { items } = await c.takeReminders();
        if (items.length > 0) {
          emit('timeline:reminder', { items });
          const text = notificationText(items);
          opts.platform.notify?.(text.title, text.body);
        }
        return items;
      } catch {
        opts.log?.('reminder check failed');
        return [];
      }
    })();
    // Cleared once settled (the look may settle before this line when locked: no await in it).
    running = look.finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void checkReminders(), opts.reminderIntervalMs ?? 60_000);
  timer.unref?.();

  return {
    checkReminders,
    dispose() {
      disposed = true;
      clearInterval(timer);
    },
  };
}
