// Which evidence backs which account has one home: the case, in case_accounts.evidence_ids
// (migration 0003), in the order the user gave. The debts page edits it with the account,
// `case export/import` carries it, and a case file may name evidence not (yet) in this
// vault. The evidence side reads and edits the same lists through these functions;
// evidence_links keeps only contact links (migration 0007 moved the old account rows there
// and refuses new ones).
import type { Db } from '../sqlite';
import { BadInputError } from '../../../shared/errors';
import type { AuditFn } from './contacts';

/** The most evidence one account may name (shared/case/schema.ts: accounts[].evidenceIds). */
export const MAX_ACCOUNT_EVIDENCE = 100;

/** SQL for "item `<alias>.id` is linked to the account bound to ?" (for evidence list filters). */
export function linkedToAccountSql(itemAlias: string): string {
  return `EXISTS (SELECT 1 FROM case_accounts ca, json_each(ca.evidence_ids) je WHERE ca.id = ? AND je.value = ${itemAlias}.id)`;
}

interface LinkRow {
  account_id: string;
  item_id: string;
}

function linkRows(db: Db, where = '', ...params: unknown[]): LinkRow[] {
  return db
    .prepare(`SELECT ca.id AS account_id, je.value AS item_id FROM case_accounts ca, json_each(ca.evidence_ids) je ${where} ORDER BY ca.position, je.key`)
    .all(...params) as LinkRow[];
}

/** Every item's accounts, in the debts page's order. */
export function accountIdsByItem(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of linkRows(db)) (out.get(r.item_id) ?? out.set(r.item_id, []).get(r.item_id)!).push(r.account_id);
  return out;
}

/** The accounts that name this item. */
export function accountIdsOf(db: Db, itemId: string): string[] {
  return linkRows(db, 'WHERE je.value = ?', itemId).map((r) => r.account_id);
}

/** Accounts with at least one linked item that is in the vault (the evidence filter's choices). */
export function accountsWithEvidence(db: Db): string[] {
  return [...new Set(linkRows(db, 'WHERE je.value IN (SELECT id FROM evidence_items)').map((r) => r.account_id))];
}

function evidenceIdsOf(db: Db, accountId: string): string[] {
  const r = db.prepare('SELECT evidence_ids FROM case_accounts WHERE id = ?').get(accountId) as { evidence_ids: string } | undefined;
  return r ? (JSON.parse(r.evidence_ids) as string[]) : [];
}

function writeEvidenceIds(db: Db, audit: AuditFn, accountId: string, before: string[], after: string[]): void {
  db.prepare('UPDATE case_accounts SET evidence_ids = ? WHERE id = ?').run(JSON.stringify(after), accountId);
  audit({ action: 'case.account.update', entity: 'case_account', entityId: accountId, oldValue: { evidenceIds: before }, newValue: { evidenceIds: after } });
}

/**
 * Makes exactly `accountIds` name the item: added at the end of an account's list, removed
 * from the others. Each account changed gets its own audit row. Returns the accounts before
 * and after (in the debts page's order), or null when nothing changed.
 */
export function setItemAccounts(db: Db, audit: AuditFn, itemId: string, accountIds: readonly string[]): { before: string[]; after: string[] } | null {
  const wanted = new Set(accountIds);
  for (const id of wanted) {
    if (db.prepare('SELECT 1 FROM case_accounts WHERE id = ?').get(id) === undefined) throw new BadInputError(`找不到账户 ${id}`);
  }
  const before = accountIdsOf(db, itemId);
  const had = new Set(before);
  if (had.size === wanted.size && [...wanted].every((id) => had.has(id))) return null;
  for (const id of new Set([...had, ...wanted])) {
    const old = evidenceIdsOf(db, id);
    const next = wanted.has(id) ? (old.includes(itemId) ? old : [...old, itemId]) : old.filter((e) => e !== itemId);
    if (next.length === old.length && next.every((e, i) => e === old[i])) continue;
    if (next.length > MAX_ACCOUNT_EVIDENCE) throw new BadInputError(`一个账户最多关联 ${MAX_ACCOUNT_EVIDENCE} 份证据`);
    writeEvidenceIds(db, audit, id, old, next);
  }
  return { before, after: accountIdsOf(db, itemId) };
}

/** Items deleted for good leave every account's list (each account changed is audited). */
export function unlinkItems(db: Db, audit: AuditFn, itemIds: readonly string[]): void {
  const gone = new Set(itemIds);
  const accounts = new Set(
    linkRows(db)
      .filter((r) => gone.has(r.item_id))
      .map((r) => r.account_id),
  );
  for (const id of accounts) {
    const old = evidenceIdsOf(db, id);
    writeEvidenceIds(
      db,
      audit,
      id,
      old,
      old.filter((e) => !gone.has(e)),
    );
  }
}
