// Small formatting helpers for the timeline views.
import type { TimelineEntry } from '../../../../shared/contracts/timeline';
import type { Translate } from '../../i18n';

/** "2024-10-18T22:50:00+08:00" → { day: "2024-10-18", time: "22:50" } (the time as recorded). */
export function splitAt(at: string): { day: string; time: string } {
  return { day: at.slice(0, 10), time: at.slice(11, 16) };
}

export function durationParts(sec: number): { min: number; sec: number } {
  return { min: Math.floor(sec / 60), sec: sec % 60 };
}

/** "3 秒" under a minute, "12 分 5 秒" above. */
export function durationText(t: Translate, sec: number): string {
  const d = durationParts(sec);
  return d.min === 0 ? t('timeline.detail.durationSeconds', { sec: d.sec }) : t('timeline.detail.durationValue', d);
}

export function activeFlags(e: Pick<TimelineEntry, 'flags'>): TimelineEntry['flags'] {
  return e.flags.filter((f) => f.dismissed === null);
}

/** "2024-10-18T22:50:00+08:00" → "2024-10-18 22:50:00"; whether it is Beijing time. */
export function wallClock(at: string): { text: string; beijing: boolean } {
  return { text: `${at.slice(0, 10)} ${at.slice(11, 19)}`, beijing: at.endsWith('+08:00') };
}
