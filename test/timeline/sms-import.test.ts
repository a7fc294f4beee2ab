// SMS backup import on a real encrypted vault: every bad input of issue 5 (malformed and
// truncated XML, other encodings, messages with no date, duplicates), and what goes in.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importSmsBackup } from '../../main/vault/timeline/sms-import';
import { bufferSource, fileSource } from '../../main/vault/timeline/xml-text';
import { cliTimeline } from '../../main/vault/timeline/queries';
import { searchContacts } from '../../main/vault/timeline/search';
import type { Vault } from '../../main/vault/vault';
import { bj, encodeGbk, makeVault, smsXml, type Sms } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
function vault() {
  const v = makeVault();
  open.push(v.vault);
  return v;
}
const run = (v: Vault, xml: string | Buffer, collect = true) =>
  importSmsBackup(v, bufferSource(Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8')), { name: 'sms.xml', collectMessages: collect });
const count = (v: Vault) => (v.handle.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;
const audits = (v: Vault, action: string) => (v.handle.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

const MESSAGES: Sms[] = [
  { address: '95188', date: bj(2024, 10, 18, 22, 50), type: '1', body: '【花呗】您的花呗已逾期15天，应还金额￥3,208.40，请尽快还款。' },
  { address: '95188', date: bj(2024, 10, 18, 22, 51), type: '2', body: '我下周一前先还 500 元，请不要再晚上打电话。' },
  { address: '+86 137 0000 1111', date: bj(2024, 10, 19, 9, 5), type: '1', body: '您的欠款已委外催收，三日内不处理将安排上门，联系你的家人。', contactName: '催收A' },
];

describe('import-sms: what goes in', () => {
  it('each received or sent message becomes an sms entry, with claims, in Beijing time', () => {
    const { vault: v } = vault();
    const r = run(v, smsXml(MESSAGES));
    expect(r).toMatchObject({ imported: 3, skipped: 0, duplicates: 0, rejectedCount: 0, encoding: 'UTF-8' });
    expect(r.messages).toEqual([
      {
        id: expect.any(String),
        address: '95188',
        at: '2024-10-18T22:50:00+08:00',
        direction: 'incoming',
        body: MESSAGES[0]!.body,
        claims: { amountOwed: '3208.40', overdueDays: 15 },
      },
      { id: expect.any(String), address: '95188', at: '2024-10-18T22:51:00+08:00', direction: 'outgoing', body: MESSAGES[1]!.body, claims: {} },
      { id: expect.any(String), address: '+86 137 0000 1111', at: '2024-10-19T09:05:00+08:00', direction: 'incoming', body: MESSAGES[2]!.body, claims: {} },
    ]);
    const tl = cliTimeline(v);
    expect(tl.map((e) => [e.channel, e.direction, e.flags])).toEqual([
      ['sms', 'incoming', ['night_contact']],
      ['sms', 'outgoing', []],
      ['sms', 'incoming', ['threat_or_impersonation']],
    ]);
    expect(tl[2]!.counterparty).toBe('催收A +86 137 0000 1111');
    // One audit row for the file (with its SHA-256), not one per message.
    expect(audits(v, 'timeline.import_sms')).toBe(1);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Bodies are in the vault's search index as kind 'sms', Chinese substrings included.
    expect(searchContacts(v.handle, '委外催收').size).toBe(1);
    expect(searchContacts(v.handle, '上门').size).toBe(1);
    const kinds = v.handle.prepare("SELECT DISTINCT kind FROM search_docs WHERE kind IN ('sms','contact')").all();
    expect(kinds).toEqual([{ kind: 'sms' }]);
  });

  it('importing the same file twice adds nothing (idempotent)', () => {
    const { vault: v } = vault();
    run(v, smsXml(MESSAGES));
    const again = run(v, smsXml(MESSAGES));
    expect(again).toMatchObject({ imported: 0, skipped: 3, duplicates: 3, messages: [] });
    expect(count(v)).toBe(3);
    // A backup made later contains the old messages plus new ones: only the new go in.
    const later = run(v, smsXml([...MESSAGES, { address: '95188', date: bj(2024, 10, 20, 10, 0), body: '新短信' }]));
    expect(later).toMatchObject({ imported: 1, duplicates: 3 });
  });

  it('emoji written as surrogate references (&#55357;&#56832;) and control characters are read, not refused', () => {
    const { vault: v } = vault();
    const xml = smsXml([{ address: '95188', date: bj(2024, 10, 18, 10), body: 'PLACEHOLDER' }]).replace('PLACEHOLDER', '好的&#55357;&#56832;收到&#1;');
    const r = run(v, xml);
    expect(r.messages![0]!.body).toBe('好的😀收到\uFFFD');
  });
});

describe('import-sms: bad input', () => {
  it('messages with no date (or a bad date, or a draft) are skipped with a reason; the others go in', () => {
    const { vault: v } = vault();
    const r = run(
      v,
      smsXml([
        MESSAGES[0]!,
        { address: '95188', body: '没有日期' },
        { address: '95188', date: 'yesterday', body: '日期不是数字' },
        { address: '95188', date: 0, body: '1970 年' },
        { address: '95188', date: bj(2024, 10, 18, 11), type: '3', body: '草稿' },
        MESSAGES[1]!,
      ]),
    );
    expect(r).toMatchObject({ imported: 2, skipped: 4, duplicates: 0, rejectedCount: 4 });
    expect(r.rejected).toEqual([
      { index: 2, reason: '缺少日期（date）' },
      { index: 3, reason: '日期不是数字：yesterday' },
      { index: 4, reason: '日期不合理：0' },
      { index: 5, reason: expect.stringContaining('type=3') },
    ]);
  });

  it.each([
    ['malformed (an unquoted attribute)', (x: string) => x.replace('type="2"', 'type=2'), 'XML 格式有误'],
    ['malformed (mismatched tag)', (x: string) => x.replace('</smses>', '</sms>'), 'XML 格式有误'],
    ['truncated mid-file', (x: string) => x.slice(0, Math.floor(x.length * 0.7)), '不完整'],
    ['not an SMS backup', () => '<?xml version="1.0"?><calls count="0"></calls>', '不是“SMS Backup & Restore”'],
    ['empty', () => '', '文件是空的'],
  ])('%s: a clear error and nothing imported', (_name, mangle, message) => {
    const { vault: v } = vault();
    const auditRows = (v.handle.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(() => run(v, mangle(smsXml(MESSAGES)))).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining(message) }));
    expect(count(v)).toBe(0);
    expect((v.handle.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n).toBe(0);
    expect((v.handle.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditRows);
  });

  it('the error of a malformed file names the line', () => {
    const { vault: v } = vault();
    const xml = smsXml(MESSAGES).replace('type="2"', 'type=2');
    expect(() => run(v, xml)).toThrow(/第 5 行第 \d+ 列/);
  });

  it('a GBK backup (declared in the prolog) is decoded as GBK', () => {
    const { vault: v } = vault();
    const bytes = encodeGbk(
      smsXml(
        MESSAGES.map((m) => ({ ...m, body: m.body!.replace('￥', '') })),
        { encoding: 'GBK' },
      ),
    );
    expect(bytes.includes(Buffer.from('逾期', 'utf8'))).toBe(false);
    const r = run(v, bytes);
    expect(r).toMatchObject({ imported: 3, encoding: 'GBK' });
    expect(r.messages![0]!.body).toBe('【花呗】您的花呗已逾期15天，应还金额3,208.40，请尽快还款。');
  });

  it('UTF-16 with a byte-order mark is read', () => {
    const { vault: v } = vault();
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(smsXml(MESSAGES, { encoding: 'UTF-16' }), 'utf16le')]);
    expect(run(v, bytes).imported).toBe(3);
  });

  it('an encoding the app does not read is refused clearly, nothing imported', () => {
    const { vault: v } = vault();
    expect(() => run(v, smsXml(MESSAGES, { encoding: 'Shift_JIS' }))).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('Shift_JIS，本程序不支持') }),
    );
    expect(count(v)).toBe(0);
  });

  it('GBK bytes in a file that says UTF-8 are refused (not imported as mojibake)', () => {
    const { vault: v } = vault();
    const bytes = encodeGbk(smsXml(MESSAGES.map((m) => ({ ...m, body: m.body!.replace('￥', '') }))));
    expect(() => run(v, bytes)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('不符合 UTF-8 编码') }));
    expect(count(v)).toBe(0);
  });

  it('reads from a file on disk in chunks (a message split across the chunk boundary stays whole)', () => {
    const { vault: v, dir } = vault();
    const many: Sms[] = Array.from({ length: 3000 }, (_, i) => ({
      address: `95${String(i % 1000).padStart(3, '0')}`,
      date: bj(2024, 1, 1) + i * 60_000,
      body: `第${i}条：您的账单已逾期，请还款 😀 &`,
    }));
    const file = path.join(dir, 'big.xml');
    fs.writeFileSync(file, smsXml(many));
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 256 * 1024);
    const r = importSmsBackup(v, fileSource(file), { name: 'big.xml', collectMessages: true });
    expect(r.imported).toBe(3000);
    expect(new Set(r.messages!.map((m) => m.body)).size).toBe(3000);
    expect(r.messages!.every((m, i) => m.body === `第${i}条：您的账单已逾期，请还款 😀 &`)).toBe(true);
  });
});
