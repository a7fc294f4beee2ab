import { createHash } from 'node:crypto';
// import-sms, import-calls and timeline through the real built CLI (bin/xieshang.cjs),
// exactly as docs/cli.md says: the JSON documents, the flags, the exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tmpDir, PASS } from '../helpers/tmp';
import { amr, bj, smsXml, wav } from './fixtures';

const env = { XIESHANG_PASSPHRASE: PASS };

function vaultDir() {
  const dir = tmpDir('xieshang-tl-cli-');
  const vault = path.join(dir, 'v.xsv');
  expect(cli(['init', '--vault', vault], { env }).status).toBe(0);
  return { dir, vault };
}
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as unknown;

describe('xieshang import-sms / import-calls / timeline', () => {
  it('the whole journey: SMS, recordings, then the timeline with its flags', () => {
    const { dir, vault } = vaultDir();
    const xml = path.join(dir, 'sms.xml');
    fs.writeFileSync(
      xml,
      smsXml([
        { address: '95188', date: bj(2024, 10, 18, 21, 59), body: '【花呗】您的花呗已逾期15天，应还金额￥3,208.40。' },
        { address: '95188', date: bj(2024, 10, 18, 22, 0), body: '【花呗】再不还款将移交法务并起诉。' },
        { address: '95188', date: bj(2024, 10, 18, 22, 30), type: '2', body: '别再晚上发了，我会联系你们，法院见也行。' },
        { address: '95188', body: '没有日期的一条' },
      ]),
    );
    const sms = cli(['import-sms', xml, '--vault', vault, '--json'], { env });
    expect(sms.status).toBe(3); // one message refused (no date), the rest done
    const doc = json(sms) as { evidenceId: string; imported: number; skipped: number; messages: Record<string, unknown>[] };
    expect(Object.keys(doc)).toEqual(['evidenceId', 'imported', 'skipped', 'messages']);
    // The backup file itself is evidence, byte-exact.
    const kept = json(cli(['list', '--vault', vault, '--json'], { env })) as { id: string; sha256: string; category: string }[];
    expect(kept).toEqual([expect.objectContaining({ id: doc.evidenceId, category: 'sms', sha256: createHash('sha256').update(fs.readFileSync(xml)).digest('hex') })]);
    expect(doc).toMatchObject({ imported: 3, skipped: 1 });
    expect(doc.messages.map((m) => Object.keys(m))).toEqual(Array(3).fill(['id', 'address', 'at', 'direction', 'body', 'claims']));
    expect(doc.messages[0]).toMatchObject({ address: '95188', at: '2024-10-18T21:59:00+08:00', direction: 'incoming', claims: { amountOwed: '3208.40', overdueDays: 15 } });
    expect(doc.messages[2]).toMatchObject({ direction: 'outgoing', claims: {} });

    const again = cli(['import-sms', xml, '--vault', vault, '--json'], { env });
    expect(json(again)).toEqual({ evidenceId: doc.evidenceId, imported: 0, skipped: 4, messages: [] });

    const rec = path.join(dir, 'recordings');
    fs.mkdirSync(rec);
    // Four connected calls from 95188 on 2024-10-21: the 4th is excess; 07:59 is night. The
    // bank's call that day is another creditor side: not counted with them.
    fs.writeFileSync(path.join(rec, '95188(95188)_20241021075900.wav'), wav(3, 1));
    fs.writeFileSync(path.join(rec, '95555_20241021100000.wav'), wav(4, 2));
    fs.writeFileSync(path.join(rec, '95188_20241021110000.wav'), wav(6, 5));
    fs.writeFileSync(path.join(rec, '通话录音 95188 2024-10-21 12-00-00.wav'), wav(5, 3));
    fs.writeFileSync(path.join(rec, 'Call@95188(00861095188)_20241021130000.amr'), amr(500));
    fs.writeFileSync(path.join(rec, '录音 3.wav'), wav(1, 4));
    fs.writeFileSync(path.join(rec, 'notes.mp3'), 'this is a text file named like audio');
    const calls = cli(['import-calls', rec, '--vault', vault, '--json'], { env });
    expect(calls.status).toBe(3);
    const results = json(calls) as Record<string, unknown>[];
    const byName = (n: string) => results.find((r) => String(r.file).endsWith(n))!;
    expect(results).toHaveLength(7);
    expect(Object.keys(byName('95555_20241021100000.wav'))).toEqual(['id', 'file', 'number', 'at', 'durationSec']);
    expect(byName('95555_20241021100000.wav')).toMatchObject({ number: '95555', at: '2024-10-21T10:00:00+08:00', durationSec: 4 });
    expect(byName('.amr')).toMatchObject({ number: '95188', at: '2024-10-21T13:00:00+08:00', durationSec: 10 });
    expect(byName('录音 3.wav')).toMatchObject({ number: null, durationSec: 1 });
    expect(byName('notes.mp3')).toEqual({ file: path.join(rec, 'notes.mp3'), error: { code: 'NOT_AUDIO', message: expect.stringContaining('不是录音文件') } });

    const dup = cli(['import-calls', path.join(rec, '95555_20241021100000.wav'), '--vault', vault, '--json'], { env });
    expect(dup.status).toBe(0);
    expect((json(dup) as { id: string }[])[0]!.id).toBe(byName('95555_20241021100000.wav').id);

    const tl = cli(['timeline', '--vault', vault, '--json'], { env });
    expect(tl.status).toBe(0);
    const entries = (json(tl) as Record<string, unknown>[]).filter((e) => String(e.at).startsWith('2024'));
    expect(entries.map((e) => Object.keys(e))).toEqual(Array(entries.length).fill(['id', 'at', 'channel', 'direction', 'counterparty', 'durationSec', 'summary', 'flags']));
    expect(entries.map((e) => [e.at, e.channel, e.direction, e.durationSec, e.flags])).toEqual([
      ['2024-10-18T21:59:00+08:00', 'sms', 'incoming', null, []],
      ['2024-10-18T22:00:00+08:00', 'sms', 'incoming', null, ['night_contact', 'threat_or_impersonation']],
      ['2024-10-18T22:30:00+08:00', 'sms', 'outgoing', null, []],
      ['2024-10-21T07:59:00+08:00', 'phone', 'incoming', 3, ['night_contact']],
      ['2024-10-21T10:00:00+08:00', 'phone', 'incoming', 4, []],
      ['2024-10-21T11:00:00+08:00', 'phone', 'incoming', 6, []],
      ['2024-10-21T12:00:00+08:00', 'phone', 'incoming', 5, []],
      ['2024-10-21T13:00:00+08:00', 'phone', 'incoming', 10, ['excess_calls']],
    ]);
    expect(entries[0]).toMatchObject({ counterparty: '支付宝 / 蚂蚁（花呗、借呗） 95188', summary: '【花呗】您的花呗已逾期15天，应还金额￥3,208.40。' });

    const human = cli(['timeline', '--vault', vault], { env });
    expect(human.stdout).toContain('⚑ 夜间联系');

    // `search` finds SMS bodies (kind 'sms') and contacts (kind 'contact') in the shared index.
    const hits = json(cli(['search', '移交法务', '--vault', vault, '--json'], { env })) as { kind: string; id: string; snippet: string }[];
    // The message, and the backup file that holds it (its text is indexed as evidence).
    expect(hits).toEqual(
      [
        { kind: 'evidence', id: doc.evidenceId, snippet: expect.stringContaining('移交法务') },
        { kind: 'sms', id: doc.messages[1]!.id, snippet: expect.stringContaining('移交法务') },
      ].sort((x, y) => hits.findIndex((h) => h.kind === x.kind) - hits.findIndex((h) => h.kind === y.kind)),
    );
    const short = json(cli(['search', '起诉', '--vault', vault, '--json'], { env })) as { kind: string }[];
    expect(short.map((h) => h.kind).sort()).toEqual(['evidence', 'sms']);
    const byNumber = json(cli(['search', '95555', '--vault', vault, '--json'], { env })) as { kind: string; id: string }[];
    expect(byNumber).toContainEqual(expect.objectContaining({ kind: 'contact', id: byName('95555_20241021100000.wav').id }));
  });

  it('a malformed backup: exit 2, a one-line error, nothing imported', () => {
    const { dir, vault } = vaultDir();
    const xml = path.join(dir, 'broken.xml');
    fs.writeFileSync(xml, smsXml([{ address: '95188', date: bj(2024, 10, 18, 10), body: '一条' }]).slice(0, 300));
    const r = cli(['import-sms', xml, '--vault', vault, '--json'], { env });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({ error: { code: 'BAD_INPUT', message: expect.stringContaining('不完整') } });
    const plain = cli(['import-sms', xml, '--vault', vault], { env });
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    expect(json(cli(['timeline', '--vault', vault, '--json'], { env }))).toEqual([]);
    expect(cli(['import-sms', path.join(dir, 'missing.xml'), '--vault', vault], { env }).status).toBe(2);
    expect(cli(['import-sms', xml, '--vault', vault]).status).toBe(2); // no passphrase
  });

  it('a CSV export with --columns: the same document as the XML path; a missing column is exit 2', () => {
    const { dir, vault } = vaultDir();
    const csv = path.join(dir, 'export.csv');
    fs.writeFileSync(
      csv,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('发件人,收到时间,短信正文\n95188,2024-10-18 21:59:00,"【花呗】您的花呗已逾期15天，应还金额￥3,208.40。"\n95188,坏时间,x\n', 'utf8'),
      ]),
    );
    const r = cli(['import-sms', csv, '--columns', 'sender=发件人,time=收到时间,body=短信正文', '--vault', vault, '--json'], { env });
    expect(r.status).toBe(3); // one row refused
    const doc = json(r) as { evidenceId: string; imported: number; skipped: number; messages: Record<string, unknown>[] };
    // As the XML path: the export file itself is kept as evidence and every message links to it.
    expect(Object.keys(doc)).toEqual(['evidenceId', 'imported', 'skipped', 'messages']);
    expect(doc.evidenceId).toMatch(/\S/);
    expect(doc).toMatchObject({ imported: 1, skipped: 1 });
    expect(doc.messages[0]).toMatchObject({ address: '95188', at: '2024-10-18T21:59:00+08:00', direction: 'incoming', claims: { amountOwed: '3208.40', overdueDays: 15 } });
    const human = cli(['import-sms', csv, '--columns', 'sender=发件人,time=收到时间,body=短信正文', '--vault', vault], { env });
    expect(human.stdout).toContain('第 3 条：时间无法识别：坏时间');
    const bad = cli(['import-sms', csv, '--columns', 'sender=号码,time=收到时间,body=短信正文', '--vault', vault, '--json'], { env });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('找不到“号码”这一列');
  });
});
