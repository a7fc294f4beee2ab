// The welcome text: what the app is and is not, and the warning about paid "debt helpers".
import { useT } from '../i18n';

export function AboutApp() {
  const t = useT();
  return (
    <section className="about-app" aria-labelledby="welcome-title">
      <h1 id="welcome-title" tabIndex={-1}>
        {t('welcome.title')}
      </h1>
      <p className="lead">{t('welcome.lead')}</p>
      <h2 className="visually-hidden">{t('welcome.aboutTitle')}</h2>
      <ul className="promise-list" data-testid="welcome-promises">
        <li>{t('welcome.pointPrivate')}</li>
        <li>{t('welcome.pointOffline')}</li>
        <li>{t('welcome.pointFree')}</li>
        <li>{t('welcome.pointNoAgent')}</li>
      </ul>
      <div className="scam-box" role="note" aria-labelledby="scam-title" data-testid="welcome-scam-warning">
        <h2 id="scam-title" className="scam-title">
          {t('welcome.scamTitle')}
        </h2>
        <p>{t('welcome.scam')}</p>
      </div>
    </section>
  );
}
