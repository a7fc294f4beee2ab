// Issue 11's IPC channel names (no zod: the preload imports this file).
export const REPAYMENTS_CHANNELS = [
  'repayments:list',
  'repayments:saveAgreement',
  'repayments:pay',
  'repayments:deletePayment',
  'repayments:saveSettings',
  'repayments:exportCalendar',
  'repayments:rounds',
  'repayments:saveRound',
  'repayments:setOutcome',
  'repayments:saveRequest',
  'repayments:budget',
  'repayments:importBill',
  'repayments:home',
] as const;
