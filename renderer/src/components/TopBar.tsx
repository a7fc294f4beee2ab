import { useT } from '../i18n';
import { LockIcon } from './LockIcon';

export interface TopBarProps {
  onLock: () => void;
  locking: boolean;
}

export function TopBar({ onLock, locking }: TopBarProps) {
  const t = useT();
  return (
    <header className="topbar">
      <p className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tag">{t('app.offline')}</span>
      </p>
      <button
        type="button"
        className="button button-lock"
        onClick={onLock}
        disabled={locking}
        aria-label={t('shell.lockLabel')}
        data-testid="lock-button"
      >
        <LockIcon />
        {locking ? t('shell.locking') : t('shell.lock')}
      </button>
    </header>
  );
}
