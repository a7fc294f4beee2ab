// The restore capability's IPC channel names (no zod: the preload imports this file).
// Spread into CHANNELS in ../channels.ts.

export const RESTORE_CHANNELS = ['restore:pick', 'restore:uploadBegin', 'restore:uploadChunk', 'restore:discard', 'restore:run'] as const;

export type RestoreChannel = (typeof RESTORE_CHANNELS)[number];
