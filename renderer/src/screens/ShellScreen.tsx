// State 'unlocked': top bar with the lock button, the section navigation, the section.
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Settings } from '../../../shared/contract';
import type { Locale } from '../../../shared/errors';
import { SideNav } from '../components/SideNav';
import { NavigationContext, type NavFocus, type Navigation } from '../lib/navigate';
import { TopBar } from '../components/TopBar';
import { UnsavedGuard } from '../components/UnsavedGuard';
import '../settings/current.css';
import { hasUnsavedChanges } from '../lib/unsaved';
import { PlannedSectionView } from '../sections/PlannedSection';
import { DebtsSection } from '../sections/debts/DebtsSection';
import { EvidenceSection } from '../sections/evidence/EvidenceSection';
import { FinancesSection } from '../sections/finances/FinancesSection';
import { PlanSection } from '../sections/plan/PlanSection';
import { TimelineSection } from '../sections/timeline/TimelineSection';
import { HelpSection } from '../sections/help/HelpSection';
import { RepaymentsSection } from '../sections/repayments/RepaymentsSection';
import { HomeSection } from '../sections/repayments/HomeSection';
import { ReminderToasts } from '../sections/timeline/ReminderToasts';
import type { SectionId } from '../sections/sections';
import { SettingsSection } from '../settings/SettingsSection';
import type { AppInfo } from '../settings/AboutSetting';
import type { RestoreDone } from '../restore/RestoreFromBackup';
import { DemoBanner } from '../demo-case/DemoBanner';
import { useSampleTitle } from '../demo-case/useSampleTitle';

// 申请书 is loaded when first opened: it brings the package model's checks (zod), which the
// rest of the window does not need.
const ApplicationSection = lazy(() => import('../sections/application/ApplicationSection').then((m) => ({ default: m.ApplicationSection })));

export interface ShellScreenProps {
  settings: Settings;
  info: AppInfo;
  vaultPath: string;
  minLength: number;
  locking: boolean;
  onLock: () => void;
  onLocaleChange: (locale: Locale) => Promise<void>;
  onSettingsChange: (settings: Settings) => void;
  /** The open vault is the demo case: marked 示例 everywhere, with a way out. */
  sample?: boolean;
  onExitDemo?: () => void;
  /** The first section shown ('home' right after a vault is created: it says what to do first). */
  initialSection?: SectionId;
  /** 从备份恢复 (设置) finished: the restored vault is open. */
  onRestored: (done: RestoreDone) => void;
  /** Shown above the sections (the restore's result). */
  notice?: ReactNode;
}

// Where the person was when the vault locked (this window's memory only): unlocking the same
// kind of vault (own or sample) brings them back there instead of to the first section.
let remembered: { section: SectionId; sample: boolean } | null = null;

export function ShellScreen(props: ShellScreenProps) {
  const sample = props.sample ?? false;
  const [section, setSection] = useState<SectionId>(() => props.initialSection ?? (remembered && remembered.sample === sample ? remembered.section : 'evidence'));
  const [focus, setFocus] = useState<NavFocus | null>(null);
  const [pending, setPending] = useState<{ id: SectionId; next: NavFocus | null } | null>(null);
  const navigated = useRef(false);
  useSampleTitle(sample);
  useEffect(() => {
    remembered = { section, sample };
  }, [section, sample]);

  const show = useCallback((id: SectionId, next: NavFocus | null) => {
    navigated.current = true;
    setPending(null);
    setFocus(next);
    setSection(id);
  }, []);
  // Sections link to each other (a contact's evidence, an item's contacts): goTo switches
  // the section and leaves what to bring forward for the target section to take. With
  // unsaved edits on the page, it asks first.
  const goTo = useCallback(
    (id: SectionId, next?: NavFocus) => {
      if (hasUnsavedChanges()) setPending({ id, next: next ?? null });
      else show(id, next ?? null);
    },
    [show],
  );
  const clearFocus = useCallback(() => setFocus(null), []);
  const nav = useMemo<Navigation>(() => ({ goTo, focus, clearFocus }), [goTo, focus, clearFocus]);

  // After the user picks a section, move focus to its heading so screen readers and
  // keyboard users land at the top of the new content (not on first show).
  useEffect(() => {
    if (!navigated.current) return;
    document.getElementById('section-title')?.focus();
  }, [section]);

  return (
    <NavigationContext.Provider value={nav}>
      <div className="shell">
        <TopBar onLock={props.onLock} locking={props.locking} sample={props.sample ?? false} />
        {props.notice}
        {props.sample && <DemoBanner onExit={props.onExitDemo ?? props.onLock} exiting={props.locking} />}
        <ReminderToasts />
        {pending && <UnsavedGuard onStay={() => setPending(null)} onLeave={() => show(pending.id, pending.next)} />}
        <div className="shell-body">
          <SideNav current={section} onSelect={(id) => goTo(id)} />
          <main className="content" id="content">
            {section === 'settings' ? (
              <SettingsSection
                settings={props.settings}
                info={props.info}
                vaultPath={props.vaultPath}
                minLength={props.minLength}
                onLocaleChange={props.onLocaleChange}
                onSettingsChange={props.onSettingsChange}
                onRestored={props.onRestored}
              />
            ) : section === 'evidence' ? (
              <EvidenceSection mode={props.info.mode} />
            ) : section === 'debts' ? (
              <DebtsSection />
            ) : section === 'finances' ? (
              <FinancesSection />
            ) : section === 'plan' ? (
              <PlanSection />
            ) : section === 'timeline' ? (
              <TimelineSection />
            ) : section === 'home' ? (
              <HomeSection />
            ) : section === 'repayments' ? (
              <RepaymentsSection />
            ) : section === 'application' ? (
              <Suspense fallback={<p role="status">{'…'}</p>}>
                <ApplicationSection mode={props.info.mode} />
              </Suspense>
            ) : section === 'help' ? (
              <HelpSection />
            ) : (
              <PlannedSectionView key={section} id={section} />
            )}
          </main>
        </div>
      </div>
    </NavigationContext.Provider>
  );
}
