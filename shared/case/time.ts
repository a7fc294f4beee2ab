// Times in the case are ISO 8601 with an offset, Beijing time (cli.md conventions):
// 2026-03-01T10:00:00+08:00.
import { fromDays } from '../dates';

const MS_PER_DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function beijingIso(now: Date = new Date()): string {
  const ms = now.getTime() + BEIJING_OFFSET_MS;
  const days = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - days * MS_PER_DAY;
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(inDay / 3_600_000);
  const m = Math.floor((inDay % 3_600_000) / 60_000);
  const s = Math.floor((inDay % 60_000) / 1000);
  return `${fromDays(days)}T${pad(h)}:${pad(m)}:${pad(s)}+08:00`;
}

/** "2026-03-01T10:00:00+08:00" → "2026-03-01 10:00" (in Beijing time, whatever offset it was written with). */
export function beijingMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return beijingIso(d).slice(0, 16).replace('T', ' ');
}
