// What the services need from their host (Electron or the loopback harness) and nothing
// more: the user's choice of a save path, and a way to push an event to the renderer.
import type { EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';

export interface PlatformHooks {
  /** Ask the user where to save a file; null when they cancel. Electron: a save dialog. */
  chooseSavePath(suggestedName: string, filters: { name: string; extensions: string[] }[]): Promise<string | null>;
}

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;
