// Idle minutes before main locks the vault (1–240, default 5).
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/contract';
import { Message } from '../components/Message';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { sayText, type Said } from '../lib/said';

export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 240;

export interface AutoLockSettingProps {
  minutes: number;
  onSaved: (settings: Settings) => void;
}

type Result = { kind: 'success' | 'error'; said: Said } | null;

export function AutoLockSetting({ minutes, onSaved }: AutoLockSettingProps) {
  const t = useT();
  const [value, setValue] = useState(String(minutes));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);

  const parsed = Number(value.trim());
  const valid = /^\d+$/.test(value.trim()) && parsed >= AUTO_LOCK_MIN && parsed <= AUTO_LOCK_MAX;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!valid) {
      setResult({ kind: 'error', said: { key: 'settings.autolock.invalid' } });
      return;
    }
    setBusy(true);
    setResult(null);
    try {
      const saved = await api().settings.set({ autoLockMinutes: parsed });
      onSaved(saved);
      setValue(String(saved.autoLockMinutes));
      setResult({ kind: 'success', said: { key: 'settings.autolock.saved', vars: { minutes: saved.autoLockMinutes } } });
    } catch (err) {
      setResult({ kind: 'error', said: { error: err } });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="settings-autolock-title">
      <h2 id="settings-autolock-title">{t('settings.autolock.title')}</h2>
      <p className="help" id="settings-autolock-help">
        {t('settings.autolock.help')}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="settings-autolock" className="field-label">
            {t('settings.autolock.label')}
          </label>
          <div className="input-with-unit">
            <input
              id="settings-autolock"
              className="input input-number"
              type="number"
              inputMode="numeric"
              min={AUTO_LOCK_MIN}
              max={AUTO_LOCK_MAX}
              step={1}
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setResult(null);
              }}
              aria-describedby="settings-autolock-unit settings-autolock-help"
              aria-invalid={value.trim() !== '' && !valid ? true : undefined}
              data-testid="settings-autolock"
            />
            <span id="settings-autolock-unit" className="unit">
              {t('settings.autolock.unit')}
            </span>
            <button type="submit" className="button" disabled={busy} data-testid="settings-autolock-submit">
              {busy ? t('settings.autolock.saving') : t('settings.autolock.submit')}
            </button>
          </div>
        </div>
      </form>
      {result && (
        <Message kind={result.kind} testId="settings-autolock-result">
          {sayText(t, result.said)}
        </Message>
      )}
    </section>
  );
}
