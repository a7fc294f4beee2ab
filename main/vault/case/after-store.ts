// The case JSON's sections added by issues 10 and 11 (shared/case/schema-after.ts) to and from
// their tables (migrations 0008, 0010, 0011): agents, the sides the user set, rounds and their
// requests, agreement terms, payments, the reminder/reserve settings and the remembered bank
// column mappings. Pure functions over a Db, run inside vault.change() by the case service.
import type { Db } from '../sqlite';
import type { Agreement, CaseDoc } from '../../../shared/case/schema';
import type { Agent, BillColumnMap, Payment, Round, Settings, Sides } from '../../../shared/case/schema-after';
import { BadInputError } from '../../../shared/errors';
import { readTerms, writeTerms } from '../repayments/terms-store';

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const all = (db: Db, sql: string, ...params: unknown[]): Row[] => db.prepare(sql).all(...params) as Row[];

export type AfterSections = Required<Pick<CaseDoc, 'agents' | 'sides' | 'rounds' | 'payments' | 'settings' | 'billColumnMaps'>>;

export function readAgents(db: Db): Agent[] {
  return all(db, 'SELECT * FROM case_agents ORDER BY position, id').map((r) => ({
    id: str(r.id),
    creditorId: str(r.creditor_id),
    kind: str(r.kind) as Agent['kind'],
    name: str(r.name),
    numbers: JSON.parse(str(r.numbers)) as string[],
    note: str(r.note),
    createdAt: str(r.created_at),
    updatedAt: str(r.updated_at),
  }));
}

export function readSides(db: Db): Sides {
  return {
    contacts: all(db, 'SELECT id, side, side_creditor_id, side_agent_id, side_set_at FROM contacts WHERE side IS NOT NULL ORDER BY id').map((r) => ({
      contactId: str(r.id),
      side: str(r.side) as Sides['contacts'][number]['side'],
      creditorId: strOrNull(r.side_creditor_id),
      agentId: strOrNull(r.side_agent_id),
      setAt: strOrNull(r.side_set_at),
    })),
    evidence: all(db, "SELECT id, side, side_creditor_id, side_agent_id, caption FROM evidence_items WHERE side IS NOT NULL OR caption <> '' ORDER BY id").map((r) => ({
      evidenceId: str(r.id),
      side: strOrNull(r.side) as Sides['evidence'][number]['side'],
      creditorId: strOrNull(r.side_creditor_id),
      agentId: strOrNull(r.side_agent_id),
      caption: str(r.caption),
    })),
    marks: all(db, 'SELECT * FROM party_marks ORDER BY number_key').map((r) => ({
      numberKey: str(r.number_key),
      number: str(r.number),
      side: str(r.side) as Sides['marks'][number]['side'],
      organisation: strOrNull(r.organisation),
      creditorId: strOrNull(r.creditor_id),
      agentId: strOrNull(r.agent_id),
      updatedAt: str(r.updated_at),
    })),
  };
}

export function readRounds(db: Db): Round[] {
  const requests = db.prepare('SELECT * FROM round_requests WHERE round_id = ? ORDER BY asked_on, id');
  return all(db, 'SELECT * FROM application_rounds ORDER BY sent_on, created_at, id').map((r) => ({
    id: str(r.id),
    creditorId: str(r.creditor_id),
    sentOn: str(r.sent_on),
    channel: str(r.channel) as Round['channel'],
    packageId: strOrNull(r.package_id),
    note: str(r.note),
    outcome: str(r.outcome) as Round['outcome'],
    outcomeOn: strOrNull(r.outcome_on),
    creditorWords: str(r.creditor_words),
    evidenceIds: JSON.parse(str(r.outcome_evidence_ids)) as string[],
    oral: r.oral === 1,
    createdAt: str(r.created_at),
    requests: (requests.all(r.id) as Row[]).map((q) => ({
      id: str(q.id),
      askedOn: str(q.asked_on),
      text: str(q.text),
      due: strOrNull(q.due),
      evidenceIds: JSON.parse(str(q.evidence_ids)) as string[],
      done: q.done === 1,
    })),
  }));
}

export function readPayments(db: Db): Payment[] {
  return all(db, 'SELECT * FROM repayment_payments ORDER BY agreement_id, date, seq').map((r) => ({
    id: str(r.id),
    seq: Number(r.seq),
    agreementId: str(r.agreement_id),
    date: str(r.date),
    amount: str(r.amount),
    receiptId: strOrNull(r.receipt_id),
    note: str(r.note),
    createdAt: str(r.created_at),
  }));
}

export function readSettings(db: Db): Settings {
  const r = db.prepare('SELECT * FROM repayment_settings').get() as Row | undefined;
  return r
    ? { reminderDays: Number(r.reminder_days), reserveGoal: str(r.reserve_goal), reserveSaved: str(r.reserve_saved) }
    : { reminderDays: 3, reserveGoal: '0.00', reserveSaved: '0.00' };
}

export function readBillColumnMaps(db: Db): BillColumnMap[] {
  return all(db, 'SELECT * FROM bill_column_maps ORDER BY header_key').map((r) => ({
    headerKey: str(r.header_key),
    mapping: JSON.parse(str(r.mapping)) as Record<string, string>,
  }));
}

/** Every section, for `case export`. */
export function readAfter(db: Db): AfterSections {
  return {
    agents: readAgents(db),
    sides: readSides(db),
    rounds: readRounds(db),
    payments: readPayments(db),
    settings: readSettings(db),
    billColumnMaps: readBillColumnMaps(db),
  };
}

/** The agreements with their recorded terms, for `case export`. */
export function withTerms(db: Db, agreements: readonly Agreement[]): Agreement[] {
  return agreements.map((a) => {
    const terms = readTerms(db, a.id);
    return terms ? { ...a, terms } : a;
  });
}

// ---------- import ----------

function writeAgents(db: Db, agents: readonly Agent[]): void {
  db.prepare('DELETE FROM case_agents').run();
  const put = db.prepare('INSERT INTO case_agents (id, position, creditor_id, kind, name, numbers, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  agents.forEach((a, i) => put.run(a.id, i, a.creditorId, a.kind, a.name, JSON.stringify(a.numbers), a.note, a.createdAt, a.updatedAt));
}

function writeSides(db: Db, sides: Sides): void {
  db.prepare('UPDATE contacts SET side = NULL, side_creditor_id = NULL, side_agent_id = NULL, side_set_at = NULL WHERE side IS NOT NULL').run();
  const contact = db.prepare('UPDATE contacts SET side = ?, side_creditor_id = ?, side_agent_id = ?, side_set_at = ? WHERE id = ?');
  sides.contacts.forEach((c, i) => {
    if (contact.run(c.side, c.creditorId, c.agentId, c.setAt, c.contactId).changes !== 1) {
      throw new BadInputError(`sides.contacts[${i}].contactId 找不到这条联系记录：${c.contactId}`);
    }
  });
  db.prepare("UPDATE evidence_items SET side = NULL, side_creditor_id = NULL, side_agent_id = NULL, caption = '' WHERE side IS NOT NULL OR caption <> ''").run();
  const item = db.prepare('UPDATE evidence_items SET side = ?, side_creditor_id = ?, side_agent_id = ?, caption = ? WHERE id = ?');
  sides.evidence.forEach((e, i) => {
    if (item.run(e.side, e.creditorId, e.agentId, e.caption, e.evidenceId).changes !== 1) {
      throw new BadInputError(`sides.evidence[${i}].evidenceId 找不到这条证据：${e.evidenceId}（案件文件不含证据本身，请先导入证据）`);
    }
  });
  db.prepare('DELETE FROM party_marks').run();
  const mark = db.prepare('INSERT INTO party_marks (number_key, number, side, organisation, updated_at, creditor_id, agent_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const m of sides.marks) mark.run(m.numberKey, m.number, m.side, m.organisation, m.updatedAt, m.creditorId, m.agentId);
}

function writeRounds(db: Db, rounds: readonly Round[]): void {
  db.prepare('DELETE FROM application_rounds').run(); // requests cascade
  const put = db.prepare(
    `INSERT INTO application_rounds (id, creditor_id, sent_on, channel, package_id, note, outcome, outcome_on, creditor_words, outcome_evidence_ids, oral, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const req = db.prepare('INSERT INTO round_requests (id, round_id, asked_on, text, due, evidence_ids, done) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const r of rounds) {
    put.run(r.id, r.creditorId, r.sentOn, r.channel, r.packageId, r.note, r.outcome, r.outcomeOn, r.creditorWords, JSON.stringify(r.evidenceIds), r.oral ? 1 : 0, r.createdAt);
    for (const q of r.requests) req.run(q.id, r.id, q.askedOn, q.text, q.due, JSON.stringify(q.evidenceIds), q.done ? 1 : 0);
  }
}

function writePayments(db: Db, payments: readonly Payment[]): void {
  db.prepare('DELETE FROM repayment_payments').run();
  const put = db.prepare('INSERT INTO repayment_payments (id, seq, agreement_id, date, amount, receipt_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const p of payments) put.run(p.id, p.seq, p.agreementId, p.date, p.amount, p.receiptId, p.note, p.createdAt);
}

function writeSettings(db: Db, s: Settings): void {
  db.prepare(
    `INSERT INTO repayment_settings (singleton, reminder_days, reserve_goal, reserve_saved) VALUES (1, ?, ?, ?)
     ON CONFLICT (singleton) DO UPDATE SET reminder_days = excluded.reminder_days, reserve_goal = excluded.reserve_goal, reserve_saved = excluded.reserve_saved`,
  ).run(s.reminderDays, s.reserveGoal, s.reserveSaved);
}

function writeBillColumnMaps(db: Db, maps: readonly BillColumnMap[]): void {
  db.prepare('DELETE FROM bill_column_maps').run();
  const put = db.prepare('INSERT INTO bill_column_maps (header_key, mapping) VALUES (?, ?)');
  for (const m of maps) put.run(m.headerKey, JSON.stringify(m.mapping));
}

/**
 * Writes the sections the document carries (an omitted one stays as it is) and every
 * agreement's terms. Runs after the case tables were replaced and the contacts written, with
 * foreign keys deferred to the end of the transaction (checked there by the caller).
 */
export function writeAfter(db: Db, doc: CaseDoc): void {
  if (doc.agents) writeAgents(db, doc.agents);
  if (doc.rounds) writeRounds(db, doc.rounds);
  for (const a of doc.agreements) if (a.terms) writeTerms(db, a.id, a.terms);
  if (doc.payments) writePayments(db, doc.payments);
  if (doc.settings) writeSettings(db, doc.settings);
  if (doc.billColumnMaps) writeBillColumnMaps(db, doc.billColumnMaps);
  if (doc.sides) writeSides(db, doc.sides);
}

/** What a deferred foreign key would refuse at commit, in words (rounds or payments left pointing at nothing). */
export function danglingReferences(db: Db): string[] {
  const rows = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  const what: Record<string, string> = {
    application_rounds: 'rounds（提交的申请）引用的债权机构',
    repayment_payments: 'payments（还款记录）引用的协议',
    agreement_terms: 'agreements[].terms 引用的申请',
    round_requests: 'rounds[].requests 引用的申请',
  };
  return [...new Set(rows.map((r) => what[r.table] ?? `${r.table} 引用的 ${r.parent}`))].map((w) => `${w}不在案件文件中`);
}
