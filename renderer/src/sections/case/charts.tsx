// Plain SVG charts (no chart library: nothing to load, nothing inline for the CSP). The
// numbers drawn are the decimal strings the money engine computed; converting them to
// pixels is the only place a JS number touches them. Each chart has a text table beside
// it, so nothing is only in the picture.
import { useId } from 'react';

const W = 640;
const H = 280;
const LEFT = 78;
const RIGHT = 16;
const TOP = 28;
const BOTTOM = 46;

/** A round axis maximum at or above `max` (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten). */
function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * pow >= max) return step * pow;
  return 10 * pow;
}

function axisLabel(value: number, locale: string): string {
  return `¥${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)}`;
}

function Axis({ max, locale }: { max: number; locale: string }) {
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const plotH = H - TOP - BOTTOM;
  return (
    <g className="chart-axis" aria-hidden="true">
      {ticks.map((f) => {
        const y = TOP + plotH * (1 - f);
        return (
          <g key={f}>
            <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} className="chart-grid" />
            <text x={LEFT - 8} y={y + 4} textAnchor="end" className="chart-tick">
              {axisLabel(max * f, locale)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export interface StackedBar {
  key: string;
  label: string;
  /** Segments bottom to top; values are money strings. */
  parts: { className: string; value: string }[];
  total: string;
  totalText: string;
}

export function StackedBarChart(props: { title: string; description: string; bars: StackedBar[]; legend: { className: string; label: string }[]; locale: string; testId: string }) {
  const titleId = useId();
  const descId = useId();
  const max = niceMax(Math.max(...props.bars.map((b) => Number(b.total)), 0));
  const plotH = H - TOP - BOTTOM;
  const slot = (W - LEFT - RIGHT) / Math.max(props.bars.length, 1);
  const barW = Math.min(64, slot * 0.6);
  return (
    <figure className="chart" data-testid={props.testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="chart-svg">
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        <Axis max={max} locale={props.locale} />
        {props.bars.map((bar, i) => {
          const x = LEFT + slot * i + (slot - barW) / 2;
          let base = TOP + plotH;
          return (
            <g key={bar.key}>
              {bar.parts.map((part) => {
                const h = (Number(part.value) / max) * plotH;
                base -= h;
                return <rect key={part.className} x={x} y={base} width={barW} height={Math.max(h, 0)} className={part.className} />;
              })}
              <text x={x + barW / 2} y={base - 6} textAnchor="middle" className="chart-value">
                {bar.totalText}
              </text>
              <text x={x + barW / 2} y={H - BOTTOM + 18} textAnchor="middle" className="chart-label">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {props.legend.map((l) => (
          <span key={l.className} className="chart-legend-item">
            <svg viewBox="0 0 10 10" className="chart-swatch" aria-hidden="true">
              <rect width="10" height="10" className={l.className} />
            </svg>
            {l.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Installments as bars, with the monthly capacity as a dashed line; bars above it are marked. */
export function ScheduleChart(props: {
  title: string;
  description: string;
  amounts: { n: number; amount: string; over: boolean }[];
  capacity: string | null;
  capacityLabel: string;
  locale: string;
  testId: string;
}) {
  const titleId = useId();
  const descId = useId();
  const values = props.amounts.map((a) => Number(a.amount));
  const cap = props.capacity === null ? null : Number(props.capacity);
  const max = niceMax(Math.max(...values, cap ?? 0, 0) * 1.05);
  const plotH = H - TOP - BOTTOM;
  const slot = (W - LEFT - RIGHT) / Math.max(props.amounts.length, 1);
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const every = props.amounts.length > 24 ? 6 : props.amounts.length > 12 ? 3 : 1;
  return (
    <figure className="chart" data-testid={props.testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="chart-svg">
        <title id={titleId}>{props.title}</title>
        <desc id={descId}>{props.description}</desc>
        <Axis max={max} locale={props.locale} />
        {props.amounts.map((a, i) => {
          const h = (Number(a.amount) / max) * plotH;
          const x = LEFT + slot * i + (slot - barW) / 2;
          return (
            <g key={a.n}>
              <rect x={x} y={TOP + plotH - h} width={barW} height={h} className={a.over ? 'chart-bar-over' : 'chart-bar'} />
              {(i % every === 0 || i === props.amounts.length - 1) && (
                <text x={x + barW / 2} y={H - BOTTOM + 18} textAnchor="middle" className="chart-label">
                  {a.n}
                </text>
              )}
            </g>
          );
        })}
        {cap !== null && (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={TOP + plotH * (1 - cap / max)} y2={TOP + plotH * (1 - cap / max)} className="chart-capacity" />
            <text x={W - RIGHT} y={TOP + plotH * (1 - cap / max) - 6} textAnchor="end" className="chart-capacity-label">
              {props.capacityLabel}
            </text>
          </g>
        )}
      </svg>
    </figure>
  );
}
