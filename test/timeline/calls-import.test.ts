// Call recordings on a real encrypted vault: evidence (original bytes, SHA-256) plus a
// timeline entry; names in no known pattern; audio that is not audio; duplicates.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { importRecording } from '../../main/vault/timeline/calls-import';
import { getContact, updateContact } from '../../main/vault/timeline/contacts';
import { cliTimeline } from '../../main/vault/timeline/queries';
import { readAll } from '../../main/vault/evidence/blob-store';
import { isoWithOffset } from '../../shared/time/beijing';
import type { Vault } from '../../main/vault/vault';
import { amr, makeVault, wav } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
function setup() {
  const made = makeVault();
  open.push(made.vault);
  return made;
}
const bytes = (v: Vault, name: string, data: Buffer, modifiedMs: number | null = null) =>
  importRecording(v, { label: name, name, source: { kind: 'bytes', bytes: data, modifiedMs } });

describe('import-calls', () => {
  it('stores the original bytes as evidence (SHA-256) and makes an incoming, connected phone call entry', async () => {
    const { vault: v } = setup();
    const data = wav(3.5);
    const r = await bytes(v, '95188(95188)_20241018230522.wav', data);
    expect(r).toEqual({
      file: '95188(95188)_20241018230522.wav',
      id: expect.any(String),
      number: '95188',
      at: '2024-10-18T23:05:22+08:00',
      durationSec: 4,
      timeUncertain: false,
      duplicate: false,
      evidenceId: expect.any(String),
    });
    if ('error' in r) throw new Error('unexpected');
    const item = v.handle.prepare('SELECT sha256, size, category, blob_id FROM evidence_items WHERE id = ?').get(r.evidenceId) as {
      sha256: string;
      size: number;
      category: string;
      blob_id: number;
    };
    expect(item).toMatchObject({ sha256: createHash('sha256').update(data).digest('hex'), size: data.length, category: 'call_recording' });
    expect(readAll(v.handle, item.blob_id).equals(data)).toBe(true);
    const c = getContact(v, r.id);
    expect(c).toMatchObject({ channel: 'phone', direction: 'incoming', connected: true, party: 'creditor', evidenceIds: [r.evidenceId], source: 'call_recording' });
    expect(c.flags.map((f) => f.code)).toEqual(['night_contact']);
    expect(c.evidence).toEqual([{ id: r.evidenceId, name: '95188(95188)_20241018230522.wav', mime: 'audio/wav', missing: false }]);
  });

  it('reads the duration of AMR recordings (which music-metadata cannot)', async () => {
    const { vault: v } = setup();
    const r = await bytes(v, 'Call@95188(00861095188)_20241018143022.amr', amr(1500));
    expect(r).toMatchObject({ number: '95188', at: '2024-10-18T14:30:22+08:00', durationSec: 30 });
  });

  it('a name in no known pattern imports with the file time and a "check the time" mark; correcting the time clears it', async () => {
    const { vault: v } = setup();
    const mtime = Date.UTC(2024, 9, 20, 1, 2, 3);
    const r = await bytes(v, '新录音 3.wav', wav(1, 2), mtime);
    expect(r).toMatchObject({ number: null, at: isoWithOffset(mtime), timeUncertain: true, durationSec: 1 });
    if ('error' in r) throw new Error('unexpected');
    expect(getContact(v, r.id).timeUncertain).toBe(true);
    const fixed = updateContact(v, r.id, { at: '2024-10-20T08:00:00+08:00', phone: '95555', direction: 'outgoing' });
    expect(fixed).toMatchObject({ timeUncertain: false, at: '2024-10-20T08:00:00+08:00', direction: 'outgoing', flags: [] });
  });

  it('audio that is not audio is refused by its bytes (whatever the extension), and nothing is stored', async () => {
    const { vault: v } = setup();
    const blobs = () => (v.handle.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    for (const [name, data] of [
      ['95188_20241018143022.mp3', Buffer.from('这不是音频，只是改了扩展名的文字。'.repeat(20))],
      ['95188_20241018143023.m4a', png],
      ['empty_20241018143024.amr', Buffer.alloc(0)],
    ] as const) {
      const r = await bytes(v, name, data);
      expect(r).toEqual({ file: name, error: { code: expect.stringMatching(/^(NOT_AUDIO|EMPTY_FILE)$/), message: expect.any(String) } });
    }
    expect(blobs()).toBe(0);
    expect(cliTimeline(v)).toEqual([]);
  });

  it("each file is its own call even when its bytes equal another file's; the same file again is idempotent", async () => {
    const { vault: v } = setup();
    const data = wav(2, 3);
    const first = await bytes(v, '95188_20241018143022.wav', data);
    const other = await bytes(v, '13700000001_20241019091500.wav', data);
    const again = await bytes(v, '95188_20241018143022.wav', data);
    if ('error' in first || 'error' in other || 'error' in again) throw new Error('unexpected');
    expect(other).toMatchObject({ number: '13700000001', at: '2024-10-19T09:15:00+08:00', duplicate: false });
    expect(other.id).not.toBe(first.id);
    expect(other.evidenceId).not.toBe(first.evidenceId);
    expect(again).toMatchObject({ id: first.id, evidenceId: first.evidenceId, duplicate: true });
    expect(cliTimeline(v).map((e) => [e.counterparty, e.at])).toEqual([
      [expect.stringContaining('95188'), '2024-10-18T14:30:22+08:00'],
      ['13700000001', '2024-10-19T09:15:00+08:00'],
    ]);
    expect((v.handle.prepare('SELECT count(*) AS n FROM evidence_items').get() as { n: number }).n).toBe(2);
    // The bytes are stored once.
    expect((v.handle.prepare("SELECT count(*) AS n FROM blobs WHERE state = 'stored'").get() as { n: number }).n).toBe(1);
  });

  it('reads from a path on disk; a missing path is reported, not thrown', async () => {
    const { vault: v, dir } = setup();
    const file = path.join(dir, '13800138000_20241018_143022.wav');
    fs.writeFileSync(file, wav(2, 5));
    const r = await importRecording(v, { label: file, name: path.basename(file), source: { kind: 'path', path: file } });
    expect(r).toMatchObject({ number: '13800138000', durationSec: 2 });
    const missing = await importRecording(v, { label: 'nope.wav', name: 'nope.wav', source: { kind: 'path', path: path.join(dir, 'nope.wav') } });
    expect(missing).toEqual({ file: 'nope.wav', error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});
