// The case's `contacts` belong to the timeline (issue 5), which owns their table. This is
// the one place the case reaches them: the timeline registers a port, and until it does,
// the case exports no contacts ([]) and refuses to import any (rather than dropping them).
//
// For the timeline: call registerCaseContactsPort({ read, replace }) from your vault module
// (main/vault/features.ts imports it, so the port is in place wherever the vault runs).
import type { Db } from '../sqlite';
import type { AuditEntry } from '../audit-log';
import type { CaseContact } from '../../../shared/case/schema';

export type AuditFn = (entry: Omit<AuditEntry, 'actor'>) => void;

export interface CaseContactsPort {
  /** Every contact, oldest first, in the case JSON shape (id, at, channel, direction, …). */
  read(db: Db): CaseContact[];
  /** Replaces every contact, inside the import's transaction; audit what it changes. */
  replace(db: Db, contacts: readonly CaseContact[], audit: AuditFn): void;
}

let port: CaseContactsPort | null = null;

export function registerCaseContactsPort(next: CaseContactsPort | null): void {
  port = next;
}

export function caseContactsPort(): CaseContactsPort | null {
  return port;
}
