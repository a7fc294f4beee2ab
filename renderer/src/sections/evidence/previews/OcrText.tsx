// The recognised text of an image, over the image: one transparent, selectable span per
// line, placed on the line's box (boxes are in pixels of the upright image OCR read; the
// browser shows the same upright image, so only a scale is needed). "Show" tints the boxes
// so the person sees what was read; the text stays the picture's own — never drawn over it.
import { useEffect, useState } from 'react';
import type { OcrItemText } from '../../../../../shared/contracts/ocr';
import { useT } from '../../../i18n';
import { api } from '../../../lib/api';
import type { ImageLayer } from './ImageViewer';

/** Width of a line in em: CJK and full-width forms 1, the rest about 0.55 (enough to fit a span to its box). */
function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 1 : 0.55;
  return Math.max(w, 0.5);
}

export function useOcrText(id: string): OcrItemText | null {
  const [ocr, setOcr] = useState<OcrItemText | null>(null);
  useEffect(() => {
    let live = true;
    setOcr(null);
    api()
      .ocr.lines({ id })
      .then((r) => live && setOcr(r))
      .catch(() => live && setOcr(null));
    return () => {
      live = false;
    };
  }, [id]);
  return ocr;
}

export function OcrSpans({ ocr, natural, shown }: { ocr: OcrItemText; natural: { w: number; h: number }; shown: boolean }) {
  if (!ocr.width || !ocr.height) return null;
  const sx = natural.w / ocr.width;
  const sy = natural.h / ocr.height;
  return (
    <div className={shown ? 'ev-ocr-spans ev-ocr-shown' : 'ev-ocr-spans'} data-testid="ocr-layer">
      {ocr.lines.map((l, i) => {
        const w = l.box.w * sx;
        const h = l.box.h * sy;
        const size = Math.min(h * 0.8, w / emWidth(l.text));
        return (
          <span key={i} className="ev-ocr-line" data-testid="ocr-line" style={{ left: l.box.x * sx, top: l.box.y * sy, width: w, height: h, fontSize: size, lineHeight: `${h}px` }}>
            {l.text}
            {'\n'}
          </span>
        );
      })}
    </div>
  );
}

/** The layer and its toolbar button for ImageViewer, or undefined while the text is loading. */
export function useOcrLayer(id: string): { layer: ImageLayer | undefined; note: string | null } {
  const t = useT();
  const ocr = useOcrText(id);
  const [shown, setShown] = useState(false);
  if (!ocr) return { layer: undefined, note: null };
  if (ocr.status === 'unread') return { layer: undefined, note: t('ocr.unread') };
  if (ocr.status !== 'done') return { layer: undefined, note: t('ocr.notAnalysed') };
  if (ocr.lines.length === 0) return { layer: undefined, note: t('ocr.none') };
  return {
    note: shown ? t('ocr.textHelp') : t('ocr.lines', { count: ocr.lines.length }),
    layer: {
      selecting: shown,
      render: (natural) => <OcrSpans ocr={ocr} natural={natural} shown={shown} />,
      tools: (
        <button type="button" className="button button-quiet" aria-pressed={shown} onClick={() => setShown((s) => !s)} data-testid="viewer-ocr-toggle">
          {shown ? t('ocr.hideText') : t('ocr.showText')}
        </button>
      ),
    },
  };
}
