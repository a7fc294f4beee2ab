// The vault's live evidence, loaded once per screen that links to evidence: the pickers list it
// and every link is shown by its file name, never by its id.
import { useEffect, useState } from 'react';
import type { EvidenceSummary } from '../../../shared/contracts/evidence';
import { api } from '../lib/api';

export interface EvidenceIndex {
  items: readonly EvidenceSummary[];
  byId: ReadonlyMap<string, EvidenceSummary>;
  loaded: boolean;
}

const EMPTY: EvidenceIndex = { items: [], byId: new Map(), loaded: false };

export function useEvidenceIndex(): EvidenceIndex {
  const [index, setIndex] = useState<EvidenceIndex>(EMPTY);
  useEffect(() => {
    let live = true;
    api()
      .evidence.list({ sort: { by: 'captured', dir: 'desc' } })
      .then((r) => {
        if (live) setIndex({ items: r.items, byId: new Map(r.items.map((i) => [i.id, i])), loaded: true });
      })
      .catch(() => {
        if (live) setIndex({ ...EMPTY, loaded: true });
      });
    return () => {
      live = false;
    };
  }, []);
  return index;
}
