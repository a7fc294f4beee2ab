// PNG → PDF image, the way img2pdf does it: a non-interlaced PNG without transparency keeps
// its IDAT data untouched as a FlateDecode image with PNG predictors (DecodeParms Predictor
// 15, Colors, BitsPerComponent, Columns); palette images keep their palette (Indexed).
// Everything else (alpha, tRNS, interlaced) is decoded and re-encoded losslessly: colour
// and alpha are split (SMask), colour keys become a /Mask, rows are re-filtered and deflated.
// Also: the "skeleton" of a passed-through PNG (every chunk but the IDAT data), from which
// the original file is rebuilt byte for byte for verification (see manifest.ts).
// Isomorphic: the caller's zlib (zlib.ts), fflate where a stream must be read exactly.
import { unzlibSync } from 'fflate';
import { crc32 } from './hash';
import { joined, webZlib, type Zlib } from './zlib';

export class PngError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PngError';
  }
}

/** An image that would need decoding but is too large to decode in memory. */
export class PngTooLargeError extends PngError {
  constructor(width: number, height: number) {
    super(`图片过大（${width}×${height}），无法无损转换`);
    this.name = 'PngTooLargeError';
  }
}

/** Decoding (alpha / interlaced PNGs) is limited to this many pixels (≈ 200 MB of RGBA). */
export const MAX_DECODE_PIXELS = 50_000_000;

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** One chunk of the skeleton: [type, base64 data] or, for IDAT runs, ['IDAT', length, count]. */
export type PngSkeletonEntry = [string, string] | ['IDAT', number, number];

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  palette: Uint8Array | undefined;
  trns: Uint8Array | undefined;
  /** The IDAT data, in order (subarrays of the input, no copy). */
  idat: Uint8Array[];
  idatLength: number;
  /** Every chunk CRC is right and nothing follows IEND: the skeleton rebuilds the file exactly. */
  exact: boolean;
  skeleton: PngSkeletonEntry[];
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

function typeOf(b: Uint8Array, o: number): string {
  return String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
}

// Base64 without DOM/Node helpers (btoa is absent in some workers' typings; Buffer is Node).
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    s += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    s += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    s += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  return s;
}

export function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = B64.indexOf(clean[i]!);
    const b = B64.indexOf(clean[i + 1] ?? 'A');
    const c = clean[i + 2] === undefined ? -1 : B64.indexOf(clean[i + 2]!);
    const d = clean[i + 3] === undefined ? -1 : B64.indexOf(clean[i + 3]!);
    const n = (a << 18) | (b << 12) | ((c < 0 ? 0 : c) << 6) | (d < 0 ? 0 : d);
    out[o++] = (n >> 16) & 255;
    if (c >= 0) out[o++] = (n >> 8) & 255;
    if (d >= 0) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

/** Reads the chunk structure (no decompression). Throws PngError on a malformed file. */
export function parsePng(bytes: Uint8Array): PngInfo {
  if (!isPng(bytes)) throw new PngError('不是 PNG 文件');
  let o = 8;
  let exact = true;
  let ihdr: Uint8Array | undefined;
  let palette: Uint8Array | undefined;
  let trns: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let idatLength = 0;
  const skeleton: PngSkeletonEntry[] = [];
  let ended = false;
  while (o + 12 <= bytes.length) {
    const len = u32(bytes, o);
    const type = typeOf(bytes, o + 4);
    if (o + 12 + len > bytes.length) throw new PngError(`${type} 数据块被截断`);
    const data = bytes.subarray(o + 8, o + 8 + len);
    const crc = u32(bytes, o + 8 + len);
    if (crc32(bytes.subarray(o + 4, o + 8 + len)) !== crc) {
      // Critical chunks must be intact; a bad CRC elsewhere only stops the exact rebuild.
      if (type === 'IHDR' || type === 'IDAT' || type === 'PLTE') throw new PngError(`${type} 数据块校验失败（文件已损坏）`);
      exact = false;
    }
    if (type === 'IHDR') ihdr = data;
    else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') trns = data;
    if (type === 'IDAT') {
      idat.push(data);
      idatLength += len;
      const last = skeleton[skeleton.length - 1];
      if (last && last[0] === 'IDAT' && last[1] === len) last[2] = (last[2] as number) + 1;
      else skeleton.push(['IDAT', len, 1]);
    } else {
      skeleton.push([type, toBase64(data)]);
    }
    o += 12 + len;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended) throw new PngError('缺少 IEND（文件被截断）');
  if (o !== bytes.length) exact = false;
  if (!ihdr || ihdr.length !== 13) throw new PngError('缺少 IHDR');
  if (idat.length === 0) throw new PngError('没有图像数据（IDAT）');
  const width = u32(ihdr, 0);
  const height = u32(ihdr, 4);
  const bitDepth = ihdr[8]!;
  const colorType = ihdr[9]!;
  const interlace = ihdr[12]!;
  if (width === 0 || height === 0 || width > 100_000 || height > 100_000) throw new PngError(`图像尺寸无效：${width}×${height}`);
  if (!(colorType in CHANNELS) || !DEPTHS[colorType]!.includes(bitDepth)) throw new PngError(`不支持的颜色类型 ${colorType}/${bitDepth}`);
  if (ihdr[10] !== 0 || ihdr[11] !== 0 || interlace > 1) throw new PngError('不支持的压缩或隔行方式');
  if (colorType === 3 && (!palette || palette.length % 3 !== 0 || palette.length === 0)) throw new PngError('调色板缺失');
  return { width, height, bitDepth, colorType, interlace, palette, trns, idat, idatLength, exact, skeleton };
}

/** Rebuilds the PNG file from its skeleton and the IDAT data (verification side). */
export function rebuildPng(skeleton: PngSkeletonEntry[], idatData: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.from(SIGNATURE)];
  let pos = 0;
  const chunk = (type: string, data: Uint8Array) => {
    const head = new Uint8Array(8);
    const len = data.length;
    head.set([len >>> 24, (len >>> 16) & 255, (len >>> 8) & 255, len & 255]);
    for (let i = 0; i < 4; i++) head[4 + i] = type.charCodeAt(i);
    const crc = crc32(data, crc32(head.subarray(4, 8)));
    parts.push(head, data, Uint8Array.of(crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255));
  };
  for (const entry of skeleton) {
    if (entry[0] === 'IDAT' && typeof entry[1] === 'number') {
      const [, len, count] = entry as ['IDAT', number, number];
      for (let i = 0; i < count; i++) {
        if (pos + len > idatData.length) throw new PngError('IDAT 数据不足');
        chunk('IDAT', idatData.subarray(pos, pos + len));
        pos += len;
      }
    } else {
      chunk(entry[0], fromBase64(entry[1] as string));
    }
  }
  if (pos !== idatData.length) throw new PngError('IDAT 数据多余');
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export type PdfColorSpace = 'DeviceGray' | 'DeviceRGB' | { indexed: Uint8Array; hival: number };

export interface PdfImagePlane {
  bitsPerComponent: number;
  /** Zlib data, in parts (passthrough keeps the IDAT chunks as they are). */
  data: Uint8Array[];
  /** PNG predictor parameters (Columns, Colors) when the data is PNG-filtered. */
  predictor?: { colors: number; columns: number };
}

export interface PdfImage {
  width: number;
  height: number;
  colorSpace: PdfColorSpace;
  color: PdfImagePlane;
  /** Soft mask (alpha), DeviceGray. */
  smask?: PdfImagePlane;
  /** Colour-key mask ranges [min max …] (tRNS of grey / RGB images). */
  colorKey?: number[];
  /** True when the IDAT data went in untouched. */
  passthrough: boolean;
}

/** Whether the IDAT stream can be used as it is. */
export function canPassThrough(info: PngInfo): boolean {
  return info.interlace === 0 && (info.colorType === 0 || info.colorType === 2 || info.colorType === 3) && !info.trns;
}

function colorSpaceOf(info: PngInfo): PdfColorSpace {
  if (info.colorType === 3) return { indexed: info.palette!, hival: info.palette!.length / 3 - 1 };
  return info.colorType === 0 || info.colorType === 4 ? 'DeviceGray' : 'DeviceRGB';
}

export async function pngToPdfImage(info: PngInfo, zlib: Zlib = webZlib): Promise<PdfImage> {
  const { width, height, bitDepth, colorType } = info;
  if (canPassThrough(info)) {
    return {
      width,
      height,
      colorSpace: colorSpaceOf(info),
      color: { bitsPerComponent: bitDepth, data: info.idat, predictor: { colors: CHANNELS[colorType]!, columns: width } },
      passthrough: true,
    };
  }
  if (width * height > MAX_DECODE_PIXELS) throw new PngTooLargeError(width, height);
  if ((colorType === 4 || colorType === 6) && info.interlace === 0) return splitAlpha(info, zlib);
  const pixels = decodePixels(info);
  const channels = CHANNELS[colorType]!;
  if (colorType === 4 || colorType === 6) {
    // Interlaced with alpha (rare): decoded, split with a plain byte loop, re-filtered.
    const bps = bitDepth / 8;
    const cpx = (channels - 1) * bps;
    const n = width * height;
    const color = new Uint8Array(n * cpx);
    const alpha = new Uint8Array(n * bps);
    let allOpaque = true;
    for (let i = 0, s = 0, c = 0, a = 0; i < n; i++) {
      for (let k = 0; k < cpx; k++) color[c++] = pixels[s++]!;
      for (let k = 0; k < bps; k++) {
        const v = pixels[s++]!;
        alpha[a++] = v;
        if (v !== 255) allOpaque = false;
      }
    }
    const image: PdfImage = { width, height, colorSpace: colorSpaceOf(info), color: await encodePlane(color, width, height, channels - 1, bitDepth, zlib), passthrough: false };
    if (!allOpaque) image.smask = await encodePlane(alpha, width, height, 1, bitDepth, zlib);
    return image;
  }
  const image: PdfImage = {
    width,
    height,
    colorSpace: colorSpaceOf(info),
    color: await encodePlane(pixels, width, height, channels, bitDepth, zlib),
    passthrough: false,
  };
  const trns = info.trns;
  if (trns && colorType === 3) {
    // Palette alpha → 8-bit soft mask.
    const alpha = new Uint8Array(width * height);
    const rowBytes = Math.ceil((width * bitDepth) / 8);
    let any = false;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const idx = sampleAt(pixels, y * rowBytes, x, bitDepth);
        const a = idx < trns.length ? trns[idx]! : 255;
        alpha[y * width + x] = a;
        if (a !== 255) any = true;
      }
    }
    if (any) image.smask = await encodePlane(alpha, width, height, 1, 8, zlib);
  } else if (trns && (colorType === 0 || colorType === 2)) {
    const max = 2 ** bitDepth - 1;
    const key: number[] = [];
    for (let c = 0; c < (colorType === 0 ? 1 : 3); c++) {
      const v = Math.min(((trns[c * 2] ?? 0) << 8) | (trns[c * 2 + 1] ?? 0), max);
      key.push(v, v);
    }
    image.colorKey = key;
  }
  return image;
}

/**
 * Non-interlaced grey+alpha / RGBA: PNG filters work byte by byte on the same sample of the
 * neighbouring pixels, so a filtered RGBA row with its alpha bytes taken out is a correctly
 * filtered RGB row (same filter type), and the alpha bytes alone a correctly filtered grey
 * row. The stream is inflated once and split with a plain byte loop; nothing is unfiltered or
 * re-filtered except the alpha samples, to learn whether they are all opaque (then there is
 * no soft mask: phones save most screenshots as RGBA with an opaque alpha).
 */
async function splitAlpha(info: PngInfo, zlib: Zlib): Promise<PdfImage> {
  const { width, height, bitDepth, colorType } = info;
  const bps = bitDepth / 8;
  const cpx = (colorType === 6 ? 3 : 1) * bps;
  const rowBytes = width * (cpx + bps);
  const raw = await inflateNative(info, zlib, (rowBytes + 1) * height);
  if (raw.length < (rowBytes + 1) * height) throw new PngError('图像数据不完整（文件被截断）');
  const colorRow = width * cpx;
  const alphaRow = width * bps;
  const color = new Uint8Array((colorRow + 1) * height);
  const alpha = new Uint8Array((alphaRow + 1) * height);
  // The unfiltered alpha samples of this row and of the row above (only while all opaque).
  let cur = new Uint8Array(alphaRow);
  let prev = new Uint8Array(alphaRow);
  let allOpaque = true;
  let s = 0;
  let c = 0;
  let a = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[s++]!;
    if (filter > 4) throw new PngError(`无效的行过滤类型 ${filter}（文件已损坏）`);
    color[c++] = filter;
    alpha[a++] = filter;
    const alphaStart = a;
    // Loops written out for 8-bit samples (every phone screenshot): the generic nested loop
    // took ~34 ms per 750×1624 RGBA image, these 5–10 ms.
    if (bps === 1 && cpx === 3) {
      for (let x = 0; x < width; x++, s += 4, c += 3) {
        color[c] = raw[s]!;
        color[c + 1] = raw[s + 1]!;
        color[c + 2] = raw[s + 2]!;
        alpha[a++] = raw[s + 3]!;
      }
    } else if (bps === 1) {
      for (let x = 0; x < width; x++, s += 2) {
        color[c++] = raw[s]!;
        alpha[a++] = raw[s + 1]!;
      }
    } else {
      for (let x = 0; x < width; x++) {
        for (let k = 0; k < cpx; k++) color[c++] = raw[s++]!;
        for (let k = 0; k < bps; k++) alpha[a++] = raw[s++]!;
      }
    }
    if (allOpaque) {
      unfilterRow(filter, alpha, alphaStart, cur, prev, y > 0, bps);
      for (let i = 0; i < alphaRow; i++) {
        if (cur[i] !== 255) {
          allOpaque = false;
          break;
        }
      }
      const t = prev;
      prev = cur;
      cur = t;
    }
  }
  const image: PdfImage = {
    width,
    height,
    colorSpace: colorSpaceOf(info),
    color: { bitsPerComponent: bitDepth, data: [await zlib.deflate(color)], predictor: { colors: cpx / bps, columns: width } },
    passthrough: false,
  };
  if (!allOpaque) image.smask = { bitsPerComponent: bitDepth, data: [await zlib.deflate(alpha)], predictor: { colors: 1, columns: width } };
  return image;
}

/** Unfilters one row (filtered bytes at src[from…]) into out, given the unfiltered row above. */
function unfilterRow(filter: number, src: Uint8Array, from: number, out: Uint8Array, above: Uint8Array, hasAbove: boolean, bpp: number): void {
  const n = out.length;
  // One loop per filter type: a branch per byte made this the slowest part of the split.
  const first = Math.min(bpp, n);
  switch (filter) {
    case 0:
      for (let i = 0; i < n; i++) out[i] = src[from + i]!;
      break;
    case 1:
      for (let i = 0; i < first; i++) out[i] = src[from + i]!;
      for (let i = first; i < n; i++) out[i] = (src[from + i]! + out[i - bpp]!) & 255;
      break;
    case 2:
      if (hasAbove) for (let i = 0; i < n; i++) out[i] = (src[from + i]! + above[i]!) & 255;
      else for (let i = 0; i < n; i++) out[i] = src[from + i]!;
      break;
    case 3:
      for (let i = 0; i < first; i++) out[i] = (src[from + i]! + ((hasAbove ? above[i]! : 0) >> 1)) & 255;
      for (let i = first; i < n; i++) out[i] = (src[from + i]! + ((out[i - bpp]! + (hasAbove ? above[i]! : 0)) >> 1)) & 255;
      break;
    default:
      for (let i = 0; i < first; i++) out[i] = (src[from + i]! + (hasAbove ? above[i]! : 0)) & 255; // paeth(0, up, 0) = up
      for (let i = first; i < n; i++) out[i] = (src[from + i]! + paeth(out[i - bpp]!, hasAbove ? above[i]! : 0, hasAbove ? above[i - bpp]! : 0)) & 255;
  }
}

/** Inflates with the given zlib (native: ≈ 10× fflate); a stricter native zlib refusing the stream (e.g. bytes after its end) lets fflate decide. */
async function inflateNative(info: PngInfo, zlib: Zlib, expected: number): Promise<Uint8Array> {
  try {
    return await zlib.inflate(info.idat, expected);
  } catch {
    return inflateIdat(info);
  }
}

function inflateIdat(info: PngInfo): Uint8Array {
  try {
    return unzlibSync(joined(info.idat));
  } catch {
    throw new PngError('图像数据无法解压（文件已损坏）');
  }
}

function sampleAt(row: Uint8Array, rowStart: number, x: number, depth: number): number {
  if (depth === 8) return row[rowStart + x]!;
  if (depth === 16) return (row[rowStart + x * 2]! << 8) | row[rowStart + x * 2 + 1]!;
  const perByte = 8 / depth;
  const byte = row[rowStart + Math.floor(x / perByte)]!;
  const shift = 8 - depth - (x % perByte) * depth;
  return (byte >> shift) & ((1 << depth) - 1);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the PNG row filters of one (sub)image in place order; returns rows without filter bytes. */
function unfilter(data: Uint8Array, offset: number, width: number, height: number, bitsPerPixel: number): { rows: Uint8Array; used: number } {
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const out = new Uint8Array(rowBytes * height);
  let p = offset;
  for (let y = 0; y < height; y++) {
    if (p + 1 + rowBytes > data.length) throw new PngError('图像数据不完整（文件被截断）');
    const filter = data[p++]!;
    const o = y * rowBytes;
    const prev = o - rowBytes;
    switch (filter) {
      case 0:
        out.set(data.subarray(p, p + rowBytes), o);
        break;
      case 1:
        for (let i = 0; i < rowBytes; i++) out[o + i] = (data[p + i]! + (i >= bpp ? out[o + i - bpp]! : 0)) & 255;
        break;
      case 2:
        for (let i = 0; i < rowBytes; i++) out[o + i] = (data[p + i]! + (y > 0 ? out[prev + i]! : 0)) & 255;
        break;
      case 3:
        for (let i = 0; i < rowBytes; i++) {
          const a = i >= bpp ? out[o + i - bpp]! : 0;
          const b = y > 0 ? out[prev + i]! : 0;
          out[o + i] = (data[p + i]! + ((a + b) >> 1)) & 255;
        }
        break;
      case 4:
        for (let i = 0; i < rowBytes; i++) {
          const a = i >= bpp ? out[o + i - bpp]! : 0;
          const b = y > 0 ? out[prev + i]! : 0;
          const c = y > 0 && i >= bpp ? out[prev + i - bpp]! : 0;
          out[o + i] = (data[p + i]! + paeth(a, b, c)) & 255;
        }
        break;
      default:
        throw new PngError(`无效的行过滤类型 ${filter}（文件已损坏）`);
    }
    p += rowBytes;
  }
  return { rows: out, used: p - offset };
}

const ADAM7: [number, number, number, number][] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** Inflates and unfilters (and de-interlaces) to packed rows without filter bytes. */
export function decodePixels(info: PngInfo): Uint8Array {
  const { width, height, bitDepth, colorType } = info;
  const bitsPerPixel = CHANNELS[colorType]! * bitDepth;
  const raw = inflateIdat(info);
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  if (info.interlace === 0) return unfilter(raw, 0, width, height, bitsPerPixel).rows;
  const out = new Uint8Array(rowBytes * height);
  let p = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const pw = Math.ceil((width - x0) / dx);
    const ph = Math.ceil((height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const { rows, used } = unfilter(raw, p, pw, ph, bitsPerPixel);
    p += used;
    const passRowBytes = Math.ceil((pw * bitsPerPixel) / 8);
    for (let py = 0; py < ph; py++) {
      const y = y0 + py * dy;
      for (let px = 0; px < pw; px++) {
        const x = x0 + px * dx;
        if (bitsPerPixel >= 8) {
          const n = bitsPerPixel >> 3;
          const s = py * passRowBytes + px * n;
          out.set(rows.subarray(s, s + n), y * rowBytes + x * n);
        } else {
          const v = sampleAt(rows, py * passRowBytes, px, bitsPerPixel);
          const perByte = 8 / bitsPerPixel;
          const di = y * rowBytes + Math.floor(x / perByte);
          const shift = 8 - bitsPerPixel - (x % perByte) * bitsPerPixel;
          out[di] = out[di]! | (v << shift);
        }
      }
    }
  }
  return out;
}

/** PNG-filters rows (adaptive: minimum sum of absolute differences, as libpng) and deflates. */
export async function encodePlane(rows: Uint8Array, width: number, height: number, channels: number, bitDepth: number, zlib: Zlib = webZlib): Promise<PdfImagePlane> {
  const bitsPerPixel = channels * bitDepth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const out = new Uint8Array((rowBytes + 1) * height);
  const cand = [0, 1, 2, 3, 4].map(() => new Uint8Array(rowBytes));
  for (let y = 0; y < height; y++) {
    const o = y * rowBytes;
    const prev = o - rowBytes;
    let best = 0;
    let bestSum = Infinity;
    for (let f = 0; f < 5; f++) {
      const c = cand[f]!;
      let sum = 0;
      for (let i = 0; i < rowBytes; i++) {
        const x = rows[o + i]!;
        const a = i >= bpp ? rows[o + i - bpp]! : 0;
        const b = y > 0 ? rows[prev + i]! : 0;
        const cc = y > 0 && i >= bpp ? rows[prev + i - bpp]! : 0;
        const v = f === 0 ? x : f === 1 ? x - a : f === 2 ? x - b : f === 3 ? x - ((a + b) >> 1) : x - paeth(a, b, cc);
        const byte = v & 255;
        c[i] = byte;
        sum += byte < 128 ? byte : 256 - byte;
        if (sum >= bestSum) break;
      }
      if (sum < bestSum) {
        bestSum = sum;
        best = f;
      }
    }
    out[y * (rowBytes + 1)] = best;
    out.set(cand[best]!, y * (rowBytes + 1) + 1);
  }
  return { bitsPerComponent: bitDepth, data: [await zlib.deflate(out)], predictor: { colors: channels, columns: width } };
}
