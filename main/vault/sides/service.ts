// The case's agents and the sides the user confirms (issue 10). Every write goes through
// vault.change(), so the row and its audit entry commit together. Plain Node.
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { BadInputError } from '../../../shared/errors';
import { numberKey } from '../../../shared/timeline/numbers';
import type { AgentSave, SideSet, Sides } from '../../../shared/contracts/sides';
import type { AgentKind } from '../../../shared/timeline/sides';

const PRODUCT_ZH: Record<string, string> = { huabei: '花呗', jiebei: '借呗', 'credit-card': '信用卡', other: '' };

export function getSides(vault: Vault): Sides {
  const db = vault.handle;
  const creditors = (
    db.prepare('SELECT id, legal_name, product, product_name FROM case_creditors ORDER BY position, id').all() as {
      id: string;
      legal_name: string;
      product: string;
      product_name: string;
    }[]
  ).map((c) => {
    const product = c.product_name.trim() || PRODUCT_ZH[c.product] || '';
    return { id: c.id, legalName: c.legal_name, label: product ? `${product}（${c.legal_name}）` : c.legal_name };
  });
  const agents = (
    db.prepare('SELECT id, creditor_id, kind, name, numbers, note FROM case_agents ORDER BY position, id').all() as {
      id: string;
      creditor_id: string;
      kind: AgentKind;
      name: string;
      numbers: string;
      note: string;
    }[]
  ).map((a) => ({ id: a.id, creditorId: a.creditor_id, kind: a.kind, name: a.name, numbers: JSON.parse(a.numbers) as string[], note: a.note }));
  return { creditors, agents };
}

function requireCreditor(db: Db, id: string): void {
  if (!db.prepare('SELECT 1 FROM case_creditors WHERE id = ?').get(id)) throw new BadInputError(`找不到债权机构 ${id.slice(0, 64)}`);
}

function agentCreditor(db: Db, id: string): string {
  const row = db.prepare('SELECT creditor_id FROM case_agents WHERE id = ?').get(id) as { creditor_id: string } | undefined;
  if (!row) throw new BadInputError(`找不到委外机构 ${id.slice(0, 64)}`);
  return row.creditor_id;
}

export function saveAgent(vault: Vault, save: AgentSave): Sides {
  const name = save.name.trim();
  if (!name) throw new BadInputError('请填写机构名称');
  const numbers = [...new Set(save.numbers.map((n) => n.trim()).filter((n) => numberKey(n) !== ''))];
  vault.change((db, audit) => {
    requireCreditor(db, save.creditorId);
    const now = new Date().toISOString();
    const old = save.id ? db.prepare('SELECT * FROM case_agents WHERE id = ?').get(save.id) : undefined;
    if (save.id && !old) throw new BadInputError(`找不到委外机构 ${save.id.slice(0, 64)}`);
    const id = save.id ?? randomUUID();
    if (old) {
      db.prepare('UPDATE case_agents SET creditor_id = ?, kind = ?, name = ?, numbers = ?, note = ?, updated_at = ? WHERE id = ?').run(
        save.creditorId,
        save.kind,
        name,
        JSON.stringify(numbers),
        save.note,
        now,
        id,
      );
    } else {
      const pos = (db.prepare('SELECT COALESCE(MAX(position), -1) + 1 AS p FROM case_agents').get() as { p: number }).p;
      db.prepare('INSERT INTO case_agents (id, position, creditor_id, kind, name, numbers, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        id,
        pos,
        save.creditorId,
        save.kind,
        name,
        JSON.stringify(numbers),
        save.note,
        now,
        now,
      );
    }
    audit({
      action: 'sides.agent_save',
      entity: 'case_agent',
      entityId: id,
      oldValue: old ?? null,
      newValue: { creditorId: save.creditorId, kind: save.kind, name, numbers, note: save.note },
    });
  });
  return getSides(vault);
}

export function deleteAgent(vault: Vault, id: string): Sides {
  vault.change((db, audit) => {
    const old = db.prepare('SELECT * FROM case_agents WHERE id = ?').get(id);
    if (!old) throw new BadInputError(`找不到委外机构 ${id.slice(0, 64)}`);
    // What was confirmed as this agent's goes back to being inferred.
    db.prepare('UPDATE contacts SET side = NULL, side_creditor_id = NULL, side_agent_id = NULL, side_set_at = NULL WHERE side_agent_id = ?').run(id);
    db.prepare('UPDATE evidence_items SET side = NULL, side_creditor_id = NULL, side_agent_id = NULL WHERE side_agent_id = ?').run(id);
    db.prepare('UPDATE party_marks SET agent_id = NULL WHERE agent_id = ?').run(id);
    db.prepare('DELETE FROM case_agents WHERE id = ?').run(id);
    audit({ action: 'sides.agent_delete', entity: 'case_agent', entityId: id, oldValue: old });
  });
  return getSides(vault);
}

/** The columns of a side, checked: an agent carries its creditor; 'nobody' carries neither. */
function sideColumns(db: Db, side: SideSet): { side: string | null; creditorId: string | null; agentId: string | null } {
  if (side === null) return { side: null, creditorId: null, agentId: null };
  if (side.side === 'nobody') return { side: 'nobody', creditorId: null, agentId: null };
  if (side.side === 'agent') {
    if (!side.agentId) throw new BadInputError('请选择委外机构');
    return { side: 'agent', creditorId: agentCreditor(db, side.agentId), agentId: side.agentId };
  }
  if (!side.creditorId) throw new BadInputError('请选择债权机构');
  requireCreditor(db, side.creditorId);
  return { side: 'creditor', creditorId: side.creditorId, agentId: null };
}

export function setContactSide(vault: Vault, id: string, side: SideSet, wholeNumber = false): { ok: true } {
  vault.change((db, audit) => {
    const row = db.prepare('SELECT phone, side, side_creditor_id, side_agent_id FROM contacts WHERE id = ?').get(id) as
      { phone: string | null; side: string | null; side_creditor_id: string | null; side_agent_id: string | null } | undefined;
    if (!row) throw new BadInputError(`找不到这条联系记录：${id.slice(0, 64)}`);
    const cols = sideColumns(db, side);
    db.prepare('UPDATE contacts SET side = ?, side_creditor_id = ?, side_agent_id = ?, side_set_at = ?, updated_at = ? WHERE id = ?').run(
      cols.side,
      cols.creditorId,
      cols.agentId,
      cols.side ? new Date().toISOString() : null,
      new Date().toISOString(),
      id,
    );
    let mark: unknown = null;
    const key = numberKey(row.phone);
    if (wholeNumber && key && cols.side) {
      // Every record of this number follows (a mark on the number, as 标记号码 does).
      const markSide = cols.side === 'nobody' ? 'not_creditor' : cols.side === 'agent' ? 'collector' : 'creditor';
      db.prepare(
        `INSERT INTO party_marks (number_key, number, side, organisation, creditor_id, agent_id, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?)
         ON CONFLICT (number_key) DO UPDATE SET number = excluded.number, side = excluded.side, creditor_id = excluded.creditor_id, agent_id = excluded.agent_id, updated_at = excluded.updated_at`,
      ).run(key, row.phone!.trim(), markSide, cols.creditorId, cols.agentId, new Date().toISOString());
      mark = { number: key, side: markSide, creditorId: cols.creditorId, agentId: cols.agentId };
    }
    audit({
      action: 'sides.contact_side',
      entity: 'contact',
      entityId: id,
      oldValue: { side: row.side, creditorId: row.side_creditor_id, agentId: row.side_agent_id },
      newValue: { ...cols, mark },
    });
  });
  return { ok: true };
}

export function setEvidenceSide(vault: Vault, id: string, side: SideSet): { ok: true } {
  vault.change((db, audit) => {
    const row = db.prepare('SELECT side, side_creditor_id, side_agent_id FROM evidence_items WHERE id = ? AND trashed_ms IS NULL').get(id) as
      { side: string | null; side_creditor_id: string | null; side_agent_id: string | null } | undefined;
    if (!row) throw new BadInputError(`找不到证据 ${id.slice(0, 64)}（可能已被删除）`);
    const cols = sideColumns(db, side);
    db.prepare('UPDATE evidence_items SET side = ?, side_creditor_id = ?, side_agent_id = ? WHERE id = ?').run(cols.side, cols.creditorId, cols.agentId, id);
    audit({
      action: 'sides.evidence_side',
      entity: 'evidence',
      entityId: id,
      oldValue: { side: row.side, creditorId: row.side_creditor_id, agentId: row.side_agent_id },
      newValue: cols,
    });
  });
  return { ok: true };
}
