// Low-level PDF objects the builder writes itself: image XObjects (PNG passthrough, JPEG
// untouched), embedded files (attachments, streamed and hashed), the outline (bookmarks),
// the signature field placeholder (@signpdf's conventions), link and file-attachment
// annotations, and the EmbeddedFiles name tree.
import {
  PDFArray,
  PDFContext,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFPage,
  PDFRef,
  PDFString,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from '@cantoo/pdf-lib';
import { Zlib } from 'fflate';
import { toHex } from './hash';
import type { JpegInfo } from './jpeg';
import type { PdfImage, PdfImagePlane } from './png';
import type { StreamingPdfWriter } from './writer';

/** The @signpdf placeholder conventions (@signpdf/utils DEFAULT_BYTE_RANGE_PLACEHOLDER, SUBFILTER_ADOBE_PKCS7_DETACHED). */
export const BYTE_RANGE_PLACEHOLDER = '**********';
export const SUBFILTER = 'adbe.pkcs7.detached';
export const DEFAULT_SIGNATURE_LENGTH = 8192;

export type Matrix = [number, number, number, number, number, number];

/** Draws an XObject with a matrix (image: unit square; form: its own space). */
export function drawXObject(page: PDFPage, ref: PDFRef, m: Matrix, tag = 'Im'): void {
  const name = page.node.newXObject(tag, ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...m), drawObject(name), popGraphicsState());
}

function planeDict(ctx: PDFContext, width: number, height: number, plane: PdfImagePlane, extra: Record<string, unknown>): PDFDict {
  const dict = ctx.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: plane.bitsPerComponent,
    Filter: 'FlateDecode',
  });
  if (plane.predictor) {
    dict.set(PDFName.of('DecodeParms'), ctx.obj({ Predictor: 15, Colors: plane.predictor.colors, BitsPerComponent: plane.bitsPerComponent, Columns: plane.predictor.columns }));
  }
  for (const [k, v] of Object.entries(extra)) dict.set(PDFName.of(k), v as PDFDict);
  return dict;
}

/** Writes a PNG-derived image (and its soft mask) now; returns the image's ref. */
export async function writePngImage(w: StreamingPdfWriter, ctx: PDFContext, img: PdfImage): Promise<PDFRef> {
  const extra: Record<string, unknown> = {};
  if (img.smask) {
    const sref = ctx.nextRef();
    await w.writeStreamParts(sref, planeDict(ctx, img.width, img.height, img.smask, { ColorSpace: PDFName.of('DeviceGray') }), img.smask.data);
    extra.SMask = sref;
  }
  if (typeof img.colorSpace === 'string') {
    extra.ColorSpace = PDFName.of(img.colorSpace);
  } else {
    extra.ColorSpace = ctx.obj([
      PDFName.of('Indexed'),
      PDFName.of('DeviceRGB'),
      img.colorSpace.hival,
      PDFHexString.of(toHex(img.colorSpace.indexed.subarray(0, (img.colorSpace.hival + 1) * 3))),
    ]);
  }
  if (img.colorKey) extra.Mask = ctx.obj(img.colorKey);
  const ref = ctx.nextRef();
  await w.writeStreamParts(ref, planeDict(ctx, img.width, img.height, img.color, extra), img.color.data);
  return ref;
}

/** Writes a JPEG as it is (DCTDecode); returns the image's ref. */
export async function writeJpegImage(w: StreamingPdfWriter, ctx: PDFContext, bytes: Uint8Array, info: JpegInfo): Promise<PDFRef> {
  const colorSpace = info.components === 1 ? 'DeviceGray' : info.components === 4 ? 'DeviceCMYK' : 'DeviceRGB';
  const dict = ctx.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: info.width,
    Height: info.height,
    ColorSpace: colorSpace,
    BitsPerComponent: info.bitsPerComponent,
    Filter: 'DCTDecode',
  });
  // Adobe CMYK JPEGs are stored inverted (as pdf-lib does).
  if (info.components === 4) dict.set(PDFName.of('Decode'), ctx.obj([1, 0, 1, 0, 1, 0, 1, 0]));
  const ref = ctx.nextRef();
  await w.writeStreamParts(ref, dict, [bytes]);
  return ref;
}

/** Matrix that draws an image (unit square) into x,y,w,h as shown, for EXIF orientation 1–8. */
export function orientedImageMatrix(o: number, x: number, y: number, w: number, h: number): Matrix {
  switch (o) {
    case 2:
      return [-w, 0, 0, h, x + w, y];
    case 3:
      return [-w, 0, 0, -h, x + w, y + h];
    case 4:
      return [w, 0, 0, -h, x, y + h];
    case 5:
      return [0, -h, -w, 0, x + w, y + h];
    case 6:
      return [0, -h, w, 0, x, y + h];
    case 7:
      return [0, h, w, 0, x, y];
    case 8:
      return [0, h, -w, 0, x + w, y];
    default:
      return [w, 0, 0, h, x, y];
  }
}

export interface AttachmentSpec {
  /** Name tree key and /F: ASCII (exhibit-007.mp3). */
  key: string;
  /** /UF and the name shown by viewers (证据007_通话录音.mp3). */
  name: string;
  mime: string;
  description: string;
  size: number;
  /** Compress the stored bytes (text, WAV); media files are stored as they are. */
  compress: boolean;
  relationship: 'Source' | 'Data' | 'Supplement';
}

export function shouldCompress(mime: string): boolean {
  return /^text\/|json|xml|csv/.test(mime);
}

/**
 * Writes an embedded file from chunks (memory-bounded), calling onChunk with the ORIGINAL
 * bytes (for hashing). Returns the file specification's ref and the byte count.
 */
export async function writeEmbeddedFile(
  w: StreamingPdfWriter,
  ctx: PDFContext,
  spec: AttachmentSpec,
  chunks: AsyncIterable<Uint8Array>,
  onChunk?: (chunk: Uint8Array) => void,
): Promise<{ spec: PDFRef; size: number }> {
  const dict = ctx.obj({ Type: 'EmbeddedFile', Subtype: PDFName.of(spec.mime), Params: { Size: spec.size } });
  let size = 0;
  const counting = (async function* () {
    for await (const c of chunks) {
      size += c.length;
      onChunk?.(c);
      yield c;
    }
  })();
  let source: AsyncIterable<Uint8Array> = counting;
  if (spec.compress) {
    dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
    source = deflateChunks(counting);
  }
  const stream = ctx.nextRef();
  await w.writeStreamFromChunks(stream, dict, source);
  const fileSpec = ctx.obj({
    Type: 'Filespec',
    F: PDFString.of(spec.key),
    UF: PDFHexString.fromText(spec.name),
    EF: { F: stream, UF: stream },
    Desc: PDFHexString.fromText(spec.description),
    AFRelationship: spec.relationship,
  });
  return { spec: ctx.register(fileSpec), size };
}

async function* deflateChunks(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const out: Uint8Array[] = [];
  const z = new Zlib({ level: 6 });
  z.ondata = (data) => {
    out.push(data);
  };
  for await (const c of chunks) {
    z.push(c, false);
    while (out.length) yield out.shift()!;
  }
  z.push(new Uint8Array(0), true);
  while (out.length) yield out.shift()!;
}

export interface OutlineItem {
  title: string;
  page: PDFRef;
  top: number;
  children?: OutlineItem[];
  open?: boolean;
}

/** Builds the outline tree; returns the /Outlines dict ref. */
export function buildOutline(ctx: PDFContext, items: OutlineItem[]): PDFRef {
  const rootRef = ctx.nextRef();
  const countVisible = (list: OutlineItem[]): number => list.reduce((s, it) => s + 1 + (it.children && it.open !== false ? countVisible(it.children) : 0), 0);
  const make = (list: OutlineItem[], parent: PDFRef): PDFRef[] => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((it, i) => {
      const dict = ctx.obj({
        Title: PDFHexString.fromText(it.title),
        Parent: parent,
        Dest: [it.page, PDFName.of('XYZ'), null, it.top, null],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < list.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (it.children && it.children.length > 0) {
        const kids = make(it.children, refs[i]!);
        dict.set(PDFName.of('First'), kids[0]!);
        dict.set(PDFName.of('Last'), kids[kids.length - 1]!);
        const c = countVisible(it.children);
        dict.set(PDFName.of('Count'), PDFNumber.of(it.open === false ? -c : c));
      }
      ctx.assign(refs[i]!, dict);
    });
    return refs;
  };
  const top = make(items, rootRef);
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: top[0]!, Last: top[top.length - 1]!, Count: countVisible(items) }));
  return rootRef;
}

export interface SignatureFieldOptions {
  name: string;
  reason: string;
  location?: string;
  contactInfo?: string;
  signatureLength: number;
  date: Date;
}

/**
 * The signature field with a placeholder in exactly @signpdf's format: /ByteRange
 * [0 /********** /********** /**********] and /Contents <00…>, an invisible widget on the
 * signature page, an AcroForm with SigFlags 3. Names are UTF-16 text strings, so a
 * Chinese name is stored correctly (placeholder-pdf-lib writes PDFString.of(name)).
 */
export function addSignatureField(ctx: PDFContext, catalog: PDFDict, page: PDFPage, o: SignatureFieldOptions): void {
  const br = PDFName.of(BYTE_RANGE_PLACEHOLDER);
  const sig = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER,
    ByteRange: [0, br, br, br],
    Contents: PDFHexString.of('0'.repeat(o.signatureLength * 2)),
    Reason: PDFHexString.fromText(o.reason),
    M: PDFString.fromDate(o.date),
    Name: PDFHexString.fromText(o.name),
    ...(o.location ? { Location: PDFHexString.fromText(o.location) } : {}),
    ...(o.contactInfo ? { ContactInfo: PDFHexString.fromText(o.contactInfo) } : {}),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'Xieshang' } },
  });
  const sigRef = ctx.register(sig);
  const ap = ctx.register(ctx.formXObject([], { BBox: [0, 0, 0, 0], Resources: {} }));
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: sigRef,
      T: PDFHexString.fromText('数字签名'),
      F: 4,
      P: page.ref,
      AP: { N: ap },
    }),
  );
  page.node.addAnnot(widget);
  catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: [widget], SigFlags: 3 }));
}

export function addLink(ctx: PDFContext, page: PDFPage, rect: [number, number, number, number], target: PDFRef, top: number): void {
  page.node.addAnnot(
    ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: rect,
        Border: [0, 0, 0],
        F: 4,
        Dest: [target, PDFName.of('XYZ'), null, top, null],
      }),
    ),
  );
}

export function addFileAttachmentIcon(ctx: PDFContext, page: PDFPage, x: number, y: number, spec: PDFRef, description: string): void {
  page.node.addAnnot(
    ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'FileAttachment',
        Rect: [x, y, x + 12, y + 16],
        FS: spec,
        Contents: PDFHexString.fromText(description),
        Name: 'Paperclip',
        F: 4,
      }),
    ),
  );
}

/** The EmbeddedFiles name tree (keys sorted) and the catalog's /AF array. */
export function setEmbeddedFiles(ctx: PDFContext, catalog: PDFDict, files: { key: string; spec: PDFRef }[]): void {
  if (files.length === 0) return;
  const sorted = [...files].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const names = PDFArray.withContext(ctx);
  for (const f of sorted) {
    names.push(PDFString.of(f.key));
    names.push(f.spec);
  }
  catalog.set(PDFName.of('Names'), ctx.obj({ EmbeddedFiles: { Names: names } }));
  catalog.set(PDFName.of('AF'), ctx.obj(sorted.map((f) => f.spec)));
}
