// The vocabulary of the contact timeline: channels, directions, parties, conduct flags.
// Isomorphic (no Node, no DOM): the vault, the CLI, the contract and the renderer share it.

/** How the contact happened. 'chat' is an in-app online chat (App 在线客服). */
export const CONTACT_CHANNELS = ['phone', 'chat', 'sms', 'email', 'letter', 'visit', 'mediation', 'court'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
/** incoming: they contacted me (a call I received, an SMS I got); outgoing: I contacted them. */
export type Direction = (typeof DIRECTIONS)[number];

/** Who the other side is. 'collector' is a collection agency (催收公司 / 委外机构). */
export const PARTY_TYPES = ['creditor', 'collector', 'third_party', 'mediator', 'regulator'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** Where an entry came from. */
export const CONTACT_SOURCES = ['manual', 'sms_backup', 'call_recording', 'chat_screenshots'] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

/** A number or sender the user marked (overrides the shipped directory). */
export const MARK_SIDES = ['creditor', 'collector', 'not_creditor'] as const;
export type MarkSide = (typeof MARK_SIDES)[number];

/** The conduct flags, exactly the names of docs/cli.md ("Calculation rules"). */
export const FLAG_CODES = ['night_contact', 'excess_calls', 'third_party', 'threat_or_impersonation'] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** The effective party of an entry, after the user's marks, the directory and the wording. */
export type EffectiveParty = PartyType | 'unknown';

/** Why an entry counts as coming from the creditor side (shown next to its flags). */
export const SIDE_REASONS = ['party_type', 'user_mark', 'directory', 'collection_wording', 'none', 'side_set', 'agent_number', 'creditor_number', 'unrelated'] as const;
export type SideReason = (typeof SIDE_REASONS)[number];

export function isContactChannel(v: unknown): v is ContactChannel {
  return typeof v === 'string' && (CONTACT_CHANNELS as readonly string[]).includes(v);
}
export function isPartyType(v: unknown): v is PartyType {
  return typeof v === 'string' && (PARTY_TYPES as readonly string[]).includes(v);
}
export function isFlagCode(v: unknown): v is FlagCode {
  return typeof v === 'string' && (FLAG_CODES as readonly string[]).includes(v);
}
