// Step 3: the exhibits, in the order they will appear. The suggested set comes first
// (identity, what is owed, three months of income, hardship, the key contacts); the person
// adds, removes, renames and reorders (buttons, so the keyboard does everything). What the
// builder would refuse (a damaged file, an encrypted PDF without its password) is shown
// here, before any building.
import { useMemo, useState } from 'react';
import type { ExhibitCandidate } from '../../../../shared/contracts/package';
import type { EvidenceCategory } from '../../../../shared/evidence/categories';
import type { PickedExhibit } from '../../../../shared/package/build-from-draft';
import { currentLocale, useT } from '../../i18n';
import { formatBytes } from '../../lib/format';
import { evidenceBytesUrl, type AppMode } from '../evidence/urls';
import { SIZE_WARN_BYTES, canListOnly, embeddedBytes, move, suggestedPicks } from './wizard-state';
import { CategoryOptions } from '../evidence/CategoryOptions';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';

const SHOW_AT_MOST = 200;

function Thumb({ mode, c }: { mode: AppMode; c: ExhibitCandidate }) {
  return c.hasThumb ? (
    <img className="pkg-thumb" src={evidenceBytesUrl(mode, 'thumb', c.evidenceId)} alt="" loading="lazy" decoding="async" />
  ) : (
    <span className="pkg-thumb pkg-thumb-kind" aria-hidden="true">
      {c.kind === 'pdf' ? 'PDF' : c.kind === 'audio' ? '♪' : '▤'}
    </span>
  );
}

export function StepExhibits({
  mode,
  candidates,
  picks,
  onPicks,
}: {
  mode: AppMode;
  candidates: readonly ExhibitCandidate[];
  picks: PickedExhibit[];
  onPicks: (next: PickedExhibit[]) => void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<EvidenceCategory | ''>('');
  const picked = useMemo(() => new Set(picks.map((p) => p.candidate.evidenceId)), [picks]);
  const available = useMemo(() => {
    const q = query.trim().toLowerCase();
    return candidates.filter(
      (c) => !picked.has(c.evidenceId) && (category === '' || c.category === category) && (q === '' || c.title.toLowerCase().includes(q) || c.fileName.toLowerCase().includes(q)),
    );
  }, [candidates, picked, query, category]);

  const update = (i: number, patch: Partial<PickedExhibit>) => onPicks(picks.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const remove = (i: number) => onPicks(picks.filter((_, j) => j !== i));
  const add = (c: ExhibitCandidate) => onPicks([...picks, { candidate: c, title: c.title }]);
  // A caption the person typed is kept with the evidence in the vault: the next package (and
  // `package build` in the CLI) prints it too. An emptied caption falls back to what the file is.
  const [captionError, setCaptionError] = useState<unknown>(null);
  const [savedCaptions] = useState(() => new Map<string, string>());
  const keepCaption = async (i: number) => {
    const p = picks[i];
    if (!p) return;
    const id = p.candidate.evidenceId;
    const caption = p.title.replace(/\s+/g, ' ').trim();
    if (caption === (savedCaptions.get(id) ?? p.candidate.title)) return;
    try {
      await api().evidence.update({ id, caption });
      savedCaptions.set(id, caption);
      setCaptionError(null);
    } catch (err) {
      setCaptionError(err);
    }
  };

  return (
    <div className="pkg-step pkg-exhibits" data-testid="pkg-step-exhibits">
      <section className="case-card" aria-labelledby="pkg-picked-title">
        <div className="pkg-card-head">
          <h2 id="pkg-picked-title">{t('application.exhibits.picked', { n: picks.length })}</h2>
          <button type="button" className="button button-quiet" onClick={() => onPicks(suggestedPicks(candidates))} data-testid="pkg-suggested">
            {t('application.exhibits.useSuggested')}
          </button>
        </div>
        <p className="help">{t('application.exhibits.pickedHelp')}</p>
        <p className="help" id="pkg-caption-help">
          {t('application.exhibits.captionHelp')}
        </p>
        {captionError !== null && (
          <p className="case-field-error" role="alert">
            {errorText(t, captionError)}
          </p>
        )}
        <p
          className={embeddedBytes(picks) > SIZE_WARN_BYTES ? 'case-field-error pkg-size pkg-size-over' : 'help pkg-size'}
          role={embeddedBytes(picks) > SIZE_WARN_BYTES ? 'alert' : undefined}
          data-testid="pkg-size"
        >
          {t(embeddedBytes(picks) > SIZE_WARN_BYTES ? 'application.exhibits.sizeOver' : 'application.exhibits.size', {
            size: formatBytes(t, embeddedBytes(picks), currentLocale()),
            limit: formatBytes(t, SIZE_WARN_BYTES, currentLocale()),
          })}
        </p>
        {picks.length === 0 ? (
          <p className="empty-state" data-testid="pkg-no-exhibits">
            {t('application.exhibits.none')}
          </p>
        ) : (
          <ol className="pkg-picked" data-testid="pkg-picked">
            {picks.map((p, i) => {
              const c = p.candidate;
              const damaged = c.damaged !== null && (c.kind === 'image' || c.kind === 'pdf');
              const needsPassword = c.encrypted && c.kind === 'pdf';
              return (
                <li key={c.evidenceId} className={`pkg-pick ${damaged ? 'pkg-pick-bad' : ''}`} data-testid="pkg-pick">
                  <span className="pkg-pick-n" aria-hidden="true">
                    {t('application.exhibits.number', { n: i + 1 })}
                  </span>
                  <Thumb mode={mode} c={c} />
                  <div className="pkg-pick-body">
                    <label className="case-small pkg-caption-label" htmlFor={`pkg-title-${c.evidenceId}`}>
                      {t('application.exhibits.titleLabel', { n: i + 1 })}
                    </label>
                    <input
                      id={`pkg-title-${c.evidenceId}`}
                      className="input pkg-pick-title"
                      value={p.title}
                      maxLength={200}
                      onChange={(e) => update(i, { title: e.target.value })}
                      onBlur={() => void keepCaption(i)}
                      aria-describedby="pkg-caption-help"
                      data-testid="pkg-pick-title"
                    />
                    <span className="case-small">
                      {c.categoryLabel} · {c.date || t('application.exhibits.noDate')} · {formatBytes(t, c.size, currentLocale())}
                      {c.pages ? ` · ${t('application.exhibits.pages', { n: c.pages })}` : ''}
                      {p.listOnly ? ` · ${t('application.exhibits.listed')}` : c.kind === 'audio' || c.kind === 'other' ? ` · ${t('application.exhibits.attached')}` : ''}
                    </span>
                    {damaged && (
                      <span className="case-field-error" role="alert">
                        {t('application.exhibits.damaged')}
                      </span>
                    )}
                    {canListOnly(c) && (
                      <label className="checkbox-row">
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={p.listOnly ?? false}
                          onChange={(e) => update(i, { listOnly: e.target.checked })}
                          data-testid="pkg-pick-list-only"
                        />
                        <span>{t('application.exhibits.listOnly')}</span>
                      </label>
                    )}
                    {needsPassword && (
                      <label className="pkg-password">
                        <span>{t('application.exhibits.password')}</span>
                        <input
                          type="password"
                          className="input"
                          autoComplete="off"
                          value={p.password ?? ''}
                          onChange={(e) => update(i, e.target.value ? { password: e.target.value } : { password: undefined })}
                          data-testid="pkg-pick-password"
                        />
                      </label>
                    )}
                  </div>
                  <div className="pkg-pick-actions">
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={i === 0}
                      onClick={() => onPicks(move(picks, i, i - 1))}
                      aria-label={t('application.exhibits.up', { n: i + 1 })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={i === picks.length - 1}
                      onClick={() => onPicks(move(picks, i, i + 1))}
                      aria-label={t('application.exhibits.down', { n: i + 1 })}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => remove(i)}
                      aria-label={t('application.exhibits.remove', { n: i + 1 })}
                      data-testid="pkg-pick-remove"
                    >
                      ✕
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section className="case-card" aria-labelledby="pkg-available-title">
        <h2 id="pkg-available-title">{t('application.exhibits.available', { n: available.length })}</h2>
        <div className="pkg-filter">
          <label>
            <span className="visually-hidden">{t('application.exhibits.search')}</span>
            <input
              className="input"
              type="search"
              placeholder={t('application.exhibits.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              data-testid="pkg-available-search"
            />
          </label>
          <label>
            <span className="visually-hidden">{t('application.exhibits.category')}</span>
            <select className="select" value={category} onChange={(e) => setCategory(e.target.value as EvidenceCategory | '')}>
              <option value="">{t('application.exhibits.allCategories')}</option>
              <CategoryOptions />
            </select>
          </label>
        </div>
        {available.length === 0 ? (
          <p className="help">{t('application.exhibits.noneLeft')}</p>
        ) : (
          <ul className="pkg-available" data-testid="pkg-available">
            {available.slice(0, SHOW_AT_MOST).map((c) => (
              <li key={c.evidenceId} className="pkg-avail">
                <Thumb mode={mode} c={c} />
                <span className="pkg-avail-body">
                  <span className="pkg-avail-title">{c.title}</span>
                  <span className="case-small">
                    {c.categoryLabel} · {c.date || t('application.exhibits.noDate')}
                  </span>
                </span>
                <button type="button" className="button" onClick={() => add(c)} aria-label={t('application.exhibits.addNamed', { title: c.title })} data-testid="pkg-add">
                  {t('application.exhibits.add')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {available.length > SHOW_AT_MOST && <p className="help">{t('application.exhibits.more', { shown: SHOW_AT_MOST, total: available.length })}</p>}
      </section>
    </div>
  );
}
