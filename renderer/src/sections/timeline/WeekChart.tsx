// Contacts per week by party (stacked bars), with the weeks' flagged contacts marked
// above each bar. Plain SVG; colours come from timeline.css classes (the CSP allows no
// inline style attributes). A text caption and a table for screen readers carry the same data.
import { useMemo } from 'react';
import type { TimelineEntry } from '../../../../shared/contracts/timeline';
import { CHART_PARTIES, weeklyBuckets } from '../../../../shared/timeline/chart';
import { useT } from '../../i18n';

const W = 360;
const H = 150;
const PAD = { left: 26, right: 6, top: 20, bottom: 22 };

export function WeekChart({ entries }: { entries: readonly TimelineEntry[] }) {
  const t = useT();
  const buckets = useMemo(() => weeklyBuckets(entries.map((e) => ({ atMs: e.atMs, party: e.party, flagged: e.flags.some((f) => f.dismissed === null) }))), [entries]);
  if (buckets.length === 0) return <p className="help">{t('timeline.chart.none')}</p>;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / buckets.length;
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  const y = (n: number) => PAD.top + innerH - (n / max) * innerH;
  const total = buckets.reduce((s, b) => s + b.total, 0);
  const flagged = buckets.reduce((s, b) => s + b.flagged, 0);
  const labelEvery = Math.ceil(buckets.length / 6);
  const caption = t('timeline.chart.caption', { from: buckets[0]!.week, weeks: buckets.length, total, flagged });
  const outside = entries.length - total;
  const used = CHART_PARTIES.filter((p) => buckets.some((b) => b.byParty[p] > 0));

  return (
    <figure className="tl-chart" data-testid="timeline-chart">
      <figcaption className="tl-chart-caption">
        <strong>{t('timeline.chart.title')}</strong> {caption}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="tl-chart-svg" role="img" aria-label={`${t('timeline.chart.title')}：${caption}`}>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="tl-axis" />
        <text x={PAD.left - 6} y={y(max) + 4} className="tl-axis-label" textAnchor="end">
          {max}
        </text>
        <text x={PAD.left - 6} y={y(0)} className="tl-axis-label" textAnchor="end">
          0
        </text>
        {buckets.map((b, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          let acc = 0;
          return (
            <g key={b.week} data-testid="chart-week" data-week={b.week} data-flagged={b.flagged}>
              <title>{`${t('timeline.chart.week', { date: b.week })}: ${b.total}${b.flagged ? `（${t('timeline.chart.flagged')} ${b.flagged}）` : ''}`}</title>
              {CHART_PARTIES.map((p) => {
                const n = b.byParty[p];
                if (n === 0) return null;
                const top = y(acc + n);
                const rect = <rect key={p} x={x} width={barW} y={top} height={y(acc) - top} className={`tl-fill-${p}`} />;
                acc += n;
                return rect;
              })}
              {b.flagged > 0 && (
                <g className="tl-chart-flag">
                  <path d={`M ${x + barW / 2} ${y(b.total) - 3} l -4 -7 l 8 0 z`} />
                  <text x={x + barW / 2} y={y(b.total) - 11} textAnchor="middle">
                    {b.flagged}
                  </text>
                </g>
              )}
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="tl-axis-label">
                  {b.week.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {outside > 0 && <p className="help tl-chart-outside">{t('timeline.chart.outside', { n: outside })}</p>}
      <ul className="tl-legend">
        {used.map((p) => (
          <li key={p}>
            <span className={`tl-swatch tl-bg-${p}`} aria-hidden="true" /> {t(`timeline.party.${p}`)}
          </li>
        ))}
        <li>
          <span className="tl-swatch tl-swatch-flag" aria-hidden="true">
            ▼
          </span>{' '}
          {t('timeline.chart.flagged')}
        </li>
      </ul>
    </figure>
  );
}
