// In-app reminders: what fell due, announced once by main ('timeline:reminder'). In the
// Electron app a desktop notification is shown as well; in the browser harness this is all.
import { useEffect, useState } from 'react';
import type { AgendaItem } from '../../../../shared/contracts/timeline';
import { useT } from '../../i18n';
import { getApi } from '../../lib/api';
import './timeline.css';

export function ReminderToasts() {
  const t = useT();
  const [items, setItems] = useState<AgendaItem[]>([]);
  useEffect(() => {
    const bridge = getApi();
    if (!bridge) return undefined;
    return bridge.subscribe('timeline:reminder', ({ items: fresh }) => {
      setItems((prev) => [...prev, ...fresh.filter((f) => !prev.some((p) => p.key === f.key))]);
    });
  }, []);
  if (items.length === 0) return null;
  return (
    <div className="tl-toasts" role="status" aria-live="polite" data-testid="reminders">
      <p className="tl-toast-title">{t('timeline.reminder.title')}</p>
      <ul>
        {items.map((i) => (
          <li key={i.key} data-testid="reminder-item">
            {t('timeline.reminder.item', { kind: t(`timeline.agenda.kind.${i.kind}`), title: i.title, date: i.date })}
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={() => setItems([])} data-testid="reminders-close">
        {t('timeline.reminder.close')}
      </button>
    </div>
  );
}
