// SMS exported as a table — a CSV or a plain-text (tab, semicolon or | separated) file with
// one message per row: sender, time, body (and optionally the direction). Used by the CLI
// (`import-sms FILE.csv --columns sender=…,time=…,body=…`) and by the app's mapping step.
// Isomorphic: the renderer shows the columns before anything is imported.
import { BadInputError } from '../errors';
import { beijingLocalToMs, parseTime } from '../time/beijing';
import type { Direction } from './kinds';

export interface DecodedTable {
  text: string;
  /** 'UTF-8', 'UTF-8 (BOM)', 'UTF-16LE', 'UTF-16BE' or 'GBK'. */
  encoding: string;
}

/**
 * Bytes → text: a byte-order mark decides; otherwise UTF-8 when every byte is valid
 * UTF-8, else GBK (GB18030, what Chinese Windows and Excel write). Neither → a clear error.
 */
export function decodeTable(bytes: Uint8Array): DecodedTable {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'UTF-16LE' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: try GBK below
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(b), encoding: 'GBK' };
  } catch {
    throw new BadInputError('无法识别文件的文字编码（既不是 UTF-8 也不是 GBK）。请在导出时选择 UTF-8，或用记事本“另存为 UTF-8”后再导入');
  }
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/** Splits CSV-style text into rows (RFC 4180 quotes: "a,b", "say ""hi""", newlines inside quotes). */
export function parseTable(text: string): string[][] {
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const count = (d: string) => firstLine.replace(/"[^"]*"/g, '').split(d).length;
  const delimiter = [...DELIMITERS].sort((a, b) => count(b) - count(a))[0] ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new BadInputError('表格文件里有一个没有闭合的引号（"），文件可能不完整');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export const SMS_FIELDS = ['sender', 'time', 'body', 'direction'] as const;
export type SmsField = (typeof SMS_FIELDS)[number];
/** Each field: a column's header text, or its number counted from 1. */
export type SmsColumns = { sender: string; time: string; body: string; direction?: string };

/** "sender=号码,time=时间,body=内容" → the mapping; a UsageError-worthy BadInputError otherwise. */
export function parseColumnsOption(option: string): SmsColumns {
  const out: Partial<Record<SmsField, string>> = {};
  for (const part of option.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq < 1 || value === '') throw new BadInputError(`--columns 的写法不对：“${part.slice(0, 40)}”（应为 sender=列名,time=列名,body=列名）`);
    if (!(SMS_FIELDS as readonly string[]).includes(key)) throw new BadInputError(`--columns 里没有“${key.slice(0, 20)}”这一项（可用：sender、time、body、direction）`);
    out[key as SmsField] = value;
  }
  if (!out.sender || !out.time || !out.body) throw new BadInputError('--columns 必须给出 sender、time 和 body 三列，例如 sender=号码,time=时间,body=内容');
  return { sender: out.sender, time: out.time, body: out.body, ...(out.direction ? { direction: out.direction } : {}) };
}

const GUESS: Record<SmsField, RegExp> = {
  sender: /^(号码|手机号码?|电话号码?|发件人|发信人|联系人号码|对方号码|地址|address|number|phone|sender|from)$/i,
  time: /^(时间|日期|日期时间|发送时间|接收时间|收发时间|短信时间|date|time|datetime|timestamp|date ?sent|received)$/i,
  body: /^(内容|短信内容|短信正文|消息正文|正文|信息内容|消息内容|消息|body|text|content|message|sms)$/i,
  direction: /^(类型|方向|收发|收\/发|type|direction|box|folder)$/i,
};

/** Each field whose column the header names (号码/时间/内容, address/date/body …), as far as found. */
export function guessEachColumn(header: readonly string[]): Partial<SmsColumns> {
  const out: Partial<SmsColumns> = {};
  for (const f of SMS_FIELDS) {
    const found = header.find((h) => GUESS[f].test(h.trim()))?.trim();
    if (found !== undefined) out[f] = found;
  }
  return out;
}

/** The columns whose headers name the fields, or null when a required one is not found. */
export function guessColumns(header: readonly string[]): SmsColumns | null {
  const { sender, time, body, direction } = guessEachColumn(header);
  if (!sender || !time || !body) return null;
  return { sender, time, body, ...(direction ? { direction } : {}) };
}

/** The 0-based index of each mapped column; the header row when the mapping names headers. */
export function resolveColumns(columns: SmsColumns, first: readonly string[]): { index: Record<SmsField, number | undefined>; hasHeader: boolean } {
  const names = first.map((h) => h.trim());
  let named = false;
  const indexOf = (spec: string | undefined, field: SmsField): number | undefined => {
    if (spec === undefined) return undefined;
    const byName = names.indexOf(spec.trim());
    if (byName >= 0) {
      named = true;
      return byName;
    }
    if (/^\d{1,3}$/.test(spec) && Number(spec) >= 1) return Number(spec) - 1; // number-ok: a column number
    throw new BadInputError(`找不到“${spec.slice(0, 40)}”这一列（${field}）。文件的列是：${names.slice(0, 20).join('、') || '（空）'}`);
  };
  const index = {
    sender: indexOf(columns.sender, 'sender'),
    time: indexOf(columns.time, 'time'),
    body: indexOf(columns.body, 'body'),
    direction: indexOf(columns.direction, 'direction'),
  };
  // Numbers only: the first row is a header when its time cell is not a time.
  const timeCell = index.time === undefined ? undefined : first[index.time];
  const hasHeader = named || timeCell === undefined || parseSmsTime(timeCell) === null;
  return { index, hasHeader };
}

/**
 * A message's time as exports write it, Beijing time unless it says otherwise:
 * "2024-10-18 14:30:22", "2024/10/18 14:30", "2024年10月18日 14:30", "2024.10.18 14:30",
 * "2024-10-18T14:30:22+08:00", epoch milliseconds (13 digits) or seconds (10 digits).
 * null when it is none of these or the day or time does not exist.
 */
export function parseSmsTime(cell: string): number | null {
  const s = cell.normalize('NFKC').trim();
  if (/^\d{13}$/.test(s)) return Number(s);
  if (/^\d{10}$/.test(s)) return Number(s) * 1000; // number-ok: seconds to ms
  try {
    if (/^\d{4}-\d{2}-\d{2}T/.test(s)) return parseTime(s).ms;
    const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s+(?:(上午|下午|晚上|凌晨|中午)\s*)?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(s);
    if (!m) return null;
    let hour = Number(m[5]);
    if (m[4] && /下午|晚上/.test(m[4]) && hour < 12) hour += 12; // number-ok: 12-hour clock
    if (m[4] === '中午' && hour < 11) hour += 12; // number-ok: 12-hour clock
    return beijingLocalToMs(Number(m[1]), Number(m[2]), Number(m[3]), hour, Number(m[6]), Number(m[7] ?? 0));
  } catch {
    return null;
  }
}

/** A direction cell: 1 / 收到 / 接收 / inbox → incoming; 2 / 发送 / 已发送 / sent → outgoing. */
export function parseSmsDirection(cell: string): Direction | null {
  const s = cell.normalize('NFKC').trim().toLowerCase();
  if (/^(1|收到|接收|已接收|收件|收件箱|收|inbox|received|incoming|in)$/.test(s)) return 'incoming';
  if (/^(2|发送|已发送|发出|发件|发件箱|发|sent|outbox|outgoing|out)$/.test(s)) return 'outgoing';
  return null;
}
