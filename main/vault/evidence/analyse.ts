// What the bytes of one file are: the type sniffed from the bytes (file-type, then a text
// check — never the name), whether it is damaged or password-protected, its capture time
// and where that came from, a thumbnail (and a display copy for HEIC/TIFF), and the text
// that search indexes (PDF text layer, plain text, email body). Runs in the vault worker;
// everything stays in memory (no temp files): sharp, pdf.js, music-metadata and exifr all
// work on buffers.
//
// Damaged files (a truncated PNG, JPEG or PDF) are KEPT, marked damaged, with no
// thumbnail and no preview: the person may have no other copy, and a court weighs a
// damaged original better than none; refusing would lose it. The mark makes sure the app
// never shows a broken or blank rendering as if it were the evidence.
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp, { type Metadata } from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { parseBuffer as parseAudio } from 'music-metadata';
import exifr from 'exifr';
import { BROWSER_IMAGE_TYPES, PLAYABLE_AUDIO_TYPES, PLAYABLE_VIDEO_TYPES, extensionLies, kindOfMime, type EvidenceKind } from '../../../shared/evidence/media';
import { decodeText, sniffTextType } from '../../../shared/evidence/text';
import { emailDateMs, parseEmail } from '../../../shared/evidence/email';
import { timeFromExif, timeFromFileName, timeFromPdfDate } from '../../../shared/evidence/capture-time';
import { parseIsoTime } from '../../../shared/time/beijing';
import { MAX_TEXT_CHARS } from '../../../shared/evidence/limits';

sharp.cache(false);
// Imports analyse two files at a time; one libvips thread each keeps memory near the files' size.
sharp.concurrency(1);

export type CaptureSource = 'exif' | 'filename' | 'audio_tag' | 'pdf_info' | 'email_date' | 'file_modified' | 'user';

export interface Rendition {
  mime: string;
  width: number;
  height: number;
  data: Buffer;
}

export interface Analysis {
  mime: string;
  kind: EvidenceKind;
  nameMismatch: boolean;
  /** null, or why the file is damaged ('truncated', 'undecodable', 'invalid_pdf'). */
  damaged: string | null;
  /** A PDF that needs a password to open. */
  encrypted: boolean;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  pages: number | null;
  captured: { ms: number; source: CaptureSource } | null;
  /** 'original': the bytes themselves can be shown; 'display': a stored display copy; 'none': a file card. */
  preview: 'original' | 'display' | 'none';
  thumb: Rendition | null;
  display: Rendition | null;
  text: { source: 'pdf' | 'text' | 'email'; text: string } | null;
}

export interface AnalyseInput {
  name: string;
  size: number;
  /** At least the first chunk (for the type). */
  head: Buffer;
  /** The whole content, or null when the file is too large to analyse in memory. */
  bytes: Buffer | null;
  modifiedMs: number | null;
}

export async function sniffMime(head: Buffer): Promise<string> {
  try {
    const type = await fileTypeFromBuffer(head);
    if (type) return normaliseMime(type.mime);
  } catch {
    /* fall through to the text check */
  }
  const text = decodeText(head);
  return text ? sniffTextType(text.text) : 'application/octet-stream';
}

function normaliseMime(mime: string): string {
  if (mime === 'audio/vnd.wave' || mime === 'audio/x-wav' || mime === 'audio/wave') return 'audio/wav';
  return mime;
}

const THUMB = { width: 240, height: 480 } as const;
const DISPLAY_MAX = 2560;

async function imageFacts(bytes: Buffer, mime: string, a: Analysis): Promise<void> {
  const browserShows = BROWSER_IMAGE_TYPES.has(mime);
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { failOn: 'none' }).metadata();
  } catch {
    a.damaged = browserShows ? 'undecodable' : null;
    a.preview = 'none';
    return;
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  a.width = (rotated ? meta.height : meta.width) ?? null;
  a.height = (rotated ? meta.width : meta.height) ?? null;
  if (mime === 'image/png' && !hasPngEnd(bytes)) {
    a.damaged = 'truncated';
    a.preview = 'none';
    return;
  }
  try {
    // failOn 'truncated': a JPEG or PNG cut short throws instead of decoding grey rows.
    const { data, info } = await sharp(bytes, { failOn: 'truncated', animated: false })
      .rotate()
      .resize({ ...THUMB, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 72, effort: 0 })
      .toBuffer({ resolveWithObject: true });
    a.thumb = { mime: 'image/webp', width: info.width, height: info.height, data };
  } catch {
    // A browser-native type that libvips cannot decode is damaged; HEIC without a
    // decoder on this machine is not damaged, just not previewable here.
    if (browserShows || mime === 'image/tiff') a.damaged = 'truncated';
    a.preview = 'none';
    return;
  }
  if (browserShows) {
    a.preview = 'original';
    return;
  }
  try {
    const { data, info } = await sharp(bytes, { failOn: 'truncated' })
      .rotate()
      .resize({ width: DISPLAY_MAX, height: DISPLAY_MAX, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    a.display = { mime: 'image/webp', width: info.width, height: info.height, data };
    a.preview = 'display';
  } catch {
    a.preview = 'none';
  }
}

/** A PNG ends with an IEND chunk (possibly followed by junk some tools append). */
function hasPngEnd(bytes: Buffer): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  return tail.includes(Buffer.from('IEND', 'latin1'));
}

async function exifTime(bytes: Buffer): Promise<number | null> {
  try {
    const tags = (await exifr.parse(bytes, { pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTime'], reviveValues: false })) as
      Record<string, unknown> | undefined;
    if (!tags) return null;
    return timeFromExif(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ?? timeFromExif(tags.CreateDate, tags.OffsetTime ?? tags.OffsetTimeOriginal);
  } catch {
    return null;
  }
}

// ---------- PDF (pdf.js, legacy build for Node, loaded on first use) ----------

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

function pdfAssetDir(sub: string): string | undefined {
  try {
    const req = createRequire(__filename);
    return path.join(path.dirname(req.resolve('pdfjs-dist/package.json')), sub) + path.sep;
  } catch {
    return undefined;
  }
}

const MAX_PDF_TEXT_PAGES = 2000;

async function pdfFacts(bytes: Buffer, a: Analysis): Promise<number | null> {
  // A PDF ends with %%EOF (a few bytes of whitespace may follow); without it the file was cut.
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048)).toString('latin1');
  const truncated = !tail.includes('%%EOF');
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
    cMapUrl: pdfAssetDir('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfAssetDir('standard_fonts'),
  });
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      // Kept and marked; its text cannot be read without the password, so nothing is indexed.
      a.encrypted = true;
      a.preview = 'none';
      a.damaged = truncated ? 'truncated' : null;
      return null;
    }
    a.damaged = truncated ? 'truncated' : 'invalid_pdf';
    a.preview = 'none';
    return null;
  }
  try {
    a.pages = doc.numPages;
    if (truncated) {
      // pdf.js "recovers" a cut PDF to whatever pages it can find: never show that as the evidence.
      a.damaged = 'truncated';
      a.preview = 'none';
      return null;
    }
    a.preview = 'original';
    let created: number | null = null;
    try {
      const meta = await doc.getMetadata();
      const info = meta.info as Record<string, unknown> | undefined;
      created = timeFromPdfDate(info?.CreationDate) ?? timeFromPdfDate(info?.ModDate);
    } catch {
      /* no info dictionary */
    }
    const parts: string[] = [];
    let chars = 0;
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PDF_TEXT_PAGES) && chars < MAX_TEXT_CHARS; n++) {
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
        parts.push(text);
        chars += text.length;
        page.cleanup();
      } catch {
        /* one unreadable page does not lose the others */
      }
    }
    const text = parts
      .join('\n')
      .replace(/[ \t]+\n/g, '\n')
      .trim()
      .slice(0, MAX_TEXT_CHARS);
    if (text) a.text = { source: 'pdf', text };
    a.thumb = await pdfThumbnail(doc);
    return created;
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * The first page, drawn small (pdf.js onto the canvas it brings for Node), as the grid's
 * thumbnail. Optional: without a canvas, or for an odd page, the card shows an icon.
 */
// pdf.js's own names for its canvas types: main has no DOM types (this runs under Node).
type PdfRenderParams = Parameters<Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>['render']>[0];

async function pdfThumbnail(doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>): Promise<Rendition | null> {
  try {
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    if (!(base.width > 0 && base.height > 0) || base.width > 20_000 || base.height > 20_000) return null;
    const scale = Math.min(THUMB.width / base.width, THUMB.height / base.height);
    const viewport = page.getViewport({ scale });
    const factory = (
      doc as unknown as { canvasFactory: { create(w: number, h: number): { canvas: { toBuffer(mime: string): Buffer }; context: PdfRenderParams['canvasContext'] } } }
    ).canvasFactory;
    const { canvas, context } = factory.create(Math.max(1, Math.ceil(viewport.width)), Math.max(1, Math.ceil(viewport.height)));
    await page.render({ canvasContext: context, canvas: canvas as unknown as PdfRenderParams['canvas'], viewport }).promise;
    const { data, info } = await sharp(canvas.toBuffer('image/png')).flatten({ background: '#ffffff' }).webp({ quality: 72, effort: 0 }).toBuffer({ resolveWithObject: true });
    page.cleanup();
    return { mime: 'image/webp', width: info.width, height: info.height, data };
  } catch {
    return null;
  }
}

// ---------- audio / video ----------

async function mediaFacts(bytes: Buffer, mime: string, a: Analysis): Promise<number | null> {
  try {
    const meta = await parseAudio(
      new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { mimeType: mime, size: bytes.length },
      {
        duration: true,
        skipCovers: true,
      },
    );
    const d = meta.format.duration;
    a.durationSec = typeof d === 'number' && Number.isFinite(d) ? Math.round(d * 1000) / 1000 : null;
    const date = meta.common.date ?? meta.common.originaldate;
    // Only a tag with a time of day is a capture time; a bare year or date is not precise enough.
    if (typeof date === 'string' && /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(date)) {
      // A tag before 1970 is a release date of old music, not when a recording was made.
      const ms = parseIsoTime(date.replace(' ', 'T'));
      return ms !== null && ms >= 0 ? ms : null;
    }
  } catch {
    /* unknown container: kept without duration */
  }
  return null;
}

const playable = (mime: string) => PLAYABLE_AUDIO_TYPES.has(mime) || PLAYABLE_VIDEO_TYPES.has(mime);

// ---------- the whole analysis ----------

export async function analyse(input: AnalyseInput): Promise<Analysis> {
  const mime = await sniffMime(input.head);
  const kind = kindOfMime(mime);
  const a: Analysis = {
    mime,
    kind,
    nameMismatch: extensionLies(input.name, mime),
    damaged: null,
    encrypted: false,
    width: null,
    height: null,
    durationSec: null,
    pages: null,
    captured: null,
    preview: 'none',
    thumb: null,
    display: null,
    text: null,
  };
  const bytes = input.bytes;
  let exif: number | null = null;
  let audioTag: number | null = null;
  let pdfInfo: number | null = null;
  let emailDate: number | null = null;
  if (bytes) {
    if (kind === 'image') {
      await imageFacts(bytes, mime, a);
      exif = await exifTime(bytes);
    } else if (kind === 'pdf') {
      pdfInfo = await pdfFacts(bytes, a);
    } else if (kind === 'audio' || kind === 'video') {
      audioTag = await mediaFacts(bytes, mime, a);
      a.preview = playable(mime) ? 'original' : 'none';
    } else if (kind === 'text') {
      const decoded = decodeText(bytes);
      if (decoded) a.text = { source: 'text', text: decoded.text.slice(0, MAX_TEXT_CHARS) };
      a.preview = a.text ? 'original' : 'none';
    } else if (kind === 'email') {
      const mail = parseEmail(bytes.toString('latin1'));
      const header = [`主题：${mail.subject}`, `发件人：${mail.from}`, `收件人：${mail.to}`, `日期：${mail.date}`].join('\n');
      a.text = { source: 'email', text: `${header}\n\n${mail.body}`.slice(0, MAX_TEXT_CHARS) };
      emailDate = emailDateMs(mail.date);
      a.preview = 'original';
    }
  } else if (kind === 'audio' || kind === 'video') {
    a.preview = playable(mime) ? 'original' : 'none';
  }
  const named = timeFromFileName(input.name);
  const pick: [number | null, CaptureSource][] = [
    [exif, 'exif'],
    [audioTag, 'audio_tag'],
    [emailDate, 'email_date'],
    [named?.ms ?? null, 'filename'],
    [pdfInfo, 'pdf_info'],
    [input.modifiedMs && input.modifiedMs > 0 ? input.modifiedMs : null, 'file_modified'],
  ];
  for (const [ms, source] of pick) {
    if (ms !== null && Number.isFinite(ms)) {
      a.captured = { ms, source };
      break;
    }
  }
  return a;
}
