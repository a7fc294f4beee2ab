// The small pieces written by hand in shared/pdf: SHA-256 (streaming) and CRC-32 against
// Node's crypto/zlib; the PNG reader (passthrough decision, exact rebuild from the
// skeleton, lossless decoding of every colour type, bit depth and interlacing) against
// sharp's own decoding.
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import sharp from 'sharp';
import { nodeZlib } from '../../main/package/node-zlib';
import { nodeSha256 } from '../../main/package/node-sha256';
import { describe, expect, it } from 'vitest';
import { Sha256, crc32, sha256Hex, sha256HexWith } from '../../shared/pdf/hash';
import { isJpeg, jpegComplete, parseJpeg } from '../../shared/pdf/jpeg';
import { canPassThrough, decodePixels, fromBase64, parsePng, pngToPdfImage, rebuildPng, toBase64 } from '../../shared/pdf/png';
import { formMatrix } from '../../shared/pdf/exhibits';
import { orientedImageMatrix } from '../../shared/pdf/objects';
import { screenshot } from './fixtures';

describe('SHA-256 and CRC-32', () => {
  it('match node:crypto for any data and any chunking', async () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(200), { maxLength: 8 }), (data, cuts) => {
        const h = new Sha256();
        const n = nodeSha256(); // what Node's builds pass as BuildOptions.sha256
        let o = 0;
        for (const c of cuts) {
          h.update(data.subarray(o, o + c));
          n.update(data.subarray(o, o + c));
          o = Math.min(data.length, o + c);
        }
        h.update(data.subarray(o));
        n.update(data.subarray(o));
        const hex = h.hex();
        expect(hex).toBe(createHash('sha256').update(data).digest('hex'));
        expect(n.hex()).toBe(hex);
        expect(crc32(data)).toBe(zlibCrc32(data));
      }),
      { numRuns: 200 },
    );
    const big = new Uint8Array(1_000_003).map((_, i) => (i * 7) & 255);
    expect(await sha256Hex(big)).toBe(createHash('sha256').update(big).digest('hex'));
    expect(new Sha256().update(new Uint8Array(0)).hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('whole bytes through an incremental hash (the builder in Node) match node:crypto', async () => {
    const data = new Uint8Array(300_001).map((_, i) => (i * 7) ^ (i >> 8));
    const want = createHash('sha256').update(data).digest('hex');
    expect(await sha256HexWith(nodeSha256)(data)).toBe(want);
    expect(await sha256HexWith(() => new Sha256())(data)).toBe(want);
    expect(await sha256Hex(data)).toBe(want);
  });

  it('base64 round trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (d) => {
        expect(fromBase64(toBase64(d))).toEqual(d);
        expect(toBase64(d)).toBe(Buffer.from(d).toString('base64'));
      }),
    );
    expect(toBase64(new TextEncoder().encode('IHDR!'))).toBe(Buffer.from('IHDR!').toString('base64'));
  });
});

async function raw(bytes: Uint8Array): Promise<{ data: Buffer; channels: number }> {
  const { data, info } = await sharp(bytes).raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  return { data, channels: info.channels };
}

describe('PNG', () => {
  const variants: [string, () => Promise<Uint8Array>][] = [
    ['RGB 8', () => screenshot('png', { width: 37, height: 23 })],
    ['RGBA 8', () => screenshot('png', { width: 37, height: 23, alpha: true })],
    ['interlaced RGB', () => screenshot('png', { width: 37, height: 23, interlace: true })],
    ['palette', () => screenshot('png', { width: 37, height: 23, palette: true })],
    [
      'grey 8',
      async () =>
        new Uint8Array(
          await sharp(await screenshot('png', { width: 37, height: 23 }))
            .greyscale()
            .png()
            .toBuffer(),
        ),
    ],
    [
      'grey+alpha 8',
      async () =>
        new Uint8Array(
          await sharp(await screenshot('png', { width: 37, height: 23, alpha: true }))
            .greyscale()
            .png()
            .toBuffer(),
        ),
    ],
    [
      'RGB 16',
      async () =>
        new Uint8Array(
          await sharp(await screenshot('png', { width: 37, height: 23 }))
            .toColourspace('rgb16')
            .png()
            .toBuffer(),
        ),
    ],
    ['interlaced RGBA', () => screenshot('png', { width: 37, height: 23, alpha: true, interlace: true })],
  ];

  for (const [name, make] of variants) {
    it(`${name}: rebuilt byte for byte from the skeleton when passed through; decoded losslessly otherwise`, async () => {
      const png = await make();
      const info = parsePng(png);
      expect(info.exact).toBe(true);
      const joined = Buffer.concat(info.idat);
      expect(Buffer.from(rebuildPng(info.skeleton, joined)).equals(Buffer.from(png))).toBe(true);
      const img = await pngToPdfImage(info);
      expect(img.passthrough).toBe(canPassThrough(info));
      if (info.bitDepth !== 8 || info.colorType === 3) return;
      // Compare the decoded samples with sharp's (8-bit only).
      const pixels = decodePixels(info);
      const ref = await raw(png);
      const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[info.colorType as 0 | 2 | 4 | 6];
      expect(ref.channels).toBe(channels);
      expect(Buffer.from(pixels).equals(ref.data)).toBe(true);
    });
  }

  it('passes plain RGB and palette through, splits alpha into a soft mask', async () => {
    expect((await pngToPdfImage(parsePng(await screenshot('png', { width: 20, height: 20 })))).passthrough).toBe(true);
    const pal = await pngToPdfImage(parsePng(await screenshot('png', { width: 20, height: 20, palette: true })));
    expect(pal.passthrough || pal.smask !== undefined).toBe(true);
    const rgba = await pngToPdfImage(parsePng(await screenshot('png', { width: 40, height: 120, alpha: true })));
    expect(rgba.passthrough).toBe(false);
    expect(rgba.smask).toBeDefined();
  });

  /** An 8-bit PNG whose row y uses filter y % 5 (written by hand: encoders pick their own). */
  const pngWithFilters = (px: Buffer, w: number, h: number, channels: number): Uint8Array => {
    const row = w * channels;
    const filtered = Buffer.alloc((row + 1) * h);
    const at = (y: number, i: number) => (y < 0 || i < 0 ? 0 : px[y * row + i]!);
    for (let y = 0; y < h; y++) {
      const f = y % 5;
      filtered[y * (row + 1)] = f;
      for (let i = 0; i < row; i++) {
        const x = at(y, i);
        const a = at(y, i - channels);
        const b = at(y - 1, i);
        const c = at(y - 1, i - channels);
        const p = a + b - c;
        const pr = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
        const pred = [0, a, b, (a + b) >> 1, pr][f]!;
        filtered[y * (row + 1) + 1 + i] = (x - pred) & 255;
      }
    }
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(zlibCrc32(body));
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr[8] = 8;
    ihdr[9] = channels === 4 ? 6 : 4;
    const sig = Buffer.from('89504e470d0a1a0a', 'hex');
    return Uint8Array.from(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(filtered)), chunk('IEND', Buffer.alloc(0))]));
  };

  // The split of a filtered RGBA / grey+alpha stream into colour and alpha planes (no
  // unfiltering): each plane, decoded with its PNG predictor, must equal sharp's pixels.
  const planeInfo = (img: Awaited<ReturnType<typeof pngToPdfImage>>, plane: 'color' | 'smask', colorType: number) => {
    const p = img[plane]!;
    const idatLength = p.data.reduce((n, d) => n + d.length, 0);
    return {
      width: img.width,
      height: img.height,
      bitDepth: p.bitsPerComponent,
      colorType,
      interlace: 0,
      palette: undefined,
      trns: undefined,
      idat: p.data,
      idatLength,
      exact: true,
      skeleton: [],
    };
  };
  for (const [name, channels, opaque, lastPixel] of [
    ['RGBA, some transparency', 4, false, false],
    ['RGBA, alpha all opaque (a phone screenshot)', 4, true, false],
    ['RGBA, opaque but for the last pixel', 4, false, true],
    ['grey+alpha, some transparency', 2, false, false],
  ] as const) {
    it(`${name}: colour and alpha split without re-filtering, losslessly`, async () => {
      const w = 61;
      const h = 47;
      const px = Buffer.alloc(w * h * channels);
      for (let i = 0; i < px.length; i++) px[i] = (i * 37 + ((i / 11) | 0) * 5) & 255;
      if (opaque || lastPixel) for (let i = channels - 1; i < px.length; i += channels) px[i] = 255;
      if (lastPixel) px[px.length - 1] = 254;
      // Every filter type, row after row (sharp's own choice avoids some of them).
      const png = pngWithFilters(px, w, h, channels);
      expect(Buffer.from(decodePixels(parsePng(png))).equals(px)).toBe(true);
      const info = parsePng(png);
      expect(info.colorType).toBe(channels === 4 ? 6 : 4);
      const img = await pngToPdfImage(info);
      expect(img.passthrough).toBe(false);
      expect(img.smask === undefined).toBe(opaque);
      const colorPx = decodePixels(planeInfo(img, 'color', channels === 4 ? 2 : 0));
      const cc = channels - 1;
      const wantColor = Buffer.alloc(w * h * cc);
      const wantAlpha = Buffer.alloc(w * h);
      for (let i = 0; i < w * h; i++) {
        px.copy(wantColor, i * cc, i * channels, i * channels + cc);
        wantAlpha[i] = px[i * channels + cc]!;
      }
      expect(Buffer.from(colorPx).equals(wantColor)).toBe(true);
      if (!opaque) expect(Buffer.from(decodePixels(planeInfo(img, 'smask', 0))).equals(wantAlpha)).toBe(true);
      // Node's builds (CLI, vault worker) pass node:zlib: the same bytes as the platform's CompressionStream.
      const viaNode = await pngToPdfImage(parsePng(png), nodeZlib);
      expect(Buffer.concat(viaNode.color.data).equals(Buffer.concat(img.color.data))).toBe(true);
      expect(viaNode.smask === undefined).toBe(opaque);
      if (!opaque) expect(Buffer.concat(viaNode.smask!.data).equals(Buffer.concat(img.smask!.data))).toBe(true);
    });
  }

  it('refuses damaged files with a reason', async () => {
    const png = await screenshot('png', { width: 20, height: 20 });
    expect(() => parsePng(png.subarray(0, png.length - 20))).toThrow(/截断|IEND/);
    const bad = Uint8Array.from(png);
    const idat = Buffer.from(png).indexOf('IDAT');
    bad[idat + 6] = bad[idat + 6]! ^ 0xff; // inside the IDAT data: its CRC fails
    expect(() => parsePng(bad)).toThrow(/校验|损坏/);
    // A bad CRC in an ancillary chunk only stops the exact rebuild (the file is then attached).
    const withText = Uint8Array.from(
      await sharp(png)
        .png()
        .withMetadata({ exif: { IFD0: { ImageDescription: 'x' } } })
        .toBuffer(),
    );
    const exif = Buffer.from(withText).indexOf('eXIf');
    if (exif > 0) {
      withText[exif + 5] = withText[exif + 5]! ^ 0xff;
      expect(parsePng(withText).exact).toBe(false);
    }
    expect(() => parsePng(new TextEncoder().encode('GIF89a'))).toThrow(/不是 PNG/);
  });
});

describe("node:zlib for Node's builds", () => {
  // Several MB, compressible like a screenshot's rows: output in more than one piece.
  const data = Buffer.alloc(5_000_000);
  for (let i = 0; i < data.length; i++) data[i] = (i % 3000 < 2000 ? 255 : (i * 31) ^ (i >> 9)) & 255;
  const z = deflateSync(data);

  it('deflates to the same bytes as zlib at level 6, whatever the size', async () => {
    expect(Buffer.from(await nodeZlib.deflate(data)).equals(z)).toBe(true);
    const small = data.subarray(0, 1000);
    expect(Buffer.from(await nodeZlib.deflate(small)).equals(deflateSync(small))).toBe(true);
  });

  it('inflates whole with the exact size, a wrong size or none, from one part or several', async () => {
    const parts = [z.subarray(0, 7), z.subarray(7, 40_000), z.subarray(40_000)];
    for (const expected of [data.length, undefined, 1000, data.length * 3]) {
      expect(Buffer.from(await nodeZlib.inflate([z], expected)).equals(data)).toBe(true);
      expect(Buffer.from(await nodeZlib.inflate(parts, expected)).equals(data)).toBe(true);
    }
    await expect(nodeZlib.inflate([z.subarray(0, z.length - 100)], data.length)).rejects.toThrow();
  });
});

describe('JPEG header', () => {
  it('reads size and components', async () => {
    const jpg = await screenshot('jpeg', { width: 33, height: 21 });
    expect(isJpeg(jpg)).toBe(true);
    expect(parseJpeg(jpg)).toMatchObject({ width: 33, height: 21, components: 3, orientation: 1 });
  });

  it('knows a truncated file from one with data after the end marker (phone trailers)', async () => {
    const jpg = await screenshot('jpeg', { width: 33, height: 21 });
    const info = parseJpeg(jpg);
    expect(jpegComplete(jpg, info)).toBe(true);
    const trailer = Buffer.concat([Buffer.from(jpg), Buffer.alloc(5000, 0x41)]);
    expect(jpegComplete(trailer, parseJpeg(trailer))).toBe(true);
    const cut = jpg.subarray(0, jpg.length - 10);
    expect(jpegComplete(cut, parseJpeg(cut))).toBe(false);
  });

  it('reads the EXIF orientation', async () => {
    const jpg = new Uint8Array(
      await sharp(await screenshot('jpeg', { width: 33, height: 21 }))
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer(),
    );
    expect(parseJpeg(jpg).orientation).toBe(6);
  });
});

describe('placement matrices', () => {
  const apply = (m: number[], x: number, y: number) => [m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!];
  it('EXIF orientations map the unit square onto the target box', () => {
    for (let o = 1; o <= 8; o++) {
      const m = orientedImageMatrix(o, 10, 20, 100, 50);
      const pts = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
      expect(Math.min(...pts.map((p) => p[0]!))).toBeCloseTo(10);
      expect(Math.max(...pts.map((p) => p[0]!))).toBeCloseTo(110);
      expect(Math.min(...pts.map((p) => p[1]!))).toBeCloseTo(20);
      expect(Math.max(...pts.map((p) => p[1]!))).toBeCloseTo(70);
    }
    // Orientation 6 (rotate 90° clockwise): the stored top-left ends top-right.
    expect(apply(orientedImageMatrix(6, 0, 0, 100, 50), 0, 1)).toEqual([100, 50]);
  });

  it('page /Rotate: the rotated page fills the target box as a viewer shows it', () => {
    for (const r of [0, 90, 180, 270]) {
      const m = formMatrix([10, 20, 210, 320], r, 0.5, 5, 7);
      const corners = [apply(m, 10, 20), apply(m, 210, 20), apply(m, 10, 320), apply(m, 210, 320)];
      const w = r % 180 ? 150 : 100;
      const h = r % 180 ? 100 : 150;
      expect(Math.min(...corners.map((p) => p[0]!))).toBeCloseTo(5);
      expect(Math.max(...corners.map((p) => p[0]!))).toBeCloseTo(5 + w);
      expect(Math.min(...corners.map((p) => p[1]!))).toBeCloseTo(7);
      expect(Math.max(...corners.map((p) => p[1]!))).toBeCloseTo(7 + h);
    }
    // /Rotate 90: the page's top-left corner is shown at the top right.
    expect(apply(formMatrix([0, 0, 200, 300], 90, 1, 0, 0), 0, 300)).toEqual([300, 200]);
  });
});
