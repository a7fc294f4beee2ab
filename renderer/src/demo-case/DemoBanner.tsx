// Shown on every section while the demo case is open, so it is never taken for real data.
import { useT } from '../i18n';
import './demo.css';

export function DemoBanner({ onExit, exiting }: { onExit: () => void; exiting: boolean }) {
  const t = useT();
  return (
    <div className="demo-banner" role="note" aria-labelledby="demo-banner-title" data-testid="demo-banner">
      <p className="demo-banner-text">
        <strong id="demo-banner-title">{t('demo.bannerTitle')}</strong>
        <span aria-hidden="true"> · </span>
        <span>{t('demo.bannerText')}</span>
        <span className="demo-banner-help">{t('demo.bannerHelp')}</span>
      </p>
      <button type="button" className="button demo-exit" onClick={onExit} disabled={exiting} data-testid="demo-exit">
        {exiting ? t('demo.exiting') : t('demo.exit')}
      </button>
    </div>
  );
}

/** The 示例 mark beside the app's name. */
export function DemoBadge() {
  const t = useT();
  return (
    <span className="demo-badge" data-testid="demo-badge">
      {t('demo.badge')}
    </span>
  );
}
