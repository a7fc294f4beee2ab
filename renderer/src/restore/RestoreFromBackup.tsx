// 从备份恢复 (issue 13), in 设置 and on the unlock screen. The person picks a backup (main's
// open dialog in Electron; in the harness the file is uploaded to main, which keeps it in the
// vault folder's private partial place), types its passphrase and confirms. Main proves the
// backup (passphrase, integrity_check, audit chain) before it replaces anything; a refusal
// says why and changes nothing. On success the restored vault is open and the replaced file
// is kept beside it (its name goes to onRestored, which shows it).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ResultOf } from '../../../shared/contract';
import { Message } from '../components/Message';
import { PassphraseField } from '../components/PassphraseField';
import { currentLocale, useT } from '../i18n';
import { api } from '../lib/api';
import { errorCodeOf, retryAfterSeconds } from '../lib/errors';
import { formatBytes } from '../lib/format';
import { sayText, type Said } from '../lib/said';
import { sendChunks } from '../lib/upload';
import './restore.css';

export type RestoreDone = ResultOf<'restore:run'>;

interface Chosen {
  sourceId: string;
  name: string;
  bytes: number;
}

type Step =
  | { step: 'idle' }
  | { step: 'reading'; name: string; sent: number; total: number }
  | { step: 'chosen'; source: Chosen }
  | { step: 'confirm'; source: Chosen }
  | { step: 'running'; source: Chosen };

export interface RestoreFromBackupProps {
  /** Where it is shown: the ids and the wording of the lead differ a little. */
  place: 'settings' | 'unlock';
  onRestored: (done: RestoreDone) => void;
}

export function RestoreFromBackup({ place, onRestored }: RestoreFromBackupProps) {
  const t = useT();
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const passInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'electron' | 'harness' | null>(null);
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<Said | null>(null);

  useEffect(() => {
    let live = true;
    api()
      .app.info()
      .then((info) => live && setMode(info.mode))
      .catch(() => live && setMode('harness'));
    return () => {
      live = false;
    };
  }, []);

  const chosen = 'source' in state ? state.source : null;
  // The earlier choice's copy in main goes before another is made.
  const forget = async () => {
    if (chosen)
      await api()
        .restore.discard({ sourceId: chosen.sourceId })
        .catch(() => undefined);
  };

  async function pick() {
    setError(null);
    if (mode !== 'electron') {
      fileInput.current?.click();
      return;
    }
    try {
      const r = await api().restore.pick();
      if (r.cancelled) return;
      await forget();
      setState({ step: 'chosen', source: { sourceId: r.sourceId, name: r.name, bytes: r.bytes } });
      requestAnimationFrame(() => passInput.current?.focus());
    } catch (err) {
      setError({ error: err });
    }
  }

  async function upload(file: File | undefined) {
    if (!file) return;
    setError(null);
    await forget();
    setState({ step: 'reading', name: file.name, sent: 0, total: file.size });
    let sourceId = '';
    try {
      sourceId = (await api().restore.uploadBegin({ name: file.name, bytes: file.size })).sourceId;
      // The backup goes to a private temporary file in main, not into the vault it may replace.
      const id = sourceId;
      await sendChunks(file, (seq, data) => api().restore.uploadChunk({ sourceId: id, seq, data }), {
        onBytes: (sent) => setState({ step: 'reading', name: file.name, sent, total: file.size }),
      });
      setState({ step: 'chosen', source: { sourceId, name: file.name, bytes: file.size } });
      requestAnimationFrame(() => passInput.current?.focus());
    } catch (err) {
      if (sourceId)
        void api()
          .restore.discard({ sourceId })
          .catch(() => undefined);
      setState({ step: 'idle' });
      setError({ error: err });
    }
  }

  function askConfirm(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return;
    if (passphrase.length === 0) {
      setError({ key: 'restore.emptyPassphrase' });
      passInput.current?.focus();
      return;
    }
    setError(null);
    setState({ step: 'confirm', source: chosen });
  }

  async function run() {
    if (!chosen) return;
    setState({ step: 'running', source: chosen });
    try {
      const done = await api().restore.run({ sourceId: chosen.sourceId, passphrase });
      setPassphrase('');
      setState({ step: 'idle' });
      onRestored(done);
    } catch (err) {
      const seconds = retryAfterSeconds(err);
      const code = errorCodeOf(err);
      setError(
        seconds !== null
          ? { key: 'restore.wait', vars: { seconds } }
          : code === 'WRONG_PASSPHRASE'
            ? { key: 'restore.wrongPassphrase' }
            : code === 'BACKUP_INVALID'
              ? { error: err } // says why, and that the vault was not changed
              : { key: 'restore.refused', vars: { reason: sayText(t, { error: err }) } },
      );
      // A file that is not a backup cannot be retried with another passphrase: choose again.
      if (code === 'WRONG_PASSPHRASE' || seconds !== null) {
        setState({ step: 'chosen', source: chosen });
        requestAnimationFrame(() => passInput.current?.select());
      } else {
        await forget();
        setState({ step: 'idle' });
      }
    }
  }

  const busy = state.step === 'reading' || state.step === 'running';
  const errorId = `${ids}-error`;
  return (
    <div className="restore" data-testid={`restore-${place}`} data-state={state.step} aria-busy={busy}>
      <p className="help">{t(place === 'unlock' ? 'restore.leadUnlock' : 'restore.lead')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void pick()} disabled={busy || state.step === 'confirm' || mode === null} data-testid="restore-choose">
          {chosen ? t('restore.chooseAnother') : t('restore.choose')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".xsv,application/octet-stream"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="restore-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void upload(file);
          }}
        />
      </div>

      {state.step === 'reading' && (
        <div className="progress-row" data-testid="restore-progress">
          <label htmlFor={`${ids}-read`}>{t('restore.reading', { name: state.name })}</label>
          <progress id={`${ids}-read`} className="progress" max={state.total || 1} value={state.sent} />
        </div>
      )}

      {chosen && (
        <form onSubmit={askConfirm} noValidate>
          <p data-testid="restore-chosen">{t('restore.chosen', { name: chosen.name, size: formatBytes(t, chosen.bytes, currentLocale()) })}</p>
          <PassphraseField
            id={`${ids}-pass`}
            testId="restore-passphrase"
            label={t('restore.passphrase')}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            inputRef={passInput}
            describedBy={error ? errorId : undefined}
            invalid={Boolean(error)}
            disabled={state.step !== 'chosen'}
          />
          {state.step === 'chosen' && (
            <div className="form-actions">
              <button type="submit" className="button button-primary" data-testid="restore-submit">
                {t('restore.submit')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  void forget();
                  setPassphrase('');
                  setError(null);
                  setState({ step: 'idle' });
                }}
                data-testid="restore-cancel"
              >
                {t('restore.cancel')}
              </button>
            </div>
          )}
        </form>
      )}

      {state.step === 'confirm' && (
        <div role="alertdialog" aria-labelledby={`${ids}-confirm`} className="restore-confirm" data-testid="restore-confirm">
          <Message kind="warning" id={`${ids}-confirm`}>
            {t('restore.confirm', { name: state.source.name })}
          </Message>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void run()} data-testid="restore-confirm-yes">
              {t('restore.confirmYes')}
            </button>
            <button type="button" className="button" onClick={() => setState({ step: 'chosen', source: state.source })} data-testid="restore-confirm-no">
              {t('restore.confirmNo')}
            </button>
          </div>
        </div>
      )}

      {state.step === 'running' && (
        <div className="progress-row" role="status" data-testid="restore-running">
          <label htmlFor={`${ids}-run`}>{t('restore.running')}</label>
          <progress id={`${ids}-run`} className="progress" />
        </div>
      )}

      {error && (
        <Message kind="error" id={errorId} testId="restore-error">
          {sayText(t, error)}
        </Message>
      )}
    </div>
  );
}
