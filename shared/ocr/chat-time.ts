// The time labels of chat apps and SMS views, resolved against the day the screenshot was
// taken (Beijing): "22:41", "昨天 22:41", "前天", "星期三 09:10", "周三", "10月18日 14:30",
// "2024/10/18", "2024年10月18日 下午2:30", "上午 9:10". A label may carry a date, a time or
// both; what it leaves out comes from the context (a date header above, the capture day).
import { fromDays, isValidDate, toDays } from '../time/beijing';

export interface ChatTimeLabel {
  /** YYYY-MM-DD when the label names a day. */
  date?: string;
  /** HH:MM when the label names a time. */
  time?: string;
}

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 0, 天: 0 };
const pad = (n: number) => String(n).padStart(2, '0');

/** 0 = Sunday … 6 = Saturday, for a day number since 1970-01-01 (a Thursday). */
function weekday(days: number): number {
  return (((days + 4) % 7) + 7) % 7; // number-ok: calendar arithmetic
}

function clockOf(rest: string): { time?: string; ok: boolean } {
  const s = rest.trim();
  if (s === '') return { ok: true };
  const m = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|深夜)?\s*(\d{1,2})\s*[:：]\s*(\d{2})$/.exec(s);
  if (!m) return { ok: false };
  let h = Number(m[2]);
  const min = Number(m[3]);
  const part = m[1];
  if (h > 23 || min > 59) return { ok: false };
  if (part && /下午|傍晚|晚上|夜里|深夜/.test(part) && h < 12) h += 12; // number-ok: 12-hour clock
  if (part === '中午' && h < 11) h += 12; // number-ok: 12-hour clock
  if (part && /凌晨|早上|早晨|上午/.test(part) && h === 12) h = 0;
  return { time: `${pad(h)}:${pad(min)}`, ok: true };
}

/**
 * Reads a time label; undefined when the text is not one (a message that merely
 * contains a time is not a label: the whole text must be the label).
 */
export function parseChatTime(label: string, captured: string): ChatTimeLabel | undefined {
  const text = label.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text === '' || !isValidDate(captured)) return undefined;
  const today = toDays(captured);
  let date: string | undefined;
  let rest = text;
  let m: RegExpExecArray | null;
  if ((m = /^(今天|昨天|前天|Yesterday|Today)/i.exec(text))) {
    const back = /今天|today/i.test(m[1] ?? '') ? 0 : /昨天|yesterday/i.test(m[1] ?? '') ? 1 : 2;
    date = fromDays(today - back); // number-ok: day arithmetic
    rest = text.slice(m[0].length);
  } else if ((m = /^(?:星期|周|礼拜)([一二三四五六日天])/.exec(text))) {
    const want = WEEKDAYS[m[1] ?? ''];
    if (want === undefined) return undefined;
    // The most recent such day before the capture day (chat apps use weekdays for the past week).
    let d = today - 1; // number-ok: day arithmetic
    while (weekday(d) !== want) d--;
    date = fromDays(d);
    rest = text.slice(m[0].length);
  } else if ((m = /^(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?/.exec(text))) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    if (!isValidDate(iso)) return undefined;
    date = iso;
    rest = text.slice(m[0].length);
  } else if ((m = /^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*日|\/(\d{1,2})(?!\d))/.exec(text))) {
    const month = Number(m[1]);
    const day = Number(m[2] ?? m[3]);
    // No year: the capture year, or the year before when that day is still to come.
    const year = Number(captured.slice(0, 4));
    let iso = `${year}-${pad(month)}-${pad(day)}`;
    if (!isValidDate(iso)) return undefined;
    if (toDays(iso) > today) iso = `${year - 1}-${pad(month)}-${pad(day)}`; // number-ok: a year
    if (!isValidDate(iso)) return undefined;
    date = iso;
    rest = text.slice(m[0].length);
  }
  const clock = clockOf(rest);
  if (!clock.ok) return undefined;
  if (date === undefined && clock.time === undefined) return undefined;
  const out: ChatTimeLabel = {};
  if (date !== undefined) out.date = date;
  if (clock.time !== undefined) out.time = clock.time;
  return out;
}
