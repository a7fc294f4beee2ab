// The <option>s of every evidence category, in the vault's order and the current language:
// the evidence filter, the edit form and the package wizard's exhibit filter all list them.
import { EVIDENCE_CATEGORIES } from '../../../../shared/evidence/categories';
import { useT } from '../../i18n';

export function CategoryOptions() {
  const t = useT();
  return (
    <>
      {EVIDENCE_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {t(`evidence.category.${c}`)}
        </option>
      ))}
    </>
  );
}
