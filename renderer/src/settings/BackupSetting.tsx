// Backup: main shows the save dialog; a cancelled dialog shows nothing.
import { useState } from 'react';
import { Message } from '../components/Message';
import { currentLocale, useT } from '../i18n';
import { api } from '../lib/api';
import { sayText } from '../lib/said';
import { formatBytes } from '../lib/format';

type Result = { kind: 'success'; out: string; bytes: number } | { kind: 'error'; error: unknown } | null;

export function BackupSetting() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function backup() {
    if (busy) return;
    setBusy(true);
    setResult(null);
    try {
      const r = await api().vault.backup();
      setResult(r.cancelled ? null : { kind: 'success', out: r.out, bytes: r.bytes });
    } catch (err) {
      setResult({ kind: 'error', error: err });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="settings-backup-title">
      <h2 id="settings-backup-title">{t('settings.backup.title')}</h2>
      <p className="help" id="settings-backup-help">
        {t('settings.backup.help')}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void backup()} disabled={busy} aria-describedby="settings-backup-help" data-testid="settings-backup">
          {busy ? t('settings.backup.busy') : t('settings.backup.submit')}
        </button>
      </div>
      {result?.kind === 'success' && (
        <Message kind="success" testId="settings-backup-result">
          {t('settings.backup.done', { path: result.out, size: formatBytes(t, result.bytes, currentLocale()) })}
        </Message>
      )}
      {result?.kind === 'error' && (
        <Message kind="error" testId="settings-backup-result">
          {sayText(t, { error: result.error })}
        </Message>
      )}
    </section>
  );
}
