// Dates as people type them: 2026/10/10, 2026-10-10, 2026.10.10, 2026年10月10日, 10月10日,
// 20261010, a month (2026年10月, 2026-10) where a month is meant, and a time after the date
// (2026/10/10 14:30, 2026年10月10日 14点30分) where a moment is meant.
// Pure and self-contained: "today" is an argument, no Date objects, no imports, so the same
// function runs in the renderer, main and the CLI and its tests need no clock.

export type DateInputKind = 'day' | 'month' | 'moment';

/** Which year a date typed without one belongs to: a past event, a future plan, or this year. */
export type DateInputWhen = 'past' | 'future' | 'any';

export interface DateInputOptions {
  kind?: DateInputKind;
  /** Today as YYYY-MM-DD (Beijing time in this app); needed for 10月10日 and for notAfterToday. */
  today: string;
  when?: DateInputWhen;
  /** Refuse a date after today (a contact, a capture, a payment already made). */
  notAfterToday?: boolean;
}

export type DateInputErrorCode = 'empty' | 'format' | 'twoDigitYear' | 'year' | 'month' | 'day' | 'time' | 'future' | 'needDay' | 'needTime';

export interface DateInputParts {
  year: number;
  month: number;
  /** Absent for kind 'month'. */
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
}

export type DateInputResult =
  | {
      ok: true;
      /** YYYY-MM-DD (day), YYYY-MM (month) or YYYY-MM-DDTHH:MM[:SS] (moment). */
      value: string;
      parts: DateInputParts;
      /** The year was not typed and was chosen by `when` (worth saying back to the person). */
      yearInferred: boolean;
    }
  | { ok: false; code: DateInputErrorCode; message: string; params: Record<string, string | number> };

export const DATE_INPUT_MIN_YEAR = 1900;
export const DATE_INPUT_MAX_YEAR = 2199;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function monthLength(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Chinese messages (the CLI and main speak Chinese first); the renderer translates by code. */
const MESSAGES: Record<DateInputErrorCode, (p: Record<string, string | number>) => string> = {
  empty: () => '请填写日期',
  format: (p) => `看不懂这个日期：${p.text}（可以写 2026-10-10、2026/10/10、2026年10月10日 或 10月10日）`,
  twoDigitYear: (p) => `年份请写四位数：${p.text}（例如 2026/10/10）`,
  year: (p) => `年份超出范围：${p.year}（支持 ${DATE_INPUT_MIN_YEAR}–${DATE_INPUT_MAX_YEAR} 年）`,
  month: (p) => `没有 ${p.month} 月：${p.text}（月份应为 1–12）`,
  day: (p) => `这一天不存在：${p.text}（${p.year} 年 ${p.month} 月只有 ${p.last} 天）`,
  time: (p) => `时间不对：${p.text}（例如 14:30，小时 0–23，分钟 0–59）`,
  future: (p) => `这个日期在今天（${p.today}）之后：${p.text}。已经发生的事请填实际日期`,
  needDay: (p) => `这里需要具体到哪一天：${p.text}（例如 2026年10月10日）`,
  needTime: (p) => `请同时写上几点几分：${p.text}（例如 2026/10/10 14:30）`,
};

function fail(code: DateInputErrorCode, params: Record<string, string | number>): DateInputResult {
  return { ok: false, code, message: MESSAGES[code](params), params };
}

/** Full-width digits and punctuation folded, the many dashes and dots unified, spaces squeezed. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‐‑‒–—―－]/g, '-')
    .replace(/[。．·]/g, '.')
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
}

interface Split {
  year: number | null;
  twoDigitYear: boolean;
  month: number;
  day: number | null;
  rest: string;
}

// Date part at the start of the text; the rest (a time) is read separately.
const FULL = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
const SHORT_YEAR = /^(\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/;
const MONTH_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const YEAR_MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?(?![\d/.-])/;
const YEAR_MONTH_COMPACT = /^(\d{4})(\d{2})$/;
const MONTH_ONLY = /^(\d{1,2})\s*月(?!\s*\d)/;

function splitDate(s: string, kind: DateInputKind): Split | null {
  let m: RegExpExecArray | null;
  if ((m = FULL.exec(s)) || (m = COMPACT.exec(s))) {
    return { year: Number(m[1]), twoDigitYear: false, month: Number(m[2]), day: Number(m[3]), rest: s.slice(m[0].length) };
  }
  if ((m = SHORT_YEAR.exec(s))) return { year: null, twoDigitYear: true, month: Number(m[2]), day: Number(m[3]), rest: '' };
  if ((m = MONTH_DAY.exec(s))) return { year: null, twoDigitYear: false, month: Number(m[1]), day: Number(m[2]), rest: s.slice(m[0].length) };
  if ((m = YEAR_MONTH.exec(s)) || (kind === 'month' && (m = YEAR_MONTH_COMPACT.exec(s)))) {
    return { year: Number(m[1]), twoDigitYear: false, month: Number(m[2]), day: null, rest: s.slice(m[0].length) };
  }
  if ((m = MONTH_ONLY.exec(s))) return { year: null, twoDigitYear: false, month: Number(m[1]), day: null, rest: s.slice(m[0].length) };
  return null;
}

interface Time {
  hour: number;
  minute: number;
  second: number | null;
}

/** "14:30", "14:30:05", "14点30分", "14时", "下午2点半", "T14:30" → a time; "" → null; junk → 'bad'. */
function readTime(rest: string): Time | null | 'bad' {
  let s = rest.trim().replace(/^T/i, '').trim();
  if (s === '') return null;
  let pm = false;
  let am = false;
  const half = /^(上午|早上|凌晨|中午|下午|晚上|傍晚)/.exec(s);
  if (half) {
    pm = ['下午', '晚上', '傍晚', '中午'].includes(half[1]!);
    am = !pm;
    s = s.slice(half[0].length).trim();
  }
  let m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  let hour: number;
  let minute: number;
  let second: number | null;
  if (m) {
    hour = Number(m[1]);
    minute = Number(m[2]);
    second = m[3] === undefined ? null : Number(m[3]);
  } else {
    m = /^(\d{1,2})\s*[点时]\s*(?:(半)|(\d{1,2})\s*分?)?\s*(?:(\d{1,2})\s*秒)?$/.exec(s);
    if (!m) return 'bad';
    hour = Number(m[1]);
    minute = m[2] ? 30 : m[3] === undefined ? 0 : Number(m[3]);
    second = m[4] === undefined ? null : Number(m[4]);
  }
  if (pm && hour < 12) hour += 12;
  if (am && hour === 12) hour = 0;
  if (hour > 23 || minute > 59 || (second !== null && second > 59)) return 'bad';
  return { hour, minute, second };
}

function ymdValue(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Picks the year for a date typed without one, relative to today and what the field means. */
function inferYear(month: number, day: number, today: string, when: DateInputWhen): number {
  const ty = Number(today.slice(0, 4));
  if (when === 'any') return ty;
  const candidate = ymdValue(ty, month, Math.min(day, monthLength(ty, month)));
  if (when === 'past' && candidate > today) return ty - 1;
  if (when === 'future' && candidate < today) return ty + 1;
  return ty;
}

/**
 * Reads a date as a person types it. Never throws: returns the canonical value or a code with a
 * Chinese message (the renderer shows its own locale's text for the code and params).
 */
export function parseDateInput(text: string, opts: DateInputOptions): DateInputResult {
  const kind = opts.kind ?? 'day';
  const when = opts.when ?? 'any';
  const s = normalise(text ?? '');
  const shown = s.slice(0, 40);
  if (s === '') return fail('empty', {});
  const split = splitDate(s, kind);
  if (!split) return fail('format', { text: shown });
  if (split.twoDigitYear) return fail('twoDigitYear', { text: shown });
  const { month } = split;
  if (month < 1 || month > 12) return fail('month', { text: shown, month });
  if (split.day === null && kind !== 'month') return fail('needDay', { text: shown });

  const yearInferred = split.year === null;
  const dayForYear = split.day ?? 1;
  let year: number;
  if (split.year !== null) year = split.year;
  else if (split.day === null) {
    // A month without a year: this year's, or last year's when a past month is meant.
    const ty = Number(opts.today.slice(0, 4));
    const tm = Number(opts.today.slice(5, 7));
    year = when === 'past' && month > tm ? ty - 1 : when === 'future' && month < tm ? ty + 1 : ty;
  } else year = inferYear(month, dayForYear, opts.today, when);
  if (year < DATE_INPUT_MIN_YEAR || year > DATE_INPUT_MAX_YEAR) return fail('year', { text: shown, year });

  if (split.day !== null) {
    const last = monthLength(year, month);
    if (split.day < 1 || split.day > last) return fail('day', { text: shown, year, month, last });
  }

  if (kind === 'month') {
    // A day typed where a month is meant is accepted: the month is what counts.
    if (split.rest.trim() !== '') return fail('format', { text: shown });
    const value = `${pad(year, 4)}-${pad(month)}`;
    if (opts.notAfterToday && value > opts.today.slice(0, 7)) return fail('future', { text: shown, today: opts.today });
    return { ok: true, value, parts: { year, month }, yearInferred };
  }

  const day = split.day!;
  const date = ymdValue(year, month, day);
  if (kind === 'day') {
    if (split.rest.trim() !== '') return fail('format', { text: shown });
    if (opts.notAfterToday && date > opts.today) return fail('future', { text: shown, today: opts.today });
    return { ok: true, value: date, parts: { year, month, day }, yearInferred };
  }

  const time = readTime(split.rest);
  if (time === 'bad') return fail('time', { text: shown });
  if (time === null) return fail('needTime', { text: shown });
  if (opts.notAfterToday && date > opts.today) return fail('future', { text: shown, today: opts.today });
  const hm = `${pad(time.hour)}:${pad(time.minute)}`;
  const value = `${date}T${time.second === null ? hm : `${hm}:${pad(time.second)}`}`;
  const parts: DateInputParts = { year, month, day, hour: time.hour, minute: time.minute };
  if (time.second !== null) parts.second = time.second;
  return { ok: true, value, parts, yearInferred };
}

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 0 = Sunday; Zeller-free: days since 1970-01-01 (a Thursday) by the civil-days formula. */
export function weekdayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  const days = era * 146_097 + doe - 719_468;
  return (((days + 4) % 7) + 7) % 7;
}

/** The understood date said back in Chinese words: "2026年10月10日（星期六）", "2026年10月", "… 14:30". */
export function dateInWordsZh(parts: DateInputParts): string {
  if (parts.day === undefined) return `${parts.year}年${parts.month}月`;
  const base = `${parts.year}年${parts.month}月${parts.day}日（${WEEKDAYS_ZH[weekdayOf(parts.year, parts.month, parts.day)]}）`;
  if (parts.hour === undefined) return base;
  return `${base} ${pad(parts.hour)}:${pad(parts.minute ?? 0)}${parts.second === undefined ? '' : `:${pad(parts.second)}`}`;
}
