// Change passphrase (a rekey in main). Errors stay inline; success says so.
import { useState, type FormEvent } from 'react';
import { passphraseLength } from '../../../shared/passphrase';
import { Message } from '../components/Message';
import { PassphraseField } from '../components/PassphraseField';
import { StrengthMeter } from '../components/StrengthMeter';
import { useCountdown } from '../hooks/useCountdown';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { retryAfterSeconds } from '../lib/errors';
import { sayText, type Said } from '../lib/said';

type Result = { kind: 'success' | 'error'; said: Said } | null;

export function ChangePassphraseForm({ minLength }: { minLength: number }) {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const { remaining, start } = useCountdown();

  const length = passphraseLength(next);
  const longEnough = length >= minLength;
  const mismatch = confirm.length > 0 && confirm !== next;
  const ready = current.length > 0 && longEnough && confirm === next && !busy && remaining === 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setResult(null);
    try {
      await api().vault.changePassphrase({ current, next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setResult({ kind: 'success', said: { key: 'settings.change.done' } });
    } catch (err) {
      const seconds = retryAfterSeconds(err);
      if (seconds !== null) start(seconds);
      setResult({ kind: 'error', said: { error: err, wrongPassphrase: 'settings.change.wrongCurrent' } });
    } finally {
      setBusy(false);
    }
  }

  const edit = (setter: (v: string) => void) => (v: string) => {
    setter(v);
    if (result?.kind === 'success') setResult(null);
  };

  return (
    <section className="card settings-card" aria-labelledby="settings-change-title">
      <h2 id="settings-change-title">{t('settings.change.title')}</h2>
      <p className="help">{t('settings.change.help')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          id="settings-current"
          testId="settings-current"
          label={t('settings.change.current')}
          value={current}
          onChange={edit(setCurrent)}
          autoComplete="current-password"
          disabled={busy}
        />
        <PassphraseField
          id="settings-new"
          testId="settings-new"
          label={t('settings.change.next')}
          value={next}
          onChange={edit(setNext)}
          autoComplete="new-password"
          describedBy="settings-new-rule settings-new-count settings-strength"
          disabled={busy}
        />
        <p id="settings-new-rule" className="help">
          {t('passphrase.rule', { min: minLength })}
        </p>
        <p id="settings-new-count" className="help help-count">
          {longEnough ? t('passphrase.countOk', { n: length }) : t('passphrase.count', { n: length, missing: minLength - length })}
        </p>
        <StrengthMeter id="settings-strength" passphrase={next} minLength={minLength} />
        <PassphraseField
          id="settings-confirm"
          testId="settings-confirm"
          label={t('settings.change.confirm')}
          value={confirm}
          onChange={edit(setConfirm)}
          autoComplete="new-password"
          describedBy={mismatch ? 'settings-mismatch' : undefined}
          invalid={mismatch}
          disabled={busy}
        />
        {mismatch && (
          <p id="settings-mismatch" className="field-error">
            {t('settings.change.mismatch')}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!ready} data-testid="settings-change-submit">
            {busy ? t('settings.change.busy') : t('settings.change.submit')}
          </button>
        </div>
        {busy && (
          <div className="progress-row">
            <progress className="progress" aria-label={t('settings.change.busy')} />
          </div>
        )}
      </form>
      {result && (
        <Message kind={result.kind} testId="settings-change-result">
          {sayText(t, result.said)}
        </Message>
      )}
    </section>
  );
}
