// The welcome screen's second way in: look at the fictional demo case before making a vault.
import type { VaultStatus } from '../../../shared/contract';
import { useT } from '../i18n';
import { DemoStatus } from './DemoStatus';
import { useOpenDemo } from './useOpenDemo';
import './demo.css';

export function DemoCard({ onOpened }: { onOpened: (status: VaultStatus) => void }) {
  const t = useT();
  const demo = useOpenDemo(onOpened);
  return (
    <section className="card demo-card" aria-labelledby="demo-title" aria-busy={demo.busy} data-testid="demo-card">
      <h2 id="demo-title">{t('demo.welcomeTitle')}</h2>
      <p id="demo-lead">{t('demo.welcomeLead')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={demo.open} disabled={demo.busy} aria-describedby="demo-lead" data-testid="demo-open">
          {demo.busy ? t('demo.preparing') : t('demo.open')}
        </button>
      </div>
      <DemoStatus demo={demo} />
    </section>
  );
}
