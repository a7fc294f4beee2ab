// An image with zoom and pan: buttons, the mouse wheel, dragging, and the keyboard
// (+ / − / 0, arrow keys). The browser applies the EXIF orientation of the original
// (image-orientation: from-image), so a phone photo stands the right way up.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../../i18n';

const MIN = 0.05;
const MAX = 8;
const STEP = 1.25;

export interface ImageLayer {
  /** Drawn over the image in its natural pixel size, moved and scaled with it (the recognised-text spans). */
  render(natural: { w: number; h: number }): ReactNode;
  /** While true, a press on the layer selects text instead of panning. */
  selecting: boolean;
  tools?: ReactNode;
}

export function ImageViewer({ src, alt, onError, layer }: { src: string; alt: string; onError: () => void; layer?: ImageLayer }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [boxSize, setBoxSize] = useState<{ w: number; h: number }>({ w: 1, h: 1 });
  const [scale, setScale] = useState<number | null>(null); // null: fit the window
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number; ox: number; oy: number } | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setBoxSize({ w: el.clientWidth, h: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const fit = natural ? Math.min(boxSize.w / natural.w, boxSize.h / natural.h, 1) : 1;
  const effective = scale ?? fit;
  const zoomTo = useCallback((next: number) => setScale(Math.min(MAX, Math.max(MIN, next))), []);
  const zoomBy = useCallback((factor: number) => setScale((s) => Math.min(MAX, Math.max(MIN, (s ?? fit) * factor))), [fit]);
  const reset = () => {
    setScale(null);
    setOffset({ x: 0, y: 0 });
  };

  // The wheel must be able to prevent page scrolling: a non-passive native listener.
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      zoomBy(e.deltaY < 0 ? STEP : 1 / STEP);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoomBy]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const pan = 40;
    const moves: Record<string, [number, number]> = { ArrowLeft: [pan, 0], ArrowRight: [-pan, 0], ArrowUp: [0, pan], ArrowDown: [0, -pan] };
    if (e.key === '+' || e.key === '=') zoomBy(STEP);
    else if (e.key === '-' || e.key === '_') zoomBy(1 / STEP);
    else if (e.key === '0') reset();
    else if (moves[e.key]) setOffset((o) => ({ x: o.x + moves[e.key]![0], y: o.y + moves[e.key]![1] }));
    else return;
    e.preventDefault();
  };

  return (
    <div className="ev-viewer">
      <div className="ev-viewer-tools" role="toolbar" aria-label={t('evidence.viewer.panHelp')}>
        <button type="button" className="button button-quiet" onClick={() => zoomBy(1 / STEP)} data-testid="viewer-zoom-out">
          {t('evidence.viewer.zoomOut')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => zoomBy(STEP)} data-testid="viewer-zoom-in">
          {t('evidence.viewer.zoomIn')}
        </button>
        <button type="button" className="button button-quiet" onClick={reset} data-testid="viewer-fit">
          {t('evidence.viewer.fit')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => zoomTo(1)}>
          {t('evidence.viewer.actual')}
        </button>
        {layer?.tools}
        <span className="ev-viewer-zoom" aria-live="polite" data-testid="viewer-zoom-level">
          {t('evidence.viewer.zoom', { pct: Math.round(effective * 100) })}
        </span>
      </div>
      <div
        ref={box}
        className="ev-image-box"
        tabIndex={0}
        role="group"
        aria-label={`${alt} — ${t('evidence.viewer.panHelp')}`}
        onKeyDown={onKeyDown}
        onPointerDown={(e) => {
          if (layer?.selecting && (e.target as HTMLElement).closest('.ev-ocr-layer')) return;
          drag.current = { x: e.clientX, y: e.clientY, ox: offset.x, oy: offset.y };
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setOffset({ x: d.ox + e.clientX - d.x, y: d.oy + e.clientY - d.y });
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
        data-testid="viewer-image"
      >
        <img
          src={src}
          alt={alt}
          draggable={false}
          className="ev-image"
          onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          onError={onError}
          style={{ transform: `translate(-50%, -50%) translate(${offset.x}px, ${offset.y}px) scale(${effective})` }}
        />
        {layer && natural ? (
          <div
            className="ev-ocr-layer"
            style={{ width: natural.w, height: natural.h, transform: `translate(-50%, -50%) translate(${offset.x}px, ${offset.y}px) scale(${effective})` }}
          >
            {layer.render(natural)}
          </div>
        ) : null}
      </div>
    </div>
  );
}
