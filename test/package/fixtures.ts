// Generated evidence for the package tests and the benchmark: PNG and JPEG "screenshots"
// (sharp), PDFs (@cantoo/pdf-lib, optionally encrypted), a WAV written by hand, and a
// hand-made model. Nothing copied from anywhere.
import { createHash } from 'node:crypto';
import { monoWav16 } from '../../main/demo/wav';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib';
import type { ExhibitKind, PackageModelInput } from '../../shared/pdf/model';

const fromHere = path.resolve(__dirname, '..', '..');
export const ROOT = fs.existsSync(path.join(fromHere, 'package.json')) ? fromHere : process.cwd();
export const FONT_PATH = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

let fontCache: Uint8Array | undefined;
export function fontBytes(): Uint8Array {
  fontCache ??= new Uint8Array(fs.readFileSync(FONT_PATH));
  return fontCache;
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A chat-like screenshot: light background, coloured bubbles, some noise so it is not trivial. */
export async function screenshot(
  format: 'png' | 'jpeg',
  opts: { width?: number; height?: number; seed?: number; alpha?: boolean; interlace?: boolean; palette?: boolean } = {},
): Promise<Uint8Array> {
  const width = opts.width ?? 360;
  const height = opts.height ?? 640;
  const seed = opts.seed ?? 1;
  const bubbles: string[] = [];
  let y = 60;
  let i = 0;
  while (y < height - 80) {
    const left = (i + seed) % 2 === 0;
    const w = Math.round(width * (0.35 + ((seed * 7 + i * 13) % 40) / 100));
    const h = 40 + ((seed + i * 5) % 4) * 18;
    const x = left ? 24 : width - w - 24;
    bubbles.push(`<rect x="${x}" y="${y}" rx="12" width="${w}" height="${h}" fill="${left ? '#ffffff' : '#95ec69'}"/>`);
    for (let l = 0; l < h / 18 - 1; l++) {
      bubbles.push(`<rect x="${x + 12}" y="${y + 12 + l * 18}" width="${Math.max(20, w - 40 - ((l * 17 + seed) % 60))}" height="8" fill="#333" opacity="0.55"/>`);
    }
    y += h + 22;
    i++;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${opts.alpha ? 'rgba(237,237,237,0.6)' : '#ededed'}"/>
    <rect width="100%" height="48" fill="#f7f7f7"/><text x="20" y="30" font-size="16" fill="#000">chat ${seed}</text>
    ${bubbles.join('\n')}
  </svg>`;
  let img = sharp(Buffer.from(svg));
  if (!opts.alpha) img = img.flatten({ background: '#ededed' });
  const out =
    format === 'png'
      ? await img.png({ compressionLevel: 6, progressive: opts.interlace ?? false, palette: opts.palette ?? false }).toBuffer()
      : await img.jpeg({ quality: 82 }).toBuffer();
  return new Uint8Array(out);
}

/** A PDF of `pages` pages with some text; encrypted with a user password when given. */
export async function makePdf(pages: number, opts: { userPassword?: string; ownerPassword?: string; label?: string } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const helv = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${opts.label ?? 'Bank statement'} - page ${i + 1}`, { x: 60, y: 780, size: 18, font: helv });
    for (let l = 0; l < 30; l++) {
      page.drawText(`2024-10-${String((l % 28) + 1).padStart(2, '0')}  transfer  ${(1000 + l * 37.5).toFixed(2)}  balance ${(5000 - l * 21).toFixed(2)}`, {
        x: 60,
        y: 740 - l * 20,
        size: 10,
        font: helv,
      });
    }
    page.drawRectangle({ x: 60, y: 80, width: 200, height: 40, color: rgb(0.2, 0.4, 0.8) });
  }
  if (opts.userPassword !== undefined || opts.ownerPassword !== undefined) {
    doc.encrypt({ userPassword: opts.userPassword ?? '', ownerPassword: opts.ownerPassword ?? 'owner-secret', permissions: {} });
  }
  return new Uint8Array(await doc.save());
}

/** A mono 16-bit PCM WAV of `seconds` seconds (a quiet tone). */
export function makeWav(seconds: number, rate = 8000): Uint8Array {
  return new Uint8Array(monoWav16(rate, Math.round(seconds * rate), (i) => Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / rate))));
}

export interface FixtureExhibit {
  n: number;
  title: string;
  category: string;
  date?: string;
  kind: ExhibitKind;
  mime: string;
  fileName: string;
  bytes: Uint8Array;
  password?: string;
  meta?: Record<string, string>;
  /** Override the recorded hash (to simulate a changed file). */
  sha256?: string;
  chunked?: boolean;
}

export function exhibit(f: FixtureExhibit) {
  const bytes = f.bytes;
  return {
    n: f.n,
    title: f.title,
    category: f.category,
    date: f.date ?? '',
    sha256: f.sha256 ?? sha256(bytes),
    size: bytes.length,
    mime: f.mime,
    kind: f.kind,
    fileName: f.fileName,
    ...(f.password !== undefined ? { password: f.password } : {}),
    meta: f.meta ?? {},
    source: f.chunked
      ? {
          chunks: async function* () {
            for (let o = 0; o < bytes.length; o += 4096) yield bytes.subarray(o, Math.min(bytes.length, o + 4096));
          },
        }
      : { read: async () => bytes },
  };
}

export const APPLICANT = '张晓梅';
export const CREDITOR = '重庆蚂蚁消费金融有限公司';

/** A complete negotiation model (no exhibits: add them per test). */
export function baseModel(overrides: Partial<PackageModelInput> = {}): PackageModelInput {
  return {
    template: 'negotiation',
    date: '2025-03-18',
    creditor: { name: CREDITOR, department: '客户服务中心（协商还款）', address: '重庆市江北区（示例地址）' },
    applicant: { name: APPLICANT, idNumber: '110105199001011234', phone: '138 0000 0000', address: '北京市朝阳区某某路 1 号（虚构）' },
    accounts: [
      { label: '花呗', number: '2088****5566', principal: '8600.00', interest: '0.00', penalty: '645.00', fees: '0.00', overdueSince: '2024-11-10' },
      { label: '借呗', principal: '12000.00', interest: '420.50', penalty: '388.20', fees: '30.00', overdueDays: 128 },
      { label: '招商银行信用卡', creditor: '招商银行股份有限公司', principal: '5000.00', interest: '312.00', penalty: '0.00', fees: '100.00' },
    ],
    hardship: {
      since: '2024-09-30',
      category: '失业',
      reason:
        '2024年9月，本人所在的公司因经营困难裁员，本人失去了工作，此后三个月只靠零散的兼职维持生活。同年11月，母亲住院手术，医疗费用由本人承担。收入骤减、支出增加，导致本人无法按期归还花呗、借呗和信用卡。本人目前已重新就业（2025年2月入职），收入恢复但低于以前，每月扣除房租、生活费和母亲的药费后，能用于还款的钱有限。',
    },
    finances: {
      household: '本人与母亲同住，需负担母亲的药费。',
      income: [{ label: '工资（税后）', amount: '6200.00' }],
      fixedCosts: [
        { label: '房租', amount: '2200.00' },
        { label: '水电燃气、通讯', amount: '350.00' },
        { label: '母亲药费', amount: '600.00' },
      ],
      flexibleCosts: [
        { label: '伙食', amount: '1200.00' },
        { label: '交通', amount: '250.00' },
      ],
      priorityDebts: [],
      reference: { label: '北京市最低工资标准（月）', amount: '2420.00', source: '用户自行查询填写' },
    },
    proposal: {
      schedule: Array.from({ length: 24 }, (_, i) => ({
        n: i + 1,
        date: `${2025 + Math.floor((3 + i) / 12)}-${String(((3 + i) % 12) + 1).padStart(2, '0')}-15`,
        amount: i === 0 ? '1000.00' : '1000.00',
      })),
    },
    contacts: [
      {
        at: '2025-01-06T10:12:00+08:00',
        channel: '热线',
        counterparty: '95188 客服（工号 1234）',
        summary: '说明失业情况，询问能否分期。对方让本人提交书面申请和收入证明。',
        followUp: '2025-01-20',
      },
      { at: '2025-02-10T15:40:00+08:00', channel: 'App 在线客服', counterparty: '在线客服', summary: '询问申请进度，对方称正在审核。', promised: '7—15 个工作日内答复' },
    ],
    signature: { name: APPLICANT, date: '2025-03-18', certificateFingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89' },
    metadata: { keywords: [], language: 'zh-CN' },
    ...overrides,
  };
}
