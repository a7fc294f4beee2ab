// One import at a time, by either route: bytes from the renderer (drop, paste, file
// input) or paths from main's dialog (Electron). Tracks overall and per-file progress,
// can be cancelled (finished files stay; the rest leave no trace), and lets the list
// refresh while files arrive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportResult } from '../../../../shared/contracts/evidence';
import type { EvidenceCategory } from '../../../../shared/evidence/categories';
import { decodeImportLabel } from '../../../../shared/evidence/progress';
import { api, getApi } from '../../lib/api';
import { newTaskId } from './format';
import { uploadFile, type PickedFile } from './upload';

export interface ImportJob {
  status: 'reading' | 'running' | 'done' | 'cancelled' | 'failed';
  file: number;
  files: number;
  fileName: string;
  fileDone: number;
  fileTotal: number;
  doneBytes: number;
  totalBytes: number;
  results: ImportResult[];
  cancelling: boolean;
  error?: unknown;
}

const idle = (files = 0, totalBytes = 0): ImportJob => ({
  status: 'running',
  file: 0,
  files,
  fileName: '',
  fileDone: 0,
  fileTotal: 0,
  doneBytes: 0,
  totalBytes,
  results: [],
  cancelling: false,
});

export function useImport(onChanged: () => void) {
  const [job, setJob] = useState<ImportJob | null>(null);
  const cancelled = useRef(false);
  const taskId = useRef<string | null>(null);
  const changed = useRef(onChanged);
  changed.current = onChanged;
  const busy = job !== null && (job.status === 'running' || job.status === 'reading');

  // Progress of an import by path arrives as 'task:progress' events for our task.
  useEffect(() => {
    const bridge = getApi();
    if (!bridge) return undefined;
    return bridge.subscribe('task:progress', (p) => {
      if (p.taskId !== taskId.current) return;
      const label = decodeImportLabel(p.label);
      setJob((j) =>
        j && j.status === 'running'
          ? {
              ...j,
              doneBytes: p.done,
              totalBytes: p.total,
              ...(label ? { file: label.file, files: label.files, fileName: label.name, fileDone: label.fileDone, fileTotal: label.fileTotal } : {}),
            }
          : j,
      );
    });
  }, []);

  const startReading = useCallback(() => {
    cancelled.current = false;
    setJob({ ...idle(), status: 'reading' });
  }, []);

  const runUploads = useCallback(async (files: PickedFile[], opts: { category?: EvidenceCategory; note?: string; preErrors?: ImportResult[] } = {}) => {
    cancelled.current = false;
    const totalBytes = files.reduce((s, f) => s + f.file.size, 0);
    setJob({ ...idle(files.length, totalBytes), results: opts.preErrors ?? [] });
    let base = 0;
    let lastRefresh = Date.now();
    for (let i = 0; i < files.length; i++) {
      const picked = files[i]!;
      if (cancelled.current) {
        const rest = files.slice(i).map((f): ImportResult => ({ path: f.label, error: { code: 'CANCELLED', message: 'CANCELLED' } }));
        setJob((j) => (j ? { ...j, results: [...j.results, ...rest] } : j));
        break;
      }
      setJob((j) => (j ? { ...j, file: i + 1, fileName: picked.label, fileDone: 0, fileTotal: picked.file.size, doneBytes: base } : j));
      const result = await uploadFile(picked, {
        category: opts.category,
        note: opts.note,
        cancelled: () => cancelled.current,
        onBytes: (sent) => setJob((j) => (j ? { ...j, fileDone: sent, doneBytes: base + sent } : j)),
      });
      base += picked.file.size;
      setJob((j) => (j ? { ...j, results: [...j.results, result], doneBytes: base, fileDone: picked.file.size } : j));
      if (Date.now() - lastRefresh > 1500) {
        lastRefresh = Date.now();
        changed.current();
      }
    }
    setJob((j) => (j ? { ...j, status: cancelled.current ? 'cancelled' : 'done', cancelling: false } : j));
    changed.current();
  }, []);

  const runPick = useCallback(async (mode: 'files' | 'folder', opts: { category?: EvidenceCategory; note?: string } = {}) => {
    const id = newTaskId('import');
    taskId.current = id;
    cancelled.current = false;
    setJob(idle());
    try {
      const r = await api().evidence.pickAndImport({ mode, taskId: id, ...opts });
      if (r.cancelled) {
        setJob(null);
        return;
      }
      setJob((j) => ({ ...(j ?? idle()), results: r.results, status: r.interrupted ? 'cancelled' : 'done', cancelling: false }));
    } catch (err) {
      setJob((j) => ({ ...(j ?? idle()), status: 'failed', error: err, cancelling: false }));
    } finally {
      taskId.current = null;
      changed.current();
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
    setJob((j) => (j ? { ...j, cancelling: true } : j));
    if (taskId.current)
      void api()
        .evidence.cancel({ taskId: taskId.current })
        .catch(() => undefined);
  }, []);

  const dismiss = useCallback(() => setJob(null), []);

  return { job, busy, runUploads, runPick, cancel, dismiss, startReading };
}
