// The creditor-side channels (issue 10: who each record belongs to). No zod here: the
// preload imports this file. Spread into CHANNELS in ../channels.ts.

export const SIDES_CHANNELS = ['sides:get', 'sides:saveAgent', 'sides:deleteAgent', 'sides:setContactSide', 'sides:setEvidenceSide'] as const;

export type SidesChannel = (typeof SIDES_CHANNELS)[number];
