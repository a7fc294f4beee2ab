// Imports from the app: an SMS backup file, call recordings (files or a whole folder).
// The bytes the user chose go through the one upload primitive (../../lib/upload.ts) into
// the vault's staging area, any size the evidence section takes; the import then takes the
// upload. The renderer never names a path. Progress arrives as task:progress events.
import { useEffect, useRef, useState } from 'react';
import type { ImportCallResult, ImportSmsResult } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';
import { api, getApi } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { newTaskId } from './upload';
import { stageFile, type Staged } from '../../lib/upload';
import { IMPORT_ERROR_CODES, type ImportErrorCode } from '../../../../shared/evidence/import-errors';
import { decodeTable, guessEachColumn, parseTable, type SmsColumns } from '../../../../shared/timeline/sms-table';
import { detailOf } from '../../../../shared/case/detail';
import { SmsTableMapping, type TableSample } from './SmsTableMapping';
import { SmsExportGuide } from './SmsExportGuide';

export type ImportStatusValue =
  { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'sms'; result: ImportSmsResult } | { kind: 'calls'; results: ImportCallResult[] } | { kind: 'error'; text: string };

const AUDIO_ACCEPT = 'audio/*,.amr,.m4a,.mp3,.wav,.aac,.3gp,.3gpp,.ogg,.opus,.flac';

export interface ImportPanelProps {
  status: ImportStatusValue;
  onStatus: (s: ImportStatusValue) => void;
  onImported: () => void;
}

/** A staging failure (too large, unreadable, …) in the evidence section's words. */
function stageFailureText(t: ReturnType<typeof useT>, staged: Extract<Staged, { failure: unknown }>): string {
  const code = staged.failure.error.code;
  return (IMPORT_ERROR_CODES as readonly string[]).includes(code) ? t(`evidence.importError.${code as ImportErrorCode}`) : t('errors.INTERNAL');
}

/** The import buttons (and their hidden file inputs); the outcome goes to onStatus. */
export function ImportPanel({ status, onStatus: setStatus, onImported }: ImportPanelProps) {
  const t = useT();
  const smsInput = useRef<HTMLInputElement>(null);
  const callsInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const task = useRef<string | null>(null);
  // A CSV / text export waiting for its column mapping, and the mapping to start from.
  const [table, setTable] = useState<{ file: File; sample: TableSample; initial: Partial<SmsColumns> } | null>(null);
  const [guide, setGuide] = useState(false);

  useEffect(() => {
    // Directory picking is not in React's typings; set it on the element.
    folderInput.current?.setAttribute('webkitdirectory', '');
    const bridge = getApi();
    if (!bridge) return undefined;
    return bridge.subscribe('task:progress', (p) => {
      if (p.taskId !== task.current || !p.total) return;
      if (p.taskId.startsWith('sms')) setStatus({ kind: 'busy', text: t('timeline.import.smsProgress', { percent: Math.floor((p.done / p.total) * 100) }) });
    });
  }, [t, setStatus]);

  const importSms = async (file: File) => {
    if (!(await isXml(file))) {
      await openTable(file);
      return;
    }
    setStatus({ kind: 'busy', text: t('timeline.import.reading', { name: file.name }) });
    try {
      const taskId = newTaskId('sms');
      task.current = taskId;
      const staged = await stageFile(file);
      if ('failure' in staged) return setStatus({ kind: 'error', text: t('timeline.import.failed', { message: stageFailureText(t, staged) }) });
      const result = await api().timeline.importSmsUpload({ uploadId: staged.uploadId, taskId });
      setStatus({ kind: 'sms', result });
      onImported();
    } catch (err) {
      setStatus({ kind: 'error', text: t('timeline.import.failed', { message: errorText(t, err) }) });
    } finally {
      task.current = null;
    }
  };

  /** A table: read its first rows here, then ask which column is what. */
  const openTable = async (file: File) => {
    try {
      const decoded = decodeTable(new Uint8Array(await file.arrayBuffer()));
      const rows = parseTable(decoded.text);
      const header = rows[0];
      if (!header) throw new Error(t('claims.smsTable.notTable', { message: file.name }));
      const remembered = (await api().settings.get()).smsColumns ?? null;
      const fits = remembered !== null && [remembered.sender, remembered.time, remembered.body].every((c) => header.some((h) => h.trim() === c) || /^\d+$/.test(c));
      setTable({ file, sample: { name: file.name, encoding: decoded.encoding, header, rows: rows.slice(1, 4) }, initial: fits ? remembered : guessEachColumn(header) });
    } catch (err) {
      setStatus({ kind: 'error', text: t('claims.smsTable.notTable', { message: err instanceof Error ? detailOf(err) : errorText(t, err) }) });
    }
  };

  const importTable = async (file: File, columns: SmsColumns) => {
    setTable(null);
    setStatus({ kind: 'busy', text: t('timeline.import.reading', { name: file.name }) });
    try {
      const taskId = newTaskId('sms');
      task.current = taskId;
      const staged = await stageFile(file);
      if ('failure' in staged) return setStatus({ kind: 'error', text: t('timeline.import.failed', { message: stageFailureText(t, staged) }) });
      const result = await api().timeline.importSmsTableUpload({ uploadId: staged.uploadId, taskId, columns });
      await api().settings.set({ smsColumns: columns });
      setStatus({ kind: 'sms', result });
      onImported();
    } catch (err) {
      setStatus({ kind: 'error', text: t('timeline.import.failed', { message: errorText(t, err) }) });
    } finally {
      task.current = null;
    }
  };

  const importCalls = async (files: File[]) => {
    const results: ImportCallResult[] = [];
    for (const [i, file] of files.entries()) {
      setStatus({ kind: 'busy', text: t('timeline.import.callsProgress', { done: i, total: files.length }) });
      const label = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
      try {
        const staged = await stageFile(file, { label });
        if ('failure' in staged) {
          results.push({ file: label, error: { code: staged.failure.error.code, message: stageFailureText(t, staged) } });
          continue;
        }
        const r = await api().timeline.importCallUpload({ uploadId: staged.uploadId });
        results.push(...r.results);
      } catch (err) {
        results.push({ file: label, error: { code: 'INTERNAL', message: errorText(t, err) } });
      }
    }
    setStatus({ kind: 'calls', results });
    onImported();
  };

  const busy = status.kind === 'busy';
  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => smsInput.current?.click()} data-testid="import-sms-button" title={t('timeline.import.smsHelp')}>
        {t('timeline.actions.importSms')}
      </button>
      <button type="button" className="button button-quiet" onClick={() => setGuide(true)} data-testid="sms-guide-button">
        {t('claims.guide.button')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => callsInput.current?.click()} data-testid="import-calls-button" title={t('timeline.import.callsHelp')}>
        {t('timeline.actions.importCalls')}
      </button>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => folderInput.current?.click()}
        data-testid="import-folder-button"
        title={t('timeline.import.callsHelp')}
      >
        {t('timeline.actions.importFolder')}
      </button>
      <input
        ref={smsInput}
        type="file"
        accept=".xml,text/xml,application/xml,.csv,text/csv,.tsv,.txt,text/plain"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-sms-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void importSms(f);
        }}
      />
      {table && <SmsTableMapping sample={table.sample} initial={table.initial} onImport={(c) => void importTable(table.file, c)} onCancel={() => setTable(null)} />}
      {guide && <SmsExportGuide onClose={() => setGuide(false)} />}
      <input
        ref={callsInput}
        type="file"
        multiple
        accept={AUDIO_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-calls-input"
        onChange={(e) => {
          const fs = [...(e.target.files ?? [])];
          e.target.value = '';
          if (fs.length) void importCalls(fs);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        multiple
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-folder-input"
        onChange={(e) => {
          const fs = [...(e.target.files ?? [])];
          e.target.value = '';
          if (fs.length) void importCalls(fs);
        }}
      />
    </>
  );
}

/** An XML backup (by name, or a "<" first), else a table. */
async function isXml(file: File): Promise<boolean> {
  if (/\.xml$/i.test(file.name)) return true;
  if (/\.(csv|tsv|txt)$/i.test(file.name)) return false;
  const head = new Uint8Array(await file.slice(0, 64).arrayBuffer());
  const text = new TextDecoder('latin1')
    .decode(head)
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '')
    .replace(/\x00/g, '');
  return text.trimStart().startsWith('<');
}

export function ImportStatus({ status }: { status: ImportStatusValue }) {
  const t = useT();
  switch (status.kind) {
    case 'idle':
      return null;
    case 'busy':
      return (
        <Message kind="info" testId="import-status">
          {status.text}
        </Message>
      );
    case 'error':
      return (
        <Message kind="error" testId="import-status">
          {status.text}
        </Message>
      );
    case 'sms': {
      const r = status.result;
      return (
        <div data-testid="import-status" data-kind="sms">
          <Message kind={r.rejectedCount ? 'warning' : 'success'}>
            {t('timeline.import.smsDone', { imported: r.imported, skipped: r.skipped, duplicates: r.duplicates, rejected: r.rejectedCount })}
          </Message>
          {r.rejected.length > 0 && (
            <details className="tl-rejected">
              <summary>{t('timeline.import.rejectedTitle')}</summary>
              <ul>
                {r.rejected.map((x) => (
                  <li key={x.index}>{t('timeline.import.rejectedItem', { index: x.index, reason: x.reason })}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      );
    }
    case 'calls': {
      const ok = status.results.filter((r) => 'id' in r);
      const failed = status.results.filter((r): r is Extract<ImportCallResult, { error: unknown }> => 'error' in r);
      return (
        <div data-testid="import-status" data-kind="calls">
          <Message kind={failed.length ? 'warning' : 'success'}>{t('timeline.import.callsDone', { ok: ok.length, failed: failed.length })}</Message>
          {(failed.length > 0 || ok.some((r) => 'id' in r && (r.timeUncertain || r.duplicate))) && (
            <ul className="tl-import-results">
              {status.results.map((r) =>
                'error' in r ? (
                  <li key={r.file} className="tl-problem">
                    {t('timeline.import.callFailed', { file: r.file, message: r.error.message })}
                  </li>
                ) : r.timeUncertain || r.duplicate ? (
                  <li key={r.file}>
                    {r.file}：{[r.duplicate ? t('timeline.import.callDuplicate') : '', r.timeUncertain ? t('timeline.import.callCheckTime') : ''].filter(Boolean).join('；')}
                  </li>
                ) : null,
              )}
            </ul>
          )}
        </div>
      );
    }
  }
}
