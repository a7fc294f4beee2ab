// Reading the text of pictures already in the vault (imported before OCR, with --no-ocr, or
// stopped by the time budget): shown only while some are unread. A task with progress and
// Stop; what was read stays read, the rest waits for the next run.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { api, getApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { newTaskId } from './format';

type Counts = { images: number; read: number; notAnalysed: number; pending: number };
type Outcome = { read: number; remaining: number; cancelled: boolean };

export function OcrJobPanel({ itemCount, onRead }: { itemCount: number; onRead: () => void }) {
  const t = useT();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const task = useRef<string | null>(null);

  const load = useCallback(() => {
    api()
      .ocr.counts({})
      .then(setCounts)
      .catch(() => setCounts(null));
  }, []);
  useEffect(load, [load, itemCount]);

  useEffect(() => {
    const bridge = getApi();
    if (!bridge) return undefined;
    return bridge.subscribe('task:progress', (p) => {
      if (p.taskId === task.current) setProgress({ done: p.done, total: p.total });
    });
  }, []);

  const start = async () => {
    const taskId = newTaskId('ocr');
    task.current = taskId;
    setOutcome(null);
    setError(null);
    setProgress({ done: 0, total: counts?.pending ?? 0 });
    try {
      setOutcome(await api().ocr.readPending({ taskId }));
      onRead();
    } catch (err) {
      setError(err);
    } finally {
      task.current = null;
      setProgress(null);
      load();
    }
  };
  const stop = () => {
    if (task.current) void api().evidence.cancel({ taskId: task.current });
  };

  if (!counts || (counts.pending === 0 && !outcome && !progress)) return null;
  return (
    <section className="ev-ocr-job" aria-labelledby="ev-ocr-job-title" data-testid="ocr-job">
      <h3 id="ev-ocr-job-title">{t('ocr.jobTitle')}</h3>
      {progress ? (
        <p aria-live="polite" data-testid="ocr-job-progress">
          {t('ocr.jobProgress', { done: progress.done, total: progress.total })}
        </p>
      ) : counts.pending > 0 ? (
        <p>{t('ocr.jobLead', { pending: counts.pending })}</p>
      ) : (
        <p>{t('ocr.jobAllDone', { read: counts.read })}</p>
      )}
      {outcome && !progress ? (
        <p className="message message-success" role="status" data-testid="ocr-job-result">
          {outcome.cancelled ? t('ocr.jobStopped', { read: outcome.read, remaining: outcome.remaining }) : t('ocr.jobDone', { read: outcome.read })}
        </p>
      ) : null}
      {counts.notAnalysed > 0 && !progress ? <p className="help">{t('ocr.jobNotAnalysed', { count: counts.notAnalysed })}</p> : null}
      {error ? <p className="message message-error">{errorText(t, error)}</p> : null}
      {progress ? (
        <button type="button" className="button button-quiet" onClick={stop} data-testid="ocr-job-cancel">
          {t('ocr.jobCancel')}
        </button>
      ) : counts.pending > 0 ? (
        <button type="button" className="button" onClick={() => void start()} data-testid="ocr-job-start">
          {t('ocr.jobStart')}
        </button>
      ) : null}
    </section>
  );
}
