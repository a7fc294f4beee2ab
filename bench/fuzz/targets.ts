// What the fuzzer drives (issue 13): every importer and every IPC channel. A target turns
// one input (bytes; for IPC, JSON {channel, args}) into one call on the real engine — an
// open encrypted vault in a temporary folder, or the real dispatcher over the real services.
// A call may succeed or refuse with a named error; anything else (an unnamed exception, an
// INTERNAL envelope, a result outside the contract) is a finding. Time and memory are bounded
// by the runner (bench/fuzz/runner.ts), which runs each case in a worker it can end.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { contract } from '../../shared/contract';
import { CHANNELS } from '../../shared/channels';
import { shapedBy, garbage } from './zod-arbitrary';

export interface FuzzEnv {
  /** A scratch folder for files a target writes (one per case, emptied between cases). */
  scratch: string;
  vault: import('../../main/vault/vault').Vault;
  dispatch: import('../../main/ipc/dispatch').Dispatch;
  /** What the dispatcher logged during the last call (an INTERNAL's class and cause). */
  lastLog(): string;
  /** Re-opens what a case may have closed (a channel that locks the vault). */
  heal(): Promise<void>;
}

/** The seeds mutated into inputs: small valid files of each kind. */
export interface Seeds {
  png: Buffer;
  jpeg: Buffer;
  pdf: Buffer;
  wav: Buffer;
  zip: Buffer;
  xlsx: Buffer;
  /** Real-format bills (test/bills/samples.ts): Alipay CSV in GBK, WeChat xlsx, a bank CSV. */
  bills: Buffer[];
  /** A real State Council notice (test/calendar/notices/2026.txt). */
  notice: string;
  /** A valid case document (test/case/fixtures.ts). */
  caseDoc: unknown;
}

export interface Target {
  name: string;
  /** How an input is stored under test/fixtures/fuzz-regressions/<name>/. */
  ext: 'bin' | 'txt' | 'json';
  inputs(seeds: Seeds): fc.Arbitrary<Buffer>;
  run(data: Buffer, env: FuzzEnv): Promise<unknown>;
}

// ---- inputs --------------------------------------------------------------------------

/** A seed with bytes overwritten, a slice repeated or removed, or cut short. */
function mutated(seed: Buffer): fc.Arbitrary<Buffer> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.nat(255) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 4096 }), times: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 512 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) => {
    let b = Buffer.from(seed);
    for (const e of edits) {
      if (b.length === 0) break;
      const at = e.at % b.length;
      if (e.kind === 'set') b[at] = e.byte;
      else if (e.kind === 'cut') b = b.subarray(0, at);
      else if (e.kind === 'dup') b = Buffer.concat([b.subarray(0, at), ...Array<Buffer>(e.times).fill(b.subarray(at, at + e.len)), b.subarray(at)]);
      else b = Buffer.concat([b.subarray(0, at), b.subarray(at + e.len)]);
    }
    return Buffer.from(b);
  });
}

/** A magic prefix and random bytes after it (the sniffers decide by the first bytes). */
const withMagic = (magics: string[]) =>
  fc.tuple(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 4096 })).map(([m, tail]) => Buffer.concat([Buffer.from(m, 'latin1'), Buffer.from(tail)]));

const bytesOf = (s: fc.Arbitrary<string>) => s.map((t) => Buffer.from(t, 'utf8'));
const cjk = fc.constantFrom(
  '招商银行',
  '逾期',
  '还款',
  '您好',
  '【花呗】',
  '借呗',
  '元',
  '天',
  '万',
  '贰佰',
  '年',
  '月',
  '日',
  '号',
  '：',
  '，',
  '。',
  '\u202e',
  '\r\n',
  '"',
  ',',
  '\t',
);
const textUnit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), cjk, fc.constantFrom('0', '1', '2', '9', '.', '-', ':', '/', ' '));
const text = (max: number) => fc.string({ unit: textUnit, maxLength: max });

const attr = fc.oneof(text(40), fc.constantFrom('&amp;', '&#0;', '&#xFFFF;', '&lol;', '<', '"', '13800138000', '1700000000000', '-1', '99999999999999999', '4102444800000'));
const smsXml = fc
  .array(fc.record({ address: attr, date: attr, type: fc.oneof(attr, fc.constantFrom('1', '2')), body: attr, extra: fc.boolean() }), { maxLength: 12 })
  .chain((msgs) =>
    fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE smses [<!ENTITY lol "lol">]>', '<!DOCTYPE x SYSTEM "file:///etc/passwd">').map((prolog) => {
      const esc = (s: string) => s.replace(/"/g, '&quot;');
      const rows = msgs.map(
        (m) =>
          `<sms address="${esc(m.address)}" date="${esc(m.date)}" type="${esc(m.type)}" body="${esc(m.body)}"${m.extra ? ' readable_date="x" contact_name="(Unknown)"' : ''} />`,
      );
      return Buffer.from(`${prolog}<smses count="${msgs.length}">${rows.join('\n')}</smses>`, 'utf8');
    }),
  );

const cell = fc.oneof(text(30), fc.constantFrom('2024-10-18 10:05:12', '2024/2/30 25:61', '1700000000000', '95555', '收到', '发送', '""', '"a""b"', '=cmd|calc', ''));
const table = (header: fc.Arbitrary<string[]>, sep: string) =>
  fc.tuple(header, fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 20 })).map(([h, rows]) => Buffer.from([h, ...rows].map((r) => r.join(sep)).join('\r\n'), 'utf8'));
const smsHeader = fc.shuffledSubarray(['号码', '时间', '内容', '类型', 'address', 'date', 'body', 'type', '联系人']);
const billHeader: fc.Arbitrary<string[]> = fc.oneof(
  fc.constant<string[]>(['交易时间', '交易分类', '交易对方', '商品说明', '收/支', '金额', '收/付款方式', '交易状态']),
  fc.constant<string[]>(['交易时间', '交易类型', '交易对方', '商品', '收/支', '金额(元)', '支付方式', '当前状态']),
  fc.shuffledSubarray(['日期', '金额', '摘要', '对方户名', '收入', '支出', '余额']),
);

const recordingName = fc.oneof(
  fc
    .tuple(
      text(12),
      fc.constantFrom('13800138000', '95555', '+8613800138000', ''),
      fc.date({ min: new Date('1990-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
      fc.constantFrom('.amr', '.m4a', '.mp3', '.wav', '.3gp', ''),
    )
    .chain(([who, num, d, ext]) => {
      const p = (n: number) => String(n).padStart(2, '0');
      const stamp = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
      return fc.constantFrom(
        `${who}(${num})_${stamp}${ext}`,
        `${num}_${stamp}${ext}`,
        `${who}_${num}_${stamp}${ext}`,
        `${stamp}_${num}${ext}`,
        `Call@${who}(${num})_${stamp}${ext}`,
      );
    }),
  text(80).map((s) => `${s}.amr`),
  fc.constantFrom('\u001b[31m95555\u001b[0m_20241018100512.amr', '../../../etc/passwd_20241018100512.wav', 'CON.wav', '.wav', 'a'.repeat(300) + '.wav'),
);

const caseJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null', 'utf8')),
  fc
    .record({
      format: fc.constantFrom('xieshang-case', 'xieshang.case', 'x', 1),
      version: fc.oneof(fc.constantFrom(1, 2, 0, -1, '1'), fc.integer()),
      applicant: fc.dictionary(fc.constantFrom('name', 'idNumber', 'phone', 'address', 'city'), garbage, { maxKeys: 5 }),
      debts: fc.array(fc.dictionary(fc.constantFrom('id', 'lender', 'kind', 'principal', 'balance', 'overdueSince', 'rate', 'currency'), garbage, { maxKeys: 8 }), {
        maxLength: 4,
      }),
      contacts: fc.array(garbage, { maxLength: 3 }),
    })
    .map((v) => Buffer.from(JSON.stringify(v), 'utf8')),
  bytesOf(text(200)),
);

/** A valid JSON document with some leaves replaced by hostile values (past the first check, into the deep ones). */
function leafMutated(doc: unknown): fc.Arbitrary<Buffer> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, at: (string | number)[]) => {
    paths.push(at);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
  };
  walk(doc, []);
  return fc.array(fc.tuple(fc.nat(paths.length - 1), garbage), { minLength: 1, maxLength: 3 }).map((edits) => {
    const copy = JSON.parse(JSON.stringify(doc)) as Record<string | number, unknown>;
    for (const [i, value] of edits) {
      const at = paths[i]!;
      if (at.length === 0) continue;
      let parent: Record<string | number, unknown> = copy;
      for (const k of at.slice(0, -1)) parent = (parent?.[k] ?? {}) as Record<string | number, unknown>;
      if (parent && typeof parent === 'object') parent[at[at.length - 1]!] = value;
    }
    return Buffer.from(JSON.stringify(copy), 'utf8');
  });
}

/** Lines of a text shuffled, repeated, dropped or edited. */
function linesMutated(textIn: string): fc.Arbitrary<string> {
  const lines = textIn.split('\n');
  return fc.array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom('drop', 'dup', 'edit', 'swap'), text(20)), { minLength: 1, maxLength: 5 }).map((edits) => {
    const out = [...lines];
    for (const [i, kind, t] of edits) {
      const at = i % Math.max(1, out.length);
      if (kind === 'drop') out.splice(at, 1);
      else if (kind === 'dup') out.splice(at, 0, out[at] ?? '');
      else if (kind === 'edit') out[at] = (out[at] ?? '').slice(0, t.length) + t;
      else [out[at], out[0]] = [out[0] ?? '', out[at] ?? ''];
    }
    return out.join('\n');
  });
}

const noticeText = fc
  .tuple(
    fc.integer({ min: 1900, max: 2200 }),
    fc.array(fc.tuple(fc.constantFrom('元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '圣诞节'), text(40)), { maxLength: 9 }),
    text(60),
  )
  .map(([y, items, tail]) => `国务院办公厅关于${y}年部分节假日安排的通知\n${items.map(([n, t], i) => `${'一二三四五六七八九'[i] ?? '十'}、${n}：${t}\n`).join('')}${tail}`);

// ---- running -------------------------------------------------------------------------

function writeScratch(env: FuzzEnv, name: string, data: Buffer): string {
  const safe = name.replace(/[\\/\u0000]/g, '_').slice(0, 200) || 'x';
  const file = path.join(env.scratch, safe);
  fs.writeFileSync(file, data);
  return file;
}

async function importFile(env: FuzzEnv, name: string, data: Buffer) {
  const { importPaths } = await import('../../main/vault/evidence/import-files');
  return importPaths(env.vault, [writeScratch(env, name, data)], { ocr: false });
}

const evidence = (name: string, file: string, arb: (s: Seeds) => fc.Arbitrary<Buffer>): Target => ({
  name,
  ext: 'bin',
  inputs: arb,
  run: (data, env) => importFile(env, file, data),
});

export const TARGETS: Target[] = [
  evidence('evidence-image', 'photo.png', (s) =>
    fc.oneof(mutated(s.png), mutated(s.jpeg), withMagic(['\x89PNG\r\n\x1a\n', '\xff\xd8\xff', 'GIF89a', 'RIFF\0\0\0\0WEBP', '\0\0\0\x18ftypheic'])),
  ),
  evidence('evidence-pdf', 'doc.pdf', (s) => fc.oneof(mutated(s.pdf), withMagic(['%PDF-1.7\n', '%PDF-2.0\n%\xe2\xe3\n1 0 obj <<']))),
  evidence('evidence-audio', 'call.amr', (s) => fc.oneof(mutated(s.wav), withMagic(['#!AMR\n', 'ID3\x04\0\0\0\0\0\0', 'RIFF\x24\0\0\0WAVEfmt ', '\0\0\0\x20ftypM4A ', 'OggS']))),
  evidence('evidence-zip', 'archive.zip', (s) => fc.oneof(mutated(s.zip), withMagic(['PK\x03\x04', 'PK\x05\x06', 'Rar!\x1a\x07\0', "7z\xbc\xaf'\x1c"]))),
  {
    name: 'sms-xml',
    ext: 'txt',
    inputs: () => fc.oneof({ weight: 3, arbitrary: smsXml }, { weight: 1, arbitrary: smsXml.chain((b) => mutated(b)) }),
    run: async (data, env) => {
      const { importSmsBackup } = await import('../../main/vault/timeline/sms-import');
      const { bufferSource } = await import('../../main/vault/timeline/xml-text');
      return importSmsBackup(env.vault, bufferSource(data), { name: 'sms.xml' });
    },
  },
  {
    name: 'sms-table',
    ext: 'txt',
    inputs: () =>
      fc.oneof(
        table(smsHeader, ','),
        table(smsHeader, '\t'),
        bytesOf(text(300)),
        fc.uint8Array({ maxLength: 512 }).map((u) => Buffer.from(u)),
      ),
    run: async (data, env) => {
      const { importSmsTable } = await import('../../main/vault/timeline/sms-table-import');
      return importSmsTable(env.vault, data, { name: 'sms.csv' });
    },
  },
  {
    name: 'call-recording-name',
    ext: 'txt',
    inputs: () => recordingName.map((n) => Buffer.from(n, 'utf8')),
    run: async (data, env) => {
      const { importRecording } = await import('../../main/vault/timeline/calls-import');
      const { wav } = await import('./seeds');
      const name = data.toString('utf8');
      return importRecording(env.vault, { label: name, name, source: { kind: 'bytes', bytes: wav(), modifiedMs: Date.UTC(2024, 9, 18) } });
    },
  },
  {
    name: 'case-json',
    ext: 'json',
    inputs: (s) => fc.oneof({ weight: 2, arbitrary: leafMutated(s.caseDoc) }, { weight: 1, arbitrary: caseJson }),
    run: async (data, env) => {
      const { importCase } = await import('../../main/vault/case/service');
      const { BadInputError } = await import('../../shared/errors');
      let input: unknown;
      try {
        input = JSON.parse(data.toString('utf8'));
      } catch {
        throw new BadInputError('not JSON'); // the CLI's own refusal (cli/commands/case.ts)
      }
      return importCase(env.vault, input);
    },
  },
  {
    name: 'bill',
    ext: 'bin',
    inputs: (s) =>
      fc.oneof(
        ...s.bills.map((b) => mutated(b)),
        ...s.bills.map((b) => linesMutated(b.toString('latin1')).map((t) => Buffer.from(t, 'latin1'))),
        table(billHeader, ','),
        table(billHeader, '\t'),
        mutated(s.xlsx),
        bytesOf(text(300)),
      ),
    run: async (data, env) => {
      const { importBillFile } = await import('../../main/vault/bills/import');
      const xlsx = data.subarray(0, 2).toString('latin1') === 'PK';
      return importBillFile(env.vault, writeScratch(env, xlsx ? 'bill.xlsx' : 'bill.csv', data), {});
    },
  },
  {
    name: 'holiday-notice',
    ext: 'txt',
    inputs: (s) =>
      fc.oneof({ weight: 3, arbitrary: linesMutated(s.notice) }, { weight: 1, arbitrary: noticeText }, { weight: 1, arbitrary: text(400) }).map((t) => Buffer.from(t, 'utf8')),
    run: async (data) => {
      const { parseNotice } = await import('../../shared/calendar/notice');
      return parseNotice(data.toString('utf8'));
    },
  },
  {
    name: 'claims',
    ext: 'txt',
    inputs: () => text(300).map((t) => Buffer.from(t, 'utf8')),
    run: async (data) => {
      const t = data.toString('utf8');
      const { amountMentions } = await import('../../shared/claims/amounts');
      const { parseChineseAmount, parseChineseInteger } = await import('../../shared/claims/cn-numerals');
      const { parseOverdueDays } = await import('../../shared/claims/days');
      const { parseDueDate } = await import('../../shared/claims/due-date');
      const { nonClaimKind } = await import('../../shared/claims/message-kind');
      return [amountMentions(t).length, String(parseChineseAmount(t)), parseChineseInteger(t), parseOverdueDays(t), parseDueDate(t, '2024-10-18'), nonClaimKind(t)];
    },
  },
];

/** Channels whose valid-shaped calls are too slow for a case budget: driven with malformed arguments only. */
export const SLOW_CHANNELS: ReadonlySet<string> = new Set(['vault:openDemo']);

export const IPC_TARGET: Target = {
  name: 'ipc',
  ext: 'json',
  inputs: () =>
    fc.constantFrom(...CHANNELS).chain((channel) => {
      const args = SLOW_CHANNELS.has(channel) ? garbage : fc.oneof({ weight: 5, arbitrary: shapedBy(contract[channel].args) }, { weight: 1, arbitrary: garbage });
      return args.map((a) => Buffer.from(JSON.stringify({ channel, args: a === undefined ? null : a }), 'utf8'));
    }),
  run: async (data, env) => {
    const { channel, args } = JSON.parse(data.toString('utf8')) as { channel: string; args: unknown };
    const envelope = await env.dispatch(channel, args);
    const log = env.lastLog();
    await env.heal();
    if (envelope.ok) return envelope.value;
    if (envelope.error.code === 'INTERNAL') throw new Error(`INTERNAL from ${channel}: ${log}`);
    const { fromErrorInfo } = await import('../../shared/errors');
    throw fromErrorInfo(envelope.error as Parameters<typeof fromErrorInfo>[0]); // a named refusal, counted by its code
  },
};

export const ALL_TARGETS: Target[] = [...TARGETS, IPC_TARGET];

export function targetNamed(name: string): Target | undefined {
  return ALL_TARGETS.find((t) => t.name === name);
}

/** Small valid files of each kind (made once per run). */
export async function makeSeeds(): Promise<Seeds> {
  const sharp = (await import('sharp')).default;
  const { wav } = await import('./seeds');
  const raw = { raw: { width: 24, height: 16, channels: 3 as const } };
  const pixels = Buffer.alloc(24 * 16 * 3, 120);
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 100 Td (Hello) Tj ET q Q q Q\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    'latin1',
  );
  const sheet =
    '<?xml version="1.0"?><worksheet><sheetData><row><c t="inlineStr"><is><t>日期</t></is></c><c t="inlineStr"><is><t>金额</t></is></c></row><row><c t="inlineStr"><is><t>2024-10-18</t></is></c><c><v>12.5</v></c></row></sheetData></worksheet>';
  const { alipayGbk, wechatXlsx, bankCsv } = await import('../../test/bills/samples');
  const { sampleCase } = await import('../../test/case/fixtures');
  let root = __dirname;
  while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root) root = path.dirname(root);
  return {
    bills: [Buffer.from(alipayGbk()), Buffer.from(wechatXlsx()), Buffer.from(bankCsv(), 'utf8')],
    notice: fs.readFileSync(path.join(root, 'test', 'calendar', 'notices', '2026.txt'), 'utf8'),
    caseDoc: sampleCase(),
    png: await sharp(pixels, raw).png().toBuffer(),
    jpeg: await sharp(pixels, raw).jpeg().toBuffer(),
    pdf,
    wav: wav(),
    zip: Buffer.from(zipSync({ 'a.txt': strToU8('你好'), 'b/c.xml': strToU8('<a/>') })),
    xlsx: Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8(sheet) })),
  };
}
