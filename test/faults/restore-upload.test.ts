// The restore channels' own upload (the harness has no open dialog): a backup chosen again
// right after a refused attempt. The renderer discards the earlier copy while the next one
// begins; the discard empties the private partial folder and removes it, which once made
// the new upload's file fail to open (INTERNAL, found by e2e/restore.spec.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callChannel, makeServices, type ServicesUnderTest } from '../helpers/services';
import { PASS } from '../helpers/tmp';

describe('restore upload', () => {
  let s: ServicesUnderTest | null = null;
  afterEach(async () => {
    await s?.services.dispose();
    s = null;
  });
  const call = <T = unknown>(channel: string, args: unknown = {}) => callChannel<T>(s!, channel, args);

  it('a new upload that begins while the earlier one is discarded gets its file; both end with nothing left behind', async () => {
    s = await makeServices();
    await call('vault:create', { passphrase: PASS });
    const bytes = Buffer.from('not really a backup, only bytes');
    for (let round = 0; round < 48; round++) {
      const { sourceId } = await call<{ sourceId: string }>('restore:uploadBegin', { name: 'a.xsv', bytes: bytes.length });
      await call('restore:uploadChunk', { sourceId, seq: 0, data: bytes.toString('base64') });
      // The new begin lands at a different moment of the discard each round (its close, rm, rmdir).
      const lag = round % 8;
      const later = async () => {
        for (let i = 0; i < lag; i++) await new Promise((r) => setImmediate(r));
        return call<{ sourceId: string }>('restore:uploadBegin', { name: 'b.xsv', bytes: bytes.length });
      };
      const [, next] = await Promise.all([call('restore:discard', { sourceId }), later()]);
      expect(await call<{ received: number }>('restore:uploadChunk', { sourceId: next.sourceId, seq: 0, data: bytes.toString('base64') })).toEqual({ received: bytes.length });
      await call('restore:discard', { sourceId: next.sourceId });
    }
    // Every copy went with its discard: no .part file anywhere under the data folder.
    const parts = fs.readdirSync(s.dataDir, { recursive: true }).filter((f) => String(f).endsWith('.part'));
    expect(parts.map((f) => path.basename(String(f)))).toEqual([]);
  });
});
