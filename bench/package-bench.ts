// Application package benchmark (issue 6): 100 phone screenshots (50 PNG, 50 JPEG,
// 1170×2532) + one 20-page PDF → a package, against `img2pdf` + `qpdf --empty --pages` on
// the same inputs. Ours includes everything theirs does not: the letter's text pages with
// a subset Chinese font, bookmarks, the exhibit index, hashing every original against its
// SHA-256, the manifest, the PKCS#7 signature, the final SHA-256. Figures, never pass/fail.
// Inputs are generated once per run in a temporary folder (sharp renders chat-like screens
// with real anti-aliased text, so the PNGs compress like real screenshots).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { buildPackageToFile, readDefaultFont } from '../main/package/build-to-file';
import { createSigningIdentity } from '../main/signing/identity';
import type { PackageModelInput } from '../shared/pdf/model';
import type { BenchRow } from './report';

const W = 1170;
const H = 2532;
const WORDS = 'ok thanks please confirm the amount repayment plan next month overdue balance installment tomorrow call back waiver interest penalty bill due date agreed'.split(
  ' ',
);

function rand(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** A chat screen: status bar, avatars, bubbles with anti-aliased text lines. */
export function chatSvg(seed: number): string {
  const r = rand(seed);
  const parts: string[] = [
    `<rect width="${W}" height="${H}" fill="#ededed"/>`,
    `<rect width="${W}" height="230" fill="#f7f7f7"/>`,
    `<text x="60" y="70" font-family="DejaVu Sans" font-size="40" fill="#000">9:41</text>`,
    `<text x="${W / 2 - 160}" y="180" font-family="DejaVu Sans" font-size="48" fill="#111">Customer Service ${seed}</text>`,
  ];
  let y = 280;
  while (y < H - 300) {
    const mine = r() < 0.5;
    const lines = 1 + Math.floor(r() * 4);
    const bw = 420 + Math.floor(r() * 420);
    const bh = 40 + lines * 62;
    const ax = mine ? W - 150 : 30;
    parts.push(`<circle cx="${ax + 60}" cy="${y + 60}" r="55" fill="hsl(${Math.floor(r() * 360)},55%,60%)"/>`);
    const bx = mine ? W - 190 - bw : 190;
    parts.push(`<rect x="${bx}" y="${y}" rx="18" width="${bw}" height="${bh}" fill="${mine ? '#95ec69' : '#ffffff'}"/>`);
    for (let l = 0; l < lines; l++) {
      let text = '';
      while (text.length < bw / 26) text += `${WORDS[Math.floor(r() * WORDS.length)]} `;
      parts.push(`<text x="${bx + 30}" y="${y + 70 + l * 62}" font-family="DejaVu Sans" font-size="42" fill="#1a1a1a">${text.trim()}</text>`);
    }
    y += bh + 60;
  }
  parts.push(`<rect y="${H - 200}" width="${W}" height="200" fill="#f7f7f7"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${parts.join('')}</svg>`;
}

async function makeInputs(dir: string): Promise<{ images: string[]; rgbaImages: string[]; pdf: string }> {
  const images: string[] = [];
  const rgbaImages: string[] = [];
  for (let i = 0; i < 100; i++) {
    const png = i % 2 === 0;
    const file = path.join(dir, `shot-${String(i).padStart(3, '0')}.${png ? 'png' : 'jpg'}`);
    const img = sharp(Buffer.from(chatSvg(i + 1))).flatten({ background: '#ededed' });
    await (png ? img.png({ compressionLevel: 6 }) : img.jpeg({ quality: 85 })).toFile(file);
    images.push(file);
    // The same pixels as phones save them: RGBA with an alpha that is opaque everywhere.
    if (png) {
      const rgba = path.join(dir, `shot-${String(i).padStart(3, '0')}-rgba.png`);
      await sharp(file).ensureAlpha(1).png({ compressionLevel: 6 }).toFile(rgba);
      rgbaImages.push(rgba);
    } else rgbaImages.push(file);
  }
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 0; p < 20; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Statement page ${p + 1}`, { x: 50, y: 790, size: 18, font });
    for (let l = 0; l < 40; l++)
      page.drawText(`2024-10-${String((l % 28) + 1).padStart(2, '0')}  payment  ${(100 + l * 3.3).toFixed(2)}`, { x: 50, y: 750 - l * 17, size: 10, font });
  }
  const pdf = path.join(dir, 'statement.pdf');
  fs.writeFileSync(pdf, await doc.save());
  return { images, rgbaImages, pdf };
}

function modelFor(images: string[], pdf: string): PackageModelInput {
  const exhibit = (file: string, n: number) => {
    const bytes = fs.readFileSync(file);
    const ext = path.extname(file);
    const kind = ext === '.pdf' ? ('pdf' as const) : ('image' as const);
    return {
      n,
      title: kind === 'pdf' ? '银行流水（20 页）' : `聊天截图 ${n}`,
      category: kind === 'pdf' ? '收入证明' : '聊天记录',
      date: '2025-01-10',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      mime: ext === '.png' ? 'image/png' : ext === '.jpg' ? 'image/jpeg' : 'application/pdf',
      kind,
      fileName: path.basename(file),
      source: { read: async () => new Uint8Array(await fs.promises.readFile(file)) },
    };
  };
  return {
    template: 'negotiation',
    date: '2025-03-18',
    creditor: { name: '重庆蚂蚁消费金融有限公司' },
    applicant: { name: '张晓梅', idNumber: '110105199001011234', phone: '13800000000' },
    accounts: [
      { label: '花呗', principal: '8600.00', interest: '0.00', penalty: '645.00', fees: '0.00' },
      { label: '借呗', principal: '12000.00', interest: '420.50', penalty: '388.20', fees: '30.00' },
    ],
    hardship: { reason: '2024年9月失业，母亲住院，收入骤减，无法按期还款。现已重新就业，收入低于以前。'.repeat(3) },
    finances: {
      income: [{ label: '工资', amount: '6200.00' }],
      fixedCosts: [{ label: '房租', amount: '2200.00' }],
      flexibleCosts: [{ label: '伙食', amount: '1200.00' }],
      priorityDebts: [],
    },
    proposal: { schedule: Array.from({ length: 24 }, (_, i) => ({ n: i + 1, date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`, amount: '900.00' })) },
    signature: { name: '张晓梅', date: '2025-03-18' },
    exhibits: [...images.map((f, i) => exhibit(f, i + 1)), exhibit(pdf, images.length + 1)],
  };
}

const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function runPackageBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-pkg-bench-'));
  try {
    const { images, rgbaImages, pdf } = await makeInputs(dir);
    const inputBytes = [...images, pdf].reduce((s, f) => s + fs.statSync(f).size, 0);

    // Reference: img2pdf for the images, qpdf to append the PDF. Ours: read the font, build
    // with the letter, sign, hash — the CLI path. The model carries each file's recorded
    // SHA-256 (the vault has it since import), so building it is not timed; the builder
    // re-reads and re-hashes every file anyway. RUNS runs each, interleaved (reference, ours,
    // reference …), medians compared: one run each varied by ±30 % on this shared machine.
    const identity = createSigningIdentity('张晓梅');
    const model = modelFor(images, pdf);
    const modelRgba = modelFor(rgbaImages, pdf);
    const refImages = path.join(dir, 'ref-images.pdf');
    const ref = path.join(dir, 'ref.pdf');
    const out = path.join(dir, 'package.pdf');
    const outRgba = path.join(dir, 'package-rgba.pdf');
    const refRuns: number[] = [];
    const ourRuns: number[] = [];
    const rgbaRuns: number[] = [];
    let built: Awaited<ReturnType<typeof buildPackageToFile>> | undefined;
    let builtRgba: typeof built;
    for (let run = 0; run < RUNS; run++) {
      for (const f of [refImages, ref, out, outRgba]) fs.rmSync(f, { force: true });
      refRuns.push(
        time(() => {
          execFileSync('img2pdf', [...images, '-o', refImages]);
          execFileSync('qpdf', ['--empty', '--pages', refImages, pdf, '--', ref]);
        }),
      );
      let t = performance.now();
      built = await buildPackageToFile(model, readDefaultFont(), out, { sign: true, identity });
      ourRuns.push(performance.now() - t);
      // The same screenshots saved RGBA (opaque alpha): colour and alpha split without
      // re-filtering, the colour re-deflated. img2pdf 0.4 refuses any alpha channel, so the
      // reference stays its time on the RGB files (the same pixels).
      t = performance.now();
      builtRgba = await buildPackageToFile(modelRgba, readDefaultFont(), outRgba, { sign: true, identity });
      rgbaRuns.push(performance.now() - t);
    }
    const refMs = median(refRuns);
    const oursMs = median(ourRuns);
    const rgbaMs = median(rgbaRuns);
    const refSize = fs.statSync(ref).size;
    const ourSize = built!.bytes;

    // Theirs are processes (Python and qpdf start-up included); ours ran in this process. The
    // CLI's own start-up (node + the bundle) is timed separately and added for the fair row.
    const bin = path.resolve(__dirname, '..', '..', 'bin', 'xieshang.cjs');
    const startMs = fs.existsSync(bin) ? Math.min(...[0, 1, 2].map(() => time(() => execFileSync(process.execPath, [bin, '--help'])))) : 0;

    const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
    return [
      {
        name: `time: 100 screenshots + 20-page PDF (${mb(inputBytes)} in), in process, signed, median of ${RUNS} runs`,
        ours: `${oursMs.toFixed(0)} ms`,
        reference: `${refMs.toFixed(0)} ms img2pdf+qpdf`,
        ratio: oursMs / refMs,
        goal: { atMost: 0.6 },
      },
      ...(startMs > 0
        ? [
            {
              // As a `package build` process is: start-up, and a first build (no warm JIT).
              name: `time incl. CLI start-up (+${startMs.toFixed(0)} ms), first run`,
              ours: `${(ourRuns[0]! + startMs).toFixed(0)} ms`,
              reference: `${refMs.toFixed(0)} ms img2pdf+qpdf`,
              ratio: (ourRuns[0]! + startMs) / refMs,
              goal: { atMost: 0.6 },
            },
          ]
        : []),
      {
        name: `size (ours: +${built!.pages - 120} letter pages, bookmarks, signature)`,
        ours: mb(ourSize),
        reference: mb(refSize),
        ratio: ourSize / refSize,
        goal: { atMost: 1.05 },
      },
      {
        name: `time, the 50 PNGs saved RGBA (opaque alpha), in process, median of ${RUNS} runs`,
        ours: `${rgbaMs.toFixed(0)} ms`,
        reference: `${refMs.toFixed(0)} ms img2pdf+qpdf (RGB)`,
        ratio: rgbaMs / refMs,
        goal: { atMost: 0.6 },
      },
      { name: 'size, the 50 PNGs saved RGBA (opaque alpha)', ours: mb(builtRgba!.bytes), reference: mb(refSize), ratio: builtRgba!.bytes / refSize, goal: { atMost: 1.05 } },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
