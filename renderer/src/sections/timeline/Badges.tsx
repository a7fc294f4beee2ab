// The little marks on an entry: its conduct flags, "limitation interrupted", "check the time".
import type { TimelineEntry } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';
import { activeFlags } from './format';

export function EntryBadges({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const flags = activeFlags(entry);
  if (flags.length === 0 && !entry.interruptsLimitation && !entry.timeUncertain) return null;
  return (
    <span className="tl-badges">
      {flags.map((f) => (
        <span key={f.code} className={`tl-badge tl-badge-flag tl-flag-${f.code}`} data-testid={`flag-${f.code}`}>
          {t(`timeline.flag.${f.code}`)}
        </span>
      ))}
      {entry.interruptsLimitation && <span className="tl-badge tl-badge-limitation">{t('timeline.flag.limitation')}</span>}
      {entry.timeUncertain && (
        <span className="tl-badge tl-badge-check" data-testid="badge-check-time">
          {t('timeline.flag.checkTime')}
        </span>
      )}
    </span>
  );
}
