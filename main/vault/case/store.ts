// The case tables (migration 0003) to and from the case JSON shape (shared/case/schema.ts).
// Pure functions over a Db; the callers run them inside vault.change() so every write and
// its audit row commit together.
import type { Db } from '../sqlite';
import {
  CASE_FORMAT,
  CASE_VERSION,
  emptyCase,
  type Account,
  type Agreement,
  type Applicant,
  type CaseDoc,
  type Creditor,
  type Finances,
  type FinanceItem,
  type Hardship,
  type LprRowInput,
  type Plan,
  type Snapshot,
} from '../../../shared/case/schema';
import { caseContactsPort } from './contacts';

type Row = Record<string, unknown>;

const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** True once migration 0003 has run on this file. */
export function hasCaseTables(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_accounts'").get() !== undefined;
}

function all(db: Db, sql: string, ...params: unknown[]): Row[] {
  return db.prepare(sql).all(...params) as Row[];
}

// ---------- rows → case ----------

export function readApplicant(db: Db): Applicant {
  const r = db.prepare('SELECT * FROM case_applicant').get() as Row | undefined;
  if (!r) return emptyCase().applicant;
  return { name: str(r.name), idNumber: str(r.id_number), phone: str(r.phone), address: str(r.address) };
}

export function readHardship(db: Db): Hardship {
  const r = db.prepare('SELECT * FROM case_hardship').get() as Row | undefined;
  if (!r) return emptyCase().hardship;
  return { category: strOrNull(r.category) as Hardship['category'], text: str(r.text), since: strOrNull(r.since) };
}

function creditorFromRow(r: Row): Creditor {
  return {
    id: str(r.id),
    legalName: str(r.legal_name),
    product: str(r.product) as Creditor['product'],
    productName: str(r.product_name),
    channels: JSON.parse(str(r.channels)) as Creditor['channels'],
    note: str(r.note),
    // Issue 10's fields only when set, so a case written before them reads back unchanged.
    ...(r.institution ? { institution: str(r.institution) as NonNullable<Creditor['institution']> } : {}),
    ...(r.credit_code ? { creditCode: str(r.credit_code) } : {}),
    ...(r.capacity_share ? { capacityShare: str(r.capacity_share) } : {}),
  };
}

function accountFromRow(r: Row): Account {
  return {
    id: str(r.id),
    creditorId: str(r.creditor_id),
    label: str(r.label),
    number: str(r.number),
    principal: str(r.principal),
    interest: str(r.interest),
    fees: str(r.fees),
    dueDate: strOrNull(r.due_date),
    overdueSince: strOrNull(r.overdue_since),
    penalty: {
      mode: str(r.penalty_mode) as Account['penalty']['mode'],
      dailyRate: str(r.daily_rate),
      graceDays: Number(r.grace_days),
      startDate: str(r.penalty_start),
    },
    contractDate: strOrNull(r.contract_date),
    evidenceIds: JSON.parse(str(r.evidence_ids)) as string[],
    note: str(r.note),
    // Migration 0008's fields only when they say something, so older case files read back unchanged.
    ...(r.overdue_convention && r.overdue_convention !== 'creditor' ? { overdueConvention: str(r.overdue_convention) as NonNullable<Account['overdueConvention']> } : {}),
    ...(r.rate_confirmed ? { rateConfirmed: str(r.rate_confirmed) } : {}),
  };
}

function snapshotFromRow(r: Row): Snapshot {
  return {
    id: str(r.id),
    accountId: str(r.account_id),
    date: str(r.date),
    principal: str(r.principal),
    interest: str(r.interest),
    penalty: str(r.penalty),
    fees: str(r.fees),
    evidenceId: strOrNull(r.evidence_id),
    note: str(r.note),
  };
}

export function readFinances(db: Db): Finances {
  const f = emptyCase().finances;
  const h = db.prepare('SELECT * FROM case_finances').get() as Row | undefined;
  if (h) {
    f.household = {
      adults: Number(h.adults),
      dependants: Number(h.dependants),
      housing: strOrNull(h.housing) as Finances['household']['housing'],
      employment: strOrNull(h.employment) as Finances['household']['employment'],
      note: str(h.household_note),
    };
    if (h.reference_label !== null) {
      f.reference = { label: str(h.reference_label), amount: str(h.reference_amount), source: str(h.reference_source) };
    }
  }
  const items = all(db, 'SELECT * FROM case_finance_items ORDER BY section, position');
  const item = (r: Row): FinanceItem =>
    ({
      id: str(r.id),
      category: str(r.category),
      label: str(r.label),
      monthly: str(r.monthly),
      evidenceId: strOrNull(r.evidence_id),
      note: str(r.note),
      ...(r.from_date ? { from: str(r.from_date) } : {}),
      ...(r.until_date ? { until: str(r.until_date) } : {}),
    }) as FinanceItem;
  f.income = items.filter((r) => r.section === 'income').map(item) as Finances['income'];
  f.fixedCosts = items.filter((r) => r.section === 'fixed').map(item) as Finances['fixedCosts'];
  f.flexibleCosts = items.filter((r) => r.section === 'flexible').map(item) as Finances['flexibleCosts'];
  f.debts = all(db, 'SELECT * FROM case_other_debts ORDER BY position').map((r) => ({
    id: str(r.id),
    creditor: str(r.creditor),
    priority: r.priority === 1,
    owed: str(r.owed),
    monthly: str(r.monthly),
    evidenceId: strOrNull(r.evidence_id),
    note: str(r.note),
    ...(r.family === 1 ? { family: true } : {}),
  }));
  f.assets = all(db, 'SELECT * FROM case_assets ORDER BY position').map((r) => ({
    id: str(r.id),
    label: str(r.label),
    value: str(r.value),
    evidenceId: strOrNull(r.evidence_id),
    note: str(r.note),
  }));
  return f;
}

function planFromRow(db: Db, r: Row): Plan {
  const accountIds = all(db, 'SELECT account_id FROM case_plan_accounts WHERE plan_id = ? ORDER BY position', r.id).map((a) => str(a.account_id));
  return {
    id: str(r.id),
    name: str(r.name),
    role: str(r.role) as Plan['role'],
    accountIds,
    basis: str(r.basis) as Plan['basis'],
    asOf: str(r.as_of),
    owed: {
      principal: str(r.owed_principal),
      interest: str(r.owed_interest),
      penalty: str(r.owed_penalty),
      fees: str(r.owed_fees),
      total: str(r.owed_total),
    },
    interestOffered: str(r.interest_offered),
    total: str(r.total),
    installments: Number(r.installments),
    firstDate: str(r.first_date),
    capacity: strOrNull(r.capacity),
    overCapacityAck: r.ack_at === null ? null : { at: str(r.ack_at), capacity: str(r.ack_capacity), largestInstallment: str(r.ack_largest) },
    note: str(r.note),
    createdAt: str(r.created_at),
    ...(Number(r.step_count ?? 0) > 0 ? { step: { count: Number(r.step_count), amount: str(r.step_amount) } } : {}),
  };
}

function agreementFromRow(db: Db, r: Row): Agreement {
  return {
    id: str(r.id),
    planId: strOrNull(r.plan_id),
    creditorId: strOrNull(r.creditor_id),
    accountIds: all(db, 'SELECT account_id FROM case_agreement_accounts WHERE agreement_id = ? ORDER BY position', r.id).map((a) => str(a.account_id)),
    signedOn: str(r.signed_on),
    total: str(r.total),
    waived: { interest: str(r.waived_interest), penalty: str(r.waived_penalty), fees: str(r.waived_fees) },
    deadline: strOrNull(r.deadline),
    evidenceId: strOrNull(r.evidence_id),
    installments: all(db, 'SELECT * FROM case_agreement_installments WHERE agreement_id = ? ORDER BY n', r.id).map((i) => ({
      n: Number(i.n),
      date: str(i.date),
      amount: str(i.amount),
      paid: i.paid === 1,
      paidOn: strOrNull(i.paid_on),
      evidenceId: strOrNull(i.evidence_id),
    })),
    note: str(r.note),
  };
}

export function readLpr(db: Db): LprRowInput[] {
  return all(db, 'SELECT * FROM case_lpr_rows ORDER BY position').map((r) => ({ from: str(r.from_date), rate: str(r.rate), note: str(r.note) }));
}

export function writeLpr(db: Db, rows: readonly LprRowInput[]): void {
  db.prepare('DELETE FROM case_lpr_rows').run();
  const put = db.prepare('INSERT INTO case_lpr_rows (from_date, position, rate, note) VALUES (?, ?, ?, ?)');
  rows.forEach((r, i) => put.run(r.from, i, r.rate, r.note));
}

export function readCreditor(db: Db, id: string): Creditor | null {
  const r = db.prepare('SELECT * FROM case_creditors WHERE id = ?').get(id) as Row | undefined;
  return r ? creditorFromRow(r) : null;
}
export function readAccount(db: Db, id: string): Account | null {
  const r = db.prepare('SELECT * FROM case_accounts WHERE id = ?').get(id) as Row | undefined;
  return r ? accountFromRow(r) : null;
}
export function readSnapshot(db: Db, id: string): Snapshot | null {
  const r = db.prepare('SELECT * FROM case_snapshots WHERE id = ?').get(id) as Row | undefined;
  return r ? snapshotFromRow(r) : null;
}
export function readPlan(db: Db, id: string): Plan | null {
  const r = db.prepare('SELECT * FROM case_plans WHERE id = ?').get(id) as Row | undefined;
  return r ? planFromRow(db, r) : null;
}
export function readAgreement(db: Db, id: string): Agreement | null {
  const r = db.prepare('SELECT * FROM case_agreements WHERE id = ?').get(id) as Row | undefined;
  return r ? agreementFromRow(db, r) : null;
}

/**
 * The whole case. `contacts`: what the timeline holds (through its port), [] while there is
 * no timeline; left out when `withContacts` is false (the checks after an edit).
 */
export function readCase(db: Db, withContacts = true): CaseDoc {
  if (!hasCaseTables(db)) return emptyCase();
  const doc: CaseDoc = {
    format: CASE_FORMAT,
    version: CASE_VERSION,
    applicant: readApplicant(db),
    creditors: all(db, 'SELECT * FROM case_creditors ORDER BY position').map(creditorFromRow),
    accounts: all(db, 'SELECT * FROM case_accounts ORDER BY position').map(accountFromRow),
    snapshots: all(db, 'SELECT * FROM case_snapshots ORDER BY position').map(snapshotFromRow),
    hardship: readHardship(db),
    finances: readFinances(db),
    plans: all(db, 'SELECT * FROM case_plans ORDER BY position').map((r) => planFromRow(db, r)),
    agreements: all(db, 'SELECT * FROM case_agreements ORDER BY position').map((r) => agreementFromRow(db, r)),
    lpr: readLpr(db),
  };
  if (withContacts) doc.contacts = caseContactsPort()?.read(db) ?? [];
  return doc;
}

// ---------- case → rows ----------

/** INSERT, or UPDATE every column but id and position when the id exists (no cascade, unlike REPLACE). */
function upsert(db: Db, table: string, values: Row): void {
  const cols = Object.keys(values);
  const updates = cols.filter((c) => c !== 'id' && c !== 'position').map((c) => `${c} = excluded.${c}`);
  db.prepare(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
  ).run(values);
}

/** The position a new row takes at the end of its list (existing rows keep theirs). */
function nextPosition(db: Db, table: string, where = '', ...params: unknown[]): number {
  const r = db.prepare(`SELECT coalesce(max(position), -1) + 1 AS p FROM ${table} ${where}`).get(...params) as { p: number };
  return r.p;
}

export function writeApplicant(db: Db, a: Applicant): void {
  db.prepare(
    `INSERT INTO case_applicant (singleton, name, id_number, phone, address) VALUES (1, @name, @idNumber, @phone, @address)
     ON CONFLICT (singleton) DO UPDATE SET name = excluded.name, id_number = excluded.id_number, phone = excluded.phone, address = excluded.address`,
  ).run(a);
}

export function writeHardship(db: Db, h: Hardship): void {
  db.prepare(
    `INSERT INTO case_hardship (singleton, category, text, since) VALUES (1, @category, @text, @since)
     ON CONFLICT (singleton) DO UPDATE SET category = excluded.category, text = excluded.text, since = excluded.since`,
  ).run(h);
}

export function writeCreditor(db: Db, c: Creditor, position = nextPosition(db, 'case_creditors')): void {
  upsert(db, 'case_creditors', {
    id: c.id,
    position,
    legal_name: c.legalName,
    product: c.product,
    product_name: c.productName,
    channels: JSON.stringify(c.channels),
    note: c.note,
    institution: c.institution ?? null,
    credit_code: c.creditCode ?? '',
    capacity_share: c.capacityShare ?? null,
  });
}

export function writeAccount(db: Db, a: Account, position = nextPosition(db, 'case_accounts')): void {
  upsert(db, 'case_accounts', {
    id: a.id,
    position,
    creditor_id: a.creditorId,
    label: a.label,
    number: a.number,
    principal: a.principal,
    interest: a.interest,
    fees: a.fees,
    due_date: a.dueDate,
    overdue_since: a.overdueSince,
    penalty_mode: a.penalty.mode,
    daily_rate: a.penalty.dailyRate,
    grace_days: a.penalty.graceDays,
    penalty_start: a.penalty.startDate,
    contract_date: a.contractDate,
    evidence_ids: JSON.stringify(a.evidenceIds),
    note: a.note,
    overdue_convention: a.overdueConvention ?? 'creditor',
    rate_confirmed: a.rateConfirmed ?? null,
  });
}

export function writeSnapshot(db: Db, s: Snapshot, position = nextPosition(db, 'case_snapshots')): void {
  upsert(db, 'case_snapshots', {
    id: s.id,
    position,
    account_id: s.accountId,
    date: s.date,
    principal: s.principal,
    interest: s.interest,
    penalty: s.penalty,
    fees: s.fees,
    evidence_id: s.evidenceId,
    note: s.note,
  });
}

/** The whole statement replaces the previous one (it is edited and saved as one form). */
export function writeFinances(db: Db, f: Finances): void {
  db.prepare('DELETE FROM case_finances').run();
  db.prepare('DELETE FROM case_finance_items').run();
  db.prepare('DELETE FROM case_other_debts').run();
  db.prepare('DELETE FROM case_assets').run();
  db.prepare(
    `INSERT INTO case_finances (singleton, adults, dependants, housing, employment, household_note, reference_label, reference_amount, reference_source)
     VALUES (1, @adults, @dependants, @housing, @employment, @note, @refLabel, @refAmount, @refSource)`,
  ).run({
    ...f.household,
    refLabel: f.reference?.label ?? null,
    refAmount: f.reference?.amount ?? null,
    refSource: f.reference?.source ?? null,
  });
  const putItem = db.prepare(
    `INSERT INTO case_finance_items (id, section, position, category, label, monthly, evidence_id, note, from_date, until_date)
     VALUES (@id, @section, @position, @category, @label, @monthly, @evidenceId, @note, @from, @until)`,
  );
  const sections: [string, readonly FinanceItem[]][] = [
    ['income', f.income],
    ['fixed', f.fixedCosts as readonly FinanceItem[]],
    ['flexible', f.flexibleCosts as readonly FinanceItem[]],
  ];
  for (const [section, items] of sections) items.forEach((item, position) => putItem.run({ ...item, section, position, from: item.from ?? null, until: item.until ?? null }));
  const putDebt = db.prepare(
    `INSERT INTO case_other_debts (id, position, creditor, priority, owed, monthly, evidence_id, note, family)
     VALUES (@id, @position, @creditor, @priority, @owed, @monthly, @evidenceId, @note, @family)`,
  );
  f.debts.forEach((d, position) => putDebt.run({ ...d, priority: d.priority ? 1 : 0, family: d.family ? 1 : 0, position }));
  const putAsset = db.prepare(`INSERT INTO case_assets (id, position, label, value, evidence_id, note) VALUES (@id, @position, @label, @value, @evidenceId, @note)`);
  f.assets.forEach((a, position) => putAsset.run({ ...a, position }));
}

export function writePlan(db: Db, p: Plan, position = nextPosition(db, 'case_plans')): void {
  upsert(db, 'case_plans', {
    id: p.id,
    position,
    name: p.name,
    role: p.role,
    basis: p.basis,
    as_of: p.asOf,
    owed_principal: p.owed.principal,
    owed_interest: p.owed.interest,
    owed_penalty: p.owed.penalty,
    owed_fees: p.owed.fees,
    owed_total: p.owed.total,
    interest_offered: p.interestOffered,
    total: p.total,
    installments: p.installments,
    first_date: p.firstDate,
    capacity: p.capacity,
    ack_at: p.overCapacityAck?.at ?? null,
    ack_capacity: p.overCapacityAck?.capacity ?? null,
    ack_largest: p.overCapacityAck?.largestInstallment ?? null,
    note: p.note,
    created_at: p.createdAt,
    step_count: p.step?.count ?? 0,
    step_amount: p.step?.amount ?? null,
  });
  db.prepare('DELETE FROM case_plan_accounts WHERE plan_id = ?').run(p.id);
  const put = db.prepare('INSERT INTO case_plan_accounts (plan_id, account_id, position) VALUES (?, ?, ?)');
  p.accountIds.forEach((accountId, i) => put.run(p.id, accountId, i));
}

export function writeAgreement(db: Db, a: Agreement, position = nextPosition(db, 'case_agreements')): void {
  upsert(db, 'case_agreements', {
    id: a.id,
    position,
    plan_id: a.planId,
    creditor_id: a.creditorId,
    signed_on: a.signedOn,
    total: a.total,
    waived_interest: a.waived.interest,
    waived_penalty: a.waived.penalty,
    waived_fees: a.waived.fees,
    deadline: a.deadline,
    evidence_id: a.evidenceId,
    note: a.note,
  });
  db.prepare('DELETE FROM case_agreement_accounts WHERE agreement_id = ?').run(a.id);
  const putAccount = db.prepare('INSERT INTO case_agreement_accounts (agreement_id, account_id, position) VALUES (?, ?, ?)');
  a.accountIds.forEach((accountId, i) => putAccount.run(a.id, accountId, i));
  db.prepare('DELETE FROM case_agreement_installments WHERE agreement_id = ?').run(a.id);
  const putInst = db.prepare(
    `INSERT INTO case_agreement_installments (agreement_id, n, date, amount, paid, paid_on, evidence_id)
     VALUES (@agreementId, @n, @date, @amount, @paid, @paidOn, @evidenceId)`,
  );
  for (const i of a.installments) putInst.run({ ...i, agreementId: a.id, paid: i.paid ? 1 : 0 });
}

/** Empties every case table (children first, so no foreign key is ever left dangling). */
export function clearCase(db: Db): void {
  for (const table of [
    'case_agreement_installments',
    'case_agreement_accounts',
    'case_agreements',
    'case_plan_accounts',
    'case_plans',
    'case_snapshots',
    'case_accounts',
    'case_creditors',
    'case_finance_items',
    'case_other_debts',
    'case_assets',
    'case_finances',
    'case_hardship',
    'case_applicant',
    'case_lpr_rows',
  ]) {
    db.prepare(`DELETE FROM ${table}`).run();
  }
}

/** Replaces the whole case (not its contacts) with `doc`, keeping the document's order. */
export function replaceCase(db: Db, doc: CaseDoc): void {
  clearCase(db);
  writeApplicant(db, doc.applicant);
  writeHardship(db, doc.hardship);
  doc.creditors.forEach((c, i) => writeCreditor(db, c, i));
  doc.accounts.forEach((a, i) => writeAccount(db, a, i));
  doc.snapshots.forEach((s, i) => writeSnapshot(db, s, i));
  writeFinances(db, doc.finances);
  doc.plans.forEach((p, i) => writePlan(db, p, i));
  doc.agreements.forEach((a, i) => writeAgreement(db, a, i));
  writeLpr(db, doc.lpr);
}
