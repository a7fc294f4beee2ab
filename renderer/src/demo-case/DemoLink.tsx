// The unlock screen's small way into the demo case (the user's own vault stays locked).
import type { VaultStatus } from '../../../shared/contract';
import { useT } from '../i18n';
import { DemoStatus } from './DemoStatus';
import { useOpenDemo } from './useOpenDemo';
import './demo.css';

export function DemoLink({ onOpened }: { onOpened: (status: VaultStatus) => void }) {
  const t = useT();
  const demo = useOpenDemo(onOpened);
  return (
    <div className="demo-link" aria-busy={demo.busy}>
      <button type="button" className="demo-link-button" onClick={demo.open} disabled={demo.busy} data-testid="demo-open">
        {t('demo.unlockLink')}
      </button>
      <DemoStatus demo={demo} />
    </div>
  );
}
