// Checking a package PDF: its digital signature, and that every attached original is byte
// for byte the one its own evidence list names. The file goes to main in chunks (the
// renderer never names a path); main checks it and deletes its copy at once.
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { currentLocale, useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { formatBytes } from '../../lib/format';
import { Message } from '../../components/Message';
import type { VerifyReportDoc } from '../../../../shared/contracts/package';
import { isAbortError, uploadPackageBytes } from './bytes';
import { shortSha } from './package-format';
import { CheckIcon, CrossIcon } from './PackageIcons';
import './package-tools.css';
import { beijingMinute } from '../../../../shared/time/beijing';

type State =
  | { step: 'idle' }
  | { step: 'uploading'; name: string; sent: number; total: number }
  | { step: 'checking'; name: string }
  | { step: 'done'; name: string; report: VerifyReportDoc }
  | { step: 'failed'; name: string; message: string }
  | { step: 'cancelled' };

/** A file that does not start like a PDF is refused here, before gigabytes are uploaded. */
async function looksLikePdf(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

export function VerifyPanel() {
  const t = useT();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const cancelled = useRef(false);
  const alive = useRef(true);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const progressId = useId();

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // Leaving the tab stops an upload in progress (its partial copy is discarded).
      cancelled.current = true;
    };
  }, []);

  const busy = state.step === 'uploading' || state.step === 'checking';

  const check = async (file: File | undefined) => {
    if (!file || busy) return;
    cancelled.current = false;
    const name = file.name;
    try {
      if (!(await looksLikePdf(file))) {
        setState({ step: 'failed', name, message: t('errors.BAD_INPUT', { detail: t('packageTools.verify.notPdf') }) });
        return;
      }
      setState({ step: 'uploading', name, sent: 0, total: file.size });
      const uploadId = await uploadPackageBytes(file, 'verify', {
        cancelled: () => cancelled.current,
        onBytes: (sent) => alive.current && setState({ step: 'uploading', name, sent, total: file.size }),
      });
      if (!alive.current) return;
      setState({ step: 'checking', name });
      const report = await api().package.verify({ uploadId });
      if (!alive.current) return;
      setState({ step: 'done', name, report });
    } catch (err) {
      if (!alive.current) return;
      if (isAbortError(err)) setState({ step: 'cancelled' });
      else setState({ step: 'failed', name, message: errorText(t, err) });
    }
  };

  // The result is announced and brought into view when it arrives.
  useEffect(() => {
    if (state.step === 'done' || state.step === 'failed') resultRef.current?.focus();
  }, [state.step]);

  const onDragOver = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    setDragging(false);
    void check(e.dataTransfer.files[0]);
  };

  const pct = state.step === 'uploading' && state.total > 0 ? Math.min(100, Math.round((state.sent / state.total) * 100)) : 0;

  return (
    <section
      className={`pt-verify${dragging ? ' is-dragging' : ''}`}
      aria-labelledby={headingId}
      data-testid="verify-panel"
      data-state={state.step}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={headingId}>{t('packageTools.verify.title')}</h2>
      <p>{t('packageTools.verify.lead')}</p>
      <p className="help">{t('packageTools.verify.selfSigned')}</p>

      <div className="pt-drop">
        <p className="pt-drop-text">{dragging ? t('packageTools.verify.dropNow') : t('packageTools.verify.dropHint')}</p>
        <button type="button" className="button button-primary" onClick={() => fileInput.current?.click()} disabled={busy} data-testid="verify-choose">
          {state.step === 'done' || state.step === 'failed' ? t('packageTools.verify.chooseAnother') : t('packageTools.verify.choose')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/pdf,.pdf"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="verify-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            void check(file);
          }}
        />
      </div>

      {state.step === 'uploading' && (
        <div className="pt-progress" data-testid="verify-progress">
          <div className="progress-row">
            <label htmlFor={progressId}>{t('packageTools.verify.uploading', { name: state.name })}</label>
            <progress id={progressId} className="progress" max={100} value={pct} />
            <span>
              {formatBytes(t, state.sent, currentLocale())} / {formatBytes(t, state.total, currentLocale())}
            </span>
          </div>
          <button type="button" className="button button-quiet" onClick={() => (cancelled.current = true)} data-testid="verify-cancel">
            {t('packageTools.common.cancel')}
          </button>
        </div>
      )}
      {state.step === 'checking' && (
        <p className="pt-checking" role="status" data-testid="verify-checking">
          {t('packageTools.verify.checking', { name: state.name })}
        </p>
      )}
      {state.step === 'cancelled' && <Message kind="info">{t('packageTools.verify.cancelled')}</Message>}

      <div ref={resultRef} tabIndex={-1} className="pt-result-anchor">
        {state.step === 'failed' && (
          <Message kind="error" testId="verify-error">
            {t('packageTools.verify.failedToCheck', { name: state.name })}
            {state.message}
          </Message>
        )}
        {state.step === 'done' && (
          <>
            <p className="help pt-file-name">{t('packageTools.verify.fileChecked', { name: state.name })}</p>
            <VerifyReportView report={state.report} />
          </>
        )}
      </div>
    </section>
  );
}

export function VerifyReportView({ report }: { report: VerifyReportDoc }) {
  const t = useT();
  const okCount = report.exhibits.filter((e) => e.ok).length;
  const created = report.createdAt ? beijingMinute(report.createdAt) : null; // main records UTC
  return (
    <div className={`pt-report ${report.ok ? 'is-ok' : 'is-bad'}`} data-testid="verify-result" data-ok={report.ok ? 'true' : 'false'}>
      <p className="pt-verdict" role="status" data-testid="verify-verdict">
        {report.ok ? <CheckIcon /> : <CrossIcon />}
        <span className="pt-verdict-word">{report.ok ? t('packageTools.verify.pass') : t('packageTools.verify.fail')}</span>
        <span className="pt-verdict-text">{report.ok ? t('packageTools.verify.passText') : t('packageTools.verify.failText')}</span>
      </p>

      <dl className="pt-facts">
        <dt>{t('packageTools.verify.signature')}</dt>
        <dd data-testid="verify-signature" data-valid={report.signatureValid ? 'true' : 'false'}>
          {report.signatureValid ? t('packageTools.verify.signatureValid') : t('packageTools.verify.signatureInvalid')}
        </dd>
        <dt>{t('packageTools.verify.signer')}</dt>
        <dd>{report.signer ?? t('packageTools.common.unknown')}</dd>
        <dt>{t('packageTools.verify.docTitle')}</dt>
        <dd>{report.title ?? t('packageTools.common.unknown')}</dd>
        <dt>{t('packageTools.verify.createdAt')}</dt>
        <dd>{created ? t('packageTools.common.beijing', { time: created }) : t('packageTools.common.unknown')}</dd>
        <dt>{t('packageTools.verify.exhibits')}</dt>
        <dd>{t('packageTools.verify.exhibitsCount', { ok: okCount, n: report.exhibits.length })}</dd>
      </dl>

      {report.problems.length > 0 && (
        <div className="pt-problems">
          <h3>{t('packageTools.verify.problems')}</h3>
          <ul data-testid="verify-problems">
            {report.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      {report.exhibits.length > 0 && (
        <div className="pt-table-wrap">
          <table className="pt-table" data-testid="verify-exhibits">
            <caption>{t('packageTools.verify.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('packageTools.verify.colN')}
                </th>
                <th scope="col">{t('packageTools.verify.colTitle')}</th>
                <th scope="col">{t('packageTools.verify.colResult')}</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {report.exhibits.map((e) => (
                <tr key={e.n} className={e.ok ? undefined : 'is-bad'} data-ok={e.ok ? 'true' : 'false'}>
                  <td className="num">{e.n}</td>
                  <td>{e.title ?? t('packageTools.common.unknown')}</td>
                  <td className="pt-cell-result">
                    {e.ok ? <CheckIcon /> : <CrossIcon />} {e.ok ? t('packageTools.verify.match') : t('packageTools.verify.mismatch')}
                  </td>
                  <td>
                    <code className="pt-sha" title={e.sha256}>
                      {shortSha(e.sha256)}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
