// Times on the timeline: instants stored as epoch milliseconds and shown as ISO 8601
// with an offset. Beijing time (UTC+8, no daylight saving) is the default everywhere and
// the clock the conduct rules use ("22:00–08:00 Beijing time"), whatever the machine's
// zone. Isomorphic.
import { BadInputError } from '../errors';
import { daysFromCivil, fromDays, daysInMonth, MIN_YEAR, MAX_YEAR } from '../dates';

export const BEIJING_OFFSET_MIN = 8 * 60;
const MS_PER_MIN = 60_000;
const MS_PER_DAY = 86_400_000;

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** 1729233022000 → "2024-10-18T14:30:22+08:00" (or another offset, in minutes east of UTC). */
export function isoWithOffset(ms: number, offsetMin = BEIJING_OFFSET_MIN): string {
  const local = ms + offsetMin * MS_PER_MIN;
  const days = Math.floor(local / MS_PER_DAY);
  const rest = local - days * MS_PER_DAY;
  const h = Math.floor(rest / 3_600_000);
  const mi = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  const sign = offsetMin < 0 ? '-' : '+';
  const off = `${sign}${pad(Math.floor(Math.abs(offsetMin) / 60))}:${pad(Math.abs(offsetMin) % 60)}`;
  return `${fromDays(days)}T${pad(h)}:${pad(mi)}:${pad(s)}${off}`;
}

export interface BeijingParts {
  /** YYYY-MM-DD, the Beijing calendar day. */
  date: string;
  hour: number;
  minute: number;
  second: number;
}

export function beijingParts(ms: number): BeijingParts {
  const local = ms + BEIJING_OFFSET_MIN * MS_PER_MIN;
  const days = Math.floor(local / MS_PER_DAY);
  const rest = local - days * MS_PER_DAY;
  return {
    date: fromDays(days),
    hour: Math.floor(rest / 3_600_000),
    minute: Math.floor((rest % 3_600_000) / 60_000),
    second: Math.floor((rest % 60_000) / 1000),
  };
}

export function beijingDate(ms: number): string {
  return beijingParts(ms).date;
}

/**
 * beijingDate for a run of instants (a sorted timeline): the same text, made once per
 * calendar day instead of once per instant.
 */
export function beijingDateReader(): (ms: number) => string {
  let lastDays = Number.NaN;
  let lastText = '';
  return (ms) => {
    const days = Math.floor((ms + BEIJING_OFFSET_MIN * MS_PER_MIN) / MS_PER_DAY);
    if (days !== lastDays) {
      lastDays = days;
      lastText = fromDays(days);
    }
    return lastText;
  };
}

/** The instant of a wall-clock time in Beijing; checks that the day and time exist. */
export function beijingLocalToMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) throw new BadInputError(`年份超出范围：${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new BadInputError(`月份不存在：${month}`);
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) throw new BadInputError(`日期不存在：${year}-${pad(month)}-${pad(day)}`);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59 || !Number.isInteger(second) || second < 0 || second > 59) {
    throw new BadInputError(`时间不存在：${pad(hour)}:${pad(minute)}:${pad(second)}`);
  }
  const days = daysFromCivil({ year, month, day });
  return days * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 - BEIJING_OFFSET_MIN * MS_PER_MIN;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

export interface ParsedTime {
  ms: number;
  /** The offset the text carried (minutes east of UTC); Beijing when it carried none. */
  offsetMin: number;
  /** The canonical text: the same wall-clock time and offset, seconds always present. */
  iso: string;
}

/**
 * "2024-10-18T14:30:22+08:00", "2024-10-18T06:30:22Z", "2024-10-18 14:30" (no offset:
 * Beijing time). Throws BadInputError naming `label` for anything else or a time that
 * does not exist.
 */
export function parseContactTime(input: unknown, label = '时间'): ParsedTime {
  if (typeof input !== 'string') throw new BadInputError(`${label}必须是文字`);
  const s = input.normalize('NFKC').trim();
  const m = ISO_RE.exec(s);
  if (!m) throw new BadInputError(`${label}格式不对：${s.slice(0, 40)}（应为 2024-10-18T14:30:22+08:00 这样的格式）`);
  const [, y, mo, d, h, mi, sec, off] = m;
  let offsetMin = BEIJING_OFFSET_MIN;
  if (off === 'Z') offsetMin = 0;
  else if (off) {
    const digits = off.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 14 || om > 59) throw new BadInputError(`${label}的时区不对：${off}`);
    offsetMin = sign * (oh * 60 + om);
  }
  const wall = beijingLocalToMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec ?? 0));
  // wall is the instant if the text were Beijing time; shift by the real offset.
  const ms = wall + (BEIJING_OFFSET_MIN - offsetMin) * MS_PER_MIN;
  return { ms, offsetMin, iso: isoWithOffset(ms, offsetMin) };
}

/** The Monday (YYYY-MM-DD) of the Beijing week that contains `ms`. */
export function beijingWeekStart(ms: number): string {
  const local = ms + BEIJING_OFFSET_MIN * MS_PER_MIN;
  const days = Math.floor(local / MS_PER_DAY);
  const weekday = (((days + 4) % 7) + 7) % 7; // 0 = Sunday
  return fromDays(days - ((weekday + 6) % 7));
}

/** "2024-10" for the Beijing month of `ms`. */
export function beijingMonth(ms: number): string {
  return beijingDate(ms).slice(0, 7);
}
