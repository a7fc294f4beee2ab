// Random access to a PDF file for verification, without loading it: the classic
// cross-reference table (what the package builder writes) is read from the end, objects are
// parsed one at a time from a window at their offset (pdf-lib's object parser), stream data
// is read in chunks straight from the file. A file whose cross-reference is a stream (the
// package was re-saved by another tool) falls back to loading it whole with pdf-lib.
import fs from 'node:fs/promises';
import { createInflate } from 'node:zlib';
import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObject, PDFObjectParser, PDFRawStream, PDFRef, PDFString, PDFHexString } from '@cantoo/pdf-lib';

export interface StreamInfo {
  dict: PDFDict;
  /** File offset and length of the raw (encoded) data. */
  offset: number;
  length: number;
}

export interface PdfReader {
  readonly size: number;
  readonly trailer: PDFDict;
  /** Follows references (and chains of them). */
  resolve(obj: PDFObject | undefined): Promise<PDFObject | undefined>;
  /** A stream object's dictionary (undefined when `ref` is not a stream). */
  stream(ref: PDFRef): Promise<StreamInfo | { dict: PDFDict; data: Uint8Array } | undefined>;
  /** Raw bytes of the file. */
  range(start: number, end: number): AsyncIterable<Uint8Array>;
  /** Offset of an object in the file (classic xref only). */
  offsetOf(ref: PDFRef): number | undefined;
  close(): Promise<void>;
}

class ClassicReader implements PdfReader {
  private readonly context = PDFContext.create();
  private readonly cache = new Map<number, PDFObject>();

  constructor(
    private readonly fh: fs.FileHandle,
    readonly size: number,
    private readonly offsets: Map<number, number>,
    readonly trailer: PDFDict,
  ) {}

  offsetOf(ref: PDFRef): number | undefined {
    return this.offsets.get(ref.objectNumber);
  }

  async read(pos: number, len: number): Promise<Buffer> {
    const b = Buffer.alloc(Math.max(0, Math.min(len, this.size - pos)));
    if (b.length === 0) return b;
    const { bytesRead } = await this.fh.read(b, 0, b.length, pos);
    return b.subarray(0, bytesRead);
  }

  /** The object's text window after "n g obj", and the header length. */
  private async window(ref: PDFRef, len: number): Promise<{ buf: Buffer; body: number; at: number } | undefined> {
    const at = this.offsets.get(ref.objectNumber);
    if (at === undefined) return undefined;
    const buf = await this.read(at, len);
    const head = /^\s*(\d+)\s+(\d+)\s+obj\b/.exec(buf.subarray(0, 64).toString('latin1'));
    if (!head || Number(head[1]) !== ref.objectNumber) throw new Error(`对象 ${ref.objectNumber} 的位置不对（交叉引用表损坏）`);
    return { buf, body: head[0].length, at };
  }

  private parse(bytes: Uint8Array): PDFObject {
    return PDFObjectParser.forBytes(bytes, this.context).parseObject();
  }

  async lookup(ref: PDFRef): Promise<PDFObject | undefined> {
    const hit = this.cache.get(ref.objectNumber);
    if (hit) return hit;
    for (let len = 16 * 1024; len <= 8 * 1024 * 1024; len *= 4) {
      const w = await this.window(ref, len);
      if (!w) return undefined;
      const text = w.buf.toString('latin1');
      const streamAt = /(>>)\s*stream(\r\n|\n|\r)/.exec(text.slice(w.body));
      const endobj = text.indexOf('endobj', w.body);
      if (streamAt && (endobj < 0 || w.body + streamAt.index < endobj)) {
        const dictEnd = w.body + streamAt.index + 2;
        const dict = this.parse(w.buf.subarray(w.body, dictEnd));
        if (!(dict instanceof PDFDict)) throw new Error(`对象 ${ref.objectNumber} 不是流`);
        const dataAt = w.at + w.body + streamAt.index + streamAt[0].length;
        const lengthObj = await this.resolve(dict.get(PDFName.of('Length')));
        if (!(lengthObj instanceof PDFNumber)) throw new Error(`对象 ${ref.objectNumber} 的长度无效`);
        const info = { kind: 'stream', dict, offset: dataAt, length: lengthObj.asNumber() };
        this.streams.set(ref.objectNumber, info);
        this.cache.set(ref.objectNumber, dict);
        return dict;
      }
      if (endobj >= 0) {
        const obj = this.parse(w.buf.subarray(w.body, endobj));
        this.cache.set(ref.objectNumber, obj);
        return obj;
      }
      if (w.buf.length < len) break;
    }
    throw new Error(`对象 ${ref.objectNumber} 无法读取`);
  }

  private readonly streams = new Map<number, { dict: PDFDict; offset: number; length: number }>();

  async resolve(obj: PDFObject | undefined): Promise<PDFObject | undefined> {
    let o = obj;
    for (let i = 0; i < 32 && o instanceof PDFRef; i++) o = await this.lookup(o);
    return o;
  }

  async stream(ref: PDFRef): Promise<StreamInfo | undefined> {
    await this.lookup(ref);
    const s = this.streams.get(ref.objectNumber);
    if (!s) return undefined;
    if (s.offset + s.length > this.size) throw new Error(`对象 ${ref.objectNumber} 的数据超出文件末尾（文件被截断）`);
    return s;
  }

  async *range(start: number, end: number): AsyncIterable<Uint8Array> {
    const step = 4 * 1024 * 1024;
    for (let pos = start; pos < end; pos += step) {
      const b = await this.read(pos, Math.min(step, end - pos));
      if (b.length === 0) throw new Error('文件读取不完整');
      yield b;
    }
  }

  close(): Promise<void> {
    return this.fh.close();
  }
}

/** Whole-file fallback through pdf-lib (files whose cross-reference is a stream). */
class LoadedReader implements PdfReader {
  constructor(
    private readonly doc: PDFDocument,
    private readonly bytes: Uint8Array,
  ) {}
  get size(): number {
    return this.bytes.length;
  }
  get trailer(): PDFDict {
    const c = this.doc.context;
    return c.obj({ Root: c.trailerInfo.Root, ...(c.trailerInfo.Info ? { Info: c.trailerInfo.Info } : {}) }) as PDFDict;
  }
  async resolve(obj: PDFObject | undefined): Promise<PDFObject | undefined> {
    let o = obj;
    for (let i = 0; i < 32 && o instanceof PDFRef; i++) o = this.doc.context.lookup(o);
    return o;
  }
  async stream(ref: PDFRef): Promise<{ dict: PDFDict; data: Uint8Array } | undefined> {
    const s = this.doc.context.lookup(ref);
    return s instanceof PDFRawStream ? { dict: s.dict, data: s.contents } : undefined;
  }
  async *range(start: number, end: number): AsyncIterable<Uint8Array> {
    yield this.bytes.subarray(start, end);
  }
  offsetOf(): number | undefined {
    return undefined;
  }
  async close(): Promise<void> {}
}

async function parseClassicXref(fh: fs.FileHandle, size: number): Promise<{ offsets: Map<number, number>; trailer: PDFDict } | null> {
  const tailLen = Math.min(size, 4096);
  const tail = Buffer.alloc(tailLen);
  await fh.read(tail, 0, tailLen, size - tailLen);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail.toString('latin1'));
  if (!m) return null;
  const context = PDFContext.create();
  const offsets = new Map<number, number>();
  let trailer: PDFDict | undefined;
  let at: number | undefined = Number(m[1]);
  const seen = new Set<number>();
  while (at !== undefined && !seen.has(at) && at < size) {
    seen.add(at);
    // Read the section: up to "trailer" and its dictionary.
    let len = 64 * 1024;
    let text: string;
    let buf: Buffer;
    for (;;) {
      buf = Buffer.alloc(Math.min(len, size - at));
      await fh.read(buf, 0, buf.length, at);
      text = buf.toString('latin1');
      if (!text.startsWith('xref')) return null; // an xref stream: not classic
      if (/trailer\s*<<[\s\S]*?startxref/.test(text) || buf.length < len) break;
      len *= 4;
    }
    const tIdx = text.indexOf('trailer');
    if (tIdx < 0) return null;
    const body = text.slice(4, tIdx);
    const re = /(\d+)\s+(\d+)\s*[\r\n]+((?:\d{10}\s\d{5}\s[nf]\s*[\r\n]*)*)/g;
    for (let sec = re.exec(body); sec; sec = re.exec(body)) {
      const first = Number(sec[1]);
      const entries = sec[3]!.match(/\d{10}\s\d{5}\s[nf]/g) ?? [];
      entries.forEach((e, i) => {
        const n = first + i;
        if (e.endsWith('n') && !offsets.has(n)) offsets.set(n, Number(e.slice(0, 10)));
      });
    }
    const sx = text.indexOf('startxref', tIdx);
    const dict = PDFObjectParser.forBytes(buf.subarray(tIdx + 7, sx < 0 ? undefined : sx), context).parseObject();
    if (!(dict instanceof PDFDict)) return null;
    trailer ??= dict;
    const prev = dict.get(PDFName.of('Prev'));
    at = prev instanceof PDFNumber ? prev.asNumber() : undefined;
  }
  return trailer ? { offsets, trailer } : null;
}

export async function openPdf(file: string): Promise<PdfReader> {
  const fh = await fs.open(file, 'r');
  try {
    const { size } = await fh.stat();
    const classic = await parseClassicXref(fh, size);
    if (classic) return new ClassicReader(fh, size, classic.offsets, classic.trailer);
    const bytes = await fh.readFile();
    await fh.close();
    const doc = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false, ignoreEncryption: true });
    return new LoadedReader(doc, bytes);
  } catch (err) {
    await fh.close().catch(() => {});
    throw err;
  }
}

/** The decoded bytes of a stream, chunk by chunk (FlateDecode or none; others throw). */
export async function* streamData(reader: PdfReader, ref: PDFRef, decode = true): AsyncIterable<Uint8Array> {
  const s = await reader.stream(ref);
  if (!s) throw new Error(`对象 ${ref.objectNumber} 不是流`);
  const filter = await reader.resolve(s.dict.get(PDFName.of('Filter')));
  const filters = filter instanceof PDFName ? [filter] : filter instanceof PDFArray ? filter.asArray() : [];
  const raw: AsyncIterable<Uint8Array> =
    'data' in s
      ? (async function* () {
          yield s.data;
        })()
      : reader.range(s.offset, s.offset + s.length);
  if (!decode || filters.length === 0) {
    yield* raw;
    return;
  }
  if (filters.length !== 1 || filters[0] !== PDFName.of('FlateDecode')) throw new Error('不支持的压缩方式');
  const inflate = createInflate();
  const out: Uint8Array[] = [];
  let error: unknown;
  inflate.on('data', (c: Buffer) => out.push(c));
  inflate.on('error', (e) => (error = e));
  for await (const chunk of raw) {
    await new Promise<void>((resolve) => (inflate.write(chunk) ? resolve() : inflate.once('drain', resolve)));
    await new Promise<void>((r) => setImmediate(r));
    if (error) throw error;
    while (out.length) yield out.shift()!;
  }
  await new Promise<void>((resolve, reject) => {
    inflate.once('end', resolve);
    inflate.once('error', reject);
    inflate.end();
    inflate.resume();
  });
  if (error) throw error;
  while (out.length) yield out.shift()!;
}

/** A PDF text string's value. */
export function textOf(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
}
