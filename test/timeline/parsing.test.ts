// File names of call recordings, phone numbers, contact times, AMR durations, the agenda
// and the monthly summary. Pure: no vault.
import { describe, expect, it } from 'vitest';
import { parseRecordingName } from '../../shared/timeline/recording-names';
import { numberKey, serviceNumberWithin } from '../../shared/timeline/numbers';
import { beijingLocalToMs, isoWithOffset, parseTime } from '../../shared/time/beijing';
import { amrDurationSec } from '../../shared/timeline/amr';
import { buildAgenda } from '../../shared/timeline/agenda';
import { summarySentence } from '../../shared/timeline/summary';
import { weeklyBuckets } from '../../shared/timeline/chart';

const T = beijingLocalToMs(2024, 10, 18, 14, 30, 22);

describe('recording file names (domain.md §8 and other common forms)', () => {
  it.each([
    ['95188(95188)_20241018143022.mp3', '95188', null],
    ['95188_20241018143022.m4a', '95188', null],
    ['通话录音 95188 2024-10-18 14-30-22.m4a', '95188', null],
    ['Call@95188(00861095188)_20241018143022.amr', '95188', null],
    ['张三(138 0013 8000)_20241018143022.mp3', '13800138000', '张三'],
    ['张三_13800138000_20241018143022.mp3', '13800138000', '张三'],
    ['13800138000_20241018_143022.wav', '13800138000', null],
    ['20241018143022_95188.mp3', '95188', null],
    ['Call recording 95188_241018_143022.m4a', '95188', null],
    ['95188 2024-10-18 14.30.22.m4a', '95188', null],
    ['通话录音 张三 2024-10-18 14-30-22.m4a', null, '张三'],
    ['C:\\录音\\95188_20241018143022.m4a', '95188', null],
  ])('%s → number %s, name %s, 2024-10-18 14:30:22 Beijing', (file, number, name) => {
    expect(parseRecordingName(file)).toMatchObject({ number, name, atMs: T });
  });

  it.each(['新录音 3.m4a', 'recording.mp3', '95188_20241318143022.m4a', '95188_20241018256022.m4a', '张三_20241018143022_李四.mp3'])('%s matches no pattern', (file) => {
    expect(parseRecordingName(file)).toBeNull();
  });
});

describe('numbers and senders', () => {
  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['95188', '95188'],
    ['00861095188', '01095188'],
    ['+86 10 95188', '01095188'],
    ['400-820-5555', '4008205555'],
    ['icbc', 'ICBC'],
    ['', ''],
  ])('%s → %s', (raw, key) => expect(numberKey(raw)).toBe(key));

  it('finds the service number inside a landline form', () => {
    expect(serviceNumberWithin('01095188')).toBe('95188');
    expect(serviceNumberWithin('02195555')).toBe('95555');
    expect(serviceNumberWithin('13800138000')).toBeNull();
  });
});

describe('contact times', () => {
  it('keeps the offset given, defaults to Beijing, and refuses times that do not exist', () => {
    expect(parseTime('2024-10-18T14:30:22+08:00')).toEqual({ ms: T, offsetMin: 480, iso: '2024-10-18T14:30:22+08:00' });
    expect(parseTime('2024-10-18T06:30:22Z').ms).toBe(T);
    expect(parseTime('2024-10-18 14:30')).toMatchObject({ iso: '2024-10-18T14:30:00+08:00' });
    expect(parseTime('2024-10-18T08:30:22+02:00').ms).toBe(T);
    expect(isoWithOffset(T)).toBe('2024-10-18T14:30:22+08:00');
    for (const bad of ['2024-02-30T10:00', '2024-10-18T24:00', '18/10/2024 14:30', '']) {
      expect(() => parseTime(bad)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    }
  });
});

describe('AMR duration', () => {
  const amr = (frames: number, header = '#!AMR\n', mode = 0, size = 13) => {
    const out = [Buffer.from(header)];
    for (let i = 0; i < frames; i++) {
      const f = Buffer.alloc(size);
      f[0] = (mode << 3) | 0x04;
      out.push(f);
    }
    return Buffer.concat(out);
  };
  it('counts 20 ms frames by mode (NB and WB), ignores a cut last frame, refuses others', () => {
    expect(amrDurationSec(amr(250))).toBe(5);
    expect(amrDurationSec(amr(50, '#!AMR\n', 7, 32))).toBe(1);
    expect(amrDurationSec(amr(100, '#!AMR-WB\n', 2, 33))).toBe(2);
    expect(amrDurationSec(Buffer.concat([amr(10), Buffer.alloc(5, 0x04)]))).toBe(0.2);
    expect(amrDurationSec(Buffer.from('RIFF....WAVE'))).toBeNull();
  });
});

describe('agenda', () => {
  const contact = (over: Partial<Parameters<typeof buildAgenda>[0][number]>) => ({
    id: 'c1',
    date: '2025-09-26',
    title: '招商银行',
    detail: '提交了协商申请',
    followUpDate: null,
    followUpDone: false,
    awaitingReply: false,
    ...over,
  });
  it('answers expected 7–15 working days after the contact (National Day 2025 skipped)', () => {
    const [item] = buildAgenda([contact({ awaitingReply: true })], [], '2025-10-01');
    // 2025-09-26 (Fri) + 7 working days: 9/28 (Sun, make-up day), 9/29, 9/30, then 10/1–10/8 holiday,
    // 10/9, 10/10, 10/11 (Sat, make-up day), 10/13 (Mon) → 10-13; + 15 → 10-23.
    expect(item).toMatchObject({ kind: 'answer_due', windowStart: '2025-10-13', date: '2025-10-23', status: 'later', problem: null });
  });
  it('follow-ups and installments with their status; done follow-ups leave', () => {
    const items = buildAgenda(
      [contact({ id: 'a', followUpDate: '2025-10-01' }), contact({ id: 'b', followUpDate: '2025-09-30' }), contact({ id: 'c', followUpDate: '2025-10-01', followUpDone: true })],
      [{ agreementId: 'ag', n: 2, date: '2025-10-05', amount: '500.00', creditor: '招商银行' }],
      '2025-10-01',
    );
    expect(items.map((i) => [i.kind, i.date, i.status])).toEqual([
      ['follow_up', '2025-09-30', 'overdue'],
      ['follow_up', '2025-10-01', 'today'],
      ['installment', '2025-10-05', 'soon'],
    ]);
  });
  it('a year without holiday data is reported on the item, never guessed', () => {
    const [item] = buildAgenda([contact({ date: '2099-01-05', awaitingReply: true })], [], '2025-10-01');
    expect(item!.windowStart).toBeNull();
    expect(item!.problem).toContain('2099');
  });
});

describe('monthly summary sentence', () => {
  it('reads as the complaint letter cites it', () => {
    const text = summarySentence({
      month: '2024-10',
      contacts: 40,
      fromCreditorSide: 30,
      nightContacts: 12,
      nightCalls: 9,
      excessCallDays: 5,
      excessCalls: 8,
      thirdParty: 1,
      threats: 2,
      limitationInterruptions: 3,
    });
    expect(text).toBe(
      '2024年10月：债权方及催收方共联系 30 次，其中夜间（22:00–08:00）联系 12 次（其中电话 9 次），5 天接通电话超过每日 3 次的上限（超出部分共 8 次），联系第三人 1 次，含威胁或冒充用语 2 次。',
    );
  });
});

describe('weekly chart buckets', () => {
  it('Monday weeks in Beijing time, empty weeks kept, the densest window when the span is long', () => {
    // 2024-10-21 is a Monday; Sunday 23:30 Beijing (15:30 UTC) still belongs to the week before.
    const e = (ms: number, flagged = false) => ({ atMs: ms, party: 'creditor' as const, flagged });
    const buckets = weeklyBuckets([e(beijingLocalToMs(2024, 10, 20, 23, 30), true), e(beijingLocalToMs(2024, 10, 21, 0, 5)), e(beijingLocalToMs(2024, 11, 5, 9))]);
    expect(buckets.map((b) => [b.week, b.total, b.flagged])).toEqual([
      ['2024-10-14', 1, 1],
      ['2024-10-21', 1, 0],
      ['2024-10-28', 0, 0],
      ['2024-11-04', 1, 0],
    ]);
    const stray = weeklyBuckets([e(beijingLocalToMs(2024, 10, 21, 9)), e(beijingLocalToMs(2024, 10, 22, 9)), e(beijingLocalToMs(2026, 11, 23, 9))], 26);
    expect(stray.map((b) => b.week)).toEqual(['2024-10-21']);
  });
});
