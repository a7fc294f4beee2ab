// The case's IPC channel names (issue 4: debts, finances, plans). No zod here: the preload
// imports this file. Spread into CHANNELS in ../channels.ts.

export const CASE_CHANNELS = [
  'case:get',
  'case:saveApplicant',
  'case:saveHardship',
  'case:saveCreditor',
  'case:deleteCreditor',
  'case:saveAccount',
  'case:deleteAccount',
  'case:saveSnapshot',
  'case:deleteSnapshot',
  'case:saveFinances',
  'case:savePlan',
  'case:deletePlan',
  'case:saveAgreement',
  'case:deleteAgreement',
  'case:setInstallmentPaid',
  'case:saveLpr',
] as const;

export type CaseChannel = (typeof CASE_CHANNELS)[number];
