// What is due: follow-ups, answers expected in the 7–15 working-day window, installments.
import type { Agenda, AgendaItem } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';

export interface AgendaPanelProps {
  agenda: Agenda | null;
  onOpen: (contactId: string) => void;
  onDone: (contactId: string) => void;
}

export function AgendaPanel({ agenda, onOpen, onDone }: AgendaPanelProps) {
  const t = useT();
  const items = agenda?.items ?? [];
  return (
    <section className="tl-panel" aria-labelledby="tl-agenda-title" data-testid="agenda">
      <h2 id="tl-agenda-title">{t('timeline.agenda.title')}</h2>
      {agenda && <p className="help">{t('timeline.agenda.today', { date: agenda.today })}</p>}
      {items.length === 0 ? (
        <p className="help" data-testid="agenda-empty">
          {t('timeline.agenda.empty')}
        </p>
      ) : (
        <ul className="tl-agenda">
          {items.map((i) => (
            <AgendaRow key={i.key} item={i} onOpen={onOpen} onDone={onDone} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AgendaRow({ item: i, onOpen, onDone }: { item: AgendaItem; onOpen: (id: string) => void; onDone: (id: string) => void }) {
  const t = useT();
  return (
    <li className={`tl-agenda-item tl-status-${i.status}`} data-testid="agenda-item" data-kind={i.kind} data-status={i.status}>
      <p className="tl-agenda-head">
        <span className="tl-agenda-date">{i.date}</span>
        <span className={`tl-badge tl-badge-status-${i.status}`}>{t(`timeline.agenda.status.${i.status}`)}</span>
        <span className="tl-agenda-kind">{t(`timeline.agenda.kind.${i.kind}`)}</span>
      </p>
      <p className="tl-agenda-title">
        {i.title}
        {i.amount ? ` · ${t('timeline.agenda.amount', { amount: i.amount })}` : ''}
      </p>
      {i.detail && <p className="tl-agenda-detail">{i.detail}</p>}
      {i.windowStart && <p className="help">{t('timeline.agenda.window', { from: i.windowStart, to: i.date })}</p>}
      {i.provisional && (
        <p className="help" data-testid="agenda-provisional">
          {t('current.agenda.provisional')}
        </p>
      )}
      {i.problem && <p className="help tl-problem">{i.problem}</p>}
      {i.contactId && (
        <div className="tl-agenda-actions">
          <button type="button" className="button button-quiet" onClick={() => onOpen(i.contactId!)}>
            {t('timeline.agenda.open')}
          </button>
          {i.kind === 'follow_up' && (
            <button type="button" className="button button-quiet" onClick={() => onDone(i.contactId!)} data-testid="agenda-done">
              {t('timeline.agenda.done')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
