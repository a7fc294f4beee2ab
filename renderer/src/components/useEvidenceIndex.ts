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

// Several cards on one screen ask at once: one request serves them (kept for a moment only, so
// evidence imported since is listed the next time a form opens).
let shared: { at: number; load: Promise<EvidenceSummary[]> } | null = null;
const SHARE_MS = 3000;

function loadEvidence(): Promise<EvidenceSummary[]> {
  const now = Date.now();
  if (!shared || now - shared.at > SHARE_MS) {
    const load = api()
      .evidence.list({ sort: { by: 'captured', dir: 'desc' } })
      .then((r) => r.items);
    load.catch(() => {
      shared = null;
    });
    shared = { at: now, load };
  }
  return shared.load;
}

export function useEvidenceIndex(): EvidenceIndex {
  const [index, setIndex] = useState<EvidenceIndex>(EMPTY);
  useEffect(() => {
    let live = true;
    loadEvidence()
      .then((items) => {
        if (live) setIndex({ items, byId: new Map(items.map((i) => [i.id, i])), loaded: true });
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
