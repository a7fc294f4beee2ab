// The repayments channel where main acts: the calendar file goes where the user chooses
// through the platform's save dialog (PlatformHooks). The other repayments channels are
// bound in main/ipc/bindings.ts.
import fs from 'node:fs';
import type { Handlers } from '../ipc/dispatch';
import { featureClient, type VaultHost } from '../vault/host';
import type { PlatformHooks } from './platform';
import { todayBeijing } from '../../shared/time/beijing';

export interface RepaymentsHandlerOptions {
  host: VaultHost;
  platform: PlatformHooks;
}

export function repaymentsHandlers(opts: RepaymentsHandlerOptions): Pick<Handlers, 'repayments:exportCalendar'> {
  const c = featureClient(opts.host, 'repayments');
  return {
    'repayments:exportCalendar': async ({ days, details }) => {
      const { text, events } = await c.calendarIcs({ days, details });
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
  };
}
