// A fixed, varied timeline for the listing snapshot (listing-snapshot.test.ts): several
// thousand contacts written straight into a real vault with deterministic ids, so the same
// listing comes out on every run. Covers every channel, both directions, the quiet-hours
// boundaries (21:59:59 / 22:00:00 / 07:59:59 / 08:00:00 Beijing time, which has no DST),
// day boundaries for the daily call limit, ties on the same millisecond, duplicate-looking
// messages, numbers written many ways (fullwidth, +86, 0086, landline forms of 95xxx),
// senders found by their wording, agency wording, threats of every kind, user marks that
// override the directory, dismissals (some for flags that do not apply), third parties,
// evidence links (trashed items left out), claims (some not JSON), long texts, and search
// documents of other kinds that the timeline's search must not pick up.
import { createHash } from 'node:crypto';
import type { Vault } from '../../main/vault/vault';
import { indexDocument } from '../../main/vault/evidence/search-index';
import { indexContact } from '../../main/vault/timeline/search';
import { numberKey } from '../../shared/timeline/numbers';
import { beijingLocalToMs, isoWithOffset } from '../../shared/time/beijing';
import { CONTACT_CHANNELS, FLAG_CODES, PARTY_TYPES } from '../../shared/timeline/kinds';

/** A small deterministic generator (xorshift32): the same sequence on every run. */
function rng(seed: number): { next: () => number; int: (n: number) => number; pick: <T>(xs: readonly T[]) => T; chance: (p: number) => boolean } {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)]!, chance: (p) => next() < p };
}

const NUMBERS = [
  '95188', // directory
  '95555', // directory, and marked not_creditor below via its service number
  '+86 955 88', // directory after numberKey? (not a valid form: stays unknown)
  '01095188', // landline form of a directory service number
  '00861095533', // Beijing 010 + directory number after the country code
  '4008205555', // directory (400)
  '106980095188', // SMS gateway: unknown
  '13700001111', // marked collector
  '+86 138-0013-8000', // marked not_creditor (written another way)
  '13800138000',
  '008613912345678', // unmarked: creditor side only through wording
  '１３９１２３４５６７８', // the same number in fullwidth digits
  '13600002222', // unmarked, agency wording
  '13500003333', // unmarked, only harmless messages: unknown
  'ICBC', // a name sender, marked creditor as "icbc"
  '中国银行', // a name sender
  '10086',
  '+12025550123', // another country
  '',
  null,
] as const;

const SMS_BODIES = [
  '【花呗】尊敬的用户，您的花呗账单已逾期{d}天，应还金额￥{a}元，请于今日内还款。',
  '【招商银行】您尾号8812的信用卡已逾期，当前欠款人民币{a}元，请立即还款。',
  '您好，您在我司的贷款已逾期{d}天，否则将上门核实并联系你的家人。',
  '我司受托于某银行，委外催收，请尽快处理欠款，否则移交律师事务所起诉。',
  '本案已转至调解中心，逾期未处理将申请强制执行，并通知紧急联系人和工作单位。',
  '警告：再不还款将报警，按诈骗罪移交公安，派出所会到你家。',
  '【中国移动】您本月话费账单已出，共计58.00元。',
  '好的，我知道了，下周发工资后先还一部分。',
  '您的验证码是 {d}{d}，5分钟内有效，请勿泄露。',
  'ＩＣＢＣ提醒：您的账户已逾期，ＡＢＣ１２３，请联系我们。', // fullwidth: NFKC folds it
  '尊敬的客户：法务部门将对您的欠款进行追偿，律师函已寄出，我们会去你单位。',
  '100% 减免_活动 "引号" 逾期 a_b c%d',
  '',
  '违约金已产生。'.repeat(60), // longer than the 280-character preview
  '我们将到您的公司走访，并联系您的父母、配偶和子女，村委会也会知道。律师 律师 律师函 律所 律师事务所',
];

const CALL_TEXTS = [
  ['', '', ''],
  ['催收员来电，说再不还就起诉，还要联系我单位领导。', '可以减免部分罚息', '未达成'],
  ['客服来电核实身份', '', '已说明情况'],
  ['对方自称法院工作人员，说已经立案，明天开庭', '冒充法院', ''],
  ['说要去我老家找我父母', '上门家访', '我要求停止'],
  ['协商分期，对方同意 12 期', '', '达成一致'],
  ['ＩＣＢＣ 来电', 'Lawyer letter 律师函', ''],
] as const;

const FLAGS = FLAG_CODES;

/** Beijing wall-clock instants in 2023–2024, weighted towards the rule boundaries. */
function instant(r: ReturnType<typeof rng>): number {
  const year = r.chance(0.5) ? 2023 : 2024;
  const month = 1 + r.int(12);
  const day = 1 + r.int(28);
  const roll = r.next();
  if (roll < 0.25) {
    const [h, m, s] = r.pick([
      [21, 59, 59],
      [22, 0, 0],
      [7, 59, 59],
      [8, 0, 0],
      [23, 59, 59],
      [0, 0, 0],
    ] as const);
    return beijingLocalToMs(year, month, day, h, m, s);
  }
  return beijingLocalToMs(year, month, day, r.int(24), r.int(60), r.int(60));
}

const OFFSETS = [480, 480, 480, 0, -300, 330] as const;

export interface FixtureCounts {
  contacts: number;
  dismissals: number;
  links: number;
}

/** Writes the fixture into an empty vault; returns what it wrote. */
export function writeListingFixture(vault: Vault, size = 5000): FixtureCounts {
  const r = rng(20_241_018);
  let contacts = 0;
  let dismissals = 0;
  let links = 0;
  vault.change((db) => {
    const insert = db.prepare(
      `INSERT INTO contacts (id, at, at_ms, channel, direction, party_type, organisation, person, agent_id, phone, phone_key,
         duration_sec, connected, summary, they_said, i_promised, outcome, body, contact_name, claims, follow_up_date,
         follow_up_done, awaiting_reply, to_third_party, time_uncertain, source, source_key, created_at, updated_at)
       VALUES (@id, @at, @at_ms, @channel, @direction, @party_type, @organisation, @person, @agent_id, @phone, @phone_key,
         @duration_sec, @connected, @summary, @they_said, @i_promised, @outcome, @body, @contact_name, @claims, @follow_up_date,
         @follow_up_done, @awaiting_reply, @to_third_party, @time_uncertain, @source, @source_key, @created_at, @updated_at)`,
    );
    const ids: string[] = [];
    const put = (row: Record<string, unknown>) => {
      const full = {
        party_type: null,
        organisation: null,
        person: null,
        agent_id: null,
        phone: null,
        duration_sec: null,
        connected: 1,
        summary: '',
        they_said: '',
        i_promised: '',
        outcome: '',
        body: null,
        contact_name: null,
        claims: null,
        follow_up_date: null,
        follow_up_done: 0,
        awaiting_reply: 0,
        to_third_party: 0,
        time_uncertain: 0,
        source_key: null,
        created_at: '2024-11-01T00:00:00.000Z',
        updated_at: '2024-11-01T00:00:00.000Z',
        ...row,
      } as Record<string, unknown> & { phone: string | null };
      full.phone_key = full.phone ? numberKey(full.phone) || null : null;
      insert.run(full);
      indexContact(db, full as never);
      ids.push(full.id as string);
      contacts++;
    };
    const idOf = (n: number, salt: string) => `c-${String(n).padStart(5, '0')}-${createHash('sha256').update(`${salt}${n}`).digest('hex').slice(0, 8)}`;

    let n = 0;
    // SMS: most of the timeline. Some come in bursts on one millisecond, some are duplicates.
    const smsCount = Math.round(size * 0.6);
    for (let i = 0; i < smsCount; i++) {
      // 13300004444 only ever sends collection wording without agency wording: creditor side.
      const phone = r.chance(0.04) ? '13300004444' : r.pick(NUMBERS);
      const ms = r.chance(0.05) && i > 0 ? beijingLocalToMs(2024, 2, 10, 23, 0, 0) : instant(r);
      const template = phone === '13500003333' ? SMS_BODIES[7]! : phone === '13300004444' ? SMS_BODIES[r.int(2)]! : r.pick(SMS_BODIES);
      const body = template
        .replace('{d}', String(10 + r.int(90)))
        .replace('{d}', String(r.int(10)))
        .replace('{a}', `${1000 + r.int(9000)}.${String(r.int(100)).padStart(2, '0')}`);
      const direction = r.chance(0.15) ? 'outgoing' : 'incoming';
      const copies = r.chance(0.03) ? 2 : 1; // a message stored twice (e.g. two backups of one phone)
      for (let c = 0; c < copies; c++) {
        const claimRoll = r.next();
        put({
          id: idOf(n++, 'sms'),
          at: isoWithOffset(ms, r.pick(OFFSETS)),
          at_ms: ms,
          channel: 'sms',
          direction,
          phone,
          body,
          contact_name: r.chance(0.1) ? r.pick(['花呗', '张三', '妈妈']) : null,
          claims: claimRoll < 0.3 ? JSON.stringify({ amountOwed: `${r.int(10000)}.00`, overdueDays: r.int(200) }) : claimRoll < 0.33 ? 'not json {' : null,
          source: 'sms_backup',
          source_key: createHash('sha256').update(`fixture-sms-${n}`).digest('hex'),
        });
      }
    }

    // Calls: days with many connected calls (the 4th and later are flagged), across midnight.
    const callCount = Math.round(size * 0.3);
    for (let i = 0; i < callCount; i++) {
      const busyDay = r.chance(0.5);
      const ms = busyDay ? beijingLocalToMs(2024, 1 + r.int(3), 1 + r.int(5), r.pick([0, 7, 8, 9, 12, 21, 22, 23]), r.pick([0, 30, 59]), r.pick([0, 59])) : instant(r);
      const [summary, theySaid, outcome] = r.pick(CALL_TEXTS);
      const partyType = r.chance(0.4) ? r.pick(PARTY_TYPES) : null;
      put({
        id: idOf(n++, 'call'),
        at: isoWithOffset(ms, r.pick(OFFSETS)),
        at_ms: ms,
        channel: 'phone',
        direction: r.chance(0.2) ? 'outgoing' : 'incoming',
        party_type: partyType,
        organisation: r.chance(0.3) ? r.pick(['某某资产管理有限公司', '招商银行', '  ', '支付宝 / 蚂蚁（花呗、借呗）']) : null,
        person: r.chance(0.3) ? r.pick(['王经理', '李四', '']) : null,
        agent_id: r.chance(0.2) ? r.pick(['A102', 'B7']) : null,
        phone: r.pick(NUMBERS),
        duration_sec: r.chance(0.8) ? r.int(1800) : null,
        connected: r.chance(0.8) ? 1 : 0,
        summary,
        they_said: theySaid,
        i_promised: r.chance(0.2) ? '月底前答复' : '',
        outcome,
        contact_name: r.chance(0.1) ? '王经理' : null,
        follow_up_date: r.chance(0.1) ? r.pick(['2024-10-31', '2025-01-15']) : null,
        follow_up_done: r.chance(0.5) ? 1 : 0,
        awaiting_reply: r.chance(0.1) ? 1 : 0,
        to_third_party: r.chance(0.1) ? 1 : 0,
        time_uncertain: r.chance(0.1) ? 1 : 0,
        claims: r.chance(0.05) ? JSON.stringify({ amountOwed: '5000.00' }) : null,
        source: r.chance(0.3) ? 'call_recording' : 'manual',
        source_key: null,
      });
    }

    // Every other channel, by hand.
    const otherCount = size - smsCount - callCount;
    for (let i = 0; i < otherCount; i++) {
      const ms = instant(r);
      const channel = r.pick(CONTACT_CHANNELS.filter((c) => c !== 'phone'));
      const [summary, theySaid, outcome] = r.pick(CALL_TEXTS);
      put({
        id: idOf(n++, 'other'),
        at: isoWithOffset(ms, r.pick(OFFSETS)),
        at_ms: ms,
        channel,
        direction: r.chance(0.3) ? 'outgoing' : 'incoming',
        party_type: r.chance(0.5) ? r.pick(PARTY_TYPES) : null,
        organisation: r.chance(0.4) ? r.pick(['某某律师事务所', '招商银行', '某调解中心']) : null,
        person: r.chance(0.2) ? '赵律师' : null,
        phone: r.chance(0.5) ? r.pick(NUMBERS) : null,
        summary: r.chance(0.5) ? r.pick(SMS_BODIES).replace(/\{[da]\}/g, '7') : summary,
        they_said: theySaid,
        outcome,
        body: channel === 'chat' && r.chance(0.5) ? '在线客服：您已逾期，请尽快还款，否则我们将联系您的紧急联系人。' : null,
        to_third_party: r.chance(0.1) ? 1 : 0,
        follow_up_date: r.chance(0.1) ? '2024-12-01' : null,
        awaiting_reply: r.chance(0.2) ? 1 : 0,
        source: channel === 'chat' && r.chance(0.5) ? 'chat_screenshots' : 'manual',
      });
    }

    // Marks: they override the directory, and a mark on a 95xxx number covers its landline forms.
    const mark = db.prepare('INSERT INTO party_marks (number_key, number, side, organisation, updated_at) VALUES (?, ?, ?, ?, ?)');
    mark.run(numberKey('13700001111'), '13700001111', 'collector', '某催收公司', '2024-11-01T00:00:00.000Z');
    mark.run(numberKey('13800138000'), '13800138000', 'not_creditor', null, '2024-11-01T00:00:00.000Z');
    mark.run(numberKey('95555'), '95555', 'not_creditor', '招商银行（不是我的债）', '2024-11-01T00:00:00.000Z');
    mark.run(numberKey('icbc'), 'icbc', 'creditor', '中国工商银行', '2024-11-01T00:00:00.000Z');
    mark.run(numberKey('10086'), '10086', 'collector', null, '2024-11-01T00:00:00.000Z');

    // Dismissals: about one contact in ten, some for flags the contact does not carry.
    const dismiss = db.prepare('INSERT OR IGNORE INTO flag_dismissals (contact_id, flag, reason, dismissed_at) VALUES (?, ?, ?, ?)');
    for (const id of ids) {
      if (!r.chance(0.1)) continue;
      const k = 1 + r.int(2);
      for (let j = 0; j < k; j++) {
        dismissals += dismiss.run(id, r.pick(FLAGS), r.pick(['我同意他们晚上打来', '这是我自己约的时间', '不是催收']), `2024-11-0${1 + r.int(9)}T10:00:00.000Z`).changes;
      }
    }

    // Evidence items (some in the trash) linked to contacts; search documents of another kind.
    db.prepare("INSERT INTO blobs (id, sha256, size, state, created_at) VALUES (1, ?, 3, 'stored', '2024-11-01T00:00:00.000Z')").run('a'.repeat(64));
    const item = db.prepare(
      `INSERT INTO evidence_items (id, blob_id, sha256, size, mime, kind, name, imported_ms, captured_ms, category, category_source, preview, route, trashed_ms)
       VALUES (?, 1, ?, 3, 'image/png', 'image', ?, ?, ?, 'chat_screenshot', 'import', 'original', 'upload', ?)`,
    );
    const evidence: string[] = [];
    for (let i = 0; i < 60; i++) {
      const id = `e-${String(i).padStart(3, '0')}`;
      item.run(
        id,
        'a'.repeat(64),
        `截图${i}.png`,
        1_700_000_000_000 + r.int(1e9),
        r.chance(0.5) ? 1_700_000_000_000 + r.int(1e9) : null,
        r.chance(0.15) ? 1_730_000_000_000 : null,
      );
      evidence.push(id);
      indexDocument(db, { kind: 'evidence', refId: id, title: `截图${i}.png 逾期 ICBC`, body: '逾期 上门 尊敬的用户 13700001111' });
    }
    const link = db.prepare("INSERT OR IGNORE INTO evidence_links (item_id, target_kind, target_id) VALUES (?, 'contact', ?)");
    for (const id of ids) {
      if (!r.chance(0.05)) continue;
      const k = 1 + r.int(3);
      for (let j = 0; j < k; j++) links += link.run(r.pick(evidence), id).changes;
    }
  });
  return { contacts, dismissals, links };
}
