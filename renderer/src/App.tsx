// Boot (app info, settings, vault state), then one screen per vault state:
// none → welcome/create, locked → unlock, unlocked → the shell.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings, VaultStatus } from '../../shared/contract';
import type { Locale } from '../../shared/errors';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/passphrase';
import { useActivityReporter } from './hooks/useActivityReporter';
import { changeUiLocale, isLocale } from './i18n';
import { api, getApi } from './lib/api';
import type { AppInfo } from './settings/AboutSetting';
import { BootScreen, type BootProblem } from './screens/BootScreen';
import { ShellScreen } from './screens/ShellScreen';
import { UnlockScreen, type LockReason } from './screens/UnlockScreen';
import { WelcomeScreen } from './screens/WelcomeScreen';
import type { RestoreDone } from './restore/RestoreFromBackup';
import { RestoredNotice } from './restore/RestoredNotice';

interface Ready {
  info: AppInfo;
  settings: Settings;
  status: VaultStatus;
}

export function App() {
  const [ready, setReady] = useState<Ready | null>(null);
  const [problem, setProblem] = useState<BootProblem | null>(null);
  const [lockReason, setLockReason] = useState<LockReason | null>(null);
  const [locking, setLocking] = useState(false);
  // A vault created in this session opens on 首页, which says what to do first.
  const [justCreated, setJustCreated] = useState(false);
  // 从备份恢复: the shell is rebuilt (no section keeps what it read from the replaced vault)
  // and says once where the replaced vault is kept.
  const [restored, setRestored] = useState<{ done: RestoreDone; generation: number; shown: boolean } | null>(null);
  // The vault:locked listener needs the current status without re-subscribing.
  const statusRef = useRef<VaultStatus | null>(null);
  statusRef.current = ready?.status ?? null;

  const boot = useCallback(async () => {
    setProblem(null);
    if (!getApi()) {
      setProblem({ kind: 'bridge' });
      return;
    }
    try {
      const [info, settings, status] = await Promise.all([api().app.info(), api().settings.get(), api().vault.status()]);
      if (isLocale(settings.locale)) await changeUiLocale(settings.locale);
      setReady({ info, settings, status });
    } catch (err) {
      setProblem({ kind: 'failed', error: err });
    }
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  // Main locks the vault on idle, sleep, passphrase change…: go back to the unlock screen.
  useEffect(() => {
    const bridge = getApi();
    if (!bridge) return undefined;
    return bridge.subscribe('vault:locked', ({ reason }) => {
      // Locking the demo closes it: main now reports the user's own vault (none or locked).
      if (statusRef.current?.sample) {
        setLockReason(null);
        setLocking(false);
        bridge.vault.status().then(
          (status) => setReady((r) => (r ? { ...r, status } : r)),
          () => undefined,
        );
        return;
      }
      setLockReason(reason);
      setLocking(false);
      setReady((r) => (r && r.status.state === 'unlocked' ? { ...r, status: { ...r.status, state: 'locked' } } : r));
    });
  }, []);

  const unlocked = ready?.status.state === 'unlocked';
  useActivityReporter(unlocked);

  const setStatus = useCallback((status: VaultStatus) => {
    setReady((r) => (r ? { ...r, status } : r));
  }, []);

  const changeLocale = useCallback(async (locale: Locale) => {
    await changeUiLocale(locale);
    const settings = await api().settings.set({ locale });
    setReady((r) => (r ? { ...r, settings } : r));
  }, []);

  const lock = useCallback(async () => {
    setLocking(true);
    try {
      const status = await api().vault.lock();
      setLockReason('manual');
      setStatus(status);
    } catch {
      // Whatever happened, show the state main reports.
      try {
        setStatus(await api().vault.status());
      } catch {
        /* keep the current screen */
      }
    } finally {
      setLocking(false);
    }
  }, [setStatus]);

  // Leaving the demo is a lock: the next screen is the user's own (welcome or unlock), no message.
  const exitDemo = useCallback(async () => {
    setLocking(true);
    try {
      const status = await api().vault.lock();
      setLockReason(null);
      setStatus(status);
    } catch {
      try {
        setStatus(await api().vault.status());
      } catch {
        /* keep the current screen */
      }
    } finally {
      setLocking(false);
    }
  }, [setStatus]);

  const demoOpened = useCallback(
    (status: VaultStatus) => {
      setLockReason(null);
      setStatus(status);
    },
    [setStatus],
  );

  const onRestored = useCallback(
    (done: RestoreDone) => {
      setLockReason(null);
      setJustCreated(false);
      setRestored((r) => ({ done, generation: (r?.generation ?? 0) + 1, shown: true }));
      setStatus(done.status);
      // The notice is at the top of the window: show it.
      window.scrollTo(0, 0);
    },
    [setStatus],
  );

  if (!ready) return <BootScreen problem={problem} onRetry={() => void boot()} />;

  const minLength = ready.info.minPassphraseLength || MIN_PASSPHRASE_LENGTH;
  const gateLocaleChange = (locale: Locale) => void changeLocale(locale).catch(() => undefined);

  switch (ready.status.state) {
    case 'none':
      return (
        <WelcomeScreen
          minLength={minLength}
          vaultPath={ready.status.path}
          locale={ready.settings.locale}
          onLocaleChange={gateLocaleChange}
          onCreated={(status) => {
            setLockReason(null);
            setJustCreated(true);
            setStatus(status);
          }}
          onDemoOpened={demoOpened}
        />
      );
    case 'locked':
      return (
        <UnlockScreen
          vaultPath={ready.status.path}
          reason={lockReason}
          locale={ready.settings.locale}
          onLocaleChange={gateLocaleChange}
          onUnlocked={(status) => {
            setLockReason(null);
            // Unlocking returns to where the person was; only a new vault opens on 首页.
            setJustCreated(false);
            setStatus(status);
          }}
          onDemoOpened={demoOpened}
          onRestored={onRestored}
        />
      );
    case 'unlocked':
      return (
        <ShellScreen
          key={restored?.generation ?? 0}
          onRestored={onRestored}
          notice={restored?.shown ? <RestoredNotice done={restored.done} onDismiss={() => setRestored((r) => (r ? { ...r, shown: false } : r))} /> : undefined}
          settings={ready.settings}
          info={ready.info}
          vaultPath={ready.status.path}
          minLength={minLength}
          locking={locking}
          onLock={() => void lock()}
          onLocaleChange={changeLocale}
          onSettingsChange={(settings) => setReady((r) => (r ? { ...r, settings } : r))}
          sample={ready.status.sample}
          onExitDemo={() => void exitDemo()}
          {...(justCreated ? { initialSection: 'home' as const } : {})}
        />
      );
  }
}
