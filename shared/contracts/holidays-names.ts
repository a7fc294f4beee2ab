// The holiday-schedule IPC channel names (no zod: the preload imports this file).
// Spread into CHANNELS in ../channels.ts.

export const HOLIDAYS_CHANNELS = ['holidays:list', 'holidays:addNotice'] as const;

export type HolidaysChannel = (typeof HOLIDAYS_CHANNELS)[number];
