// The flow of the letter's pages: A4, margins, a cursor that moves down; headings kept with
// what follows; paragraphs broken by text.ts; tables whose rows split across pages with the
// header repeated; text that can only be known at the end (page totals, the exhibit
// pages in the index) drawn later through "deferred" slots. Nothing is ever drawn outside
// the page's text area: every line is measured first.
import { PDFDocument, PDFFont, PDFName, PDFPage, PDFRef, rgb, type Color } from '@cantoo/pdf-lib';
import { TextKit } from './text';

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { top: 62, bottom: 64, left: 62, right: 62 };
export const FOOTER_Y = 30;

export const INK = rgb(0.1, 0.1, 0.12);
export const GREY = rgb(0.42, 0.42, 0.45);
export const RULE = rgb(0.62, 0.62, 0.66);
export const FILL = rgb(0.93, 0.94, 0.96);

/** Every line drawn, for tests (no line starts with a forbidden character, nothing outside). */
export interface LayoutLine {
  page: number;
  text: string;
  x: number;
  y: number;
  size: number;
  width: number;
}

export interface Anchor {
  page: PDFPage;
  pageIndex: number;
  y: number;
}

export type Cell = string | { deferred: () => string; link?: () => Anchor | undefined };

export interface Column {
  title: string;
  /** Share of the table width. */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Font size for this column's body cells (hashes in a smaller size). */
  size?: number;
}

interface DeferredText {
  page: PDFPage;
  x: number;
  y: number;
  width: number;
  size: number;
  align: 'left' | 'right' | 'center';
  text: () => string;
  link?: () => Anchor | undefined;
  rowTop: number;
  rowHeight: number;
}

export interface LinkRequest {
  page: PDFPage;
  rect: [number, number, number, number];
  target: () => Anchor | undefined;
}

export class Layout {
  readonly pages: PDFPage[] = [];
  private readonly index = new Map<PDFPage, number>();
  readonly lines: LayoutLine[] = [];
  readonly deferred: DeferredText[] = [];
  readonly links: LinkRequest[] = [];
  page!: PDFPage;
  y = 0;
  readonly width: number;

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly kit: TextKit,
    private readonly onPage: (page: PDFPage) => void = () => {},
  ) {
    this.width = A4[0] - MARGIN.left - MARGIN.right;
  }

  /** 0-based index of a page made by this layout. */
  indexOf(page: PDFPage): number {
    return this.index.get(page) ?? -1;
  }

  /**
   * Appends a page. pdf-lib's addPage() walks the whole page tree on every insert (quadratic:
   * ~0.25 s for 300 pages); appending to the root's Kids is O(1). doc.getPages() is not used
   * by the builder (it would be stale).
   */
  private appendPage(size: [number, number]): PDFPage {
    const page = PDFPage.create(this.doc);
    page.setSize(size[0], size[1]);
    const pagesRef = this.doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    page.node.setParent(pagesRef);
    this.doc.catalog.Pages().pushLeafNode(page.ref);
    return page;
  }

  newPage(size: [number, number] = A4): PDFPage {
    this.page = this.appendPage(size);
    this.page.setFont(this.font);
    this.index.set(this.page, this.pages.length);
    this.pages.push(this.page);
    this.y = size[1] - MARGIN.top;
    this.onPage(this.page);
    return this.page;
  }

  get bottom(): number {
    return MARGIN.bottom;
  }

  space(): number {
    return this.y - this.bottom;
  }

  /** Starts a new page unless `height` fits below the cursor. */
  ensure(height: number): void {
    if (!this.page || this.space() < height) this.newPage();
  }

  anchor(): Anchor {
    return { page: this.page, pageIndex: this.indexOf(this.page), y: this.y };
  }

  /** Draws one already-fitted line with its baseline computed from the line box top. */
  drawLine(text: string, x: number, top: number, size: number, lineHeight: number, color: Color = INK, page = this.page): void {
    if (text === '') return;
    const baseline = top - lineHeight / 2 - size * 0.36;
    page.drawText(text, { x, y: baseline, size, color });
    this.lines.push({ page: this.indexOf(page), text, x, y: baseline, size, width: this.kit.width(text, size) });
  }

  gap(h: number): void {
    if (this.page && this.y - h > this.bottom) this.y -= h;
  }

  title(text: string, size = 20): Anchor {
    const lines = this.kit.wrap(text, size, this.width);
    const lh = size * 1.5;
    this.ensure(lines.length * lh + 30);
    const at = this.anchor();
    for (const line of lines) {
      const w = this.kit.width(line, size);
      this.drawLine(line, MARGIN.left + (this.width - w) / 2, this.y, size, lh);
      this.y -= lh;
    }
    this.y -= 10;
    return at;
  }

  /** A section heading kept together with at least `keep` points of what follows. */
  heading(text: string, size = 13.5, keep = 60): Anchor {
    const lines = this.kit.wrap(text, size, this.width);
    const lh = size * 1.6;
    this.gap(6);
    this.ensure(lines.length * lh + keep);
    const at = this.anchor();
    for (const line of lines) {
      this.drawLine(line, MARGIN.left, this.y, size, lh);
      this.y -= lh;
    }
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y + 2 },
      end: { x: MARGIN.left + this.width, y: this.y + 2 },
      thickness: 0.6,
      color: RULE,
    });
    this.y -= 6;
    return at;
  }

  paragraph(
    text: string,
    opts: { size?: number; indent?: boolean; lineHeight?: number; color?: Color; align?: 'left' | 'right' | 'center'; x?: number; width?: number } = {},
  ): void {
    const size = opts.size ?? 10.5;
    const lh = size * (opts.lineHeight ?? 1.75);
    const x0 = opts.x ?? MARGIN.left;
    const width = opts.width ?? this.width;
    const indent = opts.indent === false ? '' : '\u3000\u3000';
    for (const para of text.split(/\n/)) {
      const lines = this.kit.wrap(indent + para, size, width);
      for (const line of lines) {
        this.ensure(lh);
        const w = this.kit.width(line, size);
        const x = opts.align === 'right' ? x0 + width - w : opts.align === 'center' ? x0 + (width - w) / 2 : x0;
        this.drawLine(line, x, this.y, size, lh, opts.color);
        this.y -= lh;
      }
    }
  }

  /** Label: value rows (the applicant block). */
  keyValues(rows: [string, string][], opts: { size?: number; labelWidth?: number } = {}): void {
    const size = opts.size ?? 10.5;
    const lh = size * 1.7;
    const lw = opts.labelWidth ?? 92;
    for (const [label, value] of rows) {
      const lines = this.kit.wrap(value, size, this.width - lw);
      this.ensure(lh * Math.min(lines.length, 2));
      this.drawLine(this.kit.ellipsize(label, size, lw - 6), MARGIN.left, this.y, size, lh, GREY);
      for (const line of lines) {
        this.ensure(lh);
        this.drawLine(line, MARGIN.left + lw, this.y, size, lh);
        this.y -= lh;
      }
    }
  }

  /**
   * A table: header row on a grey band, rows with borders; a row that does not fit moves to
   * the next page (header repeated); a row taller than a page is split between pages.
   */
  table(columns: Column[], rows: Cell[][], opts: { size?: number; headerSize?: number } = {}): void {
    const size = opts.size ?? 9;
    const headerSize = opts.headerSize ?? size;
    const pad = 3.5;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const headerLines = columns.map((c, i) => this.kit.wrap(c.title, headerSize, widths[i]! - 2 * pad));
    const headerLh = headerSize * 1.45;
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * headerLh + 2 * pad;

    const drawHeader = () => {
      const top = this.y;
      this.page.drawRectangle({ x: MARGIN.left, y: top - headerHeight, width: this.width, height: headerHeight, color: FILL, borderColor: RULE, borderWidth: 0.5 });
      columns.forEach((c, i) => {
        headerLines[i]!.forEach((line, k) => {
          const w = this.kit.width(line, headerSize);
          const x = c.align === 'right' ? xs[i]! + widths[i]! - pad - w : c.align === 'center' ? xs[i]! + (widths[i]! - w) / 2 : xs[i]! + pad;
          this.drawLine(line, x, top - pad - k * headerLh, headerSize, headerLh);
        });
        if (i > 0) this.vline(xs[i]!, top, top - headerHeight);
      });
      this.y -= headerHeight;
    };

    this.ensure(headerHeight + size * 1.45 * 2 + 2 * pad);
    drawHeader();

    for (const row of rows) {
      const cellSize = (i: number) => columns[i]!.size ?? size;
      const lh = Math.max(...columns.map((_, i) => cellSize(i))) * 1.45;
      const cellLines = row.map((cell, i) => (typeof cell === 'string' ? this.kit.wrap(cell, cellSize(i), widths[i]! - 2 * pad) : ['']));
      const need = Math.max(1, ...cellLines.map((l) => l.length)) * lh + 2 * pad;
      const fullPage = A4[1] - MARGIN.top - MARGIN.bottom - headerHeight;
      if (need > this.space() && need <= fullPage) {
        this.newPage();
        drawHeader();
      }
      const cursor = cellLines.map(() => 0);
      let first = true;
      while (first || cursor.some((c, i) => c < cellLines[i]!.length)) {
        if (this.space() < lh + 2 * pad) {
          this.newPage();
          drawHeader();
        }
        const fit = Math.floor((this.space() - 2 * pad) / lh);
        const take = cellLines.map((l, i) => Math.min(fit, l.length - cursor[i]!));
        const h = Math.max(1, ...take) * lh + 2 * pad;
        const top = this.y;
        row.forEach((cell, i) => {
          const c = columns[i]!;
          if (typeof cell !== 'string') {
            if (first) {
              this.deferred.push({
                page: this.page,
                x: xs[i]! + pad,
                y: top - pad,
                width: widths[i]! - 2 * pad,
                size: cellSize(i),
                align: c.align ?? 'left',
                text: cell.deferred,
                ...(cell.link ? { link: cell.link } : {}),
                rowTop: top,
                rowHeight: h,
              });
            }
            cursor[i] = cellLines[i]!.length;
            return;
          }
          const lines = cellLines[i]!.slice(cursor[i], cursor[i]! + take[i]!);
          lines.forEach((line, k) => {
            const s = cellSize(i);
            const w = this.kit.width(line, s);
            const x = c.align === 'right' ? xs[i]! + widths[i]! - pad - w : c.align === 'center' ? xs[i]! + (widths[i]! - w) / 2 : xs[i]! + pad;
            this.drawLine(line, x, top - pad - k * lh, s, lh);
          });
          cursor[i]! += take[i]!;
        });
        this.page.drawRectangle({ x: MARGIN.left, y: top - h, width: this.width, height: h, borderColor: RULE, borderWidth: 0.5 });
        for (let i = 1; i < columns.length; i++) this.vline(xs[i]!, top, top - h);
        this.y -= h;
        first = false;
      }
    }
    this.y -= 8;
  }

  private vline(x: number, y1: number, y2: number): void {
    this.page.drawLine({ start: { x, y: y1 }, end: { x, y: y2 }, thickness: 0.5, color: RULE });
  }

  /** Draws every deferred cell (call once everything else is laid out). */
  resolveDeferred(): void {
    for (const d of this.deferred) {
      // Shrink to fit (a long page range), never below 5 pt; cut only as a last resort.
      const raw = d.text();
      const natural = this.kit.width(this.kit.clean(raw), d.size);
      const size = natural > d.width ? Math.max(5, (d.size * d.width) / natural) : d.size;
      const text = this.kit.ellipsize(raw, size, d.width);
      const lh = d.size * 1.45;
      const w = this.kit.width(text, size);
      const x = d.align === 'right' ? d.x + d.width - w : d.align === 'center' ? d.x + (d.width - w) / 2 : d.x;
      this.drawLine(text, x, d.y, size, lh, INK, d.page);
      if (d.link) {
        this.links.push({ page: d.page, rect: [MARGIN.left, d.rowTop - d.rowHeight, MARGIN.left + this.width, d.rowTop], target: d.link });
      }
    }
  }
}
