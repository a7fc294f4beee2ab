// node:zlib for the package builder (shared/pdf/zlib.ts): deflate and inflate on the libuv
// thread pool, without the web-stream layer Node's CompressionStream adds. Same zlib, same
// level (6), so the same bytes as the browser's build.
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { Zlib } from '../../shared/pdf/zlib';

const deflate = promisify(zlib.deflate);
const inflate = promisify(zlib.inflate);

const view = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const nodeZlib: Zlib = {
  deflate: async (data) => view(await deflate(data)),
  inflate: async (parts) => view(await inflate(parts.length === 1 ? parts[0]! : Buffer.concat(parts))),
};
