// The timeline, grouped by day, virtualised so 10,000 entries scroll smoothly: only the
// rows in view (and a few either side) are in the page. Keyboard: Tab reaches the list,
// ↑/↓ move between entries, Home/End jump, Enter opens one.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { TimelineEntry } from '../../../../shared/contracts/timeline';
import { currentLocale, useT } from '../../i18n';
import { EntryBadges } from './Badges';
import { durationText, splitAt } from './format';

type Row = { kind: 'day'; day: string; count: number } | { kind: 'entry'; entry: TimelineEntry };

export function buildRows(entries: readonly TimelineEntry[]): Row[] {
  const rows: Row[] = [];
  let day = '';
  let header: { kind: 'day'; day: string; count: number } | null = null;
  for (const entry of entries) {
    const d = splitAt(entry.at).day;
    if (d !== day) {
      day = d;
      header = { kind: 'day', day: d, count: 0 };
      rows.push(header);
    }
    header!.count++;
    rows.push({ kind: 'entry', entry });
  }
  return rows;
}

function dayLabel(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export interface TimelineListProps {
  entries: readonly TimelineEntry[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  /** Scroll to (and focus) this entry once, e.g. when coming back from its evidence. */
  revealId?: string | null;
}

export function TimelineList({ entries, selectedId, onOpen, revealId }: TimelineListProps) {
  const t = useT();
  const locale = currentLocale();
  const rows = useMemo(() => buildRows(entries), [entries]);
  const entryIndexes = useMemo(() => rows.flatMap((r, i) => (r.kind === 'entry' ? [i] : [])), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'day' ? 40 : 84),
    overscan: 8,
    getItemKey: (i) => {
      const r = rows[i]!;
      return r.kind === 'day' ? `d:${r.day}` : r.entry.id;
    },
  });

  const focusRow = (rowIndex: number) => {
    setActive(rowIndex);
    virtualizer.scrollToIndex(rowIndex, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLButtonElement>(`[data-row="${rowIndex}"]`)?.focus();
    });
  };

  useEffect(() => {
    if (!revealId) return;
    const i = rows.findIndex((r) => r.kind === 'entry' && r.entry.id === revealId);
    if (i >= 0) focusRow(i);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealId]);

  const activeRow = entryIndexes.includes(active) ? active : (entryIndexes[0] ?? 0);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const pos = entryIndexes.indexOf(activeRow);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = entryIndexes[Math.min(pos + 1, entryIndexes.length - 1)];
    else if (e.key === 'ArrowUp') next = entryIndexes[Math.max(pos - 1, 0)];
    else if (e.key === 'Home') next = entryIndexes[0];
    else if (e.key === 'End') next = entryIndexes[entryIndexes.length - 1];
    else if (e.key === 'PageDown') next = entryIndexes[Math.min(pos + 8, entryIndexes.length - 1)];
    else if (e.key === 'PageUp') next = entryIndexes[Math.max(pos - 8, 0)];
    if (next === undefined) return;
    e.preventDefault();
    focusRow(next);
  };

  return (
    <div className="tl-list-scroll" ref={scrollRef} onKeyDown={onKeyDown} data-testid="timeline-list">
      <div className="tl-list-inner" role="list" aria-label={t('nav.timeline')} style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          return (
            <div key={v.key} role="listitem" className="tl-row" data-index={v.index} ref={virtualizer.measureElement} style={{ transform: `translateY(${v.start}px)` }}>
              {row.kind === 'day' ? (
                <h3 className="tl-day" data-testid="timeline-day">
                  {dayLabel(row.day, locale)} <span className="tl-day-count">· {row.count}</span>
                </h3>
              ) : (
                <EntryRow
                  entry={row.entry}
                  rowIndex={v.index}
                  tabbable={v.index === activeRow}
                  selected={row.entry.id === selectedId}
                  onOpen={() => {
                    setActive(v.index);
                    onOpen(row.entry.id);
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function EntryRow({ entry, rowIndex, tabbable, selected, onOpen }: { entry: TimelineEntry; rowIndex: number; tabbable: boolean; selected: boolean; onOpen: () => void }) {
  const t = useT();
  const { time } = splitAt(entry.at);
  const flagged = entry.flags.some((f) => f.dismissed === null);
  return (
    <button
      type="button"
      className={`tl-entry tl-party-${entry.party}${flagged ? ' is-flagged' : ''}${selected ? ' is-selected' : ''}`}
      tabIndex={tabbable ? 0 : -1}
      aria-current={selected ? 'true' : undefined}
      data-row={rowIndex}
      data-id={entry.id}
      data-testid="timeline-entry"
      data-flagged={flagged ? 'true' : 'false'}
      onClick={onOpen}
    >
      <span className="tl-entry-time">{time}</span>
      <span className={`tl-dot tl-dot-${entry.party}`} aria-hidden="true" />
      <span className="tl-entry-main">
        <span className="tl-entry-head">
          <span className="tl-chip">
            {t(entry.direction === 'incoming' ? 'timeline.direction.incomingShort' : 'timeline.direction.outgoingShort')}
            {t(`timeline.channel.${entry.channel}`)}
          </span>
          <span className="tl-entry-who">{entry.counterparty || t('timeline.party.unknown')}</span>
          {entry.durationSec !== null && <span className="tl-entry-dur">{durationText(t, entry.durationSec)}</span>}
          {entry.evidenceIds.length > 0 && <span className="tl-entry-ev">{t('timeline.detail.evidenceCount', { n: entry.evidenceIds.length })}</span>}
        </span>
        {entry.preview && <span className="tl-entry-text">{entry.preview}</span>}
        <EntryBadges entry={entry} />
      </span>
    </button>
  );
}
