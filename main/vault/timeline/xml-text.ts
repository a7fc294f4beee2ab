// Bytes of an XML file → text, a chunk at a time, in the encoding the file declares.
// Reading is synchronous on purpose: the SMS import runs as one transaction (nothing is
// half-imported) and better-sqlite3 transactions cannot span an await. Memory stays
// bounded: one chunk of bytes and its text at a time. Plain Node.
import fs from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { BadInputError } from '../../../shared/errors';
import { openRegularFile } from '../../regular-file';

export const CHUNK_BYTES = 256 * 1024;

/** Gives the next chunk of bytes, or null at the end. */
export type ByteSource = { next(): Buffer | null; readonly size: number; close(): void };

export function fileSource(file: string): ByteSource {
  let fd: number;
  let size: number;
  try {
    // Only a regular file: a FIFO or a device (/dev/zero) would wait or never end.
    ({
      fd,
      stat: { size },
    } = openRegularFile(file));
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    throw new BadInputError(`无法读取文件：${file}`);
  }
  const buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let closed = false;
  return {
    size,
    next() {
      const n = fs.readSync(fd, buf, 0, CHUNK_BYTES, null);
      return n === 0 ? null : Buffer.from(buf.subarray(0, n));
    },
    close() {
      if (!closed) fs.closeSync(fd);
      closed = true;
    },
  };
}

export function bufferSource(bytes: Buffer): ByteSource {
  let at = 0;
  return {
    size: bytes.length,
    next() {
      if (at >= bytes.length) return null;
      const chunk = bytes.subarray(at, at + CHUNK_BYTES);
      at += chunk.length;
      return chunk;
    },
    close() {},
  };
}

/** Encodings accepted, as WHATWG TextDecoder labels. */
const ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
};

export const SUPPORTED_ENCODINGS_TEXT = 'UTF-8、UTF-16、GBK / GB2312 / GB18030、Big5';

interface Detected {
  encoding: string;
  /** Bytes to skip at the start (a byte-order mark). */
  skip: number;
  declared: string | null;
}

export function detectEncoding(head: Buffer): Detected {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3, declared: declaredIn(head.subarray(3).toString('latin1')) };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2, declared: null };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2, declared: null };
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { encoding: 'utf-16le', skip: 0, declared: null };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { encoding: 'utf-16be', skip: 0, declared: null };
  const declared = declaredIn(head.toString('latin1'));
  if (declared === null) return { encoding: 'utf-8', skip: 0, declared: null };
  const encoding = ENCODINGS[declared.toLowerCase()];
  if (!encoding) {
    throw new BadInputError(
      `文件声明的文字编码是 ${declared.slice(0, 40)}，本程序不支持（支持 ${SUPPORTED_ENCODINGS_TEXT}）。请用“SMS Backup & Restore”重新导出，或先把文件转成 UTF-8`,
    );
  }
  return { encoding, skip: 0, declared };
}

function declaredIn(text: string): string | null {
  const m = /^\s*<\?xml\b[^?>]*?\bencoding\s*=\s*["']([^"']{1,40})["']/.exec(text);
  return m ? m[1]! : null;
}

/**
 * Numeric character references XML forbids but phone backups write: emoji as two
 * surrogate references (&#55357;&#56832;) and control characters (&#1;). The pair becomes
 * the character; a lone surrogate or a control character becomes U+FFFD.
 */
const BAD_REF = /&#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}));(?:&#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}));)?/g;

function fixReferences(text: string): string {
  if (!text.includes('&#')) return text;
  return text.replace(BAD_REF, (whole, h1: string | undefined, d1: string | undefined, h2: string | undefined, d2: string | undefined) => {
    const a = h1 !== undefined ? parseInt(h1, 16) : Number(d1);
    const b = h2 !== undefined ? parseInt(h2, 16) : d2 !== undefined ? Number(d2) : null;
    const isHigh = (n: number) => n >= 0xd800 && n <= 0xdbff;
    const isLow = (n: number) => n >= 0xdc00 && n <= 0xdfff;
    const bad = (n: number) => (n < 0x20 && n !== 0x9 && n !== 0xa && n !== 0xd) || n === 0xfffe || n === 0xffff;
    const one = (n: number, raw: string) => (isHigh(n) || isLow(n) || bad(n) ? '\uFFFD' : raw);
    if (b !== null && isHigh(a) && isLow(b)) return String.fromCharCode(a, b);
    const firstRaw = whole.slice(0, whole.indexOf(';') + 1);
    const secondRaw = whole.slice(firstRaw.length);
    return one(a, firstRaw) + (b !== null ? one(b, secondRaw) : '');
  });
}

export interface TextChunks {
  encoding: string;
  declared: string | null;
  /** Bytes read so far. */
  bytesRead(): number;
  /** The next piece of text, or null at the end. */
  next(): string | null;
  sha256(): string;
}

/** Decodes a byte source strictly (a byte that is not valid in the encoding is an error). */
export function decodeText(source: ByteSource): TextChunks {
  const hash: Hash = createHash('sha256');
  let first = source.next();
  let read = first?.length ?? 0;
  if (first) hash.update(first);
  const detected = detectEncoding(first ?? Buffer.alloc(0));
  if (first && detected.skip) first = first.subarray(detected.skip);
  const decoder = new TextDecoder(detected.encoding, { fatal: true });
  let carry = '';
  let done = false;
  const decode = (bytes: Buffer | null): string => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      const name = detected.declared ?? detected.encoding.toUpperCase();
      throw new BadInputError(`文件中有不符合 ${name} 编码的字节（约在第 ${read} 字节之前）：文件可能已损坏，或实际编码与声明的不同`);
    }
  };
  let pending: Buffer | null = first;
  return {
    encoding: detected.encoding,
    declared: detected.declared,
    bytesRead: () => read,
    sha256: () => hash.digest('hex'),
    next() {
      if (done) return null;
      let text: string;
      if (pending) {
        text = decode(pending);
        pending = null;
      } else {
        const bytes = source.next();
        if (bytes) {
          read += bytes.length;
          hash.update(bytes);
          text = decode(bytes);
        } else {
          text = decode(null);
          done = true;
        }
      }
      // Hold back an unfinished character reference for the next piece.
      text = carry + text;
      carry = '';
      if (!done) {
        const amp = text.lastIndexOf('&');
        if (amp >= 0 && text.length - amp < 40 && !text.slice(amp).includes(';')) {
          carry = text.slice(amp);
          text = text.slice(0, amp);
        } else if (amp >= 0 && /^(?:&#(?:x[0-9a-fA-F]+|\d+);)$/.test(text.slice(amp))) {
          // A complete reference at the very end may be the first of a surrogate pair.
          carry = text.slice(amp);
          text = text.slice(0, amp);
        }
      }
      return fixReferences(text);
    },
  };
}
