// The application package end to end: a hand-made model with generated evidence (PNG and
// JPEG screenshots, a PNG with alpha, an interlaced and a palette PNG, a PDF, a WAV read in
// chunks), built to a file and signed, then checked with poppler and qpdf as a reader
// would: text, rendering, signature, images, attachments, outline, metadata, and
// `xieshang package verify` before and after one byte is changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackageToFile } from '../../main/package/build-to-file';
import { createSigningIdentity, type SigningIdentity } from '../../main/signing/identity';
import { daxie } from '../../shared/money/daxie';
import type { BuildResult } from '../../shared/pdf/build';
import { NO_LINE_END, NO_LINE_START } from '../../shared/pdf/text';
import { cli } from '../helpers/cli';
import { APPLICANT, CREDITOR, baseModel, exhibit, fontBytes, makePdf, makeWav, screenshot, sha256 } from './fixtures';
import { attachments, pageCount, pageDeviations, pdfimagesAll, pdfinfo, pdfsig, pdftotext, qpdfCheck, qpdfJson, saveAttachment } from './poppler';

let dir: string;
let file: string;
let identity: SigningIdentity;
let built: Awaited<ReturnType<typeof buildPackageToFile>>;
let result: BuildResult;
const inputs: Record<string, Uint8Array> = {};

const EXHIBITS = [
  { n: 1, title: '微信聊天截图：客服同意受理', category: '聊天记录', date: '2025-01-06', key: 'png' },
  { n: 2, title: '催收短信截图（夜间 23:40）', category: '短信', date: '2025-01-08', key: 'jpeg' },
  { n: 3, title: '签名板导出的透明背景截图', category: '聊天记录', date: '2025-01-09', key: 'alpha' },
  { n: 4, title: '隔行扫描的 PNG 截图', category: '聊天记录', date: '', key: 'interlaced' },
  { n: 5, title: '调色板 PNG 截图', category: '聊天记录', date: '2025-01-10', key: 'palette' },
  { n: 6, title: '银行流水（三个月）', category: '收入证明', date: '2025-02-28', key: 'pdf' },
  { n: 7, title: '与客服的通话录音', category: '通话录音', date: '2025-01-06', key: 'wav' },
] as const;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-pkg-'));
  inputs.png = await screenshot('png', { seed: 1 });
  inputs.jpeg = await screenshot('jpeg', { seed: 2 });
  inputs.alpha = await screenshot('png', { seed: 3, alpha: true });
  inputs.interlaced = await screenshot('png', { seed: 4, interlace: true });
  inputs.palette = await screenshot('png', { seed: 5, palette: true });
  inputs.pdf = await makePdf(3);
  inputs.wav = makeWav(1.5);
  const mime: Record<string, string> = {
    png: 'image/png',
    alpha: 'image/png',
    interlaced: 'image/png',
    palette: 'image/png',
    jpeg: 'image/jpeg',
    pdf: 'application/pdf',
    wav: 'audio/wav',
  };
  const kind = (k: string) => (k === 'pdf' ? 'pdf' : k === 'wav' ? 'audio' : 'image') as 'pdf' | 'audio' | 'image';
  identity = createSigningIdentity(APPLICANT);
  const model = baseModel({
    exhibits: EXHIBITS.map((e) =>
      exhibit({
        n: e.n,
        title: e.title,
        category: e.category,
        date: e.date,
        kind: kind(e.key),
        mime: mime[e.key]!,
        fileName: `${e.key}-${e.n}.${e.key === 'jpeg' ? 'jpg' : e.key === 'pdf' ? 'pdf' : e.key === 'wav' ? 'wav' : 'png'}`,
        bytes: inputs[e.key]!,
        chunked: e.key === 'wav',
        ...(e.key === 'wav' ? { meta: { 时长: '1.5 秒', 号码: '95188' } } : {}),
      }),
    ),
    signature: {
      name: APPLICANT,
      date: '2025-03-18',
      image: await screenshot('png', { width: 240, height: 80, alpha: true, seed: 8 }),
      certificateFingerprint: identity.fingerprint,
    },
  });
  file = path.join(dir, '申请书.pdf');
  const progress: string[] = [];
  built = await buildPackageToFile(model, fontBytes(), file, { sign: true, identity, collectLayout: true, onProgress: (p) => progress.push(p.phase) });
  result = built.result;
  expect(progress).toContain('exhibits');
}, 120_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built package', () => {
  it('reports what cli.md asks for, and the file is what it says', () => {
    expect(Object.keys(built).filter((k) => k !== 'result')).toEqual(['out', 'pages', 'exhibits', 'bytes', 'sha256', 'signed']);
    expect(built.signed).toBe(true);
    expect(built.exhibits).toBe(EXHIBITS.length);
    expect(built.bytes).toBe(fs.statSync(file).size);
    expect(built.sha256).toBe(sha256(fs.readFileSync(file)));
    expect(pageCount(file)).toBe(built.pages);
    expect(qpdfCheck(file).status).toBe(0);
    // No temporary file left next to it.
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('pdftotext finds the applicant, the creditor, the 大写 total and every exhibit caption', () => {
    const text = pdftotext(file);
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(APPLICANT);
    expect(flat).toContain(CREDITOR);
    // 8600+645 + 12000+420.50+388.20+30 + 5000+312+100 = 27495.70
    expect(flat).toContain(`人民币${daxie('27495.70')}`);
    expect(daxie('27495.70')).toBe('贰万柒仟肆佰玖拾伍元柒角');
    for (const e of EXHIBITS) {
      const caption = `证据${e.n}：${e.title}${e.date ? `—${e.date}` : ''}`.replace(/\s+/g, '');
      expect(flat, caption).toContain(caption);
    }
    // Masked ID by default; page numbers on every page.
    expect(flat).toContain('110105********1234');
    expect(flat).not.toContain('110105199001011234');
    expect(flat).toContain(`第1页共${built.pages}页`);
    expect(flat).toContain(`第${built.pages}页共${built.pages}页`);
    for (const s of ['一、申请人信息', '二、欠款情况', '三、逾期原因', '四、收支情况', '五、还款方案', '六、沟通记录', '七、证据清单']) expect(flat).toContain(s);
    // The sections in the order of a written application.
    const order = ['一、申请人信息', '二、欠款情况', '三、逾期原因', '四、收支情况', '五、还款方案', '六、沟通记录', '七、证据清单', '申请人（签名）', '证据1：'].map((s) =>
      flat.indexOf(s),
    );
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('renders every page non-blank (pdftoppm, pixel deviation)', async () => {
    const pagesDir = fs.mkdtempSync(path.join(dir, 'pages-'));
    const devs = await pageDeviations(file, pagesDir);
    expect(devs).toHaveLength(built.pages);
    for (const [i, d] of devs.entries()) expect(d, `page ${i + 1}`).toBeGreaterThan(3);
  });

  it('pdfsig: the signature is valid, signed by the applicant, covering the whole document', () => {
    const { out } = pdfsig(file);
    expect(out).toContain('Signature is Valid');
    expect(out).toContain(`Signer Certificate Common Name: ${APPLICANT}`);
    expect(out).toContain('Total document signed');
  });

  it('package verify passes, and fails after any one byte changes', () => {
    const ok = cli(['package', 'verify', file, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    const doc = JSON.parse(ok.stdout);
    expect(Object.keys(doc)).toEqual(['ok', 'signatureValid', 'signer', 'exhibits']);
    expect(doc).toMatchObject({ ok: true, signatureValid: true, signer: APPLICANT });
    expect(doc.exhibits).toEqual(EXHIBITS.map((e) => ({ n: e.n, sha256: sha256(inputs[e.key]!), ok: true })));

    const bytes = fs.readFileSync(file);
    const size = bytes.length;
    // A byte in the header, inside the first image's data, in the middle, and near the end.
    const jpegAt = bytes.indexOf(Buffer.from(inputs.jpeg!.subarray(100, 132)));
    expect(jpegAt).toBeGreaterThan(0);
    for (const at of [20, jpegAt + 5, Math.floor(size / 2), size - 2000]) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      const changed = path.join(dir, `changed-${at}.pdf`);
      fs.writeFileSync(changed, copy);
      const r = cli(['package', 'verify', changed, '--json']);
      expect(r.status, `byte ${at}`).toBe(2);
      expect(JSON.parse(r.stdout).ok, `byte ${at}`).toBe(false);
    }
    // A changed exhibit byte is caught by the exhibit check too (not only the signature).
    const copy = Buffer.from(bytes);
    copy[jpegAt + 5] = copy[jpegAt + 5]! ^ 0x01;
    const p = path.join(dir, 'changed-jpeg.pdf');
    fs.writeFileSync(p, copy);
    const r = JSON.parse(cli(['package', 'verify', p, '--json']).stdout);
    expect(r.signatureValid).toBe(false);
    expect(r.exhibits.find((e: { n: number }) => e.n === 2).ok).toBe(false);
    expect(r.exhibits.find((e: { n: number }) => e.n === 1).ok).toBe(true);
    // Human output names the problem in Chinese.
    const human = cli(['package', 'verify', p]);
    expect(human.status).toBe(2);
    expect(human.stdout).toContain('核验未通过');
  });

  it('the JPEG extracted with pdfimages -all is byte-identical to the input', () => {
    const imgDir = fs.mkdtempSync(path.join(dir, 'img-'));
    const files = pdfimagesAll(file, imgDir);
    const jpegs = files.filter((f) => f.endsWith('.jpg'));
    expect(jpegs.map((f) => sha256(fs.readFileSync(f)))).toContain(sha256(inputs.jpeg!));
  });

  it('stores each original once, findable byte for byte (manifest storage)', () => {
    const storage = Object.fromEntries(result.manifest.exhibits.map((e) => [e.n, e.storage]));
    expect(storage).toEqual({ 1: 'png', 2: 'jpeg', 3: 'attachment', 4: 'attachment', 5: 'png', 6: 'attachment', 7: 'attachment' });
    // pdfdetach lists the EmbeddedFiles name tree, then the paperclip annotations (the WAV's
    // listing has one, pointing at the same file specification).
    const names = attachments(file);
    expect(new Set(names).size).toBe(5); // alpha, interlaced, pdf, wav originals + the manifest
    expect(names).toContain('xieshang-manifest.json');
    const wavIndex = names.findIndex((n) => n.endsWith('.wav')) + 1;
    expect(sha256(saveAttachment(file, wavIndex, path.join(dir, 'out.wav')))).toBe(sha256(inputs.wav!));
    const pdfIndex = names.findIndex((n) => n.endsWith('.pdf')) + 1;
    expect(sha256(saveAttachment(file, pdfIndex, path.join(dir, 'out.pdf')))).toBe(sha256(inputs.pdf!));
  });

  it('has bookmarks for every section and exhibit, metadata, language zh-CN', () => {
    const json = qpdfJson(file);
    const titles = json.outlines.map((o) => o.title);
    expect(titles[0]).toBe('协商还款申请书');
    expect(titles).toEqual(expect.arrayContaining(['一、申请人信息', '二、欠款情况（截至2025年3月18日）', '七、证据清单', '签名', '证据材料']));
    const exhibitsNode = json.outlines.find((o) => o.title === '证据材料')!;
    expect((exhibitsNode.kids as { title: string }[]).map((k) => k.title)).toEqual(EXHIBITS.map((e) => `证据 ${e.n}：${e.title}`));
    const info = pdfinfo(file);
    expect(info.Title).toBe(`协商还款申请书 — ${APPLICANT}`);
    expect(info.Author).toBe(APPLICANT);
    const objects = json.qpdf[1];
    const catalog = Object.values(objects).find((o) => o.value?.['/Type'] === '/Catalog')!;
    expect(catalog.value!['/Lang']).toBe('u:zh-CN');
  });

  it('lays out text with no forbidden line starts or ends, and nothing outside the page', () => {
    const lines = result.layout!;
    expect(lines.length).toBeGreaterThan(100);
    const sizes = result.pageSizes!;
    for (const l of lines) {
      const first = [...l.text][0]!;
      const last = [...l.text].at(-1)!;
      expect(NO_LINE_START.has(first), `line starts with ${first}: ${l.text}`).toBe(false);
      expect(NO_LINE_END.has(last) && l.text.length > 1, `line ends with ${last}: ${l.text}`).toBe(false);
      const [w, h] = sizes[l.page]!;
      expect(l.x).toBeGreaterThanOrEqual(0);
      expect(l.x + l.width).toBeLessThanOrEqual(w + 0.01);
      expect(l.y).toBeGreaterThan(0);
      expect(l.y + l.size).toBeLessThanOrEqual(h);
    }
    // On the letter's pages, within the margins.
    const letterPages = new Set(lines.filter((l) => l.text.includes('申请人信息')).map((l) => l.page));
    for (const l of lines.filter((x) => letterPages.has(x.page))) expect(l.x + l.width).toBeLessThanOrEqual(595.28 - 62 + 0.01);
  });

  it('splits a long table across pages with the header repeated', () => {
    const text = pdftotext(file);
    // 24 schedule rows do not fit one page: the header row appears on two pages.
    const headers = text.split('\f').filter((p) => /期数\s*还款日期/.test(p.replace(/ +/g, ' ')) || (p.includes('期数') && p.includes('还款日期')));
    expect(headers.length).toBeGreaterThanOrEqual(2);
  });
});
