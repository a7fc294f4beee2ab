// The case as the 债务 / 财务 / 方案 pages see it: loaded once when a page opens, replaced
// by the whole case every write returns (so every figure redraws from one source).
import { useCallback, useEffect, useState } from 'react';
import type { CaseView } from '../../../../shared/contracts/case';
import { api } from '../../lib/api';

export interface CaseState {
  doc: CaseView | null;
  loadError: unknown;
  /** Runs a write; the case it returns becomes the page's case. Throws what the call throws. */
  run(call: () => Promise<CaseView>): Promise<CaseView>;
  reload(): void;
}

export function useCase(): CaseState {
  const [doc, setDoc] = useState<CaseView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    api()
      .case.get()
      .then(
        (d) => live && setDoc(d),
        (err: unknown) => live && setLoadError(err),
      );
    return () => {
      live = false;
    };
  }, [generation]);
  const run = useCallback(async (call: () => Promise<CaseView>) => {
    const next = await call();
    setDoc(next);
    return next;
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { doc, loadError, run, reload };
}
