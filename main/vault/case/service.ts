// The case's operations over an open Vault: read it, edit one piece at a time, export and
// import it whole. Every write runs in vault.change() with its audit row (old and new
// values), and after every edit the whole case is checked by the same rules as an import
// (shared/case/validate.ts): if the result would not import, the edit is rolled back.
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import { BadInputError } from '../../../shared/errors';
import { beijingIso, todayBeijing } from '../../../shared/time/beijing';
import { checkCase, problemLine, rateNeedsConfirmation, unconfirmedRateMessage, validateCase, type CaseProblem } from '../../../shared/case/validate';
import type { Account, Agreement, Applicant, CaseDoc, Creditor, Finances, Hardship, Plan, Snapshot } from '../../../shared/case/schema';
import type { AccountSave, AgreementSave, CreditorSave, FinancesSave, InstallmentPaidSave, LprSave, PlanSave, SnapshotSave } from '../../../shared/contracts/case';
import { previewPlan } from '../../../shared/money/plan-builder';
import { caseContactsPort, type AuditFn } from './contacts';
import * as store from './store';
import { danglingReferences, readAfter, withTerms, writeAfter } from './after-store';

/** A case file that cannot be imported: every problem, each with its JSON path. */
export class CaseImportError extends BadInputError {
  constructor(readonly problems: CaseProblem[]) {
    super(`案件文件有 ${problems.length} 处问题，没有导入任何内容：${problems.map(problemLine).join('；')}`);
    this.name = 'CaseImportError';
  }
}

export interface Clock {
  today(): string;
  now(): string;
}

export const systemClock: Clock = {
  today: () => todayBeijing(),
  now: () => beijingIso(),
};

const newId = (): string => randomUUID();

/** The case for the app's pages: everything but the contacts (the timeline shows those). */
export function getCase(vault: Vault): CaseDoc {
  return store.readCase(vault.handle, false);
}

/** Runs an edit and its audit row, then checks the whole case; any problem rolls it all back. */
function edit(vault: Vault, clock: Clock, fn: (db: Db, audit: AuditFn) => void): CaseDoc {
  try {
    vault.change((db, audit) => {
      fn(db, audit);
      const { problems } = checkCase(store.readCase(db, false), clock.today());
      if (problems.length > 0) throw new BadInputError(problems.map(problemLine).join('；'));
    });
  } catch (err) {
    // The checks above name the problem; a constraint SQLite caught first still says what it is.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new BadInputError(code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ? '引用的记录不存在（可能已被删除）' : '数据不符合约束，未保存');
    }
    throw err;
  }
  return getCase(vault);
}

function requireRow(db: Db, table: string, id: string, what: string): void {
  if (db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) === undefined) throw new BadInputError(`找不到${what} ${id}`);
}

function audited<T>(audit: AuditFn, entity: string, id: string, before: T | null, after: T | null): void {
  const action = before === null ? 'create' : after === null ? 'delete' : 'update';
  audit({
    action: `case.${entity}.${action}`,
    entity: `case_${entity}`,
    entityId: id,
    oldValue: before ?? undefined,
    newValue: after ?? undefined,
  });
}

export function saveApplicant(vault: Vault, applicant: Applicant, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readApplicant(db);
    store.writeApplicant(db, applicant);
    audit({ action: 'case.applicant.update', entity: 'case_applicant', entityId: '1', oldValue: before, newValue: applicant });
  });
}

export function saveHardship(vault: Vault, hardship: Hardship, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readHardship(db);
    store.writeHardship(db, hardship);
    audit({ action: 'case.hardship.update', entity: 'case_hardship', entityId: '1', oldValue: before, newValue: hardship });
  });
}

function putCreditor(db: Db, audit: AuditFn, input: CreditorSave['creditor']): Creditor {
  const creditor: Creditor = { ...input, id: input.id ?? newId() };
  const before = store.readCreditor(db, creditor.id);
  store.writeCreditor(db, creditor);
  audited(audit, 'creditor', creditor.id, before, creditor);
  return creditor;
}

export function saveCreditor(vault: Vault, args: CreditorSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => void putCreditor(db, audit, args.creditor));
}

export function deleteCreditor(vault: Vault, id: string, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readCreditor(db, id);
    if (!before) throw new BadInputError(`找不到债权机构 ${id}`);
    const used = db.prepare('SELECT count(*) AS n FROM case_accounts WHERE creditor_id = ?').get(id) as { n: number };
    if (used.n > 0) throw new BadInputError(`这个债权机构下还有 ${used.n} 个账户，请先删除这些账户`);
    const agreements = db.prepare('SELECT count(*) AS n FROM case_agreements WHERE creditor_id = ?').get(id) as { n: number };
    if (agreements.n > 0) throw new BadInputError('这个债权机构有已记录的协议，请先删除协议');
    db.prepare('DELETE FROM case_creditors WHERE id = ?').run(id);
    audited(audit, 'creditor', id, before, null);
  });
}

/** Saves an account; with `creditor`, that creditor is created or updated in the same transaction. */
export function saveAccount(vault: Vault, args: AccountSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    let creditorId = args.account.creditorId;
    if (args.creditor) creditorId = putCreditor(db, audit, args.creditor).id;
    if (!creditorId) throw new BadInputError('请选择或填写债权机构');
    requireRow(db, 'case_creditors', creditorId, '债权机构');
    const account: Account = { ...args.account, id: args.account.id ?? newId(), creditorId };
    const before = store.readAccount(db, account.id);
    // An unusual daily rate is saved only once the person confirmed it (the form's confirm step).
    if (rateNeedsConfirmation(account.penalty.dailyRate) && !account.rateConfirmed) {
      throw new BadInputError(unconfirmedRateMessage(account.penalty.dailyRate));
    }
    if (!rateNeedsConfirmation(account.penalty.dailyRate)) delete account.rateConfirmed;
    store.writeAccount(db, account);
    audited(audit, 'account', account.id, before, account);
    // The account moved to another creditor: the old one, left with nothing, goes (audited).
    if (before && before.creditorId !== creditorId) {
      const id = before.creditorId;
      const used = db
        .prepare('SELECT (SELECT count(*) FROM case_accounts WHERE creditor_id = ?) + (SELECT count(*) FROM case_agreements WHERE creditor_id = ?) AS n')
        .get(id, id) as { n: number };
      const old = store.readCreditor(db, id);
      if (used.n === 0 && old) {
        db.prepare('DELETE FROM case_creditors WHERE id = ?').run(id);
        audited(audit, 'creditor', id, old, null);
      }
    }
  });
}

export function deleteAccount(vault: Vault, id: string, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readAccount(db, id);
    if (!before) throw new BadInputError(`找不到账户 ${id}`);
    const plans = db.prepare('SELECT count(*) AS n FROM case_plan_accounts WHERE account_id = ?').get(id) as { n: number };
    if (plans.n > 0) throw new BadInputError(`这个账户用在 ${plans.n} 个还款方案里，请先删除这些方案`);
    const agreements = db.prepare('SELECT count(*) AS n FROM case_agreement_accounts WHERE account_id = ?').get(id) as { n: number };
    if (agreements.n > 0) throw new BadInputError('这个账户有已记录的协议，请先删除协议');
    const snapshots = store.readCase(db, false).snapshots.filter((s) => s.accountId === id);
    db.prepare('DELETE FROM case_accounts WHERE id = ?').run(id);
    audit({ action: 'case.account.delete', entity: 'case_account', entityId: id, oldValue: { account: before, snapshots } });
  });
}

export function saveSnapshot(vault: Vault, args: SnapshotSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const snapshot: Snapshot = { ...args.snapshot, id: args.snapshot.id ?? newId() };
    requireRow(db, 'case_accounts', snapshot.accountId, '账户');
    const before = store.readSnapshot(db, snapshot.id);
    store.writeSnapshot(db, snapshot);
    audited(audit, 'snapshot', snapshot.id, before, snapshot);
  });
}

export function deleteSnapshot(vault: Vault, id: string, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readSnapshot(db, id);
    if (!before) throw new BadInputError(`找不到账单记录 ${id}`);
    db.prepare('DELETE FROM case_snapshots WHERE id = ?').run(id);
    audited(audit, 'snapshot', id, before, null);
  });
}

/** Gives every line without an id one, so the statement can be saved as typed. */
function withIds(f: FinancesSave['finances']): Finances {
  const ids = <T extends { id?: string | undefined }>(rows: readonly T[]) => rows.map((r) => ({ ...r, id: r.id ?? newId() }));
  return {
    ...f,
    income: ids(f.income),
    fixedCosts: ids(f.fixedCosts),
    flexibleCosts: ids(f.flexibleCosts),
    debts: ids(f.debts),
    assets: ids(f.assets),
  } as Finances;
}

export function saveFinances(vault: Vault, args: FinancesSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readFinances(db);
    const finances = withIds(args.finances);
    store.writeFinances(db, finances);
    audit({ action: 'case.finances.update', entity: 'case_finances', entityId: '1', oldValue: before, newValue: finances });
  });
}

/**
 * Builds the plan from the draft with the vault's own accounts and finances (the same
 * previewPlan the page showed). Above capacity it is refused unless the user acknowledged
 * it; the acknowledgement is stored with the plan and gets its own audit row.
 */
export function savePlan(vault: Vault, args: PlanSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const doc = store.readCase(db, false);
    const draft = args.plan;
    const preview = previewPlan(draft, doc.accounts, doc.finances, clock.today());
    const id = draft.id ?? newId();
    const before = store.readPlan(db, id);
    let overCapacityAck: Plan['overCapacityAck'] = null;
    if (preview.needsAcknowledgement) {
      if (args.acknowledgeOverCapacity !== true) {
        throw new BadInputError(`这个方案每期最多 ${preview.largest} 元，超出每月可用于还款的 ${preview.capacity ?? '0.00'} 元。不要承诺做不到的金额；如确实要保存，请先明确确认`);
      }
      overCapacityAck = { at: clock.now(), capacity: preview.capacity ?? '0.00', largestInstallment: preview.largest };
    }
    const plan: Plan = {
      id,
      name: draft.name,
      role: draft.role,
      accountIds: [...draft.accountIds],
      basis: draft.basis,
      asOf: draft.asOf,
      owed: preview.owed,
      interestOffered: preview.offer.interestOffered,
      total: preview.total,
      installments: draft.installments,
      firstDate: draft.firstDate,
      capacity: preview.capacity,
      overCapacityAck,
      note: draft.note,
      createdAt: before?.createdAt ?? clock.now(),
      ...(draft.step ? { step: draft.step } : {}),
    };
    store.writePlan(db, plan);
    audited(audit, 'plan', id, before, plan);
    if (overCapacityAck) {
      audit({
        action: 'case.plan.over_capacity_acknowledged',
        entity: 'case_plan',
        entityId: id,
        newValue: { ...overCapacityAck, total: plan.total, installments: plan.installments, minInstallments: preview.minInstallments ?? null },
      });
    }
  });
}

export function deletePlan(vault: Vault, id: string, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readPlan(db, id);
    if (!before) throw new BadInputError(`找不到方案 ${id}`);
    db.prepare('DELETE FROM case_plans WHERE id = ?').run(id);
    audited(audit, 'plan', id, before, null);
  });
}

export function saveAgreement(vault: Vault, args: AgreementSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const agreement: Agreement = { ...args.agreement, id: args.agreement.id ?? newId() };
    if (agreement.planId !== null) requireRow(db, 'case_plans', agreement.planId, '方案');
    if (agreement.creditorId !== null) requireRow(db, 'case_creditors', agreement.creditorId, '债权机构');
    for (const id of agreement.accountIds) requireRow(db, 'case_accounts', id, '账户');
    const before = store.readAgreement(db, agreement.id);
    store.writeAgreement(db, agreement);
    audited(audit, 'agreement', agreement.id, before, agreement);
  });
}

export function deleteAgreement(vault: Vault, id: string, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readAgreement(db, id);
    if (!before) throw new BadInputError(`找不到协议 ${id}`);
    db.prepare('DELETE FROM case_agreements WHERE id = ?').run(id);
    audited(audit, 'agreement', id, before, null);
  });
}

export function setInstallmentPaid(vault: Vault, args: InstallmentPaidSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readAgreement(db, args.agreementId);
    const inst = before?.installments.find((i) => i.n === args.n);
    if (!before || !inst) throw new BadInputError(`找不到协议 ${args.agreementId} 的第 ${args.n} 期`);
    const paidOn = args.paid ? (args.paidOn ?? clock.today()) : null;
    db.prepare('UPDATE case_agreement_installments SET paid = ?, paid_on = ? WHERE agreement_id = ? AND n = ?').run(args.paid ? 1 : 0, paidOn, args.agreementId, args.n);
    audit({
      action: 'case.agreement.installment_paid',
      entity: 'case_agreement',
      entityId: args.agreementId,
      oldValue: { n: inst.n, paid: inst.paid, paidOn: inst.paidOn },
      newValue: { n: inst.n, paid: args.paid, paidOn },
    });
  });
}

/** The case JSON, exactly as `case export` prints it. */
export function exportCase(vault: Vault): CaseDoc {
  const db = vault.handle;
  const doc = store.readCase(db);
  return { ...doc, agreements: withTerms(db, doc.agreements), ...readAfter(db) };
}

export interface ImportResult {
  ok: true;
  /** Not errors: e.g. a plan whose first payment date has passed. */
  warnings: CaseProblem[];
}

/**
 * Replaces the whole case with `input` after validating all of it. Any problem: a
 * CaseImportError listing every one, and the vault untouched. Contacts: omitted → the
 * timeline is left as it is; given → replaced through the timeline's port (refused while
 * there is no timeline, rather than silently dropped).
 */
export interface ImportOptions {
  /** `case import --confirm-rates`: daily rates above 0.1 % are taken as confirmed now. */
  confirmRates?: boolean;
}

/** The input with every unconfirmed unusual rate marked confirmed at `now` (only where the shape allows). */
function withRatesConfirmed(input: unknown, now: string): unknown {
  if (typeof input !== 'object' || input === null || !Array.isArray((input as { accounts?: unknown }).accounts)) return input;
  const doc = input as { accounts: unknown[] };
  return {
    ...doc,
    accounts: doc.accounts.map((a) => {
      if (typeof a !== 'object' || a === null) return a;
      const acc = a as { penalty?: { dailyRate?: unknown }; rateConfirmed?: unknown };
      const rate = acc.penalty?.dailyRate;
      if (typeof rate !== 'string' || acc.rateConfirmed) return a;
      try {
        return rateNeedsConfirmation(rate) ? { ...acc, rateConfirmed: now } : a;
      } catch {
        return a; // not a number: the schema reports it
      }
    }),
  };
}

export function importCase(vault: Vault, input: unknown, clock = systemClock, options: ImportOptions = {}): ImportResult {
  const result = validateCase(options.confirmRates ? withRatesConfirmed(input, clock.now()) : input, clock.today());
  if (!result.ok) throw new CaseImportError(result.problems);
  const { doc } = result;
  const port = caseContactsPort();
  if (doc.contacts && doc.contacts.length > 0 && !port) {
    throw new CaseImportError([{ path: 'contacts', message: '这个版本还没有时间线功能，无法导入联系记录（请删除 contacts 或改为 []）' }]);
  }
  vault.change((db, audit) => {
    // Rounds and payments point at creditors and agreements that are replaced here: the
    // checks wait for the end (and are reported in words below, never as a constraint code).
    db.pragma('defer_foreign_keys = ON');
    const before = store.readCase(db, false);
    store.replaceCase(db, doc);
    if (doc.contacts && port) port.replace(db, doc.contacts, audit);
    writeAfter(db, doc);
    const dangling = danglingReferences(db);
    if (dangling.length > 0) throw new BadInputError(`无法导入：${dangling.join('；')}。请把这些部分一并写进案件文件，或先在程序中删除它们`);
    const { contacts: _contacts, ...after } = doc;
    audit({ action: 'case.import', entity: 'case', entityId: null, oldValue: before, newValue: after });
  });
  return { ok: true, warnings: result.warnings };
}

/** The LPR quotes the user added to the shipped table (replaces the previous list). */
export function saveLpr(vault: Vault, args: LprSave, clock = systemClock): CaseDoc {
  return edit(vault, clock, (db, audit) => {
    const before = store.readLpr(db);
    store.writeLpr(db, args.rows);
    audit({ action: 'case.lpr.update', entity: 'case_lpr_rows', entityId: null, oldValue: before, newValue: args.rows });
  });
}
