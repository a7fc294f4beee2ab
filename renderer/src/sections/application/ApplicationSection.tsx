// 申请书: build an application package (the wizard), see the ones built before, and verify
// a package file (the one just saved, or one a creditor sent back).
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useT, type TKey } from '../../i18n';
import type { AppMode } from '../evidence/urls';
import '../case/case.css';
import './application.css';
import './package-tools.css';
import { PackageList } from './PackageList';
import { VerifyPanel } from './VerifyPanel';
import { Wizard } from './Wizard';

const TABS = ['build', 'list', 'verify'] as const;
type Tab = (typeof TABS)[number];
const TAB_KEYS: Record<Tab, TKey> = { build: 'application.tabs.build', list: 'application.tabs.list', verify: 'application.tabs.verify' };

export function ApplicationSection({ mode }: { mode: AppMode }) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('build');
  const [built, setBuilt] = useState(0);
  const onBuilt = useCallback(() => setBuilt((n) => n + 1), []);

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    document.getElementById(`pkg-tab-${next}`)?.focus();
  };

  return (
    <section className="section case-section pkg-section" aria-labelledby="section-title" data-testid="section-application">
      <h1 id="section-title" tabIndex={-1}>
        {t('nav.application')}
      </h1>
      <p className="lead">{t('application.lead')}</p>
      <div className="pkg-tabs" role="tablist" aria-label={t('nav.application')} onKeyDown={onKey}>
        {TABS.map((id) => (
          <button
            key={id}
            id={`pkg-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`pkg-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            className={`pkg-tab ${tab === id ? 'pkg-tab-on' : ''}`}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {t(TAB_KEYS[id])}
          </button>
        ))}
      </div>
      {/* The wizard stays mounted while another tab shows, so a build in progress and the person's edits survive. */}
      <div id="pkg-panel-build" role="tabpanel" aria-labelledby="pkg-tab-build" hidden={tab !== 'build'}>
        <Wizard mode={mode} onBuilt={onBuilt} />
      </div>
      {tab === 'list' && (
        <div id="pkg-panel-list" role="tabpanel" aria-labelledby="pkg-tab-list">
          <PackageList refreshKey={built} />
        </div>
      )}
      {tab === 'verify' && (
        <div id="pkg-panel-verify" role="tabpanel" aria-labelledby="pkg-tab-verify">
          <VerifyPanel />
        </div>
      )}
    </section>
  );
}
