// Asked when leaving a section with edits not yet saved: stay (and save), or leave without them.
import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

export function UnsavedGuard({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const t = useT();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="card unsaved-guard" role="alertdialog" aria-labelledby="unsaved-guard-text" data-testid="unsaved-guard">
      <p id="unsaved-guard-text">{t('current.unsaved.text')}</p>
      <div className="form-actions">
        <button ref={stay} type="button" className="button" onClick={onStay} data-testid="unsaved-stay">
          {t('current.unsaved.stay')}
        </button>
        <button type="button" className="button button-quiet" onClick={onLeave} data-testid="unsaved-leave">
          {t('current.unsaved.leave')}
        </button>
      </div>
    </div>
  );
}
