import type { ResultOf } from '../../../shared/contract';
import { useT } from '../i18n';

export type AppInfo = ResultOf<'app:info'>;

export function AboutSetting({ info, vaultPath }: { info: AppInfo; vaultPath: string }) {
  const t = useT();
  return (
    <section className="card settings-card" aria-labelledby="settings-about-title">
      <h2 id="settings-about-title">{t('settings.about.title')}</h2>
      <p>{t('settings.about.promise')}</p>
      <p className="help" data-testid="settings-version">
        {t('settings.about.version', { version: info.version })}
      </p>
      {vaultPath && <p className="help path-note">{t('settings.about.vaultPath', { path: vaultPath })}</p>}
    </section>
  );
}
