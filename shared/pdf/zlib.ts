// The zlib the package builder compresses and decompresses image data with. The builder is
// isomorphic, so it is given one: in a browser's Web Worker the platform's CompressionStream
// (native zlib), in Node the caller's node:zlib (main/package/node-zlib.ts). Node has
// CompressionStream too, but through web streams: for the demo's package build, 0.75 s of
// 3.2 s went to stream plumbing and the garbage it leaves (issue 14). fflate only where
// there is neither.
import { unzlibSync, zlibSync } from 'fflate';

export interface Zlib {
  /** zlib-wrapped deflate at the default level (6). */
  deflate(data: Uint8Array): Promise<Uint8Array>;
  /**
   * Inflates a zlib stream given in parts (a PNG's IDAT chunks). `expected`, when known, is
   * the inflated size (a PNG's rows): a native zlib then makes its output in one piece.
   */
  inflate(parts: readonly Uint8Array[], expected?: number): Promise<Uint8Array>;
}

/** The parts as one array (the part itself when there is one). */
export function joined(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const part of parts) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}

/** fflate: pure JavaScript, everywhere. */
export const fflateZlib: Zlib = {
  deflate: async (data) => zlibSync(data, { level: 6 }),
  inflate: async (parts) => unzlibSync(joined(parts)),
};

/** The platform's CompressionStream / DecompressionStream (browsers and Node ≥ 18), fflate without them. */
export const webZlib: Zlib = {
  async deflate(data) {
    if (typeof CompressionStream !== 'function') return fflateZlib.deflate(data);
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
  async inflate(parts) {
    if (typeof DecompressionStream !== 'function') return fflateZlib.inflate(parts);
    const stream = new Blob(parts as Uint8Array<ArrayBuffer>[]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
};
