// The holiday-schedule channels: no vault needed (public data in the user data folder).
import type { Handlers } from '../ipc/dispatch';
import { addNotice, readNotices } from '../calendar/notice-store';
import { parseNotice } from '../../shared/calendar/notice';
import { SHIPPED_HOLIDAYS } from '../../shared/calendar/workdays';

export function holidaysHandlers(dataDir: string): Pick<Handlers, 'holidays:list' | 'holidays:addNotice'> {
  return {
    'holidays:list': () => {
      const stored = readNotices(dataDir);
      return {
        shipped: Object.keys(SHIPPED_HOLIDAYS.years).sort(),
        added: Object.entries(stored.years)
          .map(([year, y]) => ({ year, addedAt: y.addedAt, items: y.items, days: y.holidays.length }))
          .sort((a, b) => (a.year < b.year ? 1 : -1)),
      };
    },
    'holidays:addNotice': ({ text }) => {
      const notice = parseNotice(text);
      addNotice(dataDir, notice);
      return { year: notice.year, holidays: notice.holidays, workdays: notice.workdays };
    },
  };
}
