// Issue 11's channels → the repayments feature module in the vault worker. The calendar
// file goes where the user chooses through the platform's save dialog (PlatformHooks); after
// a change that can make something due, the reminder loop looks again.
import fs from 'node:fs';
import type { Handlers } from '../ipc/dispatch';
import { featureClient, type VaultHost } from '../vault/host';
import type { PlatformHooks } from './platform';
import type { REPAYMENTS_CHANNELS } from '../../shared/contracts/repayments-names';
import { todayBeijing } from '../../shared/time/beijing';

type RepaymentsChannel = (typeof REPAYMENTS_CHANNELS)[number];

export interface RepaymentsHandlerOptions {
  host: VaultHost;
  platform: PlatformHooks;
  /** The reminder loop's "look now" (timeline service). */
  recheckReminders?: () => unknown;
}

export function repaymentsHandlers(opts: RepaymentsHandlerOptions): Pick<Handlers, RepaymentsChannel> {
  const c = featureClient(opts.host, 'repayments');
  const changed = <T>(p: Promise<T>): Promise<T> =>
    p.then((v) => {
      void opts.recheckReminders?.();
      return v;
    });
  return {
    'repayments:list': () => c.list() as never,
    'repayments:saveAgreement': (args) => changed(c.saveAgreement(args as never)) as never,
    'repayments:pay': (args) => changed(c.pay(args)) as never,
    'repayments:deletePayment': async ({ id }) => {
      await changed(c.deletePayment(id));
      return { ok: true as const };
    },
    'repayments:saveSettings': (s) => changed(c.saveSettings(s)) as never,
    'repayments:exportCalendar': async ({ days, details }) => {
      const { text, events } = (await c.calendarIcs({ days, details })) as { text: string; events: number };
      const out = await opts.platform.chooseSavePath(`协商证据箱-日程-${todayBeijing()}.ics`, [{ name: 'iCalendar (*.ics)', extensions: ['ics'] }]);
      if (out === null) return { cancelled: true as const };
      const temp = `${out}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temp, text, { mode: 0o600 });
        fs.renameSync(temp, out);
      } finally {
        fs.rmSync(temp, { force: true });
      }
      return { cancelled: false as const, out, events };
    },
    'repayments:rounds': async () => ({ rounds: (await c.rounds()) as never }),
    'repayments:saveRound': (input) => changed(c.saveRound(input)) as never,
    'repayments:setOutcome': async (input) => {
      await changed(c.setOutcome(input));
      return { ok: true as const };
    },
    'repayments:saveRequest': (input) => changed(c.saveRequest(input)) as never,
    'repayments:budget': ({ month }) => c.budget(month) as never,
    'repayments:importBill': (args) => c.importBill(args) as never,
    'repayments:home': () => c.home() as never,
  };
}
