import { useT } from '../i18n';
import { LockIcon } from './LockIcon';
import { DemoBadge } from '../demo-case/DemoBanner';

export interface TopBarProps {
  onLock: () => void;
  locking: boolean;
  /** The demo case is open: a 示例 badge beside the name. */
  sample?: boolean;
}

export function TopBar({ onLock, locking, sample = false }: TopBarProps) {
  const t = useT();
  return (
    <header className="topbar">
      <p className="brand">
        <span className="brand-name">{t('app.name')}</span>
        {sample && <DemoBadge />}
        <span className="brand-tag">{t('app.offline')}</span>
      </p>
      <button type="button" className="button button-lock" onClick={onLock} disabled={locking} aria-label={t('shell.lockLabel')} data-testid="lock-button">
        <LockIcon />
        {locking ? t('shell.locking') : t('shell.lock')}
      </button>
    </header>
  );
}
