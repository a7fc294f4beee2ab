// A chat or SMS screenshot's recognised lines → the contacts it shows, for the person to
// confirm or correct. Pure and isomorphic: boxes in, proposals out. Three layouts:
//  - chat (WeChat-like) and the SMS conversation view (Android / MIUI / EMUI): a header
//    with the other side's name or number, centred time headers, bubbles on the left
//    (they wrote) and on the right (I wrote); a time-only line right under a bubble is
//    that bubble's time (the Android messages style);
//  - the SMS list view: one row per sender — sender on the left, time on the right, the
//    start of the last message below.
// Nothing is guessed: a bubble whose day or time cannot be told gets at = null.
import type { OcrLine, OcrResult } from './types';
import { parseChatTime } from './chat-time';
import { extractClaims, type CollectionClaims } from '../collection-claims';
import type { Direction } from '../timeline/kinds';
import { isoWithOffset, parseIsoTime } from '../time/beijing';

export type ScreenshotLayout = 'chat' | 'sms-conversation' | 'sms-list' | 'unknown';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ProposedContact {
  /** The other side: a name or a number (spaces removed from numbers); null when not shown. */
  sender: string | null;
  /** "2024-10-18T22:41:00+08:00", or null when the day or the time is not known. */
  at: string | null;
  /** The day alone when it is known but the minute is not (an SMS list row "昨天"), else the day of `at`. */
  day: string | null;
  /** The label the time was read from, as shown ("昨天 22:41"). */
  atLabel: string | null;
  direction: Direction;
  /** The bubble's text, wrapped lines joined. */
  text: string;
  /** Only the start of the message (an SMS list row ends with "…"). */
  truncated: boolean;
  /** Claims in an incoming message (never in one's own). */
  claims: CollectionClaims;
  /** The OCR lines this came from, and their union box (to show where on the image). */
  lines: number[];
  box: Box;
}

export interface ScreenshotContacts {
  layout: ScreenshotLayout;
  sender: string | null;
  proposals: ProposedContact[];
}

interface Line extends OcrLine {
  i: number;
  cx: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

const STATUS_BAR = 0.045;
const HEADER = 0.11;
const INPUT_BAR = 0.92;
/** Lines of the app's own chrome, never a message. */
const CHROME = /^(<|‹|〈|返回|取消|编辑|完成|信息|短信|发送|按住\s*说话|输入信息|短信\/彩信|彩信|文本消息|Message|Send|\+|…|···|\.\.\.|⋮|搜索|新信息|通知信息|全部|未读)$/i;
const SUBTITLE = /^(中国|China|\+?86)?[\s\u4e00-\u9fa5]{0,8}(移动|联通|电信|归属地|广电)$|^(正在输入…?|对方正在输入…?|在线|手机在线)$/;
const NUMBERISH = /^[+\d][\d\s-]{2,}\d$/;

/** Whitespace collapsed; the characters themselves kept (full-width punctuation is the text). */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function senderOf(text: string): string {
  const t = clean(text.normalize('NFKC'))
    .replace(/^[<‹〈]\s*/, '')
    .replace(/\s*\(\d+\)$/, '');
  return NUMBERISH.test(t) ? t.replace(/[\s-]/g, '') : t;
}

function union(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const r = Math.max(...boxes.map((b) => b.x + b.w)); // number-ok: pixels
  const bt = Math.max(...boxes.map((b) => b.y + b.h)); // number-ok: pixels
  return { x, y, w: r - x, h: bt - y }; // number-ok: pixels
}

/** Join wrapped lines: no space between CJK characters, one between Latin words. */
function joinWrapped(parts: string[]): string {
  return parts.reduce((acc, p) => (acc === '' ? p : /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z]/.test(p) ? `${acc} ${p}` : acc + p), '');
}

function isoAt(date: string | undefined, time: string | undefined): string | null {
  if (date === undefined || time === undefined) return null;
  const ms = parseIsoTime(`${date}T${time}`); // a chat's clock is Beijing time
  return ms === null ? null : isoWithOffset(ms);
}

/** The lines right-aligned as a short time label on the same row as a line on the left. */
function listRows(lines: Line[], width: number): { left: Line; right: Line }[] {
  const rows: { left: Line; right: Line }[] = [];
  for (const right of lines) {
    if (right.x + right.w < 0.88 * width || right.x < 0.6 * width || right.w > 0.3 * width) continue; // number-ok: layout ratios
    const left = lines.find((l) => l !== right && l.x < 0.35 * width && Math.abs(l.y + l.h / 2 - (right.y + right.h / 2)) < Math.max(l.h, right.h) * 0.6); // number-ok: layout ratios
    if (left) rows.push({ left, right });
  }
  return rows;
}

function parseList(lines: Line[], width: number, captured: string, rows: { left: Line; right: Line }[]): ProposedContact[] {
  const out: ProposedContact[] = [];
  const sorted = [...rows].sort((a, b) => a.left.y - b.left.y);
  sorted.forEach((row, k) => {
    const next = sorted[k + 1];
    const bottom = next ? next.left.y : Infinity;
    const preview = lines.filter((l) => l !== row.left && l !== row.right && l.y > row.left.y + row.left.h * 0.5 && l.y < bottom && l.x < 0.5 * width); // number-ok: layout ratios
    const text = joinWrapped(preview.map((l) => clean(l.text)));
    const label = clean(row.right.text);
    const t = parseChatTime(label, captured);
    const truncated = /(…|\.\.\.)$/.test(text);
    const body = text.replace(/(…|\.\.\.)$/, '');
    // A list row with only a day shows no time: the day is known, the minute is not.
    out.push({
      sender: senderOf(row.left.text),
      at: isoAt(t?.date ?? (t?.time !== undefined ? captured : undefined), t?.time),
      day: t?.date ?? (t?.time !== undefined ? captured : null),
      atLabel: label,
      direction: 'incoming',
      text: body,
      truncated,
      claims: extractClaims(body, t?.date ? { received: t.date } : { received: captured }),
      lines: [row.left.i, row.right.i, ...preview.map((l) => l.i)],
      box: union([row.left.box, row.right.box, ...preview.map((l) => l.box)]),
    });
  });
  return out;
}

function parseConversation(lines: Line[], width: number, height: number, captured: string): { sender: string | null; proposals: ProposedContact[]; sms: boolean } {
  const header = lines.filter((l) => l.y < HEADER * height && !CHROME.test(clean(l.text)));
  const titleLine = header.find((l) => !SUBTITLE.test(clean(l.text)) && parseChatTime(clean(l.text), captured) === undefined);
  const sender = titleLine ? senderOf(titleLine.text) : null;
  const bottomChrome = lines.filter((l) => l.y > INPUT_BAR * height);
  const sms = (sender !== null && /^\+?\d{3,}$/.test(sender)) || bottomChrome.some((l) => /短信|彩信|信息/.test(l.text));
  const body = lines.filter((l) => l.y >= HEADER * height && l.y <= INPUT_BAR * height && !CHROME.test(clean(l.text)));

  type Bubble = { lines: Line[]; direction: Direction; date?: string; time?: string; label?: string };
  const bubbles: Bubble[] = [];
  let ctxDate: string | undefined;
  let ctxTime: string | undefined;
  let ctxLabel: string | undefined;
  let current: Bubble | undefined;
  let dayHeaderJustBefore = false;
  for (const line of body) {
    const text = clean(line.text);
    const centred = Math.abs(line.cx - width / 2) < 0.08 * width && line.w < 0.6 * width; // number-ok: layout ratios
    const label = parseChatTime(text, captured);
    if (label && centred) {
      // A time header: it dates the bubbles below it.
      // A bare time right under a day header ("2024/10/18" then "上午 10:32") is on that day;
      // anywhere else a bare time is today's (chat apps drop the day for today's messages).
      ctxDate = label.date ?? (dayHeaderJustBefore ? ctxDate : captured);
      ctxTime = label.time;
      dayHeaderJustBefore = label.time === undefined;
      ctxLabel = text;
      current = undefined;
      continue;
    }
    dayHeaderJustBefore = false;
    if (label && label.time !== undefined && current && line.y - (current.lines.at(-1)?.y ?? 0) < 3 * line.h) {
      // A time under a bubble, on its side: that bubble's own time.
      current.date = label.date ?? current.date;
      current.time = label.time;
      current.label = text;
      current = undefined;
      continue;
    }
    // A wrapped line continues the bubble above: same left edge, right below. Checked before
    // the side, because the short last line of a right bubble starts at the bubble's left edge.
    const prev = current?.lines.at(-1);
    const continues =
      current !== undefined &&
      prev !== undefined &&
      Math.abs(prev.x - line.x) < 0.03 * width && // number-ok: layout ratios
      line.y - (prev.y + prev.h) < 0.6 * prev.h; // number-ok: layout ratios
    if (continues && current) {
      current.lines.push(line);
      continue;
    }
    const leftGap = line.x;
    const rightGap = width - (line.x + line.w); // number-ok: pixels
    const direction: Direction = leftGap <= rightGap ? 'incoming' : 'outgoing';
    current = { lines: [line], direction };
    if (ctxDate !== undefined) current.date = ctxDate;
    if (ctxTime !== undefined) current.time = ctxTime;
    if (ctxLabel !== undefined) current.label = ctxLabel;
    bubbles.push(current);
  }
  const proposals = bubbles.map((b): ProposedContact => {
    const text = joinWrapped(b.lines.map((l) => clean(l.text)));
    const date = b.date ?? (b.time !== undefined ? captured : undefined);
    return {
      sender,
      at: isoAt(date, b.time),
      day: date ?? null,
      atLabel: b.label ?? null,
      direction: b.direction,
      text,
      truncated: false,
      claims: b.direction === 'incoming' ? extractClaims(text, { received: date ?? captured }) : {},
      lines: b.lines.map((l) => l.i),
      box: union(b.lines.map((l) => l.box)),
    };
  });
  return { sender, proposals, sms };
}

/**
 * The contacts a chat or SMS screenshot shows. `captured` is the Beijing day the
 * screenshot was taken (YYYY-MM-DD): "昨天", "星期三" and bare times are resolved against it.
 */
export function proposeContacts(ocr: OcrResult, captured: string): ScreenshotContacts {
  const { width, height } = ocr;
  const lines: Line[] = ocr.lines
    .map((l, i) => ({ ...l, i, cx: l.box.x + l.box.w / 2, x: l.box.x, y: l.box.y, w: l.box.w, h: l.box.h })) // number-ok: pixels
    .filter((l) => clean(l.text) !== '' && l.y > STATUS_BAR * height) // number-ok: pixels
    .sort((a, b) => a.y - b.y || a.x - b.x);
  if (lines.length === 0 || width <= 0 || height <= 0) return { layout: 'unknown', sender: null, proposals: [] };
  const content = lines.filter((l) => l.y >= HEADER * height * 0.6); // number-ok: layout ratios
  const rows = listRows(content, width).filter((r) => parseChatTime(clean(r.right.text), captured) !== undefined);
  if (rows.length >= 2) return { layout: 'sms-list', sender: null, proposals: parseList(content, width, captured, rows) };
  const conv = parseConversation(lines, width, height, captured);
  if (conv.proposals.length === 0) return { layout: 'unknown', sender: conv.sender, proposals: [] };
  return { layout: conv.sms ? 'sms-conversation' : 'chat', sender: conv.sender, proposals: conv.proposals };
}
