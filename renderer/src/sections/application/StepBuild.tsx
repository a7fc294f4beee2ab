// Step 5: check, build (progress, cancel), look at the result in the app, save it where the
// person chooses, and check it the way the recipient could (signature + every original).
import { useCallback, useState } from 'react';
import type { VerifyReportDoc } from '../../../../shared/contracts/package';
import { useT, currentLocale } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { Message } from '../../components/Message';
import { PdfViewer } from '../evidence/previews/PdfViewer';
import type { AppMode } from '../evidence/urls';
import '../evidence/evidence.css';
import type { BuildState } from './useBuild';
import { VerifyReportView } from './VerifyPanel';

export function packagePreviewUrl(mode: AppMode, uploadId: string): string {
  return mode === 'electron' ? `vault://package/${uploadId}` : `${location.origin}/vault/package/${uploadId}`;
}

export interface BuildSummary {
  title: string;
  addressee: string;
  accounts: number;
  exhibits: number;
  hand: boolean;
  digital: boolean;
  sample: boolean;
}

export function StepBuild({
  mode,
  state,
  summary,
  missing,
  problems,
  onBuild,
  onCancel,
  onReset,
}: {
  mode: AppMode;
  state: BuildState;
  summary: BuildSummary;
  missing: string[];
  problems: string[];
  onBuild: () => void;
  onCancel: () => void;
  onReset: () => void;
}) {
  const t = useT();
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [report, setReport] = useState<VerifyReportDoc | null>(null);
  const [checking, setChecking] = useState(false);
  const [previewFailed, setPreviewFailed] = useState(false);
  const onPreviewError = useCallback(() => setPreviewFailed(true), []);
  const blocked = missing.length > 0 || problems.length > 0;
  const busy = state.phase === 'building' || state.phase === 'signing';

  const save = async (uploadId: string) => {
    setSaveError(null);
    try {
      const r = await api().package.save({ uploadId });
      if (!r.cancelled) setSaved(r.out);
    } catch (err) {
      setSaveError(err);
    }
  };
  const verify = async (uploadId: string) => {
    setChecking(true);
    setReport(null);
    try {
      setReport(await api().package.verify({ uploadId }));
    } catch (err) {
      setSaveError(err);
    } finally {
      setChecking(false);
    }
  };
  const again = () => {
    setSaved(null);
    setReport(null);
    setSaveError(null);
    setPreviewFailed(false);
    onReset();
  };

  const progressText = () => {
    if (state.phase === 'signing') return t('application.build.signing');
    if (state.phase !== 'building' || !state.progress) return t('application.build.starting');
    const p = state.progress;
    if (p.phase === 'letter') return t('application.build.letter');
    if (p.phase === 'exhibits') return t('application.build.exhibit', { done: p.done, total: p.total, label: p.label ?? '' });
    return t('application.build.finishing');
  };

  return (
    <div className="pkg-step" data-testid="pkg-step-build">
      <section className="case-card" aria-labelledby="pkg-summary-title">
        <h2 id="pkg-summary-title">{summary.title}</h2>
        <dl className="pkg-facts" data-testid="pkg-summary">
          <dt>{t('application.build.addressee')}</dt>
          <dd>{summary.addressee || '—'}</dd>
          <dt>{t('application.build.accounts')}</dt>
          <dd>{summary.accounts}</dd>
          <dt>{t('application.build.exhibits')}</dt>
          <dd>{summary.exhibits}</dd>
          <dt>{t('application.build.signature')}</dt>
          <dd>
            {[
              summary.hand ? t('application.build.hand') : t('application.build.nameOnly'),
              summary.digital ? t('application.build.digital') : t('application.build.noDigital'),
            ].join(' · ')}
          </dd>
        </dl>
        {summary.sample && <Message kind="info">{t('application.build.sample')}</Message>}
        {missing.length > 0 && (
          <div className="case-alert" role="alert" data-testid="pkg-missing">
            <p className="case-alert-title">{t('application.build.missing')}</p>
            <ul>
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        {problems.length > 0 && (
          <div className="case-alert" role="alert" data-testid="pkg-problems">
            <p className="case-alert-title">{t('application.build.problems')}</p>
            <ul>
              {problems.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}

        {(state.phase === 'idle' || state.phase === 'cancelled' || state.phase === 'failed') && (
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={blocked} onClick={onBuild} data-testid="pkg-build">
              {t('application.build.build')}
            </button>
          </div>
        )}
        {state.phase === 'cancelled' && (
          <Message kind="info" testId="pkg-cancelled">
            {t('application.build.cancelled')}
          </Message>
        )}
        {state.phase === 'failed' && (
          <Message kind="error" testId="pkg-build-error">
            {t('application.build.failed')} {errorText(t, state.error)}
          </Message>
        )}
        {busy && (
          <div className="pkg-progress" data-testid="pkg-progress">
            <div className="progress-row">
              <progress
                className="progress"
                aria-label={progressText()}
                {...(state.phase === 'building' && state.progress && state.progress.total > 0
                  ? { value: state.progress.phase === 'letter' ? 0 : state.progress.done, max: state.progress.total }
                  : {})}
              />
              <button type="button" className="button" onClick={onCancel} disabled={state.phase === 'signing'} data-testid="pkg-cancel">
                {t('application.build.cancel')}
              </button>
            </div>
            <p className="help" aria-live="polite">
              {progressText()}
              {state.phase === 'building' && state.sentBytes > 0 ? ` · ${formatBytes(t, state.sentBytes, currentLocale())}` : ''}
            </p>
          </div>
        )}
      </section>

      {state.phase === 'done' && (
        <section className="case-card" aria-labelledby="pkg-done-title" data-testid="pkg-done">
          <h2 id="pkg-done-title">{t('application.build.doneTitle')}</h2>
          <Message kind="success" testId="pkg-built">
            {t(state.result.signed ? 'application.build.doneSigned' : 'application.build.doneUnsigned', {
              pages: state.result.pages,
              exhibits: state.exhibits,
              size: formatBytes(t, state.result.bytes, currentLocale()),
            })}
          </Message>
          <p className="case-small pkg-sha">
            SHA-256 <code data-testid="pkg-sha">{state.result.sha256}</code>
          </p>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => void save(state.result.uploadId)} data-testid="pkg-save">
              {t('application.build.save')}
            </button>
            <button type="button" className="button" onClick={() => void verify(state.result.uploadId)} disabled={checking} data-testid="pkg-verify">
              {checking ? t('application.build.checking') : t('application.build.verify')}
            </button>
            <button type="button" className="button button-quiet" onClick={again} data-testid="pkg-again">
              {t('application.build.again')}
            </button>
          </div>
          {saved && (
            <Message kind="success" testId="pkg-saved">
              {t('application.build.saved', { path: saved })}
            </Message>
          )}
          {saveError !== null && <Message kind="error">{errorText(t, saveError)}</Message>}
          {report && <VerifyReportView report={report} />}
          <h3 className="pkg-preview-title">{t('application.build.preview')}</h3>
          {previewFailed ? (
            <Message kind="error">{t('application.build.previewFailed')}</Message>
          ) : (
            <div className="pkg-preview" data-testid="pkg-preview">
              <PdfViewer src={packagePreviewUrl(mode, state.result.uploadId)} onError={onPreviewError} ranged />
            </div>
          )}
        </section>
      )}
    </div>
  );
}
