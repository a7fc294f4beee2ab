// Instants for evidence: stored as epoch milliseconds, shown as ISO 8601 with an offset,
// Beijing time (UTC+8, no daylight saving) unless the data says otherwise. Isomorphic.
import { daysFromCivil, daysInMonth, fromDays } from '../dates';

export const BEIJING_OFFSET_MIN = 8 * 60;
const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;
const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** 1729233022000 → "2024-10-18T14:30:22+08:00". */
export function toBeijingIso(ms: number, offsetMin = BEIJING_OFFSET_MIN): string {
  const local = ms + offsetMin * MS_PER_MIN;
  const days = Math.floor(local / MS_PER_DAY);
  const rest = local - days * MS_PER_DAY;
  const h = Math.floor(rest / 3_600_000);
  const mi = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  const sign = offsetMin < 0 ? '-' : '+';
  return `${fromDays(days)}T${pad(h)}:${pad(mi)}:${pad(s)}${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
}

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
