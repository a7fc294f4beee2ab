// Display helpers for evidence: times in Beijing time, sizes, durations.
import type { Translate } from '../../i18n';

/** "2024-10-18T14:30:22+08:00" → "2024-10-18 14:30". */
export function shortTime(iso: string | null): string | null {
  if (!iso) return null;
  return iso.slice(0, 16).replace('T', ' ');
}

/** "2024-10-18T14:30:22+08:00" → "2024-10-18 14:30:22 (北京时间)" style, seconds kept. */
export function fullTime(iso: string | null): string | null {
  if (!iso) return null;
  return iso.slice(0, 19).replace('T', ' ');
}

export function duration(t: Translate, seconds: number | null): string | null {
  if (seconds === null) return null;
  const total = Math.round(seconds);
  if (total < 60) return t('evidence.unit.seconds', { n: total });
  return t('evidence.unit.minutes', { m: Math.floor(total / 60), s: total % 60 });
}

/** For <input type="datetime-local">: the Beijing wall-clock part of an ISO time. */
export function toLocalInput(iso: string | null): string {
  return iso ? iso.slice(0, 16) : '';
}

export function newTaskId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
