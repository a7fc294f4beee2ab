// The closed list of IPC channel and event names. The preload imports only this file
// (no zod), so the sandboxed preload bundle stays tiny; shared/contract.ts attaches a
// schema to every name and the type system checks the two lists stay equal.
// A capability adds its names in shared/contracts/<feature>-names.ts and one spread here.
import { CASE_CHANNELS } from './contracts/case-names';
import { TIMELINE_CHANNELS, TIMELINE_EVENTS } from './contracts/timeline-names';
import { EVIDENCE_CHANNELS } from './contracts/evidence-names';
import { PACKAGE_CHANNELS } from './contracts/package-names';
import { SIDES_CHANNELS } from './contracts/sides-names';
import { HOLIDAYS_CHANNELS } from './contracts/holidays-names';
import { REPAYMENTS_CHANNELS } from './contracts/repayments-names';
import { OCR_CHANNELS } from './contracts/ocr-names';
import { RESTORE_CHANNELS } from './contracts/restore-names';

export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:set',
  'session:activity',
  'vault:status',
  'vault:create',
  'vault:unlock',
  'vault:lock',
  'vault:openDemo',
  'vault:changePassphrase',
  'vault:backup',
  'vault:auditVerify',
  ...CASE_CHANNELS,
  ...TIMELINE_CHANNELS,
  ...EVIDENCE_CHANNELS,
  ...PACKAGE_CHANNELS,
  ...SIDES_CHANNELS,
  ...HOLIDAYS_CHANNELS,
  ...REPAYMENTS_CHANNELS,
  ...OCR_CHANNELS,
  ...RESTORE_CHANNELS,
] as const;

export const EVENTS = ['vault:locked', 'task:progress', ...TIMELINE_EVENTS] as const;

export type Channel = (typeof CHANNELS)[number];
export type EventName = (typeof EVENTS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}

/** 'vault:unlock' → ['vault', 'unlock']: the namespace and method the API exposes. */
export function splitChannel(channel: Channel): [string, string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}
