// node:zlib for the package builder (shared/pdf/zlib.ts): deflate and inflate on the libuv
// thread pool, without the web-stream layer Node's CompressionStream adds. Same zlib, same
// level (6), so the same bytes as the browser's build.
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { joined, type Zlib } from '../../shared/pdf/zlib';

const deflate = promisify(zlib.deflate);
const inflate = promisify(zlib.inflate);

/**
 * node:zlib makes its output in pieces (chunkSize), each a round trip between the thread
 * pool and this thread, and joins them at the end. Its default, 16 KiB, made one screenshot
 * ~300 trips and a 5 MB copy: the demo's 21 screenshots took 0.52 s to inflate and deflate,
 * 0.27–0.30 s with the pieces below.
 */
const MIN_PIECE = 64 << 10;
const MAX_PIECE = 64 << 20;
const pieceSize = (n: number) => Math.min(MAX_PIECE, Math.max(MIN_PIECE, Math.ceil(n)));

const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const nodeZlib: Zlib = {
  // Screenshots deflate to well under a quarter of their size.
  deflate: async (data) => view(await deflate(data, { chunkSize: pieceSize(data.length / 4) })),
  inflate: async (parts, expected) => {
    const input = joined(parts);
    // One piece when the size is known (+1: zlib sees the end of the stream with room left).
    return view(await inflate(input, { chunkSize: pieceSize(expected !== undefined ? expected + 1 : input.length * 8) }));
  },
};
