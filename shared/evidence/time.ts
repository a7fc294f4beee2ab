// Instants for evidence: stored as epoch milliseconds, shown as ISO 8601 with an offset,
// Beijing time (UTC+8, no daylight saving) unless the data says otherwise. Isomorphic.
import { daysFromCivil, daysInMonth } from '../dates';

import { BEIJING_OFFSET_MIN, isoWithOffset } from '../timeline/beijing-time';

export { BEIJING_OFFSET_MIN };
const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;

/** 1729233022000 → "2024-10-18T14:30:22+08:00" (the timeline's formatter; one implementation). */
export const toBeijingIso: (ms: number, offsetMin?: number) => string = isoWithOffset;

/** Wall-clock fields → instant, or null when the date or time does not exist. */
export function wallClockToMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  offsetMin = BEIJING_OFFSET_MIN,
): number | null {
  const ints = [year, month, day, hour, minute, second];
  if (!ints.every((n) => Number.isInteger(n))) return null;
  if (year < 1970 || year > 2199 || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return null;
  const days = daysFromCivil({ year, month, day });
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 - offsetMin * MS_PER_MIN;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * "2024-10-18T14:30:22+08:00", "2024-10-18T06:30:22Z", "2024-10-18 14:30", "2024-10-18"
 * (no offset: Beijing time) → epoch ms, or null.
 */
export function parseIsoTime(input: string): number | null {
  const m = ISO_RE.exec(input.normalize('NFKC').trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, off] = m;
  let offsetMin = BEIJING_OFFSET_MIN;
  if (off === 'Z') offsetMin = 0;
  else if (off) {
    const digits = off.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return wallClockToMs(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), offsetMin);
}

/** "2024-10-18" (a Beijing calendar day) → the first and last millisecond of that day. */
export function beijingDayBounds(date: string): { start: number; end: number } | null {
  const start = parseIsoTime(date);
  if (start === null || !/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return null;
  return { start, end: start + MS_PER_DAY - 1 };
}
