// Opening the demo case from a gate screen: the call, its progress ('task:progress' for our
// task: done/total and a step key), and the error if it fails.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VaultStatus } from '../../../shared/contract';
import { api, getApi } from '../lib/api';
import { newTaskId } from '../sections/evidence/format';

export interface DemoProgress {
  done: number;
  total: number;
  /** A step key (demo.steps.*) or, from an unknown step, main's own label. */
  step: string | null;
}

export interface OpenDemo {
  busy: boolean;
  progress: DemoProgress | null;
  error: unknown;
  open(): void;
}

export function useOpenDemo(onOpened: (status: VaultStatus) => void): OpenDemo {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<DemoProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const taskId = useRef<string | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    const bridge = getApi();
    const stop = bridge?.subscribe('task:progress', (p) => {
      if (p.taskId === taskId.current) setProgress({ done: p.done, total: p.total, step: p.label ?? null });
    });
    return () => {
      mounted.current = false;
      stop?.();
    };
  }, []);

  const open = useCallback(() => {
    if (taskId.current) return;
    const id = newTaskId('demo');
    taskId.current = id;
    setBusy(true);
    setError(null);
    setProgress(null);
    api()
      .vault.openDemo({ taskId: id })
      .then(
        (status) => {
          taskId.current = null;
          // The screen is replaced by the shell; nothing of ours to update after this.
          onOpened(status);
        },
        (err: unknown) => {
          taskId.current = null;
          if (!mounted.current) return;
          setError(err);
          setBusy(false);
          setProgress(null);
        },
      );
  }, [onOpened]);

  return { busy, progress, error, open };
}
