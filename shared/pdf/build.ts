// buildPackage(model, fontBytes, options): the whole application package as one PDF,
// written to a sink as it is made. Pure over the model (nothing read from a database),
// isomorphic (a Web Worker in the app, Node in the CLI). Validation happens before the
// first byte is written; an exhibit that fails (hash, password, damage) throws a named
// error and the caller discards the partial output (buildPackageToFile writes a temporary
// file and renames it only on success).
import { PDFDocument, PDFFont, PDFName, PDFPage, PDFRef, rgb, degrees } from '@cantoo/pdf-lib';
import { BuildCancelledError, PackageFontError, SignatureImageError } from './errors';
import { ExhibitWriter, type ExhibitOutcome } from './exhibits';
import { Sha256, sha256Hex, sha256HexWith, type IncrementalSha256 } from './hash';
import { isJpeg, parseJpeg } from './jpeg';
import { FOOTER_Y, GREY, Layout, type Anchor, type LayoutLine } from './layout';
import { writeLetter, type SignatureArt } from './letter';
import { MANIFEST_FORMAT, MANIFEST_NAME, MANIFEST_VERSION, type ManifestExhibit, type PackageManifest } from './manifest';
import { TEMPLATE_TITLES, validatePackageModel, type PackageModel, type PackageModelInput } from './model';
import {
  DEFAULT_SIGNATURE_LENGTH,
  addLink,
  addSignatureField,
  buildOutline,
  drawXObject,
  setEmbeddedFiles,
  writeEmbeddedFile,
  writeJpegImage,
  writePngImage,
  type OutlineItem,
} from './objects';
import { isPng, parsePng, pngToPdfImage } from './png';
import { webZlib, type Zlib } from './zlib';
import { fontkitOnce } from './fontkit-once';
import { TextKit } from './text';
import { MemorySink, StreamingPdfWriter, type ByteSink } from './writer';

export const GENERATOR = 'Xieshang 协商证据箱 package builder 1';

export type BuildPhase = 'letter' | 'exhibits' | 'finish';

export interface BuildProgress {
  phase: BuildPhase;
  done: number;
  total: number;
  label?: string;
}

export interface BuildOptions {
  /** Where the bytes go (a file in Node, chunks to main from a worker). Default: in memory. */
  sink?: ByteSink;
  onProgress?: (p: BuildProgress) => void;
  signal?: AbortSignal;
  /** The document's creation time (metadata, signature time); default now. */
  now?: Date;
  /** Return every drawn line (tests check line starts and page bounds). */
  collectLayout?: boolean;
  /** The zlib for image data (zlib.ts): Node passes node:zlib; default the platform's CompressionStream. */
  zlib?: Zlib;
  /** An incremental SHA-256 for the originals: Node passes node:crypto's (≈ 15× the pure one, 6× WebCrypto's there); default hash.ts for attached files, WebCrypto for the rest. */
  sha256?: () => IncrementalSha256;
}

export interface BuildResult {
  /** The PDF, when no sink was given. */
  bytes?: Uint8Array;
  length: number;
  pages: number;
  exhibits: number;
  /** True when a signature field with a placeholder was reserved (sign it in main). */
  signaturePlaceholder: boolean;
  manifest: PackageManifest;
  layout?: LayoutLine[];
  /** The size of each page, for tests ([width, height] in points). */
  pageSizes?: [number, number][];
}

function checkAbort(signal?: AbortSignal): void {
  if (signal?.aborted) throw new BuildCancelledError();
}

async function checkSignatureImage(bytes: Uint8Array | undefined, zlib: Zlib): Promise<void> {
  if (!bytes) return;
  if (bytes.length === 0) throw new SignatureImageError('文件为空');
  try {
    if (isPng(bytes)) {
      await pngToPdfImage(parsePng(bytes), zlib);
      return;
    }
    if (isJpeg(bytes)) {
      parseJpeg(bytes);
      return;
    }
  } catch (err) {
    throw new SignatureImageError(err instanceof Error ? err.message : String(err));
  }
  throw new SignatureImageError('不是图片文件');
}

async function embedFont(doc: PDFDocument, fontBytes: Uint8Array): Promise<PDFFont> {
  try {
    doc.registerFontkit(fontkitOnce);
    const font = await doc.embedFont(fontBytes, { subset: true });
    // Touch the font once: a file that is not a font fails here, before anything is written.
    font.widthOfTextAtSize('协商', 10);
    return font;
  } catch (err) {
    throw new PackageFontError(err instanceof Error ? err.message.slice(0, 120) : String(err));
  }
}

export async function buildPackage(input: PackageModelInput | PackageModel, fontBytes: Uint8Array, options: BuildOptions = {}): Promise<BuildResult> {
  const model = validatePackageModel(input);
  const zlib = options.zlib ?? webZlib;
  await checkSignatureImage(model.signature?.image, zlib);
  checkAbort(options.signal);
  const now = options.now ?? new Date();
  const progress = options.onProgress ?? (() => {});

  const doc = await PDFDocument.create();
  const font = await embedFont(doc, fontBytes);
  const context = doc.context;
  const memory = options.sink ? undefined : new MemorySink();
  const writer = new StreamingPdfWriter(options.sink ?? memory!, context);
  await writer.header();

  const kit = new TextKit(font);
  const layout = new Layout(doc, font, kit);
  const attachments: { key: string; spec: PDFRef }[] = [];
  const outcomes = new Map<number, ExhibitOutcome>();

  // The drawn signature: written once, drawn in the signature block.
  let signatureArt: SignatureArt | undefined;
  const sigImage = model.signature?.image;
  if (sigImage) {
    let ref: PDFRef;
    let width: number;
    let height: number;
    if (isPng(sigImage)) {
      const info = parsePng(sigImage);
      ref = await writePngImage(writer, context, await pngToPdfImage(info, zlib));
      ({ width, height } = info);
    } else {
      const info = parseJpeg(sigImage);
      ref = await writeJpegImage(writer, context, sigImage, info);
      ({ width, height } = info);
    }
    signatureArt = {
      width,
      height,
      draw: (page, x, y, w, h) => drawXObject(page, ref, [w, 0, 0, h, x, y], 'Sig'),
    };
  }

  // 1. The letter.
  progress({ phase: 'letter', done: 0, total: 1 });
  const pageLabel = (n: number) => {
    const o = outcomes.get(n);
    if (!o) return '';
    const a = o.first + 1;
    const b = o.last + 1;
    return a === b ? `第 ${a} 页` : `第 ${a}–${b} 页`;
  };
  const letter = writeLetter({
    layout,
    model,
    exhibitPages: pageLabel,
    exhibitAnchor: (n) => outcomes.get(n)?.anchor,
    ...(signatureArt ? { signatureArt } : {}),
  });
  progress({ phase: 'letter', done: 1, total: 1 });
  checkAbort(options.signal);

  // 2. The exhibits, in number order, one at a time.
  const exhibits = model.template === 'callsheet' ? [] : [...model.exhibits].sort((a, b) => a.n - b.n);
  const ew = new ExhibitWriter({
    doc,
    context,
    writer,
    layout,
    zlib,
    sha256: options.sha256 ?? (() => new Sha256()),
    hashBytes: options.sha256 ? sha256HexWith(options.sha256) : sha256Hex,
    ...(options.signal ? { signal: options.signal } : {}),
    attach: (key, spec) => attachments.push({ key, spec }),
  });
  for (let i = 0; i < exhibits.length; i++) {
    const e = exhibits[i]!;
    checkAbort(options.signal);
    progress({ phase: 'exhibits', done: i, total: exhibits.length, label: `证据 ${e.n}：${e.title}${e.listOnly ? '（列明，不嵌入）' : ''}` });
    // Read the next image or PDF while this one is laid out (one ahead at most).
    const next = exhibits[i + 1];
    if (next) ew.prefetch(next);
    const outcome = e.listOnly ? ew.listed(e) : e.kind === 'image' ? await ew.image(e) : e.kind === 'pdf' ? await ew.pdf(e) : await ew.attached(e);
    outcomes.set(e.n, outcome);
  }
  progress({ phase: 'exhibits', done: exhibits.length, total: exhibits.length });
  checkAbort(options.signal);

  // 3. Everything known only now: page numbers in the index, links, footers, outline.
  progress({ phase: 'finish', done: 0, total: 1 });
  layout.resolveDeferred();
  for (const link of layout.links) {
    const target = link.target();
    if (target) addLink(context, link.page, link.rect, target.page.ref, target.y);
  }
  const pages = layout.pages;
  const total = pages.length;
  pages.forEach((page, i) => footer(layout, page, i + 1, total, model.sample));

  const outlineItems: OutlineItem[] = letter.outline.map((o) => item(o.title, o.anchor));
  if (exhibits.length > 0) {
    const first = outcomes.get(exhibits[0]!.n)!;
    outlineItems.push({
      title: '证据材料',
      page: first.anchor.page.ref,
      top: first.anchor.y,
      open: exhibits.length <= 30,
      children: exhibits.map((e) => item(`证据 ${e.n}：${e.title}`, outcomes.get(e.n)!.anchor)),
    });
  }
  const catalog = doc.catalog;
  catalog.set(PDFName.of('Outlines'), buildOutline(context, outlineItems));
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));

  if (model.signing?.reserve) {
    addSignatureField(context, catalog, letter.signaturePage, {
      name: model.signature?.name ?? model.applicant.name,
      reason: `${TEMPLATE_TITLES[model.template]}：${model.template === 'complaint' ? '投诉人' : '申请人'}确认内容真实并签名`,
      ...(model.signing.location ? { location: model.signing.location } : {}),
      ...(model.signing.contactInfo ? { contactInfo: model.signing.contactInfo } : {}),
      signatureLength: model.signing.signatureLength ?? DEFAULT_SIGNATURE_LENGTH,
      date: now,
    });
  }

  const title = model.metadata.title?.trim() || `${TEMPLATE_TITLES[model.template]} — ${model.applicant.name}`;
  const manifest: PackageManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    generator: GENERATOR,
    template: model.template,
    title,
    date: model.date,
    applicant: model.applicant.name,
    creditor: model.creditor.name,
    createdAt: now.toISOString(),
    exhibits: exhibits.map((e) => outcomes.get(e.n)!.manifest as ManifestExhibit),
  };
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);
  const { spec: manifestSpec } = await writeEmbeddedFile(
    writer,
    context,
    {
      key: MANIFEST_NAME,
      name: MANIFEST_NAME,
      mime: 'application/json',
      description: '证据清单（每份证据原件的 SHA-256 及其在本文件中的位置），供 xieshang package verify 核验',
      size: manifestBytes.length,
      compress: true,
      relationship: 'Data',
    },
    (async function* () {
      yield manifestBytes;
    })(),
  );
  attachments.push({ key: MANIFEST_NAME, spec: manifestSpec });
  setEmbeddedFiles(context, catalog, attachments);

  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(model.metadata.author?.trim() || model.applicant.name);
  doc.setSubject(model.metadata.subject?.trim() || `${TEMPLATE_TITLES[model.template]}（致${model.creditor.name}）`);
  doc.setKeywords(model.metadata.keywords.length ? model.metadata.keywords : [TEMPLATE_TITLES[model.template], '协商还款', '证据']);
  doc.setLanguage(model.metadata.language);
  doc.setCreator('协商证据箱 Xieshang');
  doc.setProducer(GENERATOR);
  doc.setCreationDate(now);
  doc.setModificationDate(now);

  await font.embed();
  const id = new Sha256()
    .update(new TextEncoder().encode(`${title}\n${model.date}\n${now.toISOString()}\n${exhibits.map((e) => e.sha256).join(',')}`))
    .digest()
    .subarray(0, 16);
  const length = await writer.finish({
    root: context.trailerInfo.Root as PDFRef,
    ...(context.trailerInfo.Info ? { info: context.trailerInfo.Info as PDFRef } : {}),
    id,
  });
  progress({ phase: 'finish', done: 1, total: 1 });

  return {
    ...(memory ? { bytes: memory.bytes() } : {}),
    length,
    pages: total,
    exhibits: exhibits.length,
    signaturePlaceholder: model.signing?.reserve === true,
    manifest,
    ...(options.collectLayout ? { layout: layout.lines, pageSizes: pages.map((p) => [p.getWidth(), p.getHeight()] as [number, number]) } : {}),
  };
}

function item(title: string, anchor: Anchor): OutlineItem {
  return { title, page: anchor.page.ref, top: anchor.y };
}

function footer(layout: Layout, page: PDFPage, n: number, total: number, sample: boolean): void {
  const text = `第 ${n} 页 共 ${total} 页`;
  const size = 8.5;
  const w = layout.kit.width(text, size);
  layout.drawLine(text, (page.getWidth() - w) / 2, FOOTER_Y + 8, size, 14, GREY, page);
  if (sample) {
    const mark = '示例 · 虚构案例';
    const ms = 9;
    const mw = layout.kit.width(mark, ms);
    page.drawRectangle({ x: page.getWidth() - mw - 22, y: page.getHeight() - 24, width: mw + 12, height: 16, borderColor: rgb(0.75, 0.1, 0.1), borderWidth: 0.8 });
    layout.drawLine(mark, page.getWidth() - mw - 16, page.getHeight() - 9, ms, 14, rgb(0.75, 0.1, 0.1), page);
    const big = '示例';
    const bs = 110;
    page.drawText(big, {
      x: page.getWidth() / 2 - bs * 0.75,
      y: page.getHeight() / 2 - bs * 0.9,
      size: bs,
      color: rgb(0.8, 0.1, 0.1),
      opacity: 0.07,
      rotate: degrees(35),
    });
  }
}
