import type { Settings } from '../../../shared/contract';
import type { Locale } from '../../../shared/errors';
import { useT } from '../i18n';
import { AboutSetting, type AppInfo } from './AboutSetting';
import { AutoLockSetting } from './AutoLockSetting';
import { BackupSetting } from './BackupSetting';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { LanguageSetting } from './LanguageSetting';
import { HolidaysSetting } from './HolidaysSetting';
import { RulesSetting } from './RulesSetting';
import { RestoreSetting } from '../restore/RestoreSetting';
import type { RestoreDone } from '../restore/RestoreFromBackup';

export interface SettingsSectionProps {
  settings: Settings;
  info: AppInfo;
  vaultPath: string;
  minLength: number;
  onLocaleChange: (locale: Locale) => Promise<void>;
  onSettingsChange: (settings: Settings) => void;
  /** 从备份恢复 finished: the restored vault is open. */
  onRestored: (done: RestoreDone) => void;
}

export function SettingsSection(props: SettingsSectionProps) {
  const t = useT();
  return (
    <section className="section" aria-labelledby="section-title" data-testid="section-settings">
      <h1 id="section-title" tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <LanguageSetting locale={props.settings.locale} onLocaleChange={props.onLocaleChange} />
      <AutoLockSetting minutes={props.settings.autoLockMinutes} onSaved={props.onSettingsChange} />
      <ChangePassphraseForm minLength={props.minLength} />
      <BackupSetting />
      <RestoreSetting onRestored={props.onRestored} />
      <HolidaysSetting />
      <RulesSetting />
      <AboutSetting info={props.info} vaultPath={props.vaultPath} />
    </section>
  );
}
