// Purge is explicit: a modal that names how many items, says it cannot be undone, and
// needs a ticked acknowledgement before the button works.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n';

export function ConfirmPurge({ count, busy, onConfirm, onCancel }: { count: number; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [ack, setAck] = useState(false);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="ev-dialog ev-confirm" aria-labelledby={titleId} onCancel={onCancel} data-testid="evidence-purge-dialog">
      <h2 id={titleId}>{t('evidence.confirm.purgeTitle', { n: count })}</h2>
      <p>{t('evidence.confirm.purgeBody')}</p>
      <label className="checkbox-row">
        <input type="checkbox" className="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} data-testid="evidence-purge-ack" />
        <span>{t('evidence.confirm.purgeAck')}</span>
      </label>
      <div className="form-actions">
        <button type="button" className="button ev-button-danger" disabled={!ack || busy} onClick={onConfirm} data-testid="evidence-purge-confirm">
          {t('evidence.confirm.purgeConfirm')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} autoFocus>
          {t('evidence.confirm.cancel')}
        </button>
      </div>
    </dialog>
  );
}
