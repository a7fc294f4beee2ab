// Filters: channel, party, flagged only, a date range, and a text search (debounced).
import { useEffect, useId, useState } from 'react';
import type { TimelineFilter } from '../../../../shared/contracts/timeline';
import { CONTACT_CHANNELS, PARTY_TYPES, type ContactChannel, type EffectiveParty } from '../../../../shared/timeline/kinds';
import { useT } from '../../i18n';

export function FilterBar({ filter, onChange }: { filter: TimelineFilter; onChange: (f: TimelineFilter) => void }) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState(filter.query ?? '');

  useEffect(() => {
    const handle = setTimeout(() => {
      const q = query.trim();
      if ((filter.query ?? '') !== q) onChange({ ...filter, query: q || undefined });
    }, 250);
    return () => clearTimeout(handle);
  }, [query, filter, onChange]);

  const set = (patch: Partial<TimelineFilter>) => onChange({ ...filter, ...patch });
  const active = Boolean(filter.channels?.length || filter.parties?.length || filter.flaggedOnly || filter.from || filter.to || filter.query);

  return (
    <fieldset className="tl-filters" data-testid="timeline-filters">
      <legend className="visually-hidden">{t('timeline.filters.label')}</legend>
      <label className="tl-field" htmlFor={`${id}-search`}>
        <span className="tl-field-label">{t('timeline.filters.search')}</span>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          value={query}
          placeholder={t('timeline.filters.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="filter-search"
        />
      </label>
      <label className="tl-field" htmlFor={`${id}-channel`}>
        <span className="tl-field-label">{t('timeline.filters.channel')}</span>
        <select
          id={`${id}-channel`}
          className="select"
          value={filter.channels?.[0] ?? ''}
          onChange={(e) => set({ channels: e.target.value ? [e.target.value as ContactChannel] : undefined })}
          data-testid="filter-channel"
        >
          <option value="">{t('timeline.filters.any')}</option>
          {CONTACT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`timeline.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="tl-field" htmlFor={`${id}-party`}>
        <span className="tl-field-label">{t('timeline.filters.party')}</span>
        <select
          id={`${id}-party`}
          className="select"
          value={filter.parties?.[0] ?? ''}
          onChange={(e) => set({ parties: e.target.value ? [e.target.value as EffectiveParty] : undefined })}
          data-testid="filter-party"
        >
          <option value="">{t('timeline.filters.any')}</option>
          {[...PARTY_TYPES, 'unknown' as const].map((p) => (
            <option key={p} value={p}>
              {t(`timeline.party.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="tl-field" htmlFor={`${id}-from`}>
        <span className="tl-field-label">{t('timeline.filters.from')}</span>
        <input id={`${id}-from`} className="input" type="date" value={filter.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} data-testid="filter-from" />
      </label>
      <label className="tl-field" htmlFor={`${id}-to`}>
        <span className="tl-field-label">{t('timeline.filters.to')}</span>
        <input id={`${id}-to`} className="input" type="date" value={filter.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} data-testid="filter-to" />
      </label>
      <label className="tl-check" htmlFor={`${id}-flagged`}>
        <input
          id={`${id}-flagged`}
          className="checkbox"
          type="checkbox"
          checked={filter.flaggedOnly ?? false}
          onChange={(e) => set({ flaggedOnly: e.target.checked || undefined })}
          data-testid="filter-flagged"
        />
        {t('timeline.filters.flagged')}
      </label>
      {active && (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setQuery('');
            onChange({});
          }}
          data-testid="filter-clear"
        >
          {t('timeline.filters.clear')}
        </button>
      )}
    </fieldset>
  );
}
