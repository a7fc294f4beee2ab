// Reads the State Council's yearly notice 国务院办公厅关于YYYY年部分节假日安排的通知, whose
// wording has been fixed for years:
//   一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
//   五、端午节：6月9日（周三）放假1天，不调休。
// Each numbered item names a festival, the days off (a range or one day, 共N天 checked) and
// the weekend days worked (上班). What it understood is shown for confirmation before it is
// kept (notice-store in main/). Anything that does not fit is a clear error, never a guess.
import { BadInputError } from '../errors';
import { addDays, daysBetween, formatYMD, parseYMD, weekday } from '../time/beijing';
import type { HolidayYear } from './workdays-types';

export interface NoticeItem {
  /** As the notice names it: 元旦, 春节, 国庆节、中秋节 … */
  name: string;
  holidays: string[];
  workdays: string[];
}

export interface ParsedNotice extends HolidayYear {
  year: string;
  items: NoticeItem[];
}

const HEADER = /([一二三四五六七八九十]{1,3})、([^：:，,。\d]{1,16})[：:]/g;
const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g;
/** Where the numbered items end: the closing paragraph of every notice. */
const TAIL = /鼓励|节假日期间|国务院办公厅\s*\d{4}年/;

interface Context {
  year: number;
  month: number | null;
}

function datesIn(text: string, ctx: Context, item: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE)) {
    if (m[1]) ctx.year = Number(m[1]);
    if (m[2]) ctx.month = Number(m[2]);
    if (ctx.month === null) throw new BadInputError(`“${item}”里的日期“${m[0]}”没有月份`);
    const date = formatYMD(parseYMD(`${ctx.year}-${String(ctx.month).padStart(2, '0')}-${m[3]!.padStart(2, '0')}`, `“${item}”的日期`));
    out.push(date);
  }
  return out;
}

function parseItem(name: string, body: string, noticeYear: number): NoticeItem {
  const ctx: Context = { year: noticeYear, month: null };
  const holidays: string[] = [];
  const workdays: string[] = [];
  for (const sentence of body.split(/[。；;]/)) {
    if (sentence.includes('放假')) {
      const before = sentence.slice(0, sentence.indexOf('放假'));
      const [from, to, ...rest] = datesIn(before, ctx, name);
      if (!from || rest.length > 0) throw new BadInputError(`看不懂“${name}”的放假日期：“${sentence}”`);
      if (to !== undefined && !/至|到|—|－|-/.test(before)) throw new BadInputError(`看不懂“${name}”的放假日期：“${sentence}”`);
      const last = to ?? from;
      const span = daysBetween(from, last) + 1;
      if (span < 1 || span > 15) throw new BadInputError(`“${name}”的放假日期不合理：${from} 至 ${last}`);
      const stated = /共\s*(\d{1,2})\s*天|放假\s*(\d{1,2})\s*天/.exec(sentence);
      const n = stated ? Number(stated[1] ?? stated[2]) : null;
      if (n !== null && n !== span) {
        throw new BadInputError(`“${name}”写的是共 ${n} 天，但 ${from} 至 ${last} 是 ${span} 天，请核对粘贴的文字`);
      }
      for (let d = from, i = 0; i < span; i++, d = addDays(d, 1)) holidays.push(d);
    }
    if (sentence.includes('上班')) {
      const before = sentence.slice(0, sentence.lastIndexOf('上班'));
      for (const d of datesIn(before, ctx, name)) {
        const w = weekday(d);
        if (w !== 0 && w !== 6) throw new BadInputError(`“${name}”的调休上班日 ${d} 不是周六或周日，请核对粘贴的文字`);
        workdays.push(d);
      }
    }
  }
  if (holidays.length === 0) throw new BadInputError(`“${name}”里没有找到放假日期`);
  return { name, holidays, workdays };
}

/** The notice text → the year's schedule; throws BadInputError (Chinese) for anything else. */
export function parseNotice(raw: string): ParsedNotice {
  // The parentheses hold weekdays and lunar dates (农历腊月二十八、周日): notes, not dates, and
  // their 、 would look like an item number.
  const text = raw
    .normalize('NFKC')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[ \t\u3000\r]+/g, '');
  const yearMatch = /关于(\d{4})年部分节假日安排/.exec(text) ?? /现将(\d{4})年/.exec(text);
  if (!yearMatch) {
    throw new BadInputError('没有找到通知的年份：请粘贴完整的通知，包括标题“国务院办公厅关于××××年部分节假日安排的通知”');
  }
  const year = Number(yearMatch[1]);
  const headers = [...text.matchAll(HEADER)];
  if (headers.length === 0) {
    throw new BadInputError('没有找到节日安排：通知正文应是“一、元旦：1月1日……放假……”这样的条目');
  }
  const items: NoticeItem[] = [];
  headers.forEach((h, i) => {
    const start = h.index! + h[0].length;
    let end = i + 1 < headers.length ? headers[i + 1]!.index! : text.length;
    const tail = TAIL.exec(text.slice(start, end));
    if (tail) end = start + tail.index;
    items.push(parseItem(h[2]!, text.slice(start, end), year));
  });
  const names = items.map((i) => i.name).join('、');
  for (const must of ['春节', '国庆']) {
    if (!names.includes(must)) throw new BadInputError(`通知里没有找到“${must}”的安排：请粘贴完整的通知（已找到：${names}）`);
  }
  const holidays = [...new Set(items.flatMap((i) => i.holidays))].sort();
  const workdays = [...new Set(items.flatMap((i) => i.workdays))].sort();
  const both = workdays.filter((d) => holidays.includes(d));
  if (both.length > 0) throw new BadInputError(`同一天既放假又上班：${both.join('、')}，请核对粘贴的文字`);
  return { year: String(year), holidays, workdays, items };
}
