// Import progress (overall and the current file), cancel, and the outcome per file.
import { useT } from '../../i18n';
import { Message } from '../../components/Message';
import { errorText } from '../../lib/errors';
import type { ImportJob } from './useImport';
import { IMPORT_ERROR_CODES, type ImportErrorCode } from '../../../../shared/evidence/import-errors';

export function ImportPanel({ job, onCancel, onClose }: { job: ImportJob; onCancel: () => void; onClose: () => void }) {
  const t = useT();
  const running = job.status === 'running' || job.status === 'reading';
  const ok = job.results.filter((r) => 'id' in r && !r.duplicateOf).length;
  const dup = job.results.filter((r) => 'id' in r && r.duplicateOf).length;
  const bad = job.results.filter((r) => 'error' in r);
  const pct = (done: number, total: number) => (total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0);
  const overall = job.status === 'done' ? 100 : pct(job.doneBytes, job.totalBytes);
  const title = running ? t('evidence.import.title') : job.status === 'cancelled' ? t('evidence.import.titleCancelled') : t('evidence.import.titleDone');
  const errorLabel = (code: string) => ((IMPORT_ERROR_CODES as string[]).includes(code) ? t(`evidence.importError.${code as ImportErrorCode}`) : code);

  return (
    <section className="card ev-import" aria-labelledby="ev-import-title" data-testid="evidence-import-panel" data-status={job.status}>
      <h2 id="ev-import-title">{title}</h2>
      {job.status === 'reading' && <p className="help">{t('evidence.import.reading')}</p>}
      {job.status !== 'reading' && (
        <>
          <div className="ev-progress-row">
            <label htmlFor="ev-progress-overall">{job.files > 0 ? t('evidence.import.overall', { file: job.file, files: job.files }) : t('evidence.import.overallBytes')}</label>
            <progress id="ev-progress-overall" className="ev-progress" max={100} value={overall} data-testid="evidence-progress-overall" />
            <span className="ev-progress-pct">{overall}%</span>
          </div>
          {running && job.fileName && (
            <div className="ev-progress-row">
              <label htmlFor="ev-progress-file" className="ev-progress-file-name">
                {t('evidence.import.file', { name: job.fileName })}
              </label>
              <progress id="ev-progress-file" className="ev-progress" max={100} value={pct(job.fileDone, job.fileTotal)} data-testid="evidence-progress-file" />
              <span className="ev-progress-pct">{pct(job.fileDone, job.fileTotal)}%</span>
            </div>
          )}
        </>
      )}
      {!running && job.status !== 'failed' && (
        <Message kind={bad.length ? 'warning' : 'success'} testId="evidence-import-summary">
          {[
            t('evidence.import.summaryOk', { n: ok }),
            ...(dup ? [t('evidence.import.summaryDup', { n: dup })] : []),
            ...(bad.length ? [t('evidence.import.summaryBad', { n: bad.length })] : []),
          ].join(t('evidence.import.sep')) + t('evidence.import.end')}
          {job.status === 'cancelled' ? ` ${t('evidence.import.cancelledNote')}` : ''}
        </Message>
      )}
      {job.status === 'failed' && <Message kind="error">{errorText(t, job.error)}</Message>}
      {bad.length > 0 && (
        <ul className="ev-import-errors" data-testid="evidence-import-errors">
          {bad.map((r, i) => (
            <li key={`${r.path}-${i}`}>
              <span className="ev-import-path">{r.path}</span>：{'error' in r ? errorLabel(r.error.code) : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        {running ? (
          <button type="button" className="button" onClick={onCancel} disabled={job.cancelling} data-testid="evidence-import-cancel">
            {job.cancelling ? t('evidence.import.cancelling') : t('evidence.import.cancel')}
          </button>
        ) : (
          <button type="button" className="button button-quiet" onClick={onClose} data-testid="evidence-import-close">
            {t('evidence.import.close')}
          </button>
        )}
      </div>
    </section>
  );
}
