// Memory of a large package (issue 6: "a 500 MB package must not need several GB"): five
// 100 MB call recordings attached byte for byte, plus 20 screenshots, built and signed to
// a file the way the CLI does, in a child process so its peak RSS is its own. The
// recordings are read in 1 MiB chunks (as the vault serves them) and never held whole.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { buildPackageToFile, readDefaultFont } from '../main/package/build-to-file';
import { createSigningIdentity } from '../main/signing/identity';
import { monoWav16 } from '../main/demo/wav';
import type { PackageModelInput } from '../shared/pdf/model';
import type { BenchRow } from './report';

const RECORDINGS = 5;
const RECORDING_BYTES = 100 * 1024 * 1024;
export const CHILD_FLAG = '--child=package-memory';

async function* fileChunks(file: string): AsyncIterable<Uint8Array> {
  for await (const c of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) yield new Uint8Array(c as Buffer);
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of fileChunks(file)) h.update(c);
  return h.digest('hex');
}

/** Noise-like audio (does not deflate away), written in pieces. */
function writeRecording(file: string, seed: number): void {
  const header = monoWav16(8000, 0, () => 0).subarray(0, 44);
  header.writeUInt32LE(RECORDING_BYTES - 8, 4);
  header.writeUInt32LE(RECORDING_BYTES - 44, 40);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, header);
  let left = RECORDING_BYTES - 44;
  const piece = randomBytes(4 * 1024 * 1024);
  piece[0] = seed;
  while (left > 0) {
    const n = Math.min(left, piece.length);
    fs.writeSync(fd, piece, 0, n);
    left -= n;
  }
  fs.closeSync(fd);
}

/** Runs in the child: build, sign, report the peak RSS as JSON on stdout. */
export async function packageMemoryChild(dir: string): Promise<void> {
  const before = process.memoryUsage().rss;
  const exhibits: PackageModelInput['exhibits'] = [];
  let n = 1;
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.jpg'))
    .sort()) {
    const file = path.join(dir, f);
    const bytes = fs.readFileSync(file);
    exhibits.push({
      n: n++,
      title: `聊天截图 ${f}`,
      category: '聊天记录',
      date: '2025-01-10',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      mime: 'image/jpeg',
      kind: 'image',
      fileName: f,
      source: { read: async () => new Uint8Array(await fs.promises.readFile(file)) },
    });
  }
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.wav'))
    .sort()) {
    const file = path.join(dir, f);
    exhibits.push({
      n: n++,
      title: `通话录音 ${f}`,
      category: '通话录音',
      date: '2025-01-10',
      sha256: await sha256File(file),
      size: fs.statSync(file).size,
      mime: 'audio/wav',
      kind: 'audio',
      fileName: f,
      meta: { 时长: '3 小时' },
      source: { chunks: () => fileChunks(file) },
    });
  }
  const model: PackageModelInput = {
    template: 'negotiation',
    date: '2025-03-18',
    creditor: { name: '重庆蚂蚁消费金融有限公司' },
    applicant: { name: '张晓梅' },
    accounts: [{ label: '花呗', principal: '8600.00', interest: '0.00', penalty: '645.00', fees: '0.00' }],
    hardship: { reason: '2024年9月失业。' },
    exhibits,
    signature: { name: '张晓梅', date: '2025-03-18' },
  };
  const out = path.join(dir, 'big.pdf');
  const built = await buildPackageToFile(model, readDefaultFont(), out, { sign: true, identity: createSigningIdentity('张晓梅') });
  // maxRSS is in KiB.
  console.log(JSON.stringify({ before, peak: process.resourceUsage().maxRSS * 1024, bytes: built.bytes, pages: built.pages }));
}

export async function runPackageMemoryBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-pkg-mem-'));
  try {
    for (let i = 0; i < RECORDINGS; i++) writeRecording(path.join(dir, `1380013800${i}_20250110120000.wav`), i);
    for (let i = 0; i < 20; i++) {
      const jpg = await sharp({ create: { width: 1170, height: 2532, channels: 3, background: { r: 237, g: 237, b: 237 } } })
        .composite([{ input: Buffer.from(`<svg width="1170" height="300"><text x="40" y="200" font-size="120">chat ${i}</text></svg>`), top: 400, left: 0 }])
        .jpeg({ quality: 85 })
        .toBuffer();
      fs.writeFileSync(path.join(dir, `shot-${String(i).padStart(2, '0')}.jpg`), jpg);
    }
    const r = spawnSync(process.execPath, [process.argv[1]!, CHILD_FLAG, dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(r.stderr.slice(0, 500));
    const { before, peak, bytes, pages } = JSON.parse(r.stdout.trim().split('\n').pop()!) as { before: number; peak: number; bytes: number; pages: number };
    const mb = (x: number) => `${(x / 1024 / 1024).toFixed(0)} MiB`;
    return [
      {
        name: `a ${mb(bytes)} package (${RECORDINGS} × 100 MiB recordings attached, 20 screenshots, ${pages} pages), signed: peak RSS`,
        ours: `${mb(peak)} (${mb(before)} at start)`,
        reference: `${mb(bytes)} (the package's size)`,
        ratio: peak / bytes,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
