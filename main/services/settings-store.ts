// App settings that must be readable before the vault is unlocked (language, auto-lock).
// Nothing sensitive lives here. Written atomically; a damaged file falls back to defaults.
import fs from 'node:fs';
import path from 'node:path';
import { SettingsSchema, type Settings } from '../../shared/contract';

export const DEFAULT_SETTINGS: Settings = { locale: 'zh-CN', autoLockMinutes: 5 };

export class SettingsStore {
  private current: Settings;

  constructor(private readonly file: string) {
    this.current = SettingsStore.read(file);
  }

  private static read(file: string): Settings {
    try {
      const parsed = SettingsSchema.partial().safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (parsed.success) return { ...DEFAULT_SETTINGS, ...parsed.data };
    } catch {
      /* missing or unreadable: defaults */
    }
    return { ...DEFAULT_SETTINGS };
  }

  get(): Settings {
    return { ...this.current };
  }

  set(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.current, ...patch });
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.tmp-${process.pid}`;
    fs.writeFileSync(temp, JSON.stringify(next, null, 2), { mode: 0o600 });
    fs.renameSync(temp, this.file);
    this.current = next;
    return this.get();
  }
}
