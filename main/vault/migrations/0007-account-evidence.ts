// Account ↔ evidence links had two homes: the case's case_accounts.evidence_ids (0003,
// edited in 债务, carried by `case export/import`) and 0002's evidence_links rows of kind
// 'account' (written only by evidence:update). The case list is now the only one
// (main/vault/case/evidence-links.ts): this moves every 'account' row into its account's
// list (appended, oldest import first) and refuses new ones. A row that cannot move (its
// account no longer exists, or the list is full) is kept in this migration's audit entry.
import type { Migration } from './types';
import { appendAudit } from '../audit-log';

const MAX_PER_ACCOUNT = 100;

export const migration0007: Migration = {
  version: 7,
  name: 'account-evidence',
  up(db) {
    const rows = db
      .prepare(
        `SELECT l.target_id AS account_id, l.item_id AS item_id FROM evidence_links l JOIN evidence_items i ON i.id = l.item_id
         WHERE l.target_kind = 'account' ORDER BY l.target_id, i.imported_ms, i.id`,
      )
      .all() as { account_id: string; item_id: string }[];
    const read = db.prepare('SELECT evidence_ids FROM case_accounts WHERE id = ?');
    const write = db.prepare('UPDATE case_accounts SET evidence_ids = ? WHERE id = ?');
    const lists = new Map<string, string[] | null>();
    const moved: { accountId: string; evidenceId: string }[] = [];
    const dropped: { accountId: string; evidenceId: string; reason: 'no_account' | 'list_full' }[] = [];
    for (const r of rows) {
      if (!lists.has(r.account_id)) {
        const row = read.get(r.account_id) as { evidence_ids: string } | undefined;
        lists.set(r.account_id, row ? (JSON.parse(row.evidence_ids) as string[]) : null);
      }
      const list = lists.get(r.account_id)!;
      if (list === null) dropped.push({ accountId: r.account_id, evidenceId: r.item_id, reason: 'no_account' });
      else if (list.includes(r.item_id)) continue;
      else if (list.length >= MAX_PER_ACCOUNT) dropped.push({ accountId: r.account_id, evidenceId: r.item_id, reason: 'list_full' });
      else {
        list.push(r.item_id);
        moved.push({ accountId: r.account_id, evidenceId: r.item_id });
      }
    }
    for (const [id, list] of lists) if (list) write.run(JSON.stringify(list), id);
    db.exec(`
      DELETE FROM evidence_links WHERE target_kind = 'account';
      CREATE TRIGGER evidence_links_contacts_only_insert BEFORE INSERT ON evidence_links WHEN NEW.target_kind <> 'contact'
      BEGIN SELECT RAISE(ABORT, 'account links live in case_accounts.evidence_ids'); END;
      CREATE TRIGGER evidence_links_contacts_only_update BEFORE UPDATE OF target_kind ON evidence_links WHEN NEW.target_kind <> 'contact'
      BEGIN SELECT RAISE(ABORT, 'account links live in case_accounts.evidence_ids'); END;
    `);
    if (moved.length > 0 || dropped.length > 0) {
      appendAudit(db, { actor: 'migration', action: 'case.account_evidence.moved', entity: 'case_account', newValue: { moved, dropped } });
    }
  },
};
