// Phone screenshots with known text, drawn in a SYSTEM CJK font (WenQuanYi Micro Hei via
// fontconfig, not the project's own Noto font), for the OCR tests and the `ocr` bench:
// 1080×2340 chat screens (left and right bubbles, a time header) and SMS lists (sender,
// date, two-line preview). Each returns the PNG and the text it drew, line by line in
// reading order, so a recogniser's output can be scored (character error rate).
import sharp from 'sharp';

export const SCREEN = { width: 1080, height: 2340 } as const;
export const SYSTEM_CJK_FONT = 'WenQuanYi Micro Hei';

export interface DrawnScreen {
  name: string;
  png: Buffer;
  /** Every line of text drawn, top to bottom (left to right within a row). */
  lines: string[];
}

interface Span {
  x: number;
  y: number;
  size: number;
  text: string;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Width of a string in em: CJK and full-width forms are 1 em, the rest about 0.55. */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 1 : 0.56;
  return w;
}

/** Breaks text into lines no wider than maxEm (by character: Chinese has no spaces to break at). */
export function wrap(text: string, maxEm: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && emWidth(line + ch) > maxEm) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

async function render(rects: string[], spans: Span[]): Promise<Buffer> {
  const texts = spans.map(
    (s) => `<text x="${s.x}" y="${s.y}" font-family="${SYSTEM_CJK_FONT}" font-size="${s.size}" fill="${s.fill}" text-anchor="${s.anchor ?? 'start'}">${esc(s.text)}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SCREEN.width}" height="${SCREEN.height}">${rects.join('')}${texts.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
}

export interface ChatMessage {
  side: 'left' | 'right';
  text: string;
}

/** A chat screen: status bar, the other party's name, a time header, then bubbles (left: them, right: me). */
export async function drawChat(name: string, title: string, header: string, messages: readonly ChatMessage[]): Promise<DrawnScreen> {
  const rects = [`<rect width="${SCREEN.width}" height="${SCREEN.height}" fill="#EDEDED"/>`, `<rect width="${SCREEN.width}" height="230" fill="#F7F7F7"/>`];
  const spans: Span[] = [];
  const lines: string[] = [];
  spans.push({ x: 60, y: 70, size: 36, text: '22:41', fill: '#111' });
  lines.push('22:41');
  spans.push({ x: SCREEN.width / 2, y: 170, size: 48, text: title, fill: '#111', anchor: 'middle' });
  lines.push(title);
  spans.push({ x: SCREEN.width / 2, y: 320, size: 34, text: header, fill: '#999', anchor: 'middle' });
  lines.push(header);
  const size = 46;
  const lineH = 66;
  let y = 390;
  for (const m of messages) {
    const wrapped = wrap(m.text, 15);
    const wEm = Math.max(...wrapped.map(emWidth));
    const bw = Math.ceil(wEm * size) + 64;
    const bh = wrapped.length * lineH + 44;
    const bx = m.side === 'left' ? 170 : SCREEN.width - 170 - bw;
    const avatarX = m.side === 'left' ? 40 : SCREEN.width - 150;
    rects.push(`<rect x="${avatarX}" y="${y}" width="110" height="110" rx="12" fill="${m.side === 'left' ? '#5B8DEF' : '#F2A03D'}"/>`);
    rects.push(`<rect x="${bx}" y="${y}" width="${bw}" height="${bh}" rx="14" fill="${m.side === 'left' ? '#FFFFFF' : '#95EC69'}"/>`);
    wrapped.forEach((t, i) => {
      spans.push({ x: bx + 32, y: y + 22 + (i + 1) * lineH - 18, size, text: t, fill: '#111' });
      lines.push(t);
    });
    y += bh + 50;
  }
  return { name, png: await render(rects, spans), lines };
}

export interface SmsRow {
  sender: string;
  date: string;
  text: string;
}

/** A phone's SMS list: sender and date on one row, two lines of the message below, a rule between rows. */
export async function drawSmsList(name: string, rows: readonly SmsRow[]): Promise<DrawnScreen> {
  const rects = [`<rect width="${SCREEN.width}" height="${SCREEN.height}" fill="#FFFFFF"/>`];
  const spans: Span[] = [];
  const lines: string[] = [];
  spans.push({ x: 60, y: 70, size: 36, text: '09:15', fill: '#111' });
  lines.push('09:15');
  spans.push({ x: 60, y: 210, size: 72, text: '信息', fill: '#111' });
  lines.push('信息');
  let y = 300;
  for (const r of rows) {
    rects.push(`<circle cx="110" cy="${y + 90}" r="55" fill="#D8E3F8"/>`);
    spans.push({ x: 200, y: y + 70, size: 46, text: r.sender, fill: '#111' });
    spans.push({ x: SCREEN.width - 50, y: y + 70, size: 34, text: r.date, fill: '#888', anchor: 'end' });
    lines.push(r.sender, r.date);
    const preview = wrap(r.text, 22).slice(0, 2);
    preview.forEach((t, i) => {
      spans.push({ x: 200, y: y + 135 + i * 56, size: 38, text: t, fill: '#666' });
      lines.push(t);
    });
    y += 250;
    rects.push(`<rect x="200" y="${y - 20}" width="${SCREEN.width - 200}" height="2" fill="#E5E5E5"/>`);
  }
  return { name, png: await render(rects, spans), lines };
}

/** The screens the tests and the bench read: two chats and two SMS lists of realistic collection traffic. */
export async function standardScreens(): Promise<DrawnScreen[]> {
  return Promise.all([
    drawChat('chat-huabei', '花呗客服', '昨天 22:41', [
      { side: 'left', text: '您好，您的花呗账单已逾期第15日，剩余应还金额¥3,256.78元。' },
      { side: 'right', text: '我目前收入中断，申请停息挂账，分60期还款。' },
      { side: 'left', text: '请于今日23:59前还款，否则将上报征信并委托第三方催收。' },
      { side: 'right', text: '请提供逐项明细：本金、利息、罚息各多少？' },
      { side: 'left', text: '本期应还1,280.00元，最低还款额128.00元，总欠款26,418.35元。' },
    ]),
    drawChat('chat-collector', '刘经理（委外）', '10月18日 09:07', [
      { side: 'left', text: '我是信达律师事务所的，你的借呗已经移交法务处理了。' },
      { side: 'right', text: '请出示委托书和工号，我只和平台协商。' },
      { side: 'left', text: '今天下午3点前不处理，我们会联系你的家人和单位。' },
      { side: 'right', text: '你的通话我已录音，请勿骚扰我的家人。' },
    ]),
    drawSmsList('sms-list-1', [
      { sender: '95188', date: '10月18日', text: '【支付宝】您的花呗本月账单3,256.78元已逾期，请尽快还款以免影响信用。' },
      { sender: '106575550123', date: '昨天', text: '【借呗】您尚欠款项12,000.00元，已逾期第32日，请于今日处理。' },
      { sender: '95555', date: '星期二', text: '【招商银行】您尾号8841信用卡本期应还5,621.09元，最低还款562.11元。' },
      { sender: '10690001', date: '22:41', text: '【某某资产】关于您的欠款，我司已受托催收，请回电4008001234。' },
      { sender: '13800138000', date: '10月12日', text: '你好，我是你同事，公司说有人打电话找你还钱，怎么回事？' },
      { sender: '95588', date: '9月30日', text: '【工商银行】您的账户09月30日支出人民币1,500.00元，余额2,316.40元。' },
    ]),
    drawSmsList('sms-list-2', [
      { sender: '95511', date: '11月2日', text: '【平安普惠】您的借款剩余欠款8,860.50元，已逾期第7日。' },
      { sender: '106980095188', date: '11月1日', text: '【花呗】账单金额2,045.00元将于11月10日到期，可申请分期。' },
      { sender: '10086', date: '10月31日', text: '【中国移动】您本月话费账单59.80元，感谢使用。' },
      { sender: '19912345678', date: '昨天', text: '你再不还钱，明天就去你老家找你父母谈谈。' },
    ]),
  ]);
}
