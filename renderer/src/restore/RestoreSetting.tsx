// 设置 → 从备份恢复: the same panel as on the unlock screen, in a settings card.
import { useT } from '../i18n';
import { RestoreFromBackup, type RestoreDone } from './RestoreFromBackup';

export function RestoreSetting({ onRestored }: { onRestored: (done: RestoreDone) => void }) {
  const t = useT();
  return (
    <section className="card settings-card" aria-labelledby="settings-restore-title">
      <h2 id="settings-restore-title">{t('restore.title')}</h2>
      <RestoreFromBackup place="settings" onRestored={onRestored} />
    </section>
  );
}
