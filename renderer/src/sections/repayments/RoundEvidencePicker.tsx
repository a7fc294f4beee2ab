// Choosing the evidence that answers a creditor's request for more material: a search over
// the vault's items by name or category (in the UI language), each shown by its name and
// category — never by its id — to tick; the chosen ones are listed above with a way to
// remove each. Self-contained on purpose (the lead unifies evidence pickers later).
import { useCallback, useId, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { EVIDENCE_CATEGORIES, type EvidenceCategory } from '../../../../shared/evidence/categories';
import type { EvidenceChoice } from './useRepayments';

const SHOWN = 30;

export function RoundEvidencePicker({ evidence, chosen, onChange }: { evidence: EvidenceChoice[]; chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const t = useT();
  const id = useId();
  const [query, setQuery] = useState('');
  const categoryOf = useCallback((c: string) => ((EVIDENCE_CATEGORIES as readonly string[]).includes(c) ? t(`evidence.category.${c as EvidenceCategory}`) : c), [t]);
  const matches = useMemo(() => {
    const q = query.trim().normalize('NFKC').toLowerCase();
    const hit = (e: EvidenceChoice) => q === '' || e.name.normalize('NFKC').toLowerCase().includes(q) || categoryOf(e.category).toLowerCase().includes(q) || e.category.includes(q);
    return evidence.filter((e) => !chosen.includes(e.id) && hit(e));
  }, [evidence, chosen, query, categoryOf]);
  const byId = new Map(evidence.map((e) => [e.id, e]));
  return (
    <div className="rp-picker" data-testid="rp-evidence-picker">
      {chosen.length > 0 && (
        <ul className="rp-picker-chosen">
          {chosen.map((e) => (
            <li key={e} data-testid="rp-picker-chosen">
              {byId.get(e)?.name ?? t('repayments.rounds.evidenceGone')}
              {byId.get(e) && <span className="case-small"> · {categoryOf(byId.get(e)!.category)}</span>}{' '}
              <button type="button" className="button-link" onClick={() => onChange(chosen.filter((x) => x !== e))}>
                {t('repayments.rounds.unlink')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-q`}>{t('repayments.rounds.pickerSearch')}</label>
      <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="rp-picker-search" />
      {matches.length === 0 ? (
        <p className="case-small">{t('repayments.rounds.pickerNone')}</p>
      ) : (
        <ul className="rp-picker-list" aria-label={t('repayments.rounds.pickerSearch')}>
          {matches.slice(0, SHOWN).map((e) => (
            <li key={e.id}>
              <button type="button" className="button-link" onClick={() => onChange([...chosen, e.id])} data-testid="rp-picker-option">
                {e.name}
              </button>
              <span className="case-small"> · {categoryOf(e.category)}</span>
            </li>
          ))}
          {matches.length > SHOWN && <li className="case-small">{t('repayments.rounds.pickerMore', { n: matches.length - SHOWN })}</li>}
        </ul>
      )}
    </div>
  );
}
