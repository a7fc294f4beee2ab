// The evidence list in two forms, both virtualised (only the rows on screen are in the
// DOM), so 10,000 items scroll smoothly: a grid of thumbnails and a compact list.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EvidenceSummary } from '../../../../shared/contracts/evidence';
import { currentLocale, useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import { shortTime } from './format';
import { evidenceBytesUrl, type AppMode } from './urls';
import { KindIcon } from './KindIcon';

export interface ViewProps {
  items: EvidenceSummary[];
  mode: AppMode;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}

const CARD_MIN_WIDTH = 176;
const CARD_HEIGHT = 268;
const ROW_HEIGHT = 48;

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function Badges({ item }: { item: EvidenceSummary }) {
  const t = useT();
  const badges: ReactNode[] = [];
  // 'not_analysed': the analysis ran past its time budget; the file itself may be fine.
  if (item.damaged === 'not_analysed')
    badges.push(
      <span key="d" className="ev-badge ev-badge-warning">
        {t('evidence.card.notAnalysed')}
      </span>,
    );
  else if (item.damaged)
    badges.push(
      <span key="d" className="ev-badge ev-badge-danger">
        {t('evidence.card.damaged')}
      </span>,
    );
  if (item.encrypted)
    badges.push(
      <span key="e" className="ev-badge ev-badge-warning">
        {t('evidence.card.encrypted')}
      </span>,
    );
  if (item.nameMismatch)
    badges.push(
      <span key="m" className="ev-badge ev-badge-warning">
        {t('evidence.card.mismatch')}
      </span>,
    );
  return badges.length ? <span className="ev-badges">{badges}</span> : null;
}

export function Thumb({ item, mode, size }: { item: EvidenceSummary; mode: AppMode; size: 'card' | 'row' }) {
  if (item.hasThumb) {
    return <img className={`ev-thumb ev-thumb-${size}`} src={evidenceBytesUrl(mode, 'thumb', item.id)} alt="" loading="lazy" decoding="async" draggable={false} />;
  }
  return (
    <span className={`ev-thumb ev-thumb-${size} ev-thumb-icon ev-kind-${item.kind}`} aria-hidden="true">
      <KindIcon kind={item.kind} />
    </span>
  );
}

export function EvidenceGrid({ items, mode, selected, onToggle, onOpen }: ViewProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useWidth(scrollRef);
  const cols = Math.max(1, Math.floor((width - 8) / CARD_MIN_WIDTH));
  const rows = Math.ceil(items.length / cols);
  const virtualizer = useVirtualizer({ count: rows, getScrollElement: () => scrollRef.current, estimateSize: () => CARD_HEIGHT, overscan: 3 });

  return (
    <div className="ev-scroll" ref={scrollRef} data-testid="evidence-grid" tabIndex={-1}>
      <ul className="ev-grid-body" style={{ height: virtualizer.getTotalSize() }} aria-label={t('evidence.count', { n: items.length })}>
        {virtualizer.getVirtualItems().map((row) => (
          <li key={row.key} className="ev-grid-row" style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
            {items.slice(row.index * cols, row.index * cols + cols).map((item) => {
              const isSelected = selected.has(item.id);
              return (
                <article
                  key={item.id}
                  className={isSelected ? 'ev-card is-selected' : 'ev-card'}
                  data-testid="evidence-card"
                  data-id={item.id}
                  data-name={item.name}
                  data-kind={item.kind}
                >
                  <label className="ev-card-check">
                    <input type="checkbox" checked={isSelected} onChange={() => onToggle(item.id)} data-testid="evidence-card-select" />
                    <span className="visually-hidden">{t('evidence.card.select', { name: item.name })}</span>
                  </label>
                  <button
                    type="button"
                    className="ev-card-open"
                    onClick={() => onOpen(item.id)}
                    aria-label={t('evidence.card.open', { name: item.name })}
                    data-testid="evidence-card-open"
                  >
                    <span className="ev-card-thumb">
                      <Thumb item={item} mode={mode} size="card" />
                    </span>
                    <span className="ev-card-name" title={item.name}>
                      {item.name}
                    </span>
                    <span className="ev-card-meta">
                      <span className="ev-chip">{t(`evidence.category.${item.category}`)}</span>
                      <span className="ev-card-time">{shortTime(item.capturedAt) ?? t('evidence.card.noTime')}</span>
                    </span>
                    <Badges item={item} />
                  </button>
                </article>
              );
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function EvidenceList({ items, mode, selected, onToggle, onOpen }: ViewProps) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const locale = currentLocale();
  return (
    <div className="ev-list" data-testid="evidence-list">
      <div className="ev-list-head" aria-hidden="true">
        <span />
        <span />
        <span>{t('evidence.list.name')}</span>
        <span>{t('evidence.list.category')}</span>
        <span>{t('evidence.list.captured')}</span>
        <span>{t('evidence.list.size')}</span>
        <span>{t('evidence.list.type')}</span>
      </div>
      <div className="ev-scroll ev-scroll-list" ref={scrollRef} tabIndex={-1}>
        <ul className="ev-list-body" style={{ height: virtualizer.getTotalSize() }} aria-label={t('evidence.count', { n: items.length })}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index]!;
            const isSelected = selected.has(item.id);
            return (
              <li
                key={item.id}
                className={isSelected ? 'ev-row is-selected' : 'ev-row'}
                style={{ transform: `translateY(${row.start}px)` }}
                data-testid="evidence-row"
                data-id={item.id}
                data-name={item.name}
              >
                <label className="ev-row-check">
                  <input type="checkbox" checked={isSelected} onChange={() => onToggle(item.id)} data-testid="evidence-row-select" />
                  <span className="visually-hidden">{t('evidence.card.select', { name: item.name })}</span>
                </label>
                <Thumb item={item} mode={mode} size="row" />
                <button type="button" className="ev-row-open" onClick={() => onOpen(item.id)} title={item.name} data-testid="evidence-row-open">
                  {item.name}
                  <Badges item={item} />
                </button>
                <span>{t(`evidence.category.${item.category}`)}</span>
                <span>{shortTime(item.capturedAt) ?? t('evidence.card.noTime')}</span>
                <span>{formatBytes(t, item.size, locale)}</span>
                <span className="ev-row-type">{t(`evidence.kind.${item.kind}`)}</span>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
