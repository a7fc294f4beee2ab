// The little marks on an entry: its conduct flags, "limitation interrupted", "check the time".
import type { TimelineEntry } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';
import { activeFlags } from './format';

export function EntryBadges({ entry }: { entry: TimelineEntry }) {
  const t = useT();
  const flags = activeFlags(entry);
  const maybe = entry.side.state === 'suggested';
  const unrelated = entry.side.kind === 'nobody' ? entry.side.unrelated : null;
  if (flags.length === 0 && !entry.interruptsLimitation && !entry.timeUncertain && !maybe && !unrelated) return null;
  return (
    <span className="tl-badges">
      {flags.map((f) => (
        <span key={f.code} className={`tl-badge tl-badge-flag tl-flag-${f.code}`} data-testid={`flag-${f.code}`}>
          {t(`timeline.flag.${f.code}`)}
        </span>
      ))}
      {entry.interruptsLimitation && <span className="tl-badge tl-badge-limitation">{t('timeline.flag.limitation')}</span>}
      {maybe && (
        <span className="tl-badge tl-badge-check" data-testid="badge-maybe-collector">
          {t('sides.maybe')}
        </span>
      )}
      {unrelated && (
        <span className="tl-badge" data-testid="badge-unrelated">
          {t('sides.nobody')}·{t(`sides.unrelated.${unrelated}`)}
        </span>
      )}
      {entry.timeUncertain && (
        <span className="tl-badge tl-badge-check" data-testid="badge-check-time">
          {t('timeline.flag.checkTime')}
        </span>
      )}
    </span>
  );
}
