// What the services need from their host (Electron or the loopback harness) and nothing
// more: the user's choice of a save path, and a way to push an event to the renderer.
import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';

export interface PlatformHooks {
  /** Ask the user where to save a file; null when they cancel. Electron: a save dialog. */
  chooseSavePath(suggestedName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
  /** A desktop notification (Electron); absent in the harness, where reminders show in-app only. */
  notify?(title: string, body: string): void;
  /**
   * Ask the user for files or one folder to import (Electron: an open dialog); null when
   * they cancel. Absent where no dialog can be shown (the harness: evidence arrives as
   * bytes from the renderer instead).
   */
  chooseOpenPaths?(mode: 'files' | 'folder'): Promise<string[] | null>;
  /** Ask for a folder to export into (Electron: a folder dialog; the harness: <dataDir>/exports); null when cancelled. */
  chooseFolder?(): Promise<string | null>;
  /** Ask for one backup file to restore from (Electron: an open dialog); absent in the harness (the renderer uploads it). */
  chooseBackupFile?(): Promise<string | null>;
}

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
