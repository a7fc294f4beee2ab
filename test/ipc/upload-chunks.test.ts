// The one chunk protocol (main/vault/upload-chunks.ts) that the vault's uploads and the
// package file both follow: in order, base64, never past the limit; a refused chunk leaves
// the state as it was.
import { describe, expect, it } from 'vitest';
import { acceptChunk, type ChunkState } from '../../main/vault/upload-chunks';
import { XieshangError } from '../../shared/errors';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const refused = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(XieshangError);
    return (err as XieshangError).code;
  }
  throw new Error('accepted');
};

describe('the chunk protocol', () => {
  it('takes chunks in order and counts the bytes', () => {
    const st: ChunkState = { nextSeq: 0, received: 0 };
    expect(acceptChunk(st, 0, b64('协商'), { declared: 12 }).toString()).toBe('协商');
    expect(acceptChunk(st, 1, b64('证据'), { declared: 12 }).toString()).toBe('证据');
    expect(st).toEqual({ nextSeq: 2, received: 12 });
  });

  it('refuses a chunk out of order, not base64, past the announced size or past the cap; the state stays', () => {
    const st: ChunkState = { nextSeq: 1, received: 4 };
    expect(refused(() => acceptChunk(st, 2, b64('x'), { declared: 10 }))).toBe('BAD_INPUT');
    expect(refused(() => acceptChunk(st, 1, 'not base64!', { declared: 10 }))).toBe('BAD_INPUT');
    expect(refused(() => acceptChunk(st, 1, b64('1234567'), { declared: 10 }))).toBe('BAD_INPUT');
    expect(refused(() => acceptChunk(st, 1, b64('1234567'), { max: 10, label: '10 B' }))).toBe('BAD_INPUT');
    expect(st).toEqual({ nextSeq: 1, received: 4 });
    expect(acceptChunk(st, 1, b64('123456'), { max: 10, label: '10 B' }).length).toBe(6);
  });
});
