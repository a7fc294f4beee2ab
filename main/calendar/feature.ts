// The holiday-schedule capability: public data in the user data folder (no vault), so its
// functions run in main; they take the folder as their context, like vault features take
// theirs (bound to their channels in main/ipc/bindings.ts).
import { addNotice, readNotices } from './notice-store';
import { parseNotice } from '../../shared/calendar/notice';
import { SHIPPED_HOLIDAYS } from '../../shared/calendar/workdays';

export interface HolidaysContext {
  dataDir: string;
}

export const holidaysFeature = {
  list: (ctx: HolidaysContext) => {
    const stored = readNotices(ctx.dataDir);
    return {
      shipped: Object.keys(SHIPPED_HOLIDAYS.years).sort(),
      added: Object.entries(stored.years)
        .map(([year, y]) => ({ year, addedAt: y.addedAt, items: y.items, days: y.holidays.length }))
        .sort((a, b) => (a.year < b.year ? 1 : -1)),
    };
  },
  addNotice: (ctx: HolidaysContext, text: string) => {
    const notice = parseNotice(text);
    addNotice(ctx.dataDir, notice);
    return { year: notice.year, holidays: notice.holidays, workdays: notice.workdays };
  },
};
