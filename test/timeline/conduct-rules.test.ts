// The conduct flags of docs/cli.md ("Calculation rules") on hand-checked examples, and
// who counts as the creditor side. Pure: no vault.
import { describe, expect, it } from 'vitest';
import { computeConduct, activeFlagCodes, type ConductInput } from '../../shared/timeline/conduct';
import { beijingLocalToMs } from '../../shared/time/beijing';
import type { NumberMark } from '../../shared/timeline/directory';
import type { SideContext } from '../../shared/timeline/sides';

const at = (d: string, t: string) => {
  const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
  const [h, mi] = t.split(':').map(Number) as [number, number];
  return beijingLocalToMs(y, mo, da, h, mi, 0);
};

let n = 0;
function entry(over: Partial<ConductInput> & { when: [string, string] }): ConductInput {
  const { when, ...rest } = over;
  return {
    id: `c${String(++n).padStart(3, '0')}`,
    atMs: at(...when),
    channel: 'phone',
    direction: 'incoming',
    partyType: null,
    organisation: null,
    phone: '95188',
    connected: true,
    toThirdParty: false,
    text: '',
    dismissed: {},
    ...rest,
  };
}

const none = new Map<string, NumberMark>();
const flagsOf = (entries: ConductInput[], marks = none) => {
  const r = computeConduct(entries, marks);
  return entries.map((e) => activeFlagCodes(r.get(e.id)));
};

describe('night_contact: 22:00–08:00 Beijing time', () => {
  it.each([
    ['21:59', []],
    ['22:00', ['night_contact']],
    ['23:30', ['night_contact']],
    ['00:00', ['night_contact']],
    ['07:59', ['night_contact']],
    ['08:00', []],
    ['12:00', []],
  ])('a creditor call at %s → %j', (time, expected) => {
    expect(flagsOf([entry({ when: ['2024-10-18', time] })])[0]).toEqual(expected);
  });

  it('uses Beijing time whatever offset the entry was recorded in (14:30 UTC is 22:30 in Beijing)', () => {
    const e = entry({ when: ['2024-10-18', '22:30'] });
    expect(new Date(e.atMs).toISOString()).toBe('2024-10-18T14:30:00.000Z');
    expect(flagsOf([e])[0]).toEqual(['night_contact']);
  });

  it('a night SMS from a creditor is flagged; the SMS I sent (type 2, outgoing) never is', () => {
    const got = entry({ when: ['2024-10-18', '23:00'], channel: 'sms', text: '您已逾期，我们将上门并起诉' });
    const sent = entry({ when: ['2024-10-18', '23:01'], channel: 'sms', direction: 'outgoing', text: '你们再上门我就报警，律师函也没用' });
    expect(flagsOf([got, sent])).toEqual([['night_contact', 'threat_or_impersonation'], []]);
  });

  it('a night call from an unknown number (no mark, not in the directory, no collection wording) is not flagged', () => {
    expect(flagsOf([entry({ when: ['2024-10-18', '23:00'], phone: '13912345678' })])[0]).toEqual([]);
  });
});

describe('excess_calls: the 4th and later connected calls of one Beijing day', () => {
  it('flags the 4th and 5th connected creditor calls, not the first three', () => {
    const day = ['09:00', '10:00', '11:00', '12:00', '13:00'].map((t) => entry({ when: ['2024-10-21', t] }));
    expect(flagsOf(day)).toEqual([[], [], [], ['excess_calls'], ['excess_calls']]);
  });

  it('counts one creditor side (the creditor and its agents together), in time order whatever the input order; another creditor apart', () => {
    const sides: SideContext = {
      creditors: [
        { id: 'ant', legalName: '重庆蚂蚁消费金融有限公司', product: 'jiebei', productName: '', numbers: ['95188'] },
        { id: 'bank', legalName: '招商银行股份有限公司', product: 'credit-card', productName: '', numbers: ['95555'] },
      ],
      agents: [
        { id: 'ag1', creditorId: 'ant', kind: 'collection_agency', name: '某某资产管理有限公司', numbers: ['13700000001'] },
        { id: 'ag2', creditorId: 'ant', kind: 'law_firm', name: '某某律师事务所', numbers: ['13700000002'] },
      ],
    };
    const calls = [
      entry({ when: ['2024-10-21', '15:00'] }),
      entry({ when: ['2024-10-21', '09:00'], phone: '13700000001' }),
      entry({ when: ['2024-10-21', '10:00'] }),
      entry({ when: ['2024-10-21', '11:00'], phone: '13700000002' }),
      entry({ when: ['2024-10-21', '16:00'], phone: '95555' }),
      entry({ when: ['2024-10-21', '17:00'], phone: '95555' }),
      entry({ when: ['2024-10-21', '18:00'], phone: '95555' }),
    ];
    const r = computeConduct(calls, none, sides);
    expect(calls.map((e) => activeFlagCodes(r.get(e.id)))).toEqual([['excess_calls'], [], [], [], [], [], []]);
    expect(r.get(calls[0]!.id)!.flags[0]!.detail).toMatchObject({ nth: 4, ofDay: 4 });
    expect(r.get(calls[1]!.id)!.side).toMatchObject({ kind: 'agent', agentId: 'ag1', creditorId: 'ant', state: 'confirmed' });
    // Without the agents, the unknown numbers are nobody's: the lender's own three are not excess.
    expect(flagsOf(calls.slice(0, 4))).toEqual([[], [], [], []]);
  });

  it('does not count unanswered calls, SMS, outgoing calls, other days or non-creditors', () => {
    const list = [
      entry({ when: ['2024-10-21', '09:00'] }),
      entry({ when: ['2024-10-21', '09:30'], connected: false }),
      entry({ when: ['2024-10-21', '10:00'], channel: 'sms', text: '请还款' }),
      entry({ when: ['2024-10-21', '10:30'], direction: 'outgoing' }),
      entry({ when: ['2024-10-21', '11:00'], partyType: 'mediator' }),
      entry({ when: ['2024-10-22', '07:59'] }),
      entry({ when: ['2024-10-21', '12:00'] }),
      entry({ when: ['2024-10-21', '13:00'] }),
    ];
    // Connected creditor calls on the 21st: 09:00, 12:00, 13:00 → three: none is excess.
    expect(flagsOf(list).map((f) => f.includes('excess_calls'))).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('the day boundary is midnight Beijing time: 23:59 and 00:00 are different days', () => {
    const list = [
      entry({ when: ['2024-10-21', '09:00'] }),
      entry({ when: ['2024-10-21', '10:00'] }),
      entry({ when: ['2024-10-21', '11:00'] }),
      entry({ when: ['2024-10-22', '00:00'] }),
      entry({ when: ['2024-10-21', '23:59'] }),
    ];
    const f = flagsOf(list);
    expect(f[3]).toEqual(['night_contact']);
    expect(f[4]).toEqual(['night_contact', 'excess_calls']);
  });
});

describe('third_party and threat_or_impersonation', () => {
  it('third_party only when the user marked it and it came from the creditor side', () => {
    expect(flagsOf([entry({ when: ['2024-10-21', '10:00'], toThirdParty: true })])[0]).toEqual(['third_party']);
    expect(flagsOf([entry({ when: ['2024-10-21', '10:00'], toThirdParty: true, phone: '13912345678' })])[0]).toEqual([]);
  });

  it.each([
    ['再不还款就起诉你，法院传票马上到', true],
    ['我们会联系你的家人和单位领导', true],
    ['明天安排外访人员上门', true],
    ['已移交律师事务所，律师函已寄出', true],
    ['这是公安局经侦大队，你涉嫌诈骗罪', true],
    ['您的账单已出，请按时还款', false],
    ['我是蚂蚁消费金融有限公司客服', false],
  ])('%s → %s', (text, flagged) => {
    const f = flagsOf([entry({ when: ['2024-10-21', '10:00'], channel: 'sms', text })])[0]!;
    expect(f.includes('threat_or_impersonation')).toBe(flagged);
  });

  it('a dismissed flag is left out of the flags (and kept, with its reason, in the result)', () => {
    const e = entry({ when: ['2024-10-21', '23:00'], text: '起诉', dismissed: { threat_or_impersonation: { reason: '是我问起诉流程', at: '2024-10-22T00:00:00Z' } } });
    const r = computeConduct([e], none).get(e.id)!;
    expect(activeFlagCodes(r)).toEqual(['night_contact']);
    expect(r.flags.find((f) => f.code === 'threat_or_impersonation')?.dismissed?.reason).toBe('是我问起诉流程');
  });
});

describe('who is on the creditor side', () => {
  it('the shipped directory (95188, 955xx), with area-code forms of the same number', () => {
    const list = [entry({ when: ['2024-10-21', '23:00'], phone: '95555' }), entry({ when: ['2024-10-21', '23:00'], phone: '+86 10 95188' })];
    const r = computeConduct(list, none);
    expect(list.map((e) => r.get(e.id)!.party)).toEqual([
      { party: 'creditor', organisation: '招商银行', reason: 'directory', creditorSide: true },
      { party: 'creditor', organisation: '支付宝 / 蚂蚁（花呗、借呗）', reason: 'directory', creditorSide: true },
    ]);
  });

  it("the user's mark wins over the directory, both ways", () => {
    const marks = new Map<string, NumberMark>([
      ['95188', { key: '95188', side: 'not_creditor', organisation: null }],
      ['13912345678', { key: '13912345678', side: 'collector', organisation: '某某资产管理' }],
    ]);
    expect(flagsOf([entry({ when: ['2024-10-21', '23:00'] }), entry({ when: ['2024-10-21', '23:00'], phone: '+86 139 1234 5678' })], marks)).toEqual([[], ['night_contact']]);
  });

  it('a sender whose messages use collection wording is creditor side, and so are its calls', () => {
    const sms = entry({ when: ['2024-10-21', '09:00'], channel: 'sms', phone: '13700001111', text: '您的欠款已委外催收，请速联系' });
    const call = entry({ when: ['2024-10-21', '22:15'], phone: '13700001111' });
    const r = computeConduct([sms, call], none);
    expect(r.get(call.id)!.party).toMatchObject({ party: 'collector', reason: 'collection_wording', creditorSide: true });
    expect(activeFlagCodes(r.get(call.id))).toEqual(['night_contact']);
  });

  it('the wording of a message I sent does not make the other side a creditor', () => {
    const sent = entry({ when: ['2024-10-21', '09:00'], channel: 'sms', direction: 'outgoing', phone: '13700002222', text: '我的欠款逾期了' });
    const call = entry({ when: ['2024-10-21', '23:00'], phone: '13700002222' });
    expect(flagsOf([sent, call])).toEqual([[], []]);
  });
});

describe('limitation period (银行卡纠纷规定 Art 3)', () => {
  it('creditor collection by SMS (with collection wording), letter or email interrupts; a call or my SMS does not', () => {
    const list = [
      entry({ when: ['2024-10-21', '10:00'], channel: 'sms', text: '您的信用卡已逾期，请尽快还款' }),
      entry({ when: ['2024-10-21', '10:00'], channel: 'sms', text: '您的验证码是 1234' }),
      entry({ when: ['2024-10-21', '10:00'], channel: 'letter', partyType: 'creditor', phone: null }),
      entry({ when: ['2024-10-21', '10:00'], channel: 'email', partyType: 'collector', phone: null }),
      entry({ when: ['2024-10-21', '10:00'] }),
      entry({ when: ['2024-10-21', '10:00'], channel: 'sms', direction: 'outgoing', text: '逾期的事我会处理' }),
    ];
    const r = computeConduct(list, none);
    expect(list.map((e) => r.get(e.id)!.interruptsLimitation)).toEqual([true, false, true, true, false, false]);
  });
});
