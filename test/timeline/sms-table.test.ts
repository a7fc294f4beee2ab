// SMS exported as a table (CSV / plain text) on a real encrypted vault: encodings (UTF-8,
// BOM, GBK, UTF-16), delimiters and quotes, the column mapping by header or number, bad
// rows skipped with their reasons, bad files refused whole, and the same insert path as
// the XML backup (a message imported from both is one entry).
import { afterEach, describe, expect, it } from 'vitest';
import { importSmsTable } from '../../main/vault/timeline/sms-table-import';
import { importSmsBackup } from '../../main/vault/timeline/sms-import';
import { bufferSource } from '../../main/vault/timeline/xml-text';
import { cliTimeline } from '../../main/vault/timeline/queries';
import { searchContacts } from '../../main/vault/timeline/search';
import type { Vault } from '../../main/vault/vault';
import { decodeTable, guessColumns, parseColumnsOption, parseSmsTime, parseTable } from '../../shared/timeline/sms-table';
import { bj, encodeGbk, makeVault, smsXml } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
function vault(): Vault {
  const v = makeVault().vault;
  open.push(v);
  return v;
}
const count = (v: Vault) => (v.handle.prepare('SELECT count(*) AS n FROM contacts').get() as { n: number }).n;

const CSV = [
  '号码,时间,内容,类型',
  '95188,2024-10-18 22:50:00,"【花呗】您的花呗已逾期15天，应还金额￥3,208.40，请尽快还款。",收到',
  '95188,2024/10/18 22:51,我下周一前先还 500 元，请不要再晚上打电话。,发送',
  '"+86 137 0000 1111",2024年10月19日 09:05,"您的欠款已委外催收，三日内不处理将安排上门，联系你的家人。""最后通知""",收到',
  '10690000,昨天,这一行的时间无法识别,收到',
  '10690000,2024-10-20 10:00,,收到',
  '',
].join('\r\n');

describe('reading a table', () => {
  it('detects the delimiter and honours quotes (commas, doubled quotes, line breaks inside)', () => {
    expect(parseTable('a\tb\tc\n1\t"x\ty"\t3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x\ty', '3'],
    ]);
    expect(parseTable('a;b\n"第一行\n第二行";2')).toEqual([
      ['a', 'b'],
      ['第一行\n第二行', '2'],
    ]);
    expect(parseTable(CSV)[3]?.[2]).toBe('您的欠款已委外催收，三日内不处理将安排上门，联系你的家人。"最后通知"');
    expect(() => parseTable('a,b\n"open,2')).toThrow(/引号/);
  });
  it('UTF-8, UTF-8 with BOM, GBK and UTF-16 are told apart', () => {
    expect(decodeTable(Buffer.from('号码,时间', 'utf8'))).toEqual({ text: '号码,时间', encoding: 'UTF-8' });
    expect(decodeTable(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('号码', 'utf8')]))).toEqual({ text: '号码', encoding: 'UTF-8 (BOM)' });
    expect(decodeTable(encodeGbk('号码,时间,内容'))).toEqual({ text: '号码,时间,内容', encoding: 'GBK' });
    expect(decodeTable(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('号码', 'utf16le')]))).toEqual({ text: '号码', encoding: 'UTF-16LE' });
    expect(() => decodeTable(Buffer.from([0x81, 0x20, 0xff, 0xff]))).toThrow(/编码/);
  });
  it('times as exports write them, in Beijing time', () => {
    const at = bj(2024, 10, 18, 14, 30, 22);
    expect(parseSmsTime('2024-10-18 14:30:22')).toBe(at);
    expect(parseSmsTime('2024/10/18 14:30:22')).toBe(at);
    expect(parseSmsTime('2024年10月18日 下午2:30:22')).toBe(at);
    expect(parseSmsTime('2024-10-18T06:30:22Z')).toBe(at);
    expect(parseSmsTime(String(at))).toBe(at);
    expect(parseSmsTime(String(at / 1000))).toBe(at);
    expect(parseSmsTime('2024-02-30 10:00')).toBeNull();
    expect(parseSmsTime('2024-10-18')).toBeNull();
    expect(parseSmsTime('昨天')).toBeNull();
  });
  it('the --columns option and the header guess', () => {
    expect(parseColumnsOption('sender=号码,time=时间,body=3')).toEqual({ sender: '号码', time: '时间', body: '3' });
    expect(() => parseColumnsOption('sender=号码,time=时间')).toThrow(/sender、time 和 body/);
    expect(() => parseColumnsOption('from=号码,time=时间,body=内容')).toThrow(/没有“from”/);
    expect(guessColumns(['号码', '时间', '内容', '类型'])).toEqual({ sender: '号码', time: '时间', body: '内容', direction: '类型' });
    expect(guessColumns(['Address', 'Date', 'Body'])).toEqual({ sender: 'Address', time: 'Date', body: 'Body' });
    expect(guessColumns(['A', 'B', 'C'])).toBeNull();
  });
});

describe('importing a table into the vault', () => {
  it('each good row becomes an sms entry with claims and flags; bad rows are skipped with their row number', () => {
    const v = vault();
    const r = importSmsTable(v, Buffer.from(CSV, 'utf8'), { name: 'sms.csv', collectMessages: true });
    expect(r).toMatchObject({ imported: 3, duplicates: 0, rejectedCount: 2, skipped: 2, encoding: 'UTF-8' });
    expect(r.rejected).toEqual([
      { index: 5, reason: '时间无法识别：昨天（例如 2024-10-18 14:30:22）' },
      { index: 6, reason: '短信内容为空' },
    ]);
    expect(r.messages?.map((m) => [m.address, m.at, m.direction, m.claims])).toEqual([
      ['95188', '2024-10-18T22:50:00+08:00', 'incoming', { amountOwed: '3208.40', overdueDays: 15 }],
      ['95188', '2024-10-18T22:51:00+08:00', 'outgoing', {}],
      ['+86 137 0000 1111', '2024-10-19T09:05:00+08:00', 'incoming', {}],
    ]);
    expect(cliTimeline(v).map((e) => [e.channel, e.direction, e.flags])).toEqual([
      ['sms', 'incoming', ['night_contact']],
      ['sms', 'outgoing', []],
      ['sms', 'incoming', ['threat_or_impersonation']],
    ]);
    expect(searchContacts(v.handle, '委外催收').size).toBe(1);
  });

  it('GBK text, tab separated, columns by number, no header row; again adds nothing', () => {
    const v = vault();
    const txt = encodeGbk('2024-10-18 22:50:00\t95188\t【借呗】您的借款已逾期第20日，剩余欠款3,256.78元。\n2024-10-19 08:00:00\t95188\t请今天回电。\n');
    const columns = { sender: '2', time: '1', body: '3' };
    const r = importSmsTable(v, txt, { name: 'sms.txt', columns, collectMessages: true });
    expect(r).toMatchObject({ imported: 2, rejectedCount: 0, encoding: 'GBK' });
    expect(r.messages?.[0]?.claims).toEqual({ amountOwed: '3256.78', overdueDays: 20 });
    expect(importSmsTable(v, txt, { name: 'sms.txt', columns })).toMatchObject({ imported: 0, duplicates: 2 });
    expect(count(v)).toBe(2);
  });

  it('the same message from an XML backup and from a table is one entry', () => {
    const v = vault();
    const body = '【花呗】您的花呗已逾期15天，应还金额￥3,208.40，请尽快还款。';
    importSmsBackup(v, bufferSource(Buffer.from(smsXml([{ address: '95188', date: bj(2024, 10, 18, 22, 50), type: '1', body }]))), { name: 'sms.xml' });
    const r = importSmsTable(v, Buffer.from(`号码,时间,内容\n95188,2024-10-18 22:50:00,"${body}"\n`), { name: 'sms.csv' });
    expect(r).toMatchObject({ imported: 0, duplicates: 1 });
    expect(count(v)).toBe(1);
  });

  it('a file that cannot be read, or a column that does not exist, imports nothing and says why', () => {
    const v = vault();
    expect(() => importSmsTable(v, Buffer.from('甲,乙,丙\n1,2,3\n'), { name: 'x.csv' })).toThrow(/--columns sender=列名/);
    expect(() => importSmsTable(v, Buffer.from(CSV), { name: 'x.csv', columns: { sender: '号码', time: '日期', body: '内容' } })).toThrow(
      /找不到“日期”这一列.*号码、时间、内容、类型/,
    );
    expect(() => importSmsTable(v, Buffer.from('号码,时间,内容\n95188,"2024-10-18 22:50,x\n'), { name: 'x.csv' })).toThrow(/引号/);
    expect(() => importSmsTable(v, Buffer.from(''), { name: 'x.csv' })).toThrow(/空/);
    expect(count(v)).toBe(0);
  });
});
