// State 'none': what the app is, then creating the vault with a passphrase.
import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../shared/contract';
import type { Locale } from '../../../shared/errors';
import { passphraseLength } from '../../../shared/passphrase';
import { estimatePassphraseStrength } from '../../../shared/passphrase-strength';
import { GateLayout } from '../components/GateLayout';
import { Message } from '../components/Message';
import { PassphraseField } from '../components/PassphraseField';
import { RequirementList } from '../components/RequirementList';
import { StrengthMeter } from '../components/StrengthMeter';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { sayText, type Said } from '../lib/said';
import { AboutApp } from './AboutApp';
import { DemoCard } from '../demo-case/DemoCard';

export interface WelcomeScreenProps {
  minLength: number;
  vaultPath: string;
  locale: Locale;
  onLocaleChange: (locale: Locale) => void;
  onCreated: (status: VaultStatus) => void;
  /** The demo case was opened instead (no vault of the user's is created). */
  onDemoOpened: (status: VaultStatus) => void;
}

export function WelcomeScreen({ minLength, vaultPath, locale, onLocaleChange, onCreated, onDemoOpened }: WelcomeScreenProps) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [ack, setAck] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Said | null>(null);

  const length = passphraseLength(passphrase);
  const longEnough = length >= minLength;
  const matches = passphrase.length > 0 && passphrase === confirm;
  const mismatch = confirm.length > 0 && passphrase !== confirm;
  const weak = longEnough && estimatePassphraseStrength(passphrase, minLength).score <= 1;
  const ready = longEnough && matches && ack && !busy;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const status = await api().vault.create({ passphrase });
      setPassphrase('');
      setConfirm('');
      onCreated(status);
    } catch (err) {
      setError({ error: err });
      setBusy(false);
    }
  }

  return (
    <GateLayout locale={locale} onLocaleChange={onLocaleChange}>
      <div className="welcome">
        <div>
          <AboutApp />
          <DemoCard onOpened={onDemoOpened} />
        </div>
        <section className="card create-card" aria-labelledby="create-title">
          <h2 id="create-title">{t('welcome.createTitle')}</h2>
          <p>{t('welcome.createLead')}</p>
          <form onSubmit={submit} noValidate aria-busy={busy}>
            <PassphraseField
              id="create-passphrase"
              testId="create-passphrase"
              label={t('welcome.passphrase')}
              value={passphrase}
              onChange={setPassphrase}
              autoComplete="new-password"
              describedBy="create-rule create-count create-strength"
              disabled={busy}
            />
            <p id="create-rule" className="help">
              {t('passphrase.rule', { min: minLength })} {t('passphrase.imeTip')}
            </p>
            <p id="create-count" className="help help-count" data-testid="create-count">
              {longEnough ? t('passphrase.countOk', { n: length }) : t('passphrase.count', { n: length, missing: minLength - length })}
            </p>
            <StrengthMeter id="create-strength" passphrase={passphrase} minLength={minLength} />
            {weak && <Message kind="warning">{t('welcome.weakWarning')}</Message>}

            <PassphraseField
              id="create-confirm"
              testId="create-confirm"
              label={t('welcome.confirm')}
              value={confirm}
              onChange={setConfirm}
              autoComplete="new-password"
              describedBy={mismatch ? 'create-mismatch' : undefined}
              invalid={mismatch}
              disabled={busy}
            />
            {mismatch && (
              <p id="create-mismatch" className="field-error" data-testid="create-mismatch">
                {t('welcome.mismatch')}
              </p>
            )}

            <div className="warning-box" role="note" aria-labelledby="create-warning-title">
              <h3 id="create-warning-title" className="warning-title">
                <span aria-hidden="true">⚠ </span>
                {t('welcome.warningTitle')}
              </h3>
              <p id="create-warning">{t('welcome.warning')}</p>
              <div className="checkbox-row">
                <input
                  id="create-ack"
                  type="checkbox"
                  className="checkbox"
                  checked={ack}
                  onChange={(e) => setAck(e.target.checked)}
                  aria-describedby="create-warning"
                  disabled={busy}
                  data-testid="create-ack"
                />
                <label htmlFor="create-ack">{t('welcome.ack')}</label>
              </div>
            </div>

            <RequirementList
              id="create-requirements"
              title={t('welcome.requirementsTitle')}
              items={[
                { key: 'length', label: t('welcome.reqLength', { min: minLength }), met: longEnough },
                { key: 'match', label: t('welcome.reqMatch'), met: matches },
                { key: 'ack', label: t('welcome.reqAck'), met: ack },
              ]}
            />

            {error && (
              <Message kind="error" testId="create-error">
                {sayText(t, error)}
              </Message>
            )}

            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={!ready} aria-describedby="create-requirements" data-testid="create-submit">
                {busy ? t('welcome.creating') : t('welcome.submit')}
              </button>
            </div>
            {busy && (
              <div className="progress-row" data-testid="create-progress">
                <progress className="progress" aria-label={t('welcome.creating')} />
                <span role="status">{t('welcome.creating')}</span>
              </div>
            )}
            {vaultPath && <p className="help path-note">{t('welcome.vaultPath', { path: vaultPath })}</p>}
          </form>
        </section>
      </div>
    </GateLayout>
  );
}
