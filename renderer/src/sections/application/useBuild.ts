/// <reference types="vite/client" />
// Runs one package build: the worker makes the PDF, each ~1 MiB chunk goes to main as it
// arrives (then the worker may continue), main signs and records it. Progress and cancel;
// a cancelled or failed build leaves nothing behind (the upload is discarded in main).
import { useCallback, useEffect, useRef, useState } from 'react';
import fontUrl from '../../../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import type { ArgsOf, ResultOf } from '../../../../shared/contract';
import type { DraftBuildInput } from '../../../../shared/package/build-from-draft';
import type { BuildProgress } from '../../../../shared/pdf/build';
import { api } from '../../lib/api';
import type { AppMode } from '../evidence/urls';
import type { FromWorker, ToWorker } from './build-protocol';
import { readAsBase64 } from '../../lib/upload';

export type FinishMeta = Omit<ArgsOf<'package:finish'>, 'uploadId' | 'pages'>;
export type BuiltPackage = ResultOf<'package:finish'>;

export type BuildState =
  | { phase: 'idle' }
  | { phase: 'building'; progress: BuildProgress | null; sentBytes: number }
  | { phase: 'signing' }
  | { phase: 'done'; result: BuiltPackage; exhibits: number }
  | { phase: 'failed'; error: unknown }
  | { phase: 'cancelled' };

export function evidenceBase(mode: AppMode): string {
  return mode === 'electron' ? 'vault://original/' : `${location.origin}/vault/original/`;
}

/** A worker error as something errorText() can show: { code, params, message }. */
class BuildError extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

export function useBuild(mode: AppMode) {
  const [state, setState] = useState<BuildState>({ phase: 'idle' });
  const run = useRef<{ worker: Worker; uploadId: string | null; cancelled: boolean } | null>(null);
  // The finished preview of the last build (discarded when replaced or when leaving).
  const finished = useRef<string | null>(null);

  const discard = useCallback(async (uploadId: string | null) => {
    if (uploadId)
      await api()
        .package.discard({ uploadId })
        .catch(() => undefined);
  }, []);

  const cancel = useCallback(() => {
    const r = run.current;
    if (!r) return;
    r.cancelled = true;
    r.worker.terminate();
    run.current = null;
    void discard(r.uploadId);
    setState({ phase: 'cancelled' });
  }, [discard]);

  const start = useCallback(
    async (input: DraftBuildInput, meta: FinishMeta) => {
      if (run.current) return;
      const old = finished.current;
      finished.current = null;
      void discard(old);
      const worker = new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module', name: 'package-builder' });
      const r: { worker: Worker; uploadId: string | null; cancelled: boolean } = { worker, uploadId: null, cancelled: false };
      run.current = r;
      setState({ phase: 'building', progress: null, sentBytes: 0 });
      const fail = (error: unknown) => {
        if (r.cancelled) return;
        worker.terminate();
        run.current = null;
        void discard(r.uploadId);
        setState({ phase: 'failed', error });
      };
      try {
        const { uploadId } = await api().package.uploadBegin({ purpose: 'build' });
        r.uploadId = uploadId;
        if (r.cancelled) return void discard(uploadId);
        let seq = 0;
        let sent = 0;
        let lastProgress: BuildProgress | null = null;
        // One chunk at a time: the worker waits for the ack before it writes more.
        let queue = Promise.resolve();
        worker.onmessage = (event: MessageEvent<FromWorker>) => {
          const msg = event.data;
          if (r.cancelled) return;
          if (msg.type === 'progress') {
            lastProgress = msg.progress;
            setState({ phase: 'building', progress: msg.progress, sentBytes: sent });
          } else if (msg.type === 'chunk') {
            queue = queue.then(async () => {
              const data = await readAsBase64(new Blob([msg.data as BlobPart]));
              await api().package.uploadChunk({ uploadId, seq: seq++, data });
              sent += msg.data.length;
              if (r.cancelled) return;
              setState({ phase: 'building', progress: lastProgress, sentBytes: sent });
              worker.postMessage({ type: 'ack' } satisfies ToWorker);
            });
            queue.catch(fail);
          } else if (msg.type === 'done') {
            queue = queue.then(async () => {
              worker.terminate();
              setState({ phase: 'signing' });
              const result = await api().package.finish({ uploadId, pages: msg.pages, ...meta });
              run.current = null;
              if (r.cancelled) return void discard(uploadId);
              finished.current = uploadId;
              setState({ phase: 'done', result, exhibits: msg.exhibits });
            });
            queue.catch(fail);
          } else {
            fail(new BuildError(msg.error.message, msg.error.code, msg.error.params));
          }
        };
        worker.onerror = (event) => {
          event.preventDefault();
          fail(new BuildError(event.message || 'worker failed'));
        };
        worker.postMessage({ type: 'build', input, fontUrl: new URL(fontUrl, location.href).href, evidenceBase: evidenceBase(mode) } satisfies ToWorker);
      } catch (err) {
        fail(err);
      }
    },
    [discard, mode],
  );

  const reset = useCallback(() => {
    const old = finished.current;
    finished.current = null;
    void discard(old);
    setState({ phase: 'idle' });
  }, [discard]);

  // Leaving the section: stop a running build and drop the preview (it holds evidence in clear).
  useEffect(
    () => () => {
      const r = run.current;
      if (r) {
        r.cancelled = true;
        r.worker.terminate();
        if (r.uploadId)
          void api()
            .package.discard({ uploadId: r.uploadId })
            .catch(() => undefined);
      }
      if (finished.current)
        void api()
          .package.discard({ uploadId: finished.current })
          .catch(() => undefined);
    },
    [],
  );

  return { state, start, cancel, reset };
}
