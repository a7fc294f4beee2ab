// The letters' guidance on where to turn next: which free channel fits the chosen letter,
// with a link to the full 求助渠道 page (numbers and sources live there, from the data file).
import { useNavigate } from '../../lib/navigate';
import { useT, type TKey } from '../../i18n';

export function HelpPointer({ template }: { template: string }) {
  const t = useT();
  const goTo = useNavigate();
  const key = (['complaint', 'mediation'].includes(template) ? template : 'other') as 'complaint' | 'mediation' | 'other';
  return (
    <aside className="help-pointer card" data-testid="help-pointer">
      <h3>{t('current.pointer.title')}</h3>
      <p className="help">{t(`current.pointer.${key}` as TKey)}</p>
      <button type="button" className="button button-quiet" onClick={() => goTo('help')} data-testid="help-pointer-open">
        {t('current.pointer.open')}
      </button>
    </aside>
  );
}
