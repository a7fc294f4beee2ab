// The drawing surface of the signature editor: a <canvas> fed by pointer events (mouse,
// pen, touch), strokes kept as points so they can be redrawn sharp at any devicePixelRatio,
// undone one at a time, and exported as a cropped transparent PNG.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, type PointerEvent as ReactPointerEvent } from 'react';

interface Point {
  x: number;
  y: number;
  /** Line width at this point, CSS pixels. */
  w: number;
  t: number;
}
type Stroke = Point[];

export interface SignaturePadHandle {
  undo(): void;
  clear(): void;
  /** A PNG of the strokes cropped to their bounds plus a margin, or null when nothing is drawn. */
  toPng(): Promise<Blob | null>;
}

const INK = '#111827';
const BASE_WIDTH = 2.6;
const MIN_WIDTH = BASE_WIDTH * 0.55;
const MAX_WIDTH = BASE_WIDTH * 1.45;
const MARGIN = 12;
/** The exported PNG has at least twice the CSS resolution, so it prints sharp. */
const EXPORT_SCALE = 2;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/** Draws one stroke as quadratic curves through the midpoints (smooth, no corners). */
function drawStroke(ctx: CanvasRenderingContext2D, s: Stroke): void {
  const first = s[0];
  if (!first) return;
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (s.length === 1) {
    // A tap is a dot.
    ctx.beginPath();
    ctx.arc(first.x, first.y, first.w / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  // Each piece gets its own width, so the line thins and thickens along the way.
  let from: { x: number; y: number } = first;
  for (let i = 1; i < s.length; i++) {
    const p = s[i]!;
    const next = s[i + 1];
    const to = next ? mid(p, next) : p;
    ctx.beginPath();
    ctx.lineWidth = (s[i - 1]!.w + p.w) / 2;
    ctx.moveTo(from.x, from.y);
    ctx.quadraticCurveTo(p.x, p.y, to.x, to.y);
    ctx.stroke();
    from = to;
  }
}

export interface SignaturePadProps {
  label: string;
  describedBy?: string;
  /** Called with the number of strokes after every change. */
  onStrokes: (count: number) => void;
}

export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad({ label, describedBy, onStrokes }, ref) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const current = useRef<{ id: number; stroke: Stroke } | null>(null);
  const frame = useRef(0);
  const onStrokesRef = useRef(onStrokes);
  onStrokesRef.current = onStrokes;

  const redraw = useCallback(() => {
    frame.current = 0;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    for (const s of strokes.current) drawStroke(ctx, s);
    if (current.current) drawStroke(ctx, current.current.stroke);
  }, []);
  // One redraw per frame however many pointer events arrive (a signature is a few thousand points).
  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(redraw);
  }, [redraw]);

  // The backing store follows the element's size and the screen's pixel ratio.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const fit = () => {
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
      const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      redraw();
    };
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(canvas);
    return () => {
      ro.disconnect();
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [redraw]);

  const pointOf = (e: PointerEvent, rect: DOMRect, prev: Point | undefined): Point => {
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const t = e.timeStamp;
    let target: number;
    if (e.pointerType === 'pen' && e.pressure > 0) {
      target = BASE_WIDTH * (0.5 + e.pressure);
    } else if (prev) {
      // Faster movement draws a slightly thinner line, as ink does.
      const v = Math.hypot(x - prev.x, y - prev.y) / Math.max(1, t - prev.t);
      target = BASE_WIDTH * (1.35 - 0.3 * v);
    } else {
      target = BASE_WIDTH;
    }
    target = clamp(target, MIN_WIDTH, MAX_WIDTH);
    // Ease towards the target so the width never jumps.
    const w = prev ? prev.w * 0.7 + target * 0.3 : target;
    return { x, y, w, t };
  };

  const onPointerDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    if (current.current) return; // a second finger does not start a second line
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    current.current = { id: e.pointerId, stroke: [pointOf(e.nativeEvent, e.currentTarget.getBoundingClientRect(), undefined)] };
    schedule();
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const cur = current.current;
    if (!cur || cur.id !== e.pointerId) return;
    e.preventDefault();
    // Coalesced events keep fast strokes smooth where the browser batches them per frame.
    const events = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    const rect = e.currentTarget.getBoundingClientRect();
    for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
      const prev = cur.stroke[cur.stroke.length - 1];
      const p = pointOf(ev, rect, prev);
      // Sub-pixel jitter adds points without adding shape.
      if (prev && Math.hypot(p.x - prev.x, p.y - prev.y) < 0.75) continue;
      cur.stroke.push(p);
    }
    schedule();
  };
  const end = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const cur = current.current;
    if (!cur || cur.id !== e.pointerId) return;
    current.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    strokes.current = [...strokes.current, cur.stroke];
    schedule();
    onStrokesRef.current(strokes.current.length);
  };

  useImperativeHandle(
    ref,
    () => ({
      undo() {
        strokes.current = strokes.current.slice(0, -1);
        schedule();
        onStrokesRef.current(strokes.current.length);
      },
      clear() {
        strokes.current = [];
        current.current = null;
        schedule();
        onStrokesRef.current(0);
      },
      toPng() {
        const all = strokes.current;
        if (all.length === 0) return Promise.resolve(null);
        let minX = Infinity;
        let minY = Infinity;
        let maxX = -Infinity;
        let maxY = -Infinity;
        for (const s of all)
          for (const p of s) {
            minX = Math.min(minX, p.x - p.w);
            minY = Math.min(minY, p.y - p.w);
            maxX = Math.max(maxX, p.x + p.w);
            maxY = Math.max(maxY, p.y + p.w);
          }
        minX -= MARGIN;
        minY -= MARGIN;
        const width = Math.ceil(maxX + MARGIN - minX);
        const height = Math.ceil(maxY + MARGIN - minY);
        // Redrawn rather than copied: the PNG is sharp whatever the screen's pixel ratio.
        const out = document.createElement('canvas');
        out.width = width * EXPORT_SCALE;
        out.height = height * EXPORT_SCALE;
        const ctx = out.getContext('2d');
        if (!ctx) return Promise.resolve(null);
        ctx.setTransform(EXPORT_SCALE, 0, 0, EXPORT_SCALE, -minX * EXPORT_SCALE, -minY * EXPORT_SCALE);
        for (const s of all) drawStroke(ctx, s);
        return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
      },
    }),
    [schedule],
  );

  return (
    <canvas
      ref={canvasRef}
      className="pt-pad-canvas"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="signature-pad"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
    />
  );
});
