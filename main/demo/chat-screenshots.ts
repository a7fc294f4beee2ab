// Renders the story's conversations as phone screenshots (PNG or JPEG), the way a user
// captures a chat while scrolling: overlapping windows of the same conversation. Text is
// drawn as glyph outlines from the shipped font, so no system font is needed.
import sharp from 'sharp';
import { notoSansSc } from './font';
import { linePath, textWidth, wrap } from './glyph-text';
import type { ChatLine, Conversation } from './story';
import { beijingParts, isoWithOffset, parseTime } from '../../shared/time/beijing';

const W = 750;
const H = 1624;
const SIZE = 30;
const LINE = 44;
const MAX_BUBBLE = 470;
const TOP = 190;
const BOTTOM = H - 130;
/** Space between two messages. */
const GAP = 24;
const BACKGROUND = '#ededed';
const BARS = '#f7f7f7';
const STATUS_H = 70;

export interface Screenshot {
  fileName: string;
  bytes: Buffer;
  /** Beijing local time encoded in the file name. */
  capturedAt: string;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

function bubbleHeight(line: ChatLine): number {
  if (line.who === 'time') return 60;
  return wrap(notoSansSc(), line.text, SIZE, MAX_BUBBLE).length * LINE + 36 + 28;
}

function renderLine(line: ChatLine, y: number, peerInitial: string): string {
  const font = notoSansSc();
  if (line.who === 'time') {
    const w = textWidth(font, line.text, 22);
    return `<g fill="#8a8a8a">${linePath(font, line.text, (W - w) / 2, y + 36, 22)}</g>`;
  }
  const lines = wrap(font, line.text, SIZE, MAX_BUBBLE);
  const width = Math.max(...lines.map((l) => textWidth(font, l, SIZE))) + 40;
  const height = lines.length * LINE + 36;
  const mine = line.who === 'me';
  const avatarX = mine ? W - 92 : 20;
  const x = mine ? W - 112 - width : 112;
  const avatar = mine
    ? `<rect x="${avatarX}" y="${y}" width="72" height="72" rx="10" fill="#6f9bd1"/><g fill="#fff">${linePath(font, '我', avatarX + 21, y + 48, 30)}</g>`
    : `<rect x="${avatarX}" y="${y}" width="72" height="72" rx="10" fill="#f0a04b"/><g fill="#fff">${linePath(font, peerInitial, avatarX + 21, y + 48, 30)}</g>`;
  const text = lines.map((l, i) => linePath(font, l, x + 20, y + 18 + (i + 1) * LINE - 10, SIZE)).join('');
  return `${avatar}<rect x="${x}" y="${y}" width="${width.toFixed(0)}" height="${height}" rx="12" fill="${mine ? '#95ec69' : '#ffffff'}"/><g fill="#191919">${text}</g>`;
}

/** The clock and the battery: all that the status bar (rows 0 to STATUS_H) holds. */
function statusItems(clock: string): string {
  return `<g fill="#111">${linePath(notoSansSc(), clock, 40, 52, 28)}</g>
<rect x="640" y="30" width="56" height="26" rx="6" fill="none" stroke="#111" stroke-width="3"/><rect x="645" y="35" width="38" height="16" fill="#111"/>`;
}

/** The phone's frame around the chat (title bar, input bar), with the status bar and messages when given. */
function frame(title: string, content: { clock?: string; body?: string } = {}): string {
  const font = notoSansSc();
  const tw = textWidth(font, title, 34);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<rect width="${W}" height="${H}" fill="${BACKGROUND}"/>
<rect width="${W}" height="170" fill="${BARS}"/>
${content.clock ? statusItems(content.clock) : ''}
<g fill="#111">${linePath(font, title, (W - tw) / 2, 134, 34)}</g>
<path d="M40 110 l-18 18 l18 18" fill="none" stroke="#111" stroke-width="4"/>
<line x1="0" y1="170" x2="${W}" y2="170" stroke="#d9d9d9" stroke-width="2"/>
${content.body ?? ''}
<rect y="${H - 110}" width="${W}" height="110" fill="${BARS}"/>
<rect x="100" y="${H - 88}" width="480" height="66" rx="10" fill="#fff"/>
<circle cx="50" cy="${H - 55}" r="26" fill="none" stroke="#333" stroke-width="3"/>
<circle cx="700" cy="${H - 55}" r="26" fill="none" stroke="#333" stroke-width="3"/>
<title>${escapeXml(title)}</title>
</svg>`;
}

/** The status bar alone, on the title bar's colour. */
function statusBar(clock: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${STATUS_H}" viewBox="0 0 ${W} ${STATUS_H}">
<rect width="${W}" height="${STATUS_H}" fill="${BARS}"/>
${statusItems(clock)}
</svg>`;
}

/** The last message that fits whole between the title bar and the input bar, from `first` on (first − 1: none). */
function lastFitting(heights: readonly number[], first: number): number {
  let y = TOP;
  let last = first - 1;
  for (let i = first; i < heights.length && y + heights[i]! <= BOTTOM; i++) {
    last = i;
    y += heights[i]! + GAP;
  }
  return last;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An SVG drawn as RGBA rows (what sharp gives an SVG: four channels). */
const rgba = (svg: string) => sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();

/**
 * Consecutive screenshots of one conversation, each shifted by a couple of messages. Drawn
 * in pieces and put together row by row: the frame once, the whole conversation once as one
 * tall strip, and per screenshot only its status bar (the clock moves on). Every message lies
 * within its own rows and nothing else crosses the status bar, so the pixels are those of
 * drawing each screenshot whole, at half the cost: each message is in three or four
 * screenshots, and drawing glyph outlines and full-screen fills was most of the demo's files.
 */
export async function renderConversation(conv: Conversation, maxShots: number): Promise<Screenshot[]> {
  const start = parseTime(conv.start).ms; // Beijing wall clock
  const peerInitial = Array.from(conv.title)[0]!;
  const heights = conv.lines.map(bubbleHeight);
  const tops: number[] = [];
  let stripHeight = 0;
  for (const h of heights) {
    tops.push(stripHeight);
    stripHeight += h + GAP;
  }
  const body = conv.lines.map((line, i) => renderLine(line, tops[i]!, peerInitial)).join('\n');
  const [blank, strip] = await Promise.all([
    rgba(frame(conv.title)),
    rgba(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${stripHeight}" viewBox="0 0 ${W} ${stripHeight}"><rect width="${W}" height="${stripHeight}" fill="${BACKGROUND}"/>${body}</svg>`,
    ),
  ]);
  const rowBytes = W * 4;
  const screen = Buffer.alloc(blank.length); // reused: each encoding is awaited before the next screenshot
  const shots: Screenshot[] = [];
  for (let first = 0; first < conv.lines.length && shots.length < maxShots; first += 2) {
    const last = lastFitting(heights, first);
    const at = start + shots.length * 47_000;
    const bj = beijingParts(at);
    const stamp = bj.date.replace(/-/g, '');
    const time = `${pad(bj.hour)}${pad(bj.minute)}${pad(bj.second)}`;
    const clock = `${pad(bj.hour)}:${pad(bj.minute)}`;
    blank.copy(screen);
    (await rgba(statusBar(clock))).copy(screen, 0);
    if (last >= first) {
      const from = tops[first]! * rowBytes;
      strip.copy(screen, TOP * rowBytes, from, from + (tops[last]! + heights[last]! - tops[first]!) * rowBytes);
    }
    const image = sharp(screen, { raw: { width: W, height: H, channels: 4 } });
    const bytes = conv.format === 'png' ? await image.png({ compressionLevel: 6 }).toBuffer() : await image.jpeg({ quality: 85 }).toBuffer();
    const fileName = conv.format === 'png' ? `Screenshot_${stamp}-${time}.png` : `IMG_${stamp}_${time}.jpg`;
    shots.push({ fileName, bytes, capturedAt: isoWithOffset(at) });
    if (first + 2 >= conv.lines.length) break;
  }
  return shots;
}

/**
 * Screenshot `index` of a conversation drawn whole, as one SVG (how renderConversation drew
 * before it drew in pieces): the reference its test compares the assembled pixels with.
 */
export function wholeScreenshotSvg(conv: Conversation, index: number, clock: string): string {
  const peerInitial = Array.from(conv.title)[0]!;
  const heights = conv.lines.map(bubbleHeight);
  const parts: string[] = [];
  const last = lastFitting(heights, index * 2);
  let y = TOP;
  for (let i = index * 2; i <= last; i++) {
    parts.push(renderLine(conv.lines[i]!, y, peerInitial));
    y += heights[i]! + GAP;
  }
  return frame(conv.title, { clock, body: parts.join('\n') });
}
