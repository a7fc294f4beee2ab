// State 'locked': the passphrase, a clear message when it is wrong, and a countdown when
// main refuses further attempts for a while (TOO_MANY_ATTEMPTS, params.seconds).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans } from 'react-i18next';
import type { EventPayload, VaultStatus } from '../../../shared/contract';
import type { Locale } from '../../../shared/errors';
import { GateLayout } from '../components/GateLayout';
import { LockIcon } from '../components/LockIcon';
import { Message } from '../components/Message';
import { PassphraseField } from '../components/PassphraseField';
import { useCountdown } from '../hooks/useCountdown';
import { useT, type TKey } from '../i18n';
import { api } from '../lib/api';
import { retryAfterSeconds } from '../lib/errors';
import { sayText, type Said } from '../lib/said';
import { DemoLink } from '../demo-case/DemoLink';
import { RestoreFromBackup, type RestoreDone } from '../restore/RestoreFromBackup';

export type LockReason = EventPayload<'vault:locked'>['reason'];

export interface UnlockScreenProps {
  vaultPath: string;
  reason: LockReason | null;
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  onUnlocked: (status: VaultStatus) => void;
  /** The demo case was opened instead; the user's own vault stays locked. */
  onDemoOpened: (status: VaultStatus) => void;
  /** 从备份恢复 finished: the restored vault is open. */
  onRestored: (done: RestoreDone) => void;
}

export function UnlockScreen({ vaultPath, reason, locale, onLocaleChange, onUnlocked, onDemoOpened, onRestored }: UnlockScreenProps) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Said | null>(null);
  const [restoring, setRestoring] = useState(false);
  const { remaining, start } = useCountdown();
  const waiting = remaining > 0;

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // When the wait is over, clear the countdown message and return to the field.
  const wasWaiting = useRef(false);
  useEffect(() => {
    if (wasWaiting.current && !waiting) {
      setError(null);
      inputRef.current?.focus();
    }
    wasWaiting.current = waiting;
  }, [waiting]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || waiting) return;
    if (passphrase.length === 0) {
      setError({ key: 'unlock.empty' });
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const status = await api().vault.unlock({ passphrase });
      setPassphrase('');
      onUnlocked(status);
      return;
    } catch (err) {
      const seconds = retryAfterSeconds(err);
      if (seconds !== null) {
        start(seconds);
        setError(null);
      } else {
        setError({ error: err, wrongPassphrase: 'unlock.wrong' });
      }
    }
    setBusy(false);
    // Ready for another try: focus and select what was typed.
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  }

  // The seconds tick inside role="timer" (not announced each second); the sentence around
  // them is announced once, when the wait begins.
  const message = waiting ? (
    <Trans
      i18nKey={'unlock.countdown' satisfies TKey}
      values={{ seconds: remaining }}
      components={{ timer: <span role="timer" className="countdown" data-testid="unlock-countdown" /> }}
    />
  ) : error ? (
    sayText(t, error)
  ) : null;

  return (
    <GateLayout locale={locale} onLocaleChange={onLocaleChange}>
      <section className="card unlock-card" aria-labelledby="unlock-title">
        <h1 id="unlock-title" className="title-with-icon">
          <LockIcon />
          {t('unlock.title')}
        </h1>
        {reason && (
          <Message kind="info" testId="lock-reason">
            {t(`lockReason.${reason}`)}
          </Message>
        )}
        <p>{t('unlock.lead')}</p>
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <PassphraseField
            id="unlock-passphrase"
            testId="unlock-passphrase"
            label={t('unlock.passphrase')}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            inputRef={inputRef}
            describedBy={message ? 'unlock-error' : undefined}
            invalid={Boolean(error)}
          />
          {message && (
            <Message kind="error" id="unlock-error" testId="unlock-error">
              {message}
            </Message>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || waiting} data-testid="unlock-submit" data-countdown={waiting ? remaining : undefined}>
              {busy ? t('unlock.unlocking') : t('unlock.submit')}
            </button>
          </div>
        </form>
        <p className="help">{t('unlock.forgot')}</p>
        {vaultPath && <p className="help path-note">{t('unlock.vaultPath', { path: vaultPath })}</p>}
        <DemoLink onOpened={onDemoOpened} />
        <div className="unlock-restore">
          <button type="button" className="restore-link-button" aria-expanded={restoring} onClick={() => setRestoring((r) => !r)} data-testid="unlock-restore-open">
            {t('restore.open')}
          </button>
          {restoring && <RestoreFromBackup place="unlock" onRestored={onRestored} />}
        </div>
      </section>
    </GateLayout>
  );
}
