// Small, real evidence files made on the fly (kept tiny: 2 cores are shared): PNG and
// JPEG screenshots, a JPEG with EXIF, PDFs with a Chinese text layer (plain, encrypted),
// WAV recordings, HEIC, an .exe, an email. No test framework here: the e2e specs use it too.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { PDFDocument } from '@cantoo/pdf-lib';
import fontkit from '@cantoo/fontkit';

export const FONT = path.resolve(__dirname, '../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

/** A noisy screenshot-like image (distinct bytes each call unless `seed` repeats). */
export async function png(width = 120, height = 240, seed?: number): Promise<Buffer> {
  const raw = seed === undefined ? randomBytes(width * height * 3) : Buffer.alloc(width * height * 3, seed);
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

export async function jpeg(width = 120, height = 240, exif?: { dateTimeOriginal?: string; offset?: string; orientation?: number }): Promise<Buffer> {
  let img = sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 });
  if (exif) {
    img = img.withExif({
      IFD0: { Make: 'XieshangTest' },
      IFD2: {
        ...(exif.dateTimeOriginal ? { DateTimeOriginal: exif.dateTimeOriginal } : {}),
        ...(exif.offset ? { OffsetTimeOriginal: exif.offset } : {}),
      },
    });
    if (exif.orientation) img = img.withMetadata({ orientation: exif.orientation });
  }
  return img.toBuffer();
}

export async function pdf(lines: string[], opts: { userPassword?: string; pages?: number } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fs.readFileSync(FONT), { subset: true });
  doc.setCreationDate(new Date('2024-10-18T06:30:22Z'));
  for (let p = 0; p < (opts.pages ?? 1); p++) {
    const page = doc.addPage([420, 595]);
    lines.forEach((line, i) => page.drawText(line, { x: 40, y: 540 - i * 24, size: 14, font }));
  }
  if (opts.userPassword) doc.encrypt({ userPassword: opts.userPassword, ownerPassword: `${opts.userPassword}-owner` });
  return Buffer.from(await doc.save());
}

/** A PCM WAV (8 kHz mono, 16-bit), optionally with a RIFF INFO creation date (ICRD). */
export function wav(seconds = 1, icrd?: string): Buffer {
  const rate = 8000;
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(Math.sin((i / rate) * 2 * Math.PI * 440) * 8000 + (Math.random() - 0.5) * 200), i * 2);
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(1, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * 2, 16);
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  const dataHead = Buffer.alloc(8);
  dataHead.write('data', 0, 'latin1');
  dataHead.writeUInt32LE(data.length, 4);
  let list = Buffer.alloc(0);
  if (icrd) {
    const value = Buffer.from(`${icrd}\0`, 'latin1');
    const padded = value.length % 2 ? Buffer.concat([value, Buffer.alloc(1)]) : value;
    const sub = Buffer.alloc(8);
    sub.write('ICRD', 0, 'latin1');
    sub.writeUInt32LE(value.length, 4);
    const body = Buffer.concat([Buffer.from('INFO', 'latin1'), sub, padded]);
    const head = Buffer.alloc(8);
    head.write('LIST', 0, 'latin1');
    head.writeUInt32LE(body.length, 4);
    list = Buffer.concat([head, body]);
  }
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(4 + fmt.length + list.length + dataHead.length + data.length, 4);
  riff.write('WAVE', 8, 'latin1');
  return Buffer.concat([riff, fmt, list, dataHead, data]);
}

/** HEIF made by libheif (AV1) under the 'heic' brand: decodable where libheif has AV1 (it has here). */
export async function heicDecodable(): Promise<Buffer> {
  const heif = await sharp(randomBytes(64 * 96 * 3), { raw: { width: 64, height: 96, channels: 3 } })
    .heif({ compression: 'av1' })
    .toBuffer();
  const out = Buffer.from(heif);
  out.write('heic', 8, 'latin1');
  return out;
}

/** A HEIC whose image is HEVC-coded as far as the container says: no decoder here, like an iPhone photo on most PCs. */
export async function heicUndecodable(): Promise<Buffer> {
  const out = await heicDecodable();
  for (let i = out.indexOf('av01'); i >= 0; i = out.indexOf('av01', i + 1)) out.write('hvc1', i, 'latin1');
  return out;
}

/** The start of a Windows executable (MZ header, PE signature). */
export function exe(): Buffer {
  const b = Buffer.alloc(1024);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(0x14c, 0x84);
  return b;
}

/** An email with a base64 GBK body and an encoded-word subject. */
export function email(): Buffer {
  const body = Buffer.from(new TextEncoder().encode('您好，关于您的花呗逾期，请于三日内联系我们协商还款。')).toString('base64');
  return Buffer.from(
    [
      'From: =?UTF-8?B?' + Buffer.from('某某催收').toString('base64') + '?= <notice@example.com>',
      'To: me@example.com',
      'Subject: =?UTF-8?B?' + Buffer.from('逾期还款通知').toString('base64') + '?=',
      'Date: Fri, 18 Oct 2024 14:30:22 +0800',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      body,
      '--b1',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><body><script>alert(1)</script><p>html part</p></body></html>',
      '--b1--',
      '',
    ].join('\r\n'),
    'latin1',
  );
}

export function write(dir: string, name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  return file;
}

/**
 * A phone-sized chat screenshot (bubbles with Chinese text) for screenshots in the docs;
 * `seed` varies the content so every call gives different bytes.
 */
export async function chatScreenshot(lines: string[], opts: { width?: number; height?: number; format?: 'png' | 'jpeg'; seed?: number } = {}): Promise<Buffer> {
  const width = opts.width ?? 390;
  const height = opts.height ?? 844;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const bubbles = lines
    .map((line, i) => {
      const mine = i % 2 === 1;
      const y = 110 + i * 86;
      const w = Math.min(width - 90, 40 + line.length * 17);
      const x = mine ? width - 20 - w : 20;
      return `<rect x="${x}" y="${y}" width="${w}" height="56" rx="10" fill="${mine ? '#95ec69' : '#ffffff'}"/>
        <text x="${x + 16}" y="${y + 35}" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif" font-size="16" fill="#111">${esc(line)}</text>`;
    })
    .join('\n');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#ededed"/>
    <rect width="100%" height="64" fill="#f7f7f7"/>
    <text x="${width / 2}" y="40" text-anchor="middle" font-family="WenQuanYi Micro Hei, sans-serif" font-size="18" fill="#111">客服 ${opts.seed ?? ''}</text>
    ${bubbles}
  </svg>`;
  const img = sharp(Buffer.from(svg));
  return opts.format === 'jpeg' ? img.jpeg({ quality: 85 }).toBuffer() : img.png().toBuffer();
}
