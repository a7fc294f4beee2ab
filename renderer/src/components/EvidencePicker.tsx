// One way to link evidence everywhere a form asks for it (an account's bill, a contact's
// recording, a round's request, a payment's receipt, an agreement's signed copy): the person
// picks files from a searchable list (name, category, date, thumbnail) and sees their names,
// never ids. A link to an item that is no longer in the vault is shown as such, not dropped.
import { useId, useMemo, useState } from 'react';
import type { EvidenceSummary } from '../../../shared/contracts/evidence';
import type { EvidenceCategory } from '../../../shared/evidence/categories';
import { useT, type Translate } from '../i18n';
import { CategoryOptions } from '../sections/evidence/CategoryOptions';
import { Thumb } from '../sections/evidence/EvidenceViews';
import { shortTime } from '../sections/evidence/format';
import type { AppMode } from '../sections/evidence/urls';
import { useEvidenceIndex, type EvidenceIndex } from './useEvidenceIndex';
import '../sections/evidence/evidence.css';
import './forms.css';

/** The browser harness serves the app over http(s); the Electron app over its own scheme. */
function appMode(): AppMode {
  return location.protocol === 'http:' || location.protocol === 'https:' ? 'harness' : 'electron';
}

const SHOW_AT_MOST = 200;

function dayOf(item: EvidenceSummary): string {
  return (item.capturedAt ?? item.importedAt).slice(0, 10);
}

/** "账单截图.png（账单与合同 · 2026-03-02）" — how a linked item is named in lists and tables. */
export function evidenceLabel(t: Translate, item: EvidenceSummary | undefined): string {
  if (!item) return t('forms.evidence.missing');
  return t('forms.evidence.label', { name: item.name, category: t(`evidence.category.${item.category}`), date: dayOf(item) });
}

/** Linked evidence shown by name (read-only), for cards and tables. */
export function EvidenceNames({ ids, index, testId }: { ids: readonly string[]; index: EvidenceIndex; testId?: string }) {
  const t = useT();
  if (ids.length === 0) return <span data-testid={testId}>—</span>;
  return (
    <span className="ev-names" data-testid={testId}>
      {ids.map((id, i) => (
        <span key={id} className="ev-name">
          {i > 0 ? '、' : ''}
          {index.loaded ? (index.byId.get(id)?.name ?? t('forms.evidence.missing')) : '…'}
        </span>
      ))}
    </span>
  );
}

export interface EvidencePickerProps {
  label: string;
  testId: string;
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** false: one item (a receipt, the signed copy); picking another replaces it. */
  multiple?: boolean;
  help?: string;
  /** Shared index when the screen already loaded one (else the picker loads its own). */
  index?: EvidenceIndex;
}

export function EvidencePicker(p: EvidencePickerProps) {
  const own = useEvidenceIndex();
  const index = p.index ?? own;
  const t = useT();
  const id = useId();
  const multiple = p.multiple ?? true;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<EvidenceCategory | ''>('');
  const chosen = useMemo(() => new Set(p.value), [p.value]);
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return index.items.filter(
      (i) =>
        (category === '' || i.category === category) &&
        (q === '' ||
          i.name.toLowerCase().includes(q) ||
          i.note.toLowerCase().includes(q) ||
          dayOf(i).includes(q) ||
          t(`evidence.category.${i.category}`).toLowerCase().includes(q) ||
          i.tags.some((tag) => tag.toLowerCase().includes(q))),
    );
  }, [index.items, query, category, t]);

  const toggle = (item: EvidenceSummary) => {
    if (!multiple) {
      p.onChange(chosen.has(item.id) ? [] : [item.id]);
      if (!chosen.has(item.id)) setOpen(false);
      return;
    }
    p.onChange(chosen.has(item.id) ? p.value.filter((v) => v !== item.id) : [...p.value, item.id]);
  };
  const mode = appMode();

  return (
    <div className="field case-field ev-picker" data-testid={p.testId}>
      <span className="field-label" id={`${id}-label`}>
        {p.label}
      </span>
      {p.help && (
        <p className="help case-field-help" id={`${id}-help`}>
          {p.help}
        </p>
      )}
      {p.value.length > 0 ? (
        <ul className="ev-picker-chosen" aria-labelledby={`${id}-label`} data-testid={`${p.testId}-chosen`}>
          {p.value.map((v) => {
            const item = index.byId.get(v);
            return (
              <li key={v} className="ev-picker-chip">
                {item && <Thumb item={item} mode={mode} size="row" />}
                <span className="ev-picker-chip-name">{index.loaded ? evidenceLabel(t, item) : '…'}</span>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => p.onChange(p.value.filter((x) => x !== v))}
                  aria-label={t('forms.evidence.remove', { name: item?.name ?? '' })}
                >
                  {t('forms.evidence.removeShort')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="help" data-testid={`${p.testId}-none`}>
          {t('forms.evidence.none')}
        </p>
      )}
      <button type="button" className="button button-quiet" aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen(!open)} data-testid={`${p.testId}-open`}>
        {open ? t('forms.evidence.close') : multiple ? t('forms.evidence.choose') : t('forms.evidence.chooseOne')}
      </button>
      {open && (
        <div className="ev-picker-panel" id={`${id}-panel`} role="group" aria-label={p.label}>
          <div className="ev-picker-filters">
            <input
              className="input"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('forms.evidence.search')}
              aria-label={t('forms.evidence.search')}
              data-testid={`${p.testId}-search`}
            />
            <select className="select" value={category} onChange={(e) => setCategory(e.target.value as EvidenceCategory | '')} aria-label={t('forms.evidence.category')}>
              <option value="">{t('forms.evidence.allCategories')}</option>
              <CategoryOptions />
            </select>
          </div>
          {!index.loaded ? (
            <p role="status">…</p>
          ) : index.items.length === 0 ? (
            <p className="help">{t('forms.evidence.emptyVault')}</p>
          ) : matches.length === 0 ? (
            <p className="help">{t('forms.evidence.noMatch')}</p>
          ) : (
            <ul className="ev-picker-list">
              {matches.slice(0, SHOW_AT_MOST).map((item) => (
                <li key={item.id}>
                  <label className="ev-picker-row" data-testid={`${p.testId}-option`}>
                    <input type={multiple ? 'checkbox' : 'radio'} name={`${id}-pick`} checked={chosen.has(item.id)} onChange={() => toggle(item)} />
                    <Thumb item={item} mode={mode} size="row" />
                    <span className="ev-picker-row-text">
                      <span className="ev-picker-row-name">{item.name}</span>
                      <span className="help">
                        {t(`evidence.category.${item.category}`)} · {shortTime(item.capturedAt) ?? dayOf(item)}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {matches.length > SHOW_AT_MOST && <p className="help">{t('forms.evidence.more', { n: matches.length - SHOW_AT_MOST })}</p>}
        </div>
      )}
    </div>
  );
}
