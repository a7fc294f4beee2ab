// Shown once after a restore, above the sections: where the replaced vault now is.
import { Message } from '../components/Message';
import { useT } from '../i18n';
import type { RestoreDone } from './RestoreFromBackup';

export function RestoredNotice({ done, onDismiss }: { done: RestoreDone; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="restored-notice" data-testid="restored-notice">
      <Message kind="success">
        {done.keptAs ? t('restore.done', { kept: done.keptAs, folder: done.folder }) : t('restore.doneNoPrevious')}{' '}
        <button type="button" className="button" onClick={onDismiss} data-testid="restored-notice-dismiss">
          {t('restore.dismiss')}
        </button>
      </Message>
    </div>
  );
}
