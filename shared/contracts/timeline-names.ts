// The timeline's IPC channel and event names (no zod: the preload imports this file).
// Spread into CHANNELS / EVENTS in ../channels.ts.

export const TIMELINE_CHANNELS = [
  'timeline:list',
  'timeline:get',
  'timeline:add',
  'timeline:update',
  'timeline:delete',
  'timeline:dismissFlag',
  'timeline:restoreFlag',
  'timeline:fromEvidence',
  'timeline:contactsForEvidence',
  'timeline:marks',
  'timeline:mark',
  'timeline:agenda',
  'timeline:summary',
  'timeline:importSmsUpload',
  'timeline:importSmsTableUpload',
  'timeline:importCallUpload',
  'timeline:addFromScreenshot',
] as const;

/** Reminders of what is due (the renderer shows them in-app; Electron also notifies). */
export const TIMELINE_EVENTS = ['timeline:reminder'] as const;
