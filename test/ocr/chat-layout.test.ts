// Screenshots as the OCR engine reports them: hand-laid line boxes on a 1080×2340 phone
// screen (WeChat-like chat, the MIUI/EMUI SMS conversation, the Android messages style
// with a time under each bubble, and the SMS list), turned into proposed contacts.
import { describe, expect, it } from 'vitest';
import { proposeContacts } from '../../shared/ocr/chat-layout';
import { parseChatTime } from '../../shared/ocr/chat-time';
import type { OcrLine, OcrResult } from '../../shared/ocr/types';

const W = 1080;
const H = 2340;
const line = (text: string, x: number, y: number, w: number, h = 46): OcrLine => ({ text, box: { x, y, w, h }, confidence: 0.97 });
/** A line centred on the screen (time headers, titles). */
const centred = (text: string, y: number, w: number, h = 36): OcrLine => line(text, (W - w) / 2, y, w, h);
/** A right-aligned line whose bubble ends 170 px from the right edge. */
const right = (text: string, y: number, w: number, left?: number): OcrLine => line(text, left ?? W - 170 - w, y, w);
const shot = (lines: OcrLine[]): OcrResult => ({ engine: 'test', width: W, height: H, lines, ms: 0 });
const statusBar = [line('14:32', 40, 18, 100, 40), line('85%', 950, 18, 80, 40)];

// Thursday 2024-10-24, Beijing.
const CAPTURED = '2024-10-24';

describe('a WeChat-like chat', () => {
  const ocr = shot([
    ...statusBar,
    line('<', 30, 130, 40, 50),
    centred('XX资产-王经理', 130, 320, 50),
    centred('10月18日 14:30', 300, 260),
    line('您好，您的借呗已逾期37天，欠款金额共计', 170, 380, 700),
    line('12,345.67元，今天必须处理。', 170, 432, 460),
    centred('昨天 22:41', 560, 220),
    line('今晚不处理明天就联系你的家人和单位。', 170, 640, 680),
    right('我现在失业了，没有能力一次还清，', 760, 580),
    right('可以分期吗？', 812, 280, W - 170 - 580),
    centred('09:10', 940, 110),
    line('可以申请，先还2000元。', 170, 1020, 420),
    line('请在今天下午3点前回复。', 170, 1120, 440),
    line('发送', 940, 2250, 100),
  ]);
  const r = proposeContacts(ocr, CAPTURED);

  it('reads the sender from the header and finds five bubbles', () => {
    expect(r.layout).toBe('chat');
    expect(r.sender).toBe('XX资产-王经理');
    expect(r.proposals).toHaveLength(5);
  });
  it('merges wrapped lines of one bubble, on both sides', () => {
    expect(r.proposals[0]?.text).toBe('您好，您的借呗已逾期37天，欠款金额共计12,345.67元，今天必须处理。');
    expect(r.proposals[2]?.text).toBe('我现在失业了，没有能力一次还清，可以分期吗？');
    expect(r.proposals[0]?.lines).toEqual([5, 6]);
  });
  it('tells left (they wrote) from right (I wrote)', () => {
    expect(r.proposals.map((p) => p.direction)).toEqual(['incoming', 'incoming', 'outgoing', 'incoming', 'incoming']);
  });
  it('resolves the time headers against the capture day', () => {
    expect(r.proposals.map((p) => p.at)).toEqual([
      '2024-10-18T14:30:00+08:00',
      '2024-10-23T22:41:00+08:00',
      '2024-10-23T22:41:00+08:00',
      '2024-10-24T09:10:00+08:00',
      '2024-10-24T09:10:00+08:00',
    ]);
    expect(r.proposals[1]?.atLabel).toBe('昨天 22:41');
  });
  it('reads claims from incoming bubbles only', () => {
    expect(r.proposals[0]?.claims).toEqual({ amountOwed: '12345.67', overdueDays: 37 });
    expect(r.proposals[2]?.claims).toEqual({});
  });
  it('keeps separate bubbles separate even when they line up', () => {
    expect(r.proposals[3]?.text).toBe('可以申请，先还2000元。');
    expect(r.proposals[4]?.text).toBe('请在今天下午3点前回复。');
  });
});

describe('the MIUI / EMUI SMS conversation', () => {
  const ocr = shot([
    ...statusBar,
    line('<', 30, 140, 40, 50),
    line('106 9800 95188', 120, 130, 360, 50),
    line('中国 北京 移动', 120, 190, 260, 34),
    centred('2024/10/18', 330, 200),
    centred('上午 10:32', 380, 200),
    line('【借呗】您的借呗已逾期第15日，待还金额', 60, 460, 760),
    line('¥3,256.78，请尽快还款。', 60, 512, 420),
    centred('星期三 21:05', 640, 240),
    line('【借呗】您的借款已逾期第20日，剩余欠款', 60, 720, 760),
    line('3,256.78元。', 60, 772, 220),
    right('收到，我会联系客服。', 900, 380, W - 60 - 380),
    line('短信/彩信', 180, 2230, 200),
  ]);
  const r = proposeContacts(ocr, CAPTURED);

  it('takes the number from the header (spaces removed), skips the carrier subtitle', () => {
    expect(r.layout).toBe('sms-conversation');
    expect(r.sender).toBe('106980095188');
  });
  it('a date header then a time header date the bubble below them; 星期三 is the Wednesday before', () => {
    expect(r.proposals.map((p) => [p.direction, p.at])).toEqual([
      ['incoming', '2024-10-18T10:32:00+08:00'],
      ['incoming', '2024-10-23T21:05:00+08:00'],
      ['outgoing', '2024-10-23T21:05:00+08:00'],
    ]);
  });
  it('claims: the wrapped amount and the ordinal days', () => {
    expect(r.proposals[0]?.claims).toEqual({ amountOwed: '3256.78', overdueDays: 15 });
    expect(r.proposals[1]?.claims).toEqual({ amountOwed: '3256.78', overdueDays: 20 });
  });
});

describe('the Android messages style: a time under each bubble', () => {
  const ocr = shot([
    ...statusBar,
    line('95188', 150, 130, 160, 50),
    centred('10月20日', 300, 160),
    line('【花呗】您的花呗账单已逾期，应还金额', 60, 380, 700),
    line('4,512.30元。', 60, 432, 230),
    line('下午 2:30', 60, 500, 150, 30),
    right('已经在处理了', 640, 300),
    line('晚上 8:15', W - 60 - 150, 710, 150, 30),
  ]);
  const r = proposeContacts(ocr, CAPTURED);
  it('the time under a bubble is its own time, on the day of the header', () => {
    expect(r.layout).toBe('sms-conversation');
    expect(r.proposals.map((p) => [p.direction, p.at, p.text])).toEqual([
      ['incoming', '2024-10-20T14:30:00+08:00', '【花呗】您的花呗账单已逾期，应还金额4,512.30元。'],
      ['outgoing', '2024-10-20T20:15:00+08:00', '已经在处理了'],
    ]);
  });
});

describe('the SMS list', () => {
  const ocr = shot([
    ...statusBar,
    line('信息', 60, 150, 120, 60),
    line('95188', 200, 400, 160),
    line('昨天', 930, 405, 90, 36),
    line('【借呗】您的借呗已逾期37天，欠款金额12,345.67元…', 200, 460, 760, 40),
    line('10690000123', 200, 620, 300),
    line('星期三', 900, 625, 120, 36),
    line('【XX资产】您的欠款已委托我司处理，欠款总额', 200, 680, 760, 40),
    line('28,934.56元，请于3日内联系…', 200, 724, 520, 40),
    line('中国移动', 200, 860, 200),
    line('10月18日', 860, 865, 160, 36),
    line('【中国移动】您的账户已欠费23.50元，为避免停机…', 200, 920, 760, 40),
    line('138 0013 8000', 200, 1080, 320),
    line('09:10', 930, 1085, 90, 36),
    line('你什么时候还钱？', 200, 1140, 320, 40),
  ]);
  const r = proposeContacts(ocr, CAPTURED);

  it('one proposal per row: sender, day, preview (truncated), claims', () => {
    expect(r.layout).toBe('sms-list');
    expect(r.proposals.map((p) => [p.sender, p.day, p.at, p.truncated])).toEqual([
      ['95188', '2024-10-23', null, true],
      ['10690000123', '2024-10-23', null, true],
      ['中国移动', '2024-10-18', null, true],
      ['13800138000', '2024-10-24', '2024-10-24T09:10:00+08:00', false],
    ]);
    expect(r.proposals[0]?.claims).toEqual({ amountOwed: '12345.67', overdueDays: 37 });
    expect(r.proposals[1]?.text).toBe('【XX资产】您的欠款已委托我司处理，欠款总额28,934.56元，请于3日内联系');
    expect(r.proposals[1]?.claims).toEqual({ amountOwed: '28934.56' });
    expect(r.proposals[2]?.claims).toEqual({});
  });
});

describe('nothing to propose', () => {
  it('an empty result or a photo with no text', () => {
    expect(proposeContacts(shot([]), CAPTURED)).toEqual({ layout: 'unknown', sender: null, proposals: [] });
    expect(proposeContacts(shot(statusBar), CAPTURED).proposals).toEqual([]);
  });
});

describe('parseChatTime', () => {
  it.each([
    ['22:41', { time: '22:41' }],
    ['昨天 22:41', { date: '2024-10-23', time: '22:41' }],
    ['前天', { date: '2024-10-22' }],
    ['今天 上午 9:05', { date: '2024-10-24', time: '09:05' }],
    ['星期三 09:10', { date: '2024-10-23', time: '09:10' }],
    ['周四', { date: '2024-10-17' }],
    ['星期日', { date: '2024-10-20' }],
    ['10月18日 14:30', { date: '2024-10-18', time: '14:30' }],
    ['12月30日', { date: '2023-12-30' }],
    ['2024/10/18', { date: '2024-10-18' }],
    ['2024年10月18日 下午2:30', { date: '2024-10-18', time: '14:30' }],
    ['凌晨 12:15', { time: '00:15' }],
    ['中午 1:05', { time: '13:05' }],
    ['Yesterday 08:00', { date: '2024-10-23', time: '08:00' }],
  ])('%s', (label, expected) => {
    expect(parseChatTime(label, CAPTURED)).toEqual(expected);
  });
  it.each(['请在今天下午3点前回复', '25:10', '13月1日', '2024/02/30', '我10:30到', ''])('not a label: %s', (label) => {
    expect(parseChatTime(label, CAPTURED)).toBeUndefined();
  });
});
