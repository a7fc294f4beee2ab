// Loads the draft for the wizard's current choices from main, again whenever they change
// (debounced: typing a date must not fire a request per keystroke). The last answer wins.
import { useEffect, useRef, useState } from 'react';
import type { PackageDraft, PackageDraftRequest } from '../../../../shared/contracts/package';
import { api } from '../../lib/api';

export type DraftQuery = PackageDraftRequest;

export function useDraft(query: DraftQuery, reloadKey: number) {
  const [draft, setDraft] = useState<PackageDraft | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    const timer = setTimeout(() => {
      api()
        .package.draft(JSON.parse(key) as DraftQuery)
        .then((d) => {
          if (mine !== seq.current) return;
          setDraft(d);
          setError(null);
        })
        .catch((err: unknown) => {
          if (mine === seq.current) setError(err);
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false);
        });
    }, 150);
    return () => clearTimeout(timer);
  }, [key, reloadKey]);

  return { draft, error, loading };
}
