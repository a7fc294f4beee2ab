// The timeline's data for the section: the filtered list, the agenda, the monthly summary
// and the number marks, reloaded together after every change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Agenda, Marks, MonthSummary, TimelineFilter, TimelineList } from '../../../../shared/contracts/timeline';
import { api } from '../../lib/api';

export interface TimelineData {
  list: TimelineList | null;
  agenda: Agenda | null;
  months: MonthSummary[];
  marks: Marks | null;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
}

export function useTimeline(filter: TimelineFilter): TimelineData {
  const [list, setList] = useState<TimelineList | null>(null);
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [months, setMonths] = useState<MonthSummary[]>([]);
  const [marks, setMarks] = useState<Marks | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const filterKey = JSON.stringify(filter);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const f = JSON.parse(filterKey) as TimelineFilter;
      const [l, a, s, m] = await Promise.all([api().timeline.list({ filter: f }), api().timeline.agenda({}), api().timeline.summary({}), api().timeline.marks({})]);
      if (mine !== seq.current) return;
      setList(l);
      setAgenda(a);
      setMonths(s.months);
      setMarks(m);
      setError(null);
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [filterKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { list, agenda, months, marks, loading, error, reload };
}
