// Loads 还款's data (agreements with schedules, settings) and the evidence items a receipt or
// a bill can be picked from; reload after each change.
import { useCallback, useEffect, useState } from 'react';
import type { RepaymentsList } from '../../../../shared/contracts/repayments';
import { api } from '../../lib/api';

export interface EvidenceChoice {
  id: string;
  name: string;
  category: string;
}

export function useRepayments() {
  const [data, setData] = useState<RepaymentsList | null>(null);
  const [evidence, setEvidence] = useState<EvidenceChoice[]>([]);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      const [list, items] = await Promise.all([api().repayments.list({}), api().evidence.list({ sort: { by: 'imported', dir: 'desc' } })]);
      setData(list);
      setEvidence(items.items.map((i) => ({ id: i.id, name: i.name, category: i.category })));
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, evidence, error, reload };
}
