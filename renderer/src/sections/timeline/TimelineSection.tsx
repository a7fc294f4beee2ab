// 时间线: every contact with the creditor side, grouped by day (virtualised), with filters
// and search, a chart of contacts per week by party, the agenda of what is due, the
// monthly conduct summary, and each entry's detail with its flags, rules and evidence.
import { useCallback, useEffect, useState } from 'react';
import type { ContactDetail, TimelineFilter } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useNavFocus } from '../../lib/navigate';
import { Message } from '../../components/Message';
import { AgendaPanel } from './AgendaPanel';
import { ConductSummary } from './ConductSummary';
import { ContactForm } from './ContactForm';
import { EntryDetail } from './EntryDetail';
import { EvidenceViewer } from './EvidenceViewer';
import { FilterBar } from './FilterBar';
import { ImportPanel, ImportStatus, type ImportStatusValue } from './ImportPanel';
import { MarksPanel } from './MarksPanel';
import { TimelineList } from './TimelineList';
import { WeekChart } from './WeekChart';
import { useTimeline } from './useTimeline';
import './timeline.css';

type Viewing = ContactDetail['evidence'][number];

export function TimelineSection() {
  const t = useT();
  const [filter, setFilter] = useState<TimelineFilter>({});
  const data = useTimeline(filter);
  const [selected, setSelected] = useState<ContactDetail | null>(null);
  const [viewing, setViewing] = useState<Viewing | null>(null);
  const [form, setForm] = useState<'add' | 'edit' | null>(null);
  const [reveal, setReveal] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [importStatus, setImportStatus] = useState<ImportStatusValue>({ kind: 'idle' });

  const open = useCallback(async (id: string) => {
    setError(null);
    setViewing(null);
    try {
      setSelected(await api().timeline.get({ id }));
    } catch (err) {
      setError(err);
    }
  }, []);

  // Arrived from elsewhere (an evidence item's contacts, a contact just made from
  // screenshots): select that contact and scroll it into view.
  const { focus, clearFocus } = useNavFocus();
  useEffect(() => {
    const contactId = focus?.contactId;
    if (!contactId) return;
    clearFocus();
    setReveal(contactId);
    void open(contactId);
  }, [focus, clearFocus, open]);

  const changed = (c: ContactDetail | null) => {
    setSelected(c);
    void data.reload();
  };

  const close = () => {
    const id = selected?.id ?? null;
    setSelected(null);
    setViewing(null);
    setReveal(id);
  };

  const entries = data.list?.entries ?? [];
  return (
    <section className="section tl-section" aria-labelledby="section-title" data-testid="section-timeline">
      <div className="tl-header">
        <h1 id="section-title" tabIndex={-1}>
          {t('nav.timeline')}
        </h1>
        <div className="tl-actions" data-testid="timeline-import">
          <button type="button" className="button button-primary" onClick={() => setForm('add')} data-testid="timeline-add">
            {t('timeline.actions.add')}
          </button>
          <ImportPanel status={importStatus} onStatus={setImportStatus} onImported={() => void data.reload()} />
        </div>
      </div>
      <p className="lead tl-lead">{t('timeline.lead')}</p>
      <ImportStatus status={importStatus} />
      {data.error !== null && <Message kind="error">{errorText(t, data.error)}</Message>}
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}

      <div className="tl-layout">
        <div className="tl-main">
          <FilterBar filter={filter} onChange={setFilter} />
          {data.list === null ? (
            <p role="status">{t('timeline.loading')}</p>
          ) : (
            <>
              <p className="help tl-count" role="status" data-testid="timeline-count">
                {t('timeline.count', { shown: entries.length, total: data.list.total })}
              </p>
              {entries.length === 0 ? (
                <div className="empty-state" data-testid="timeline-empty">
                  <p>{t(data.list.total === 0 ? 'timeline.empty' : 'timeline.noMatch')}</p>
                </div>
              ) : (
                <TimelineList entries={entries} selectedId={selected?.id ?? null} onOpen={(id) => void open(id)} revealId={reveal} />
              )}
            </>
          )}
        </div>
        <aside className="tl-aside" aria-label={t('timeline.agenda.title')}>
          {selected && viewing ? (
            <EvidenceViewer item={viewing} onBack={() => setViewing(null)} />
          ) : selected ? (
            <EntryDetail contact={selected} marks={data.marks} onClose={close} onChanged={changed} onEdit={() => setForm('edit')} onOpenEvidence={setViewing} />
          ) : (
            <>
              {entries.length > 0 && <WeekChart entries={entries} />}
              <AgendaPanel
                agenda={data.agenda}
                onOpen={(id) => void open(id)}
                onDone={(id) =>
                  void api()
                    .timeline.update({ id, patch: { followUpDone: true } })
                    .then(() => data.reload())
                    .catch(setError)
                }
              />
              <ConductSummary months={data.months} />
              <MarksPanel marks={data.marks} />
            </>
          )}
        </aside>
      </div>

      {form && (
        <ContactForm
          editing={form === 'edit' ? selected : null}
          onClose={() => setForm(null)}
          onSaved={(c) => {
            setForm(null);
            changed(c);
          }}
        />
      )}
    </section>
  );
}
