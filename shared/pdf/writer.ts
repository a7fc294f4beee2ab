// A streaming PDF serializer over a pdf-lib (cantoo) context. pdf-lib's own save() keeps
// every object until the end and then copies the whole file into one buffer (stream
// contents byte by byte): a 500 MB package would need well over 1 GB. Here the large
// objects (exhibit images, attached files, copied pages) are written to the sink as soon
// as they exist and dropped from the context; only small objects (pages, fonts, outline,
// the letter's content streams) wait for finish(). A classic cross-reference table, so the
// signature's ByteRange and verification need no object-stream parsing.
import { PDFContext, PDFDict, PDFName, PDFNumber, PDFObject, PDFRawStream, PDFRef, PDFStream } from '@cantoo/pdf-lib';

export interface ByteSink {
  /**
   * Receives the file in order; awaited (back-pressure). The writer never changes a chunk
   * after handing it over, but a large chunk may be a view into exhibit bytes the builder
   * still uses: copy it before transferring its buffer to another thread (postMessage).
   */
  write(chunk: Uint8Array): void | Promise<void>;
}

/** Collects everything in memory (small packages, tests). */
export class MemorySink implements ByteSink {
  private readonly parts: Uint8Array[] = [];
  private length = 0;
  write(chunk: Uint8Array): void {
    this.parts.push(chunk);
    this.length += chunk.length;
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

const enc = new TextEncoder();
const latin1 = (s: string) => {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255;
  return b;
};

const BUFFER_SIZE = 256 * 1024;
const BIG = 64 * 1024;

export class StreamingPdfWriter {
  private offset = 0;
  private readonly offsets = new Map<number, number>();
  private buf = new Uint8Array(BUFFER_SIZE);
  private bufLen = 0;

  constructor(
    private readonly sink: ByteSink,
    private readonly context: PDFContext,
  ) {}

  get bytesWritten(): number {
    return this.offset;
  }

  /** %PDF-1.7 and a binary comment line. */
  async header(): Promise<void> {
    await this.raw(latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'));
  }

  private async raw(bytes: Uint8Array): Promise<void> {
    if (bytes.length >= BIG) {
      await this.flushBuffer();
      await this.sink.write(bytes);
    } else {
      if (this.bufLen + bytes.length > this.buf.length) await this.flushBuffer();
      this.buf.set(bytes, this.bufLen);
      this.bufLen += bytes.length;
    }
    this.offset += bytes.length;
  }

  private async flushBuffer(): Promise<void> {
    if (this.bufLen === 0) return;
    const chunk = this.buf.slice(0, this.bufLen);
    this.bufLen = 0;
    await this.sink.write(chunk);
  }

  private serialize(obj: PDFObject): Uint8Array {
    const b = new Uint8Array(obj.sizeInBytes());
    obj.copyBytesInto(b, 0);
    return b;
  }

  private begin(ref: PDFRef): Promise<void> {
    if (this.offsets.has(ref.objectNumber)) throw new Error(`object ${ref.objectNumber} written twice`);
    this.offsets.set(ref.objectNumber, this.offset);
    return this.raw(latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
  }

  /** Writes one object now. Large raw streams go out without being copied. */
  async writeObject(ref: PDFRef, obj: PDFObject): Promise<void> {
    if (obj instanceof PDFRawStream && obj.contents.length >= BIG) {
      await this.writeStreamParts(ref, obj.dict, [obj.contents]);
      return;
    }
    await this.begin(ref);
    await this.raw(this.serialize(obj));
    await this.raw(latin1('\nendobj\n'));
  }

  /** A stream whose data is given in parts (e.g. a PNG's IDAT chunks), never joined. */
  async writeStreamParts(ref: PDFRef, dict: PDFDict, parts: Uint8Array[]): Promise<void> {
    const length = parts.reduce((s, p) => s + p.length, 0);
    dict.set(PDFName.of('Length'), PDFNumber.of(length));
    await this.begin(ref);
    await this.raw(this.serialize(dict));
    await this.raw(latin1('\nstream\n'));
    for (const p of parts) await this.raw(p);
    await this.raw(latin1('\nendstream\nendobj\n'));
  }

  /**
   * A stream of unknown length from an async source (attached recordings): /Length is an
   * indirect object written after the data. `transform` sees every chunk (hashing).
   */
  async writeStreamFromChunks(ref: PDFRef, dict: PDFDict, chunks: AsyncIterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => void): Promise<number> {
    const lengthRef = this.context.nextRef();
    dict.set(PDFName.of('Length'), lengthRef);
    await this.begin(ref);
    await this.raw(this.serialize(dict));
    await this.raw(latin1('\nstream\n'));
    let length = 0;
    for await (const chunk of chunks) {
      onChunk?.(chunk);
      length += chunk.length;
      // Copy small chunks into the buffer; large ones are handed on (the caller must not reuse them).
      await this.raw(chunk);
    }
    await this.raw(latin1('\nendstream\nendobj\n'));
    await this.writeObject(lengthRef, PDFNumber.of(length));
    return length;
  }

  /** Writes the given context objects now and removes them from the context. */
  async flushRefs(refs: Iterable<PDFRef>): Promise<void> {
    for (const ref of refs) {
      const obj = this.context.lookup(ref);
      if (obj === undefined) continue;
      await this.writeObject(ref, obj);
      this.context.delete(ref);
    }
  }

  /** Writes every stream object with a number above `after` (copied pages, images) and drops it. */
  async flushStreamsAfter(after: number, keep: Set<number> = new Set()): Promise<void> {
    const refs: PDFRef[] = [];
    for (const [ref, obj] of this.context.enumerateIndirectObjects()) {
      if (ref.objectNumber > after && obj instanceof PDFStream && !keep.has(ref.objectNumber)) refs.push(ref);
    }
    await this.flushRefs(refs);
  }

  /**
   * Writes everything still in the context, a null for every number never used, the
   * cross-reference table and the trailer. Returns the file length.
   */
  async finish(trailer: { root: PDFRef; info?: PDFRef; id: Uint8Array }): Promise<number> {
    for (const [ref, obj] of this.context.enumerateIndirectObjects()) {
      if (!this.offsets.has(ref.objectNumber)) await this.writeObject(ref, obj);
    }
    const size = this.context.largestObjectNumber + 1;
    for (let n = 1; n < size; n++) {
      if (!this.offsets.has(n)) {
        this.offsets.set(n, this.offset);
        await this.raw(latin1(`${n} 0 obj\nnull\nendobj\n`));
      }
    }
    const xrefAt = this.offset;
    await this.raw(latin1(`xref\n0 ${size}\n0000000000 65535 f \n`));
    const rows: string[] = [];
    for (let n = 1; n < size; n++) {
      rows.push(`${String(this.offsets.get(n)).padStart(10, '0')} 00000 n \n`);
      if (rows.length === 4096) {
        await this.raw(latin1(rows.join('')));
        rows.length = 0;
      }
    }
    if (rows.length) await this.raw(latin1(rows.join('')));
    const idHex = Array.from(trailer.id, (b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
    const info = trailer.info ? ` /Info ${trailer.info.objectNumber} ${trailer.info.generationNumber} R` : '';
    await this.raw(
      enc.encode(
        `trailer\n<< /Size ${size} /Root ${trailer.root.objectNumber} ${trailer.root.generationNumber} R${info} /ID [<${idHex}> <${idHex}>] >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      ),
    );
    await this.flushBuffer();
    return this.offset;
  }
}
