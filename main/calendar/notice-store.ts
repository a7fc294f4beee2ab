// The holiday schedules the person added by pasting a State Council notice, kept in the user
// data folder (<dataDir>/holiday-notices.json): public data, not in the vault, so the CLI's
// `calc workdays`, the agenda in the vault worker and the app all read the same file. A year
// added here replaces the shipped one. Written atomically, 0600 like the rest of the folder.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { HolidayCalendar } from '../../shared/calendar/workdays-types';
import type { ParsedNotice } from '../../shared/calendar/notice';
import { XieshangError } from '../../shared/errors';

export const NOTICES_FILE = 'holiday-notices.json';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const StoredYear = z.object({
  holidays: z.array(Day),
  workdays: z.array(Day),
  /** The item names as the notice gave them, for the settings list. */
  items: z.array(z.string()).default([]),
  addedAt: z.string(),
});
const StoredFile = z.object({ version: z.literal(1), years: z.record(z.string().regex(/^\d{4}$/), StoredYear) });
export type StoredNotices = z.infer<typeof StoredFile>;

export function noticesPath(dataDir: string): string {
  return path.join(dataDir, NOTICES_FILE);
}

/** The stored years, or an empty set when there is no file; a damaged file is treated as absent. */
export function readNotices(dataDir: string): StoredNotices {
  try {
    const parsed = StoredFile.safeParse(JSON.parse(fs.readFileSync(noticesPath(dataDir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    /* missing or unreadable */
  }
  return { version: 1, years: {} };
}

export function toCalendar(stored: StoredNotices): HolidayCalendar {
  const years: HolidayCalendar['years'] = {};
  for (const [y, v] of Object.entries(stored.years)) years[y] = { holidays: v.holidays, workdays: v.workdays };
  return { years };
}

/** Keeps (or replaces) the notice's year; returns what is stored now. */
export function addNotice(dataDir: string, notice: ParsedNotice, now: Date = new Date()): StoredNotices {
  const current = readNotices(dataDir);
  const next: StoredNotices = {
    version: 1,
    years: {
      ...current.years,
      [notice.year]: {
        holidays: notice.holidays,
        workdays: notice.workdays,
        items: notice.items.map((i) => i.name),
        addedAt: now.toISOString(),
      },
    },
  };
  const file = noticesPath(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const temp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(temp, `${JSON.stringify(next, null, 1)}\n`, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    throw new XieshangError('IO_ERROR', { detail: `无法写入 ${file}` });
  }
  return next;
}

/**
 * A source for useAddedHolidays: re-reads the file only when it changed (size and mtime),
 * and returns the same object otherwise so the merged calendar stays cached.
 */
export function addedHolidaysSource(dataDir: string): () => HolidayCalendar | null {
  let stamp = '';
  let cached: HolidayCalendar | null = null;
  return () => {
    let now = 'none';
    try {
      const st = fs.statSync(noticesPath(dataDir));
      now = `${st.size}:${st.mtimeMs}`;
    } catch {
      /* no file */
    }
    if (now !== stamp) {
      stamp = now;
      cached = now === 'none' ? null : toCalendar(readNotices(dataDir));
    }
    return cached;
  };
}
