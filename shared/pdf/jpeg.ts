// JPEG header reading: size, components, Adobe transform, EXIF orientation. The bytes go
// into the PDF untouched (DCTDecode); orientation is applied by the drawing matrix.

export class JpegError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JpegError';
  }
}

export interface JpegInfo {
  width: number;
  height: number;
  components: number;
  bitsPerComponent: number;
  /** EXIF orientation 1–8 (1 = as stored). */
  orientation: number;
  /** Offset of the first SOF marker (the scan data follows it). */
  frameAt: number;
}

export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function exifOrientation(seg: Uint8Array): number {
  // "Exif\0\0" then a TIFF header.
  if (seg.length < 14 || String.fromCharCode(...seg.subarray(0, 4)) !== 'Exif') return 1;
  const t = seg.subarray(6);
  const le = t[0] === 0x49 && t[1] === 0x49;
  const u16 = (o: number) => (le ? t[o]! | (t[o + 1]! << 8) : (t[o]! << 8) | t[o + 1]!);
  const u32 = (o: number) => (le ? (t[o]! | (t[o + 1]! << 8) | (t[o + 2]! << 16)) + t[o + 3]! * 2 ** 24 : t[o]! * 2 ** 24 + ((t[o + 1]! << 16) | (t[o + 2]! << 8) | t[o + 3]!));
  if (t.length < 8) return 1;
  const ifd = u32(4);
  if (ifd + 2 > t.length) return 1;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > t.length) break;
    if (u16(e) === 0x0112) {
      const v = u16(e + 8);
      return v >= 1 && v <= 8 ? v : 1;
    }
  }
  return 1;
}

export function parseJpeg(bytes: Uint8Array): JpegInfo {
  if (!isJpeg(bytes)) throw new JpegError('不是 JPEG 文件');
  let o = 2;
  let orientation = 1;
  while (o + 4 <= bytes.length) {
    if (bytes[o] !== 0xff) throw new JpegError('JPEG 标记损坏');
    const marker = bytes[o + 1]!;
    if (marker === 0xff) {
      o++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      o += 2;
      continue;
    }
    const len = (bytes[o + 2]! << 8) | bytes[o + 3]!;
    if (len < 2 || o + 2 + len > bytes.length) throw new JpegError('JPEG 数据段被截断');
    const seg = bytes.subarray(o + 4, o + 2 + len);
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(seg);
    if (SOF.has(marker)) {
      if (seg.length < 6) throw new JpegError('JPEG 帧头损坏');
      const bitsPerComponent = seg[0]!;
      const height = (seg[1]! << 8) | seg[2]!;
      const width = (seg[3]! << 8) | seg[4]!;
      const components = seg[5]!;
      if (width === 0 || height === 0) throw new JpegError('JPEG 尺寸无效');
      if (![1, 3, 4].includes(components)) throw new JpegError(`不支持的颜色分量数 ${components}`);
      if (bitsPerComponent !== 8) throw new JpegError(`不支持 ${bitsPerComponent} 位 JPEG`);
      return { width, height, components, bitsPerComponent, orientation, frameAt: o };
    }
    if (marker === 0xda) break;
    o += 2 + len;
  }
  throw new JpegError('找不到 JPEG 帧头（文件被截断或损坏）');
}

/**
 * Whether the JPEG has its end-of-image marker after the frame (a truncated photo still
 * decodes partly: refuse it, named). FF D9 cannot occur inside entropy-coded data (every FF
 * there is followed by 00 or a restart marker), and phones often append data after EOI
 * (Samsung trailers, MPF images), so search backwards from the end.
 */
export function jpegComplete(bytes: Uint8Array, info: JpegInfo): boolean {
  for (let i = bytes.length - 2; i > info.frameAt; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}
