/// <reference types="vite/client" />
// PDFs page by page with pdf.js. Loaded only when a PDF is opened; its worker is a file
// Vite emits beside the app (CSP worker-src 'self'; no blob: workers, no eval). The
// Chinese CMaps and standard fonts ship as files too, so PDFs whose fonts are not
// embedded (common in bank statements) still show their text.
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useT } from '../../../i18n';

const CMAPS = import.meta.glob('../../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default', eager: true }) as Record<string, string>;
const FONTS = import.meta.glob('../../../../../node_modules/pdfjs-dist/standard_fonts/*', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

function byFileName(table: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(table).map(([key, url]) => [key.slice(key.lastIndexOf('/') + 1), url]));
}
const cmapUrls = byFileName(CMAPS);
const fontUrls = byFileName(FONTS);

async function fetchBytes(url: string | undefined): Promise<Uint8Array> {
  if (!url) throw new Error('missing asset');
  const res = await fetch(url);
  if (!res.ok) throw new Error(`asset ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** pdf.js asks for CMaps by name; they are served from the app's own emitted files. */
class BundledCMapReaderFactory {
  constructor(_opts: { baseUrl?: string | null; isCompressed?: boolean }) {}
  async fetch({ name }: { name: string }) {
    return { cMapData: await fetchBytes(cmapUrls.get(`${name}.bcmap`)), isCompressed: true };
  }
}

class BundledStandardFontDataFactory {
  constructor(_opts: { baseUrl?: string | null }) {}
  async fetch({ filename }: { filename: string }) {
    return fetchBytes(fontUrls.get(filename));
  }
}

type PdfJs = typeof import('pdfjs-dist');
let pdfjsPromise: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return pdfjsPromise;
}

/**
 * `ranged`: read the file in 1 MiB ranges as pages are shown, instead of all at once (an
 * application package can be hundreds of MB; the protocol answers Range requests).
 */
export function PdfViewer({ src, onError, ranged = false }: { src: string; onError: () => void; ranged?: boolean }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    let live = true;
    let loaded: PDFDocumentProxy | null = null;
    (async () => {
      const pdfjs = await loadPdfJs();
      let source: { data: Uint8Array } | { url: string; withCredentials: boolean; disableAutoFetch: boolean; disableStream: boolean; rangeChunkSize: number };
      if (ranged) {
        // Same-origin requests (the harness) carry its cookie anyway; vault:// needs none.
        source = { url: src, withCredentials: false, disableAutoFetch: true, disableStream: true, rangeChunkSize: 1024 * 1024 };
      } else {
        const res = await fetch(src, { credentials: 'same-origin' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        source = { data: new Uint8Array(await res.arrayBuffer()) };
      }
      loaded = await pdfjs.getDocument({
        ...source,
        isEvalSupported: false,
        enableXfa: false,
        useWorkerFetch: false,
        cMapUrl: 'bundled/',
        cMapPacked: true,
        CMapReaderFactory: BundledCMapReaderFactory,
        standardFontDataUrl: 'bundled/',
        StandardFontDataFactory: BundledStandardFontDataFactory,
      }).promise;
      if (live) setDoc(loaded);
      else void loaded.destroy();
    })().catch(() => {
      if (live) onError();
    });
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [src, onError, ranged]);

  useEffect(() => {
    if (!doc || !canvas.current) return undefined;
    let task: RenderTask | null = null;
    let live = true;
    (async () => {
      const p = await doc.getPage(page);
      if (!live || !canvas.current) return;
      const ratio = window.devicePixelRatio || 1;
      const base = p.getViewport({ scale: 1 });
      const width = Math.min(760, canvas.current.parentElement?.clientWidth ?? 760);
      const cssScale = (width / base.width) * zoom;
      const viewport = p.getViewport({ scale: cssScale * ratio });
      const c = canvas.current;
      c.width = Math.floor(viewport.width);
      c.height = Math.floor(viewport.height);
      c.style.width = `${Math.floor(viewport.width / ratio)}px`;
      c.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = p.render({ canvas: c, viewport });
      await task.promise;
      if (live) setRendered((n) => n + 1);
    })().catch((err: unknown) => {
      if ((err as { name?: string }).name !== 'RenderingCancelledException' && live) onError();
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, page, zoom, onError]);

  const total = doc?.numPages ?? 0;
  return (
    <div className="ev-viewer">
      <div className="ev-viewer-tools" role="toolbar" aria-label={t('evidence.detail.preview')}>
        <button type="button" className="button button-quiet" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1} data-testid="viewer-pdf-prev">
          {t('evidence.viewer.prevPage')}
        </button>
        <span className="ev-viewer-zoom" aria-live="polite" data-testid="viewer-pdf-page">
          {total ? t('evidence.viewer.page', { n: page, total }) : t('evidence.viewer.loading')}
        </span>
        <button type="button" className="button button-quiet" onClick={() => setPage((p) => Math.min(total, p + 1))} disabled={page >= total} data-testid="viewer-pdf-next">
          {t('evidence.viewer.nextPage')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setZoom((z) => Math.max(0.5, z / 1.25))}>
          {t('evidence.viewer.zoomOut')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setZoom((z) => Math.min(4, z * 1.25))}>
          {t('evidence.viewer.zoomIn')}
        </button>
      </div>
      <div className="ev-pdf-box" tabIndex={0} aria-label={total ? t('evidence.viewer.page', { n: page, total }) : t('evidence.viewer.loading')}>
        <canvas ref={canvas} className="ev-pdf-canvas" data-testid="viewer-pdf" data-rendered={rendered} />
      </div>
    </div>
  );
}
