// The exhibits, one at a time (never all in memory): read, hash-check against the
// recorded SHA-256, then
//   - images: one page each, fitted, under a caption band "证据 N：title — date"; JPEG
//     bytes untouched, PNG IDAT passed through (png.ts); EXIF orientation by matrix;
//   - PDFs: every page as a form XObject on its own page with the caption band (rotation,
//     crop box and annotation appearances kept), the original attached byte for byte;
//     encrypted → the password from the model or a named error; damaged → a named error
//     (loaded with throwOnInvalidObject, content streams decoded: never a silent blank);
//   - audio and other files: listed with their metadata and attached byte for byte,
//     streamed and hashed chunk by chunk.
// Large objects are written to the sink at once and dropped (writer.ts).
import {
  EncryptedPDFError,
  PDFArray,
  PDFInvalidObject,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFRawStream,
  PDFRef,
  PDFStream,
  decodePDFRawStream,
  TextRenderingMode,
  type PDFFont,
  type PDFContext,
  type PDFObject,
} from '@cantoo/pdf-lib';
import { zlibSync } from 'fflate';
import {
  BuildCancelledError,
  ExhibitDamagedError,
  ExhibitEmptyError,
  ExhibitHashMismatchError,
  ExhibitPasswordRequiredError,
  ExhibitUnreadableError,
  PackageInputError,
} from './errors';
import { bytesLabel } from './format';
import { dateCN } from '../time/beijing';
import type { IncrementalSha256 } from './hash';
import { isJpeg, jpegComplete, parseJpeg, JpegError } from './jpeg';
import { A4, FILL, GREY, INK, MARGIN, RULE, type Anchor, type Layout } from './layout';
import type { ManifestExhibit } from './manifest';
import type { Exhibit, ExhibitOcr, ExhibitSource } from './model';
import { addFileAttachmentIcon, drawXObject, orientedImageMatrix, shouldCompress, writeEmbeddedFile, writeJpegImage, writePngImage, type Matrix } from './objects';
import { isPng, parsePng, pngToPdfImage, PngError, PngTooLargeError, type PdfImage, type PngInfo } from './png';
import type { Zlib } from './zlib';
import type { StreamingPdfWriter } from './writer';

export interface ExhibitEnv {
  doc: PDFDocument;
  context: PDFContext;
  writer: StreamingPdfWriter;
  layout: Layout;
  zlib: Zlib;
  /** A new incremental SHA-256 (BuildOptions.sha256). */
  sha256: () => IncrementalSha256;
  /** The SHA-256 of a whole file read at once (WebCrypto, or BuildOptions.sha256 when given). */
  hashBytes: (bytes: Uint8Array) => Promise<string>;
  signal?: AbortSignal;
  /** Registers an attachment for the EmbeddedFiles name tree. */
  attach(key: string, spec: PDFRef): void;
}

export interface ExhibitOutcome {
  manifest: ManifestExhibit;
  anchor: Anchor;
  /** Page indexes (0-based) of the first and last page. */
  first: number;
  last: number;
}

const BAND = 44;
const FOOT = 46;
const SIDE = 26;

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new BuildCancelledError();
}

async function readWhole(e: Exhibit, source: ExhibitSource = e.source): Promise<Uint8Array> {
  try {
    if (source.read) return await source.read();
    const parts: Uint8Array[] = [];
    let n = 0;
    for await (const c of source.chunks!()) {
      parts.push(c);
      n += c.length;
    }
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  } catch (err) {
    if (err instanceof BuildCancelledError) throw err;
    throw new ExhibitUnreadableError(e.n, e.title, err instanceof Error ? err.message.slice(0, 120) : String(err));
  }
}

async function* chunksOf(e: Exhibit): AsyncIterable<Uint8Array> {
  if (e.source.chunks) {
    yield* e.source.chunks();
    return;
  }
  const whole = await e.source.read!();
  const step = 1 << 20;
  for (let o = 0; o < whole.length; o += step) yield whole.subarray(o, Math.min(whole.length, o + step));
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

function extOf(fileName: string, mime: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  if (m) return `.${m[1]!.toLowerCase()}`;
  const byMime: Record<string, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'image/jpeg': '.jpg', 'audio/mpeg': '.mp3' };
  return byMime[mime] ?? '.bin';
}

export function attachmentKey(e: Exhibit): string {
  return `exhibit-${String(e.n).padStart(3, '0')}${extOf(e.fileName, e.mime)}`;
}

function attachmentName(e: Exhibit): string {
  return `证据${String(e.n).padStart(3, '0')}_${e.fileName}`;
}

interface Pending {
  bytes: Promise<Uint8Array>;
  /** SHA-256 of the bytes, computed off the main thread (WebCrypto) while the file is laid out. */
  hash: Promise<string>;
  /** A PNG original's image data, converted while the exhibit before it is written (null: not done ahead). */
  png?: Promise<ConvertedPng | null>;
}

interface ConvertedPng {
  info: PngInfo;
  img: PdfImage;
}

/** Ahead of its turn only a PNG this small: two conversions at once stay a few tens of MB (a phone screenshot is 2–3 MP). */
const AHEAD_MAX_PIXELS = 8_000_000;

async function convertPng(info: PngInfo, zlib: Zlib): Promise<ConvertedPng> {
  return { info, img: await pngToPdfImage(info, zlib) };
}

/** A small PNG converted ahead of its turn; null for anything else (converted, or not, at its turn). */
async function convertAhead(bytes: Uint8Array, zlib: Zlib): Promise<ConvertedPng | null> {
  if (!isPng(bytes)) return null;
  const info = parsePng(bytes);
  return info.width * info.height <= AHEAD_MAX_PIXELS ? convertPng(info, zlib) : null;
}

export class ExhibitWriter {
  /** True while consecutive attached files share listing pages. */
  private inListing = false;
  /** The next exhibit's read, started early (at most one ahead: memory stays bounded). */
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly env: ExhibitEnv) {}

  /** Starts reading (and hashing) an image or PDF exhibit before its turn. */
  prefetch(e: Exhibit): void {
    if ((e.kind !== 'image' && e.kind !== 'pdf') || this.pending.has(e.n)) return;
    const bytes = readWhole(e);
    const hash = bytes.then((b) => this.env.hashBytes(b));
    // A PNG is converted too: its zlib work (thread pool, or the platform's streams) then
    // overlaps the writing of the exhibit before it (`package build` of the demo: −0.07 s).
    const png = e.kind === 'image' && !e.rendition ? bytes.then((b) => convertAhead(b, this.env.zlib)) : undefined;
    // Failures surface when the exhibit's turn comes (no unhandled rejection meanwhile).
    bytes.catch(() => {});
    hash.catch(() => {});
    png?.catch(() => {});
    this.pending.set(e.n, { bytes, hash, ...(png ? { png } : {}) });
  }

  private take(e: Exhibit): Pending {
    this.prefetch(e);
    const p = this.pending.get(e.n)!;
    this.pending.delete(e.n);
    return p;
  }

  private async checkHash(e: Exhibit, hash: Promise<string>): Promise<void> {
    if ((await hash) !== e.sha256) throw new ExhibitHashMismatchError(e.n, e.title);
  }

  private get L(): Layout {
    return this.env.layout;
  }

  private caption(e: Exhibit, page: PDFPage, width: number, height: number, extra: string): void {
    const L = this.L;
    page.drawRectangle({ x: 0, y: height - BAND, width, height: BAND, color: FILL });
    page.drawLine({ start: { x: 0, y: height - BAND }, end: { x: width, y: height - BAND }, thickness: 0.6, color: RULE });
    const title = `证据 ${e.n}：${e.title}${e.date ? ` — ${e.date}` : ''}`;
    const line1 = L.kit.ellipsize(title, 11.5, width - 2 * SIDE);
    L.drawLine(line1, SIDE, height - 6, 11.5, 20, INK, page);
    const line2 = L.kit.ellipsize(`${e.category}${extra ? `　${extra}` : ''}　原件 SHA-256：${e.sha256}`, 6.6, width - 2 * SIDE);
    L.drawLine(line2, SIDE, height - 27, 6.6, 12, GREY, page);
  }

  /** A fresh exhibit page (portrait or landscape A4) with the caption band; returns the free area. */
  private exhibitPage(e: Exhibit, landscape: boolean, extra: string): { page: PDFPage; area: { x: number; y: number; w: number; h: number } } {
    const size: [number, number] = landscape ? [A4[1], A4[0]] : A4;
    const page = this.L.newPage(size);
    this.inListing = false;
    this.caption(e, page, size[0], size[1], extra);
    return { page, area: { x: SIDE, y: FOOT, w: size[0] - 2 * SIDE, h: size[1] - BAND - FOOT - 8 } };
  }

  async image(e: Exhibit): Promise<ExhibitOutcome> {
    const { context, writer } = this.env;
    const pending = this.take(e);
    const original = await pending.bytes;
    if (original.length === 0) throw new ExhibitEmptyError(e.n, e.title);
    // A small file is checked first; a large one is hashed while it is parsed and written
    // (the output is discarded anyway if the hash does not match).
    if (original.length < 256 * 1024) await this.checkHash(e, pending.hash);
    checkAbort(this.env.signal);
    let bytes = original;
    let rendition = false;
    if (e.rendition) {
      bytes = await readWhole(e, e.rendition.source);
      rendition = true;
      if (bytes.length === 0) throw new ExhibitDamagedError(e.n, e.title, '预览图为空');
    }
    if (!isPng(bytes) && !isJpeg(bytes)) {
      // A format this builder cannot draw (HEIC, WebP …) and no rendition: list and attach.
      return this.attached(e, '图片格式无法直接显示，原件见附件');
    }
    let ref: PDFRef;
    let width: number;
    let height: number;
    let orientation = 1;
    let storage: ManifestExhibit['storage'] = 'attachment';
    let png: ManifestExhibit['png'];
    try {
      if (isPng(bytes)) {
        // Converted ahead only without a rendition (prefetch), so from these same bytes.
        const { info, img } = (await pending.png) ?? (await convertPng(parsePng(bytes), this.env.zlib));
        ref = await writePngImage(writer, context, img);
        width = info.width;
        height = info.height;
        if (!rendition && img.passthrough && info.exact) {
          storage = 'png';
          png = info.skeleton;
        }
      } else {
        const info = parseJpeg(bytes);
        if (!jpegComplete(bytes, info)) throw new JpegError('JPEG 文件不完整（被截断）');
        ref = await writeJpegImage(writer, context, bytes, info);
        width = info.width;
        height = info.height;
        orientation = info.orientation;
        if (!rendition) storage = 'jpeg';
      }
    } catch (err) {
      // Too large to convert (but not damaged): listed and attached, never refused.
      if (err instanceof PngTooLargeError) return this.attached(e, `${err.message}，原件见附件`);
      if (err instanceof PngError || err instanceof JpegError) throw new ExhibitDamagedError(e.n, e.title, err.message);
      throw err;
    }
    await this.checkHash(e, pending.hash);
    const [dw, dh] = orientation >= 5 ? [height, width] : [width, height];
    const { page, area } = this.exhibitPage(e, dw > dh * 1.05, `${width}×${height} 像素`);
    const scale = Math.min(area.w / dw, area.h / dh);
    const w = dw * scale;
    const h = dh * scale;
    const x = area.x + (area.w - w) / 2;
    const y = area.y + (area.h - h) / 2;
    drawXObject(page, ref, orientedImageMatrix(orientation, x, y, w, h));
    if (e.ocr) invisibleText(page, this.L.font, e.ocr, { x, y, w, h });
    page.drawRectangle({ x, y, width: w, height: h, borderColor: RULE, borderWidth: 0.4 });
    const index = this.L.indexOf(page);
    const manifest: ManifestExhibit = {
      ...this.base(e, original.length),
      pages: [index + 1, index + 1],
      storage,
      ...(storage === 'jpeg' || storage === 'png' ? { object: ref.objectNumber } : {}),
      ...(png ? { png } : {}),
    };
    if (storage === 'attachment') {
      manifest.attachment = await this.attachBytes(e, original);
    }
    return { manifest, anchor: { page, pageIndex: index, y: page.getHeight() }, first: index, last: index };
  }

  private base(e: Exhibit, size: number): Omit<ManifestExhibit, 'pages' | 'storage'> {
    return { n: e.n, title: e.title, category: e.category, date: e.date, sha256: e.sha256, size, mime: e.mime, kind: e.kind, fileName: e.fileName };
  }

  private async attachBytes(e: Exhibit, bytes: Uint8Array): Promise<string> {
    const key = attachmentKey(e);
    const { spec } = await writeEmbeddedFile(
      this.env.writer,
      this.env.context,
      {
        key,
        name: attachmentName(e),
        mime: e.mime,
        description: `证据 ${e.n}：${e.title}（原件，SHA-256 ${e.sha256}）`,
        size: bytes.length,
        compress: shouldCompress(e.mime),
        relationship: 'Source',
      },
      once(bytes),
    );
    this.env.attach(key, spec);
    return key;
  }

  async pdf(e: Exhibit): Promise<ExhibitOutcome> {
    const { context, writer } = this.env;
    const pending = this.take(e);
    const bytes = await pending.bytes;
    if (bytes.length === 0) throw new ExhibitEmptyError(e.n, e.title);
    await this.checkHash(e, pending.hash);
    checkAbort(this.env.signal);
    const src = await this.loadPdf(e, bytes);
    let pages: PDFPage[];
    try {
      pages = src.getPages();
    } catch (err) {
      throw new ExhibitDamagedError(e.n, e.title, `页面目录损坏：${shortMessage(err)}`);
    }
    if (pages.length === 0) throw new ExhibitDamagedError(e.n, e.title, '没有页面');
    const watermark = context.largestObjectNumber;
    const copier = PDFObjectCopier.for(src.context, context);
    let first = -1;
    let last = -1;
    let anyContent = false;
    let anchor: Anchor | undefined;
    for (let i = 0; i < pages.length; i++) {
      checkAbort(this.env.signal);
      let form: { ref: PDFRef; bbox: [number, number, number, number]; rotate: number; empty: boolean };
      try {
        form = this.pageAsForm(src, pages[i]!, copier);
      } catch (err) {
        if (err instanceof BuildCancelledError) throw err;
        throw new ExhibitDamagedError(e.n, e.title, `第 ${i + 1} 页无法读取：${shortMessage(err)}`);
      }
      if (!form.empty) anyContent = true;
      const [x0, y0, x1, y1] = form.bbox;
      const bw = x1 - x0;
      const bh = y1 - y0;
      const quarter = form.rotate % 180 !== 0;
      const dw = quarter ? bh : bw;
      const dh = quarter ? bw : bh;
      const { page, area } = this.exhibitPage(e, dw > dh * 1.05, `第 ${i + 1}/${pages.length} 页`);
      const scale = Math.min(area.w / dw, area.h / dh, 2);
      const w = dw * scale;
      const h = dh * scale;
      const ox = area.x + (area.w - w) / 2;
      const oy = area.y + (area.h - h) / 2;
      drawXObject(page, form.ref, formMatrix(form.bbox, form.rotate, scale, ox, oy), 'Fm');
      page.drawRectangle({ x: ox, y: oy, width: w, height: h, borderColor: RULE, borderWidth: 0.4 });
      const index = this.L.indexOf(page);
      if (first < 0) {
        first = index;
        anchor = { page, pageIndex: index, y: page.getHeight() };
      }
      last = index;
      // Copied streams (content, images, fonts of the exhibit) go out now.
      await writer.flushStreamsAfter(watermark);
    }
    if (!anyContent) throw new ExhibitDamagedError(e.n, e.title, '所有页面都没有内容，文件可能已损坏');
    const manifest: ManifestExhibit = { ...this.base(e, bytes.length), pages: [first + 1, last + 1], storage: 'attachment' };
    manifest.attachment = await this.attachBytes(e, bytes);
    return { manifest, anchor: anchor!, first, last };
  }

  private async loadPdf(e: Exhibit, bytes: Uint8Array): Promise<PDFDocument> {
    const password = e.password ?? ''; // owner-only encryption opens with the empty user password
    const passwordError = (err: unknown): ExhibitPasswordRequiredError | undefined => {
      const msg = err instanceof Error ? err.message : String(err);
      if (err instanceof EncryptedPDFError || /NEEDS PASSWORD/.test(msg)) return new ExhibitPasswordRequiredError(e.n, e.title, e.password !== undefined);
      if (/Password incorrect/.test(msg)) return new ExhibitPasswordRequiredError(e.n, e.title, true);
      return undefined;
    };
    try {
      // Strict: an object that cannot be parsed is an error, never a silently blank page.
      return await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false, password });
    } catch (strictErr) {
      const pw = passwordError(strictErr);
      if (pw) throw pw;
      if (!looksEncrypted(bytes)) throw new ExhibitDamagedError(e.n, e.title, shortMessage(strictErr));
      // pdf-lib parses an encrypted file twice: first without decrypting (to read the
      // /Encrypt dictionary), where encrypted object streams are unreadable by design. That
      // pass must be lenient; the decrypted result is then checked object by object.
      let doc: PDFDocument;
      try {
        doc = await PDFDocument.load(bytes, { throwOnInvalidObject: false, updateMetadata: false, password });
      } catch (err) {
        throw passwordError(err) ?? new ExhibitDamagedError(e.n, e.title, shortMessage(err));
      }
      // The cross-reference stream is never encrypted, so "decrypting" it yields an invalid
      // object: harmless (it is not part of the document). Anything else is damage.
      const isXref = (o: PDFInvalidObject) => {
        const raw = new Uint8Array(Math.min(o.sizeInBytes(), 1 << 20));
        if (raw.length === o.sizeInBytes()) o.copyBytesInto(raw, 0);
        let head = '';
        for (let i = 0; i < Math.min(raw.length, 400); i++) head += String.fromCharCode(raw[i]!);
        return /\/Type\s*\/XRef/.test(head);
      };
      if (doc.context.enumerateIndirectObjects().some(([, o]) => o instanceof PDFInvalidObject && !isXref(o))) {
        throw new ExhibitDamagedError(e.n, e.title, '解密后有无法识别的对象');
      }
      return doc;
    }
  }

  /** One source page → a form XObject in the package (content decoded: a damaged stream fails here). */
  private pageAsForm(src: PDFDocument, page: PDFPage, copier: PDFObjectCopier): { ref: PDFRef; bbox: [number, number, number, number]; rotate: number; empty: boolean } {
    const { context } = this.env;
    const leaf = page.node;
    const nums = (arr: PDFArray) => arr.asArray().map((o) => src.context.lookup(o, PDFNumber).asNumber());
    const media = nums(leaf.MediaBox());
    const crop = leaf.CropBox();
    const box = crop && crop.size() === 4 ? nums(crop) : media;
    if (media.length !== 4 || box.length !== 4) throw new Error('页面尺寸无效');
    let [x0, y0, x1, y1] = [Math.min(box[0]!, box[2]!), Math.min(box[1]!, box[3]!), Math.max(box[0]!, box[2]!), Math.max(box[1]!, box[3]!)];
    // The crop box is clipped to the media box.
    x0 = Math.max(x0, Math.min(media[0]!, media[2]!));
    y0 = Math.max(y0, Math.min(media[1]!, media[3]!));
    x1 = Math.min(x1, Math.max(media[0]!, media[2]!));
    y1 = Math.min(y1, Math.max(media[1]!, media[3]!));
    if (!(x1 > x0 && y1 > y0)) throw new Error('页面尺寸无效');
    const rotate = (((leaf.Rotate()?.asNumber() ?? 0) % 360) + 360) % 360;
    const streams: PDFStream[] = [];
    const contentsEntry = leaf.get(PDFName.of('Contents'));
    const contents = src.context.lookup(contentsEntry);
    // A reference to an object that is not there (a truncated file "recovered") is damage.
    if (contentsEntry instanceof PDFRef && contents === undefined) throw new Error('页面内容缺失');
    if (contents instanceof PDFStream) streams.push(contents);
    else if (contents instanceof PDFArray) {
      for (let i = 0; i < contents.size(); i++) {
        const s = contents.lookup(i);
        if (!(s instanceof PDFStream)) throw new Error('页面内容缺失');
        streams.push(s);
      }
    }
    const decoded = streams.map((s) => (s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents()));
    const empty = decoded.every((d) => d.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09));
    const resources = leaf.Resources();
    const res = resources ? (copier.copy(resources) as PDFDict) : context.obj({});
    const annots = this.annotationAppearances(src, leaf.Annots(), copier, res);
    const dict = {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [x0, y0, x1, y1],
      Resources: res,
    };
    let stream: PDFObject;
    const single = streams[0];
    if (streams.length === 1 && annots === '' && single instanceof PDFRawStream) {
      // Keep the compressed bytes as they are (no re-encoding).
      const d = context.obj(dict);
      const filter = single.dict.get(PDFName.of('Filter'));
      const parms = single.dict.get(PDFName.of('DecodeParms'));
      if (filter) d.set(PDFName.of('Filter'), copier.copy(src.context.lookup(filter) ?? filter));
      if (parms) d.set(PDFName.of('DecodeParms'), copier.copy(src.context.lookup(parms) ?? parms));
      stream = PDFRawStream.of(d, single.contents);
    } else {
      const enc = new TextEncoder();
      const parts = [enc.encode('q\n'), ...decoded.flatMap((d) => [d, enc.encode('\n')]), enc.encode('Q\n'), enc.encode(annots)];
      const total = parts.reduce((s, p) => s + p.length, 0);
      const joined = new Uint8Array(total);
      let o = 0;
      for (const p of parts) {
        joined.set(p, o);
        o += p.length;
      }
      stream = PDFRawStream.of(context.obj({ ...dict, Filter: 'FlateDecode' }), zlibSync(joined, { level: 6 }));
    }
    return { ref: context.register(stream), bbox: [x0, y0, x1, y1], rotate, empty: empty && annots === '' };
  }

  /** Visible annotation appearances (filled form fields, stamps) drawn into the form. */
  private annotationAppearances(src: PDFDocument, annots: PDFArray | undefined, copier: PDFObjectCopier, res: PDFDict): string {
    if (!annots) return '';
    const { context } = this.env;
    let ops = '';
    let k = 0;
    for (let i = 0; i < annots.size(); i++) {
      const a = src.context.lookup(annots.get(i));
      if (!(a instanceof PDFDict)) continue;
      const subtype = a.lookup(PDFName.of('Subtype'));
      if (subtype === PDFName.of('Link') || subtype === PDFName.of('Popup')) continue;
      const flags = (a.lookup(PDFName.of('F')) as PDFNumber | undefined)?.asNumber?.() ?? 0;
      if (flags & (2 | 32)) continue;
      const ap = a.lookup(PDFName.of('AP'));
      if (!(ap instanceof PDFDict)) continue;
      let n = ap.lookup(PDFName.of('N'));
      if (n instanceof PDFDict && !(n instanceof PDFStream)) {
        const as = a.lookup(PDFName.of('AS'));
        n = as instanceof PDFName ? n.lookup(as) : undefined;
      }
      if (!(n instanceof PDFStream)) continue;
      const rect = (a.lookup(PDFName.of('Rect')) as PDFArray | undefined)?.asArray().map((o) => src.context.lookup(o, PDFNumber).asNumber());
      if (!rect || rect.length !== 4) continue;
      const bboxArr = (n.dict.lookup(PDFName.of('BBox')) as PDFArray | undefined)?.asArray().map((o) => src.context.lookup(o, PDFNumber).asNumber()) ?? [0, 0, 1, 1];
      const mArr = (n.dict.lookup(PDFName.of('Matrix')) as PDFArray | undefined)?.asArray().map((o) => src.context.lookup(o, PDFNumber).asNumber()) ?? [1, 0, 0, 1, 0, 0];
      const corners = [
        [bboxArr[0]!, bboxArr[1]!],
        [bboxArr[2]!, bboxArr[1]!],
        [bboxArr[0]!, bboxArr[3]!],
        [bboxArr[2]!, bboxArr[3]!],
      ].map(([x, y]) => [mArr[0]! * x! + mArr[2]! * y! + mArr[4]!, mArr[1]! * x! + mArr[3]! * y! + mArr[5]!]);
      const tx0 = Math.min(...corners.map((c) => c[0]!));
      const ty0 = Math.min(...corners.map((c) => c[1]!));
      const tx1 = Math.max(...corners.map((c) => c[0]!));
      const ty1 = Math.max(...corners.map((c) => c[1]!));
      const rx0 = Math.min(rect[0]!, rect[2]!);
      const ry0 = Math.min(rect[1]!, rect[3]!);
      const sx = tx1 > tx0 ? Math.abs(rect[2]! - rect[0]!) / (tx1 - tx0) : 1;
      const sy = ty1 > ty0 ? Math.abs(rect[3]! - rect[1]!) / (ty1 - ty0) : 1;
      const ref = context.register(copier.copy(n));
      let xobjects = res.lookup(PDFName.of('XObject'));
      if (!(xobjects instanceof PDFDict)) {
        xobjects = context.obj({});
        res.set(PDFName.of('XObject'), xobjects as PDFDict);
      }
      const name = `XsAnnot${++k}`;
      (xobjects as PDFDict).set(PDFName.of(name), ref);
      const f = (v: number) => (Number.isFinite(v) ? Number(v.toFixed(4)) : 0);
      ops += `q ${f(sx)} 0 0 ${f(sy)} ${f(rx0 - tx0 * sx)} ${f(ry0 - ty0 * sy)} cm /${name} Do Q\n`;
    }
    return ops;
  }

  /** Audio and other files (and images that cannot be drawn): listed and attached, streamed. */
  async attached(e: Exhibit, note?: string): Promise<ExhibitOutcome> {
    const L = this.L;
    const { writer, context } = this.env;
    const key = attachmentKey(e);
    const hasher = this.env.sha256();
    let spec: PDFRef;
    let size: number;
    try {
      ({ spec, size } = await writeEmbeddedFile(
        writer,
        context,
        {
          key,
          name: attachmentName(e),
          mime: e.mime,
          description: `证据 ${e.n}：${e.title}（原件，SHA-256 ${e.sha256}）`,
          size: e.size,
          compress: shouldCompress(e.mime),
          relationship: 'Source',
        },
        chunksOf(e),
        (c) => {
          hasher.update(c);
        },
      ));
    } catch (err) {
      if (err instanceof BuildCancelledError || err instanceof PackageInputError) throw err;
      throw new ExhibitUnreadableError(e.n, e.title, err instanceof Error ? err.message.slice(0, 120) : String(err));
    }
    if (hasher.hex() !== e.sha256) throw new ExhibitHashMismatchError(e.n, e.title);
    this.env.attach(key, spec);
    checkAbort(this.env.signal);

    // The listing block: a band like the image captions, then the metadata.
    if (!this.inListing) {
      L.newPage();
      this.inListing = true;
    }
    L.ensure(150);
    const page = L.page;
    const top = L.y;
    const title = L.kit.ellipsize(`证据 ${e.n}：${e.title}${e.date ? ` — ${e.date}` : ''}`, 11.5, L.width - 30);
    page.drawRectangle({ x: MARGIN.left, y: top - 26, width: L.width, height: 26, color: FILL });
    L.drawLine(title, MARGIN.left + 6, top - 3, 11.5, 20);
    addFileAttachmentIcon(context, page, MARGIN.left + L.width - 18, top - 22, spec, `证据 ${e.n}：${e.title}`);
    L.y -= 32;
    const rows: [string, string][] = [
      ['类别', e.category],
      ['文件名', e.fileName],
      ['类型', e.mime],
      ['大小', `${bytesLabel(size)}（${size} 字节）`],
    ];
    if (e.date) rows.push(['日期', dateCN(e.date)]);
    for (const [k, v] of Object.entries(e.meta)) rows.push([k, v]);
    rows.push(['SHA-256', e.sha256]);
    rows.push(['附件', `${attachmentName(e)}（已按原样嵌入本 PDF，可在阅读器的“附件”面板中打开或另存）`]);
    if (note) rows.push(['说明', note]);
    L.keyValues(rows, { size: 9, labelWidth: 70 });
    L.gap(10);
    const index = L.indexOf(page);
    const lastIndex = L.indexOf(L.page);
    return {
      manifest: { ...this.base(e, size), pages: [index + 1, lastIndex + 1], storage: 'attachment', attachment: key },
      anchor: { page, pageIndex: index, y: top },
      first: index,
      last: lastIndex,
    };
  }

  /**
   * A large recording listed by name, duration and SHA-256 instead of embedded (issue 10:
   * e-mail and upload forms take about 20 MB). The original stays with the applicant; the
   * hash recorded when it was imported lets the creditor check the copy it asks for.
   */
  listed(e: Exhibit): ExhibitOutcome {
    const L = this.L;
    if (!this.inListing) {
      L.newPage();
      this.inListing = true;
    }
    L.ensure(150);
    const page = L.page;
    const top = L.y;
    const title = L.kit.ellipsize(`证据 ${e.n}：${e.title}${e.date ? ` — ${dateCN(e.date)}` : ''}`, 11.5, L.width - 30);
    page.drawRectangle({ x: MARGIN.left, y: top - 26, width: L.width, height: 26, color: FILL });
    L.drawLine(title, MARGIN.left + 6, top - 3, 11.5, 20);
    L.y -= 32;
    const rows: [string, string][] = [
      ['类别', e.category],
      ['文件名', e.fileName],
      ['类型', e.mime],
      ['大小', `${bytesLabel(e.size)}（${e.size} 字节）`],
    ];
    if (e.date) rows.push(['日期', dateCN(e.date)]);
    for (const [k, v] of Object.entries(e.meta)) rows.push([k, v]);
    rows.push(['SHA-256', e.sha256]);
    rows.push(['原件', '文件较大，未嵌入本 PDF。原件由申请人保存，可应要求另行提供，并可用上列 SHA-256 值核对未被改动。']);
    L.keyValues(rows, { size: 9, labelWidth: 70 });
    L.gap(10);
    const index = L.indexOf(page);
    const lastIndex = L.indexOf(L.page);
    return {
      manifest: { ...this.base(e, e.size), pages: [index + 1, lastIndex + 1], storage: 'listed' },
      anchor: { page, pageIndex: index, y: top },
      first: index,
      last: lastIndex,
    };
  }
}

/**
 * The recognised text laid over the image it came from, invisible (text render mode 3): a
 * PDF reader finds and copies it where it is seen. Each line is sized to span its box's
 * width (capped by the box's height), its baseline a fifth of the box above the box's bottom.
 */
function invisibleText(page: PDFPage, font: PDFFont, ocr: ExhibitOcr, at: { x: number; y: number; w: number; h: number }): void {
  const sx = at.w / ocr.width;
  const sy = at.h / ocr.height;
  for (const line of ocr.lines) {
    const text = line.text.replace(/[\u0000-\u001f\u007f]/g, '').trim();
    if (!text) continue;
    const boxW = line.box.w * sx;
    const boxH = line.box.h * sy;
    const unit = font.widthOfTextAtSize(text, 1);
    if (!(unit > 0) || !(boxW > 0) || !(boxH > 0)) continue;
    const size = Math.max(1, Math.min(boxW / unit, boxH));
    page.drawText(text, {
      x: at.x + line.box.x * sx,
      y: at.y + at.h - (line.box.y + line.box.h) * sy + boxH * 0.2,
      size,
      font,
      renderMode: TextRenderingMode.Invisible,
    });
  }
}

function shortMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 100);
}

/** An /Encrypt entry in the last trailer (or cross-reference stream) of the file. */
function looksEncrypted(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 16 * 1024));
  let s = '';
  for (let i = 0; i < tail.length; i++) s += String.fromCharCode(tail[i]!);
  return s.includes('/Encrypt');
}

/** Matrix placing a form with bbox and /Rotate at (ox, oy) scaled by s, as a viewer would show it. */
export function formMatrix(bbox: [number, number, number, number], rotate: number, s: number, ox: number, oy: number): Matrix {
  const [x0, y0, x1, y1] = bbox;
  const w = x1 - x0;
  const h = y1 - y0;
  // R maps (u, v) = (x − x0, y − y0) to display coordinates (clockwise /Rotate).
  let r: Matrix;
  switch (rotate) {
    case 90:
      r = [0, -1, 1, 0, 0, w];
      break;
    case 180:
      r = [-1, 0, 0, -1, w, h];
      break;
    case 270:
      r = [0, 1, -1, 0, h, 0];
      break;
    default:
      r = [1, 0, 0, 1, 0, 0];
  }
  const [a, b, c, d, e, f] = r;
  // M = T(ox, oy) · S(s) · R · T(−x0, −y0)
  return [s * a, s * b, s * c, s * d, s * (e - a * x0 - c * y0) + ox, s * (f - b * x0 - d * y0) + oy];
}
