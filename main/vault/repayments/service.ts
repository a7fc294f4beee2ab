// Agreements and payments in the vault: an agreement is 0003's case_agreements row (through
// the case service, so the case's own checks run) plus its terms (0010); payments are rows of
// repayment_payments, and the allocation to installments is recomputed (shared/repayments/
// schedule.ts). After each payment the case's installment tick boxes are brought in line,
// so 方案 and the package see the same state. Plain Node.
import { randomUUID } from 'node:crypto';
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import * as caseService from '../case/service';
import * as caseStore from '../case/store';
import { BadInputError, PaymentRefusedError } from '../../../shared/errors';
import { beijingIso, parseDate, todayBeijing } from '../../../shared/time/beijing';
import { parseAmount } from '../../../shared/money/parse-amount';
import { formatMoney } from '../../../shared/money/decimal';
import type { Agreement } from '../../../shared/case/schema';
import { buildSchedule, checkAgreementInstallments, checkPayment, type PaymentIn, type Schedule } from '../../../shared/repayments/schedule';
import { compareWithPlan, defaultTerms, type AgreementTerms, type TermRow } from '../../../shared/repayments/terms';
import type { AgreementSave } from '../../../shared/contracts/case';
import { readTerms, writeTerms } from './terms-store';

export interface RepaymentSettings {
  reminderDays: number;
  reserveGoal: string;
  reserveSaved: string;
}

export function readSettings(db: Db): RepaymentSettings {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'repayment_settings'").get();
  const r = !has
    ? undefined
    : (db.prepare('SELECT reminder_days, reserve_goal, reserve_saved FROM repayment_settings WHERE singleton = 1').get() as
        { reminder_days: number; reserve_goal: string; reserve_saved: string } | undefined);
  return r ? { reminderDays: r.reminder_days, reserveGoal: r.reserve_goal, reserveSaved: r.reserve_saved } : { reminderDays: 3, reserveGoal: '0.00', reserveSaved: '0.00' };
}

export function saveSettings(vault: Vault, s: RepaymentSettings): RepaymentSettings {
  if (!Number.isInteger(s.reminderDays) || s.reminderDays < 0 || s.reminderDays > 30) throw new BadInputError('提前提醒天数应为 0–30 天');
  const goal = formatMoney(parseAmount(s.reserveGoal, { label: '应急储备目标' }));
  const saved = formatMoney(parseAmount(s.reserveSaved, { label: '已存的应急储备' }));
  vault.change((db, audit) => {
    const before = readSettings(db);
    db.prepare('UPDATE repayment_settings SET reminder_days = ?, reserve_goal = ?, reserve_saved = ? WHERE singleton = 1').run(s.reminderDays, goal, saved);
    audit({ action: 'repayments.settings', entity: 'repayment_settings', oldValue: before, newValue: { reminderDays: s.reminderDays, reserveGoal: goal, reserveSaved: saved } });
  });
  return readSettings(vault.handle);
}

/** Records (or edits) an agreement with its terms; refused when the installments do not add up. */
export interface AgreementRecordSave {
  agreement: AgreementSave['agreement'];
  terms: AgreementTerms;
}

export function saveAgreementRecord(vault: Vault, args: AgreementRecordSave, clock = caseService.systemClock): { id: string } {
  checkAgreementInstallments(args.agreement.total, args.agreement.installments);
  const id = args.agreement.id ?? randomUUID();
  if (args.terms.roundId !== null && !vault.handle.prepare('SELECT 1 FROM application_rounds WHERE id = ?').get(args.terms.roundId)) {
    throw new BadInputError(`找不到申请轮次 ${args.terms.roundId}`);
  }
  vault.change((db, audit) => {
    const paid = payments(db, id);
    if (paid.length > 0 && args.agreement.installments.some((i) => i.paid)) {
      // The payments decide what is paid; the tick boxes are derived from them.
      args = { ...args, agreement: { ...args.agreement, installments: args.agreement.installments.map((i) => ({ ...i, paid: false, paidOn: null })) } };
    }
    caseService.saveAgreement(vault, { agreement: { ...args.agreement, id } }, clock);
    if (paid.length > 0) {
      // Payments already recorded must still fit the edited schedule.
      const a = caseStore.readAgreement(db, id)!;
      const s = buildSchedule(a.total, a.installments, [], clock.today(), 0);
      const sum = paid.reduce((acc, p) => acc.plus(p.amount), parseAmount('0'));
      if (sum.greaterThan(s.total)) throw new BadInputError(`已记录的还款共 ${formatMoney(sum)} 元，超过修改后的协议总额`);
      syncTicks(db, a, clock.today());
    }
    const before = readTerms(db, id);
    writeTerms(db, id, args.terms);
    audit({ action: 'repayments.terms', entity: 'case_agreement', entityId: id, oldValue: before, newValue: args.terms });
  });
  return { id };
}

function payments(db: Db, agreementId: string): PaymentIn[] {
  return (
    db.prepare('SELECT id, seq, date, amount, receipt_id, note FROM repayment_payments WHERE agreement_id = ? ORDER BY date, seq').all(agreementId) as {
      id: string;
      seq: number;
      date: string;
      amount: string;
      receipt_id: string | null;
      note: string;
    }[]
  ).map((r) => ({ id: r.id, seq: r.seq, date: r.date, amount: r.amount, receiptId: r.receipt_id, note: r.note }));
}

/**
 * Installments ticked "paid" under 方案 before any payment was recorded (or imported with
 * the case) count as paid on their tick date: shown as payments without a record until the
 * first real payment turns them into rows (materializeTicks).
 */
function tickPayments(a: Agreement): PaymentIn[] {
  return a.installments
    .filter((i) => i.paid)
    .map((i, k) => ({ id: `tick-${i.n}`, seq: -1000 + k, date: i.paidOn ?? i.date, amount: i.amount, receiptId: i.evidenceId, note: '由“已还”勾选记入' }));
}

function effectivePayments(db: Db, a: Agreement): PaymentIn[] {
  const real = payments(db, a.id);
  return real.length > 0 ? real : tickPayments(a);
}

export function scheduleFor(db: Db, a: Agreement, today: string): Schedule {
  return buildSchedule(a.total, a.installments, effectivePayments(db, a), today, readSettings(db).reminderDays);
}
const scheduleOf = scheduleFor;

/** Before the first real payment: the tick boxes become payment rows, so nothing ticked is lost. */
function materializeTicks(db: Db, a: Agreement): void {
  if (payments(db, a.id).length > 0) return;
  const put = db.prepare('INSERT INTO repayment_payments (id, seq, agreement_id, date, amount, receipt_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  let seq = (db.prepare('SELECT coalesce(max(seq), 0) AS m FROM repayment_payments').get() as { m: number }).m;
  for (const p of tickPayments(a)) put.run(randomUUID(), ++seq, a.id, p.date, formatMoney(p.amount), p.receiptId, p.note, beijingIso());
}

/** The case's paid tick boxes follow the payments (fully paid = ticked, with the day it was). */
function syncTicks(db: Db, a: Agreement, today: string): void {
  const s = scheduleOf(db, a, today);
  const put = db.prepare('UPDATE case_agreement_installments SET paid = ?, paid_on = ? WHERE agreement_id = ? AND n = ?');
  for (const i of s.installments) put.run(i.status === 'paid' ? 1 : 0, i.paidOn, a.id, i.n);
}

export interface AgreementView {
  agreementId: string;
  creditorId: string | null;
  creditor: string;
  accountIds: string[];
  signedOn: string;
  evidenceId: string | null;
  waived: Agreement['waived'];
  deadline: string | null;
  note: string;
  planId: string | null;
  terms: AgreementTerms;
  /** Oral only and not yet confirmed in writing (terms.inWriting false, or no signed copy kept). */
  needsWriting: boolean;
  comparison: TermRow[];
  schedule: Schedule;
}

export function listAgreements(vault: Vault, agreementId?: string, today = todayBeijing()): AgreementView[] {
  const db = vault.handle;
  const ids = (db.prepare('SELECT id FROM case_agreements ORDER BY position, id').all() as { id: string }[]).map((r) => r.id);
  if (agreementId !== undefined && !ids.includes(agreementId)) throw new BadInputError(`找不到协议 ${agreementId}`);
  return ids
    .filter((id) => agreementId === undefined || id === agreementId)
    .map((id) => {
      const a = caseStore.readAgreement(db, id)!;
      const terms = readTerms(db, id) ?? defaultTerms();
      const creditor = a.creditorId ? caseStore.readCreditor(db, a.creditorId) : null;
      const plan = a.planId ? caseStore.readPlan(db, a.planId) : null;
      return {
        agreementId: id,
        creditorId: a.creditorId,
        creditor: creditor?.legalName ?? '',
        accountIds: a.accountIds,
        signedOn: a.signedOn,
        evidenceId: a.evidenceId,
        waived: a.waived,
        deadline: a.deadline,
        note: a.note,
        planId: a.planId,
        terms,
        needsWriting: !terms.inWriting || a.evidenceId === null,
        comparison: compareWithPlan(plan, a),
        schedule: scheduleOf(db, a, today),
      };
    });
}

/** The `repayments` document (docs/cli.md). */
export function cliRepayments(vault: Vault, agreementId?: string, today = todayBeijing()) {
  return listAgreements(vault, agreementId, today).map((v) => ({
    agreementId: v.agreementId,
    creditorId: v.creditorId,
    total: v.schedule.total,
    paid: v.schedule.paid,
    remaining: v.schedule.remaining,
    installments: v.schedule.installments.map((i) => ({ n: i.n, due: i.due, amount: i.amount, paid: i.paid, status: i.status, daysLate: i.daysLate })),
    payments: v.schedule.payments.map((p) => ({ id: p.id, date: p.date, amount: formatMoney(p.amount), receiptId: p.receiptId })),
  }));
}

export interface PayArgs {
  agreementId: string;
  amount: string;
  date: string;
  receiptId: string | null;
  note: string;
}

export interface PayResult {
  paymentId: string;
  agreementId: string;
  applied: { n: number; amount: string }[];
  remaining: string;
}

/** Records one payment; refused (nothing changed) when not positive, above what remains, or before the agreement. */
export function pay(vault: Vault, args: PayArgs, today = todayBeijing()): PayResult {
  const date = parseDate(args.date, '还款日期');
  let amount;
  try {
    amount = parseAmount(args.amount, { label: '还款金额', allowNegative: true });
  } catch (err) {
    throw new PaymentRefusedError(err instanceof Error ? err.message.replace(/^输入无效：/, '') : String(err));
  }
  if (args.note.length > 1000) throw new BadInputError('备注太长（最多 1000 字）');
  return vault.change((db, audit) => {
    const a = caseStore.readAgreement(db, args.agreementId);
    if (!a) throw new BadInputError(`找不到协议 ${args.agreementId}`);
    if (args.receiptId !== null && !db.prepare('SELECT 1 FROM evidence_items WHERE id = ?').get(args.receiptId)) {
      throw new BadInputError(`找不到证据 ${args.receiptId}（还款凭证要先导入证据箱）`);
    }
    checkPayment(scheduleOf(db, a, today), a.signedOn, amount, date);
    materializeTicks(db, a);
    const id = randomUUID();
    const seq = ((db.prepare('SELECT coalesce(max(seq), 0) AS m FROM repayment_payments').get() as { m: number }).m ?? 0) + 1;
    const value = formatMoney(amount);
    db.prepare('INSERT INTO repayment_payments (id, seq, agreement_id, date, amount, receipt_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      seq,
      a.id,
      date,
      value,
      args.receiptId,
      args.note,
      beijingIso(),
    );
    syncTicks(db, a, today);
    const after = scheduleOf(db, a, today);
    const applied = after.payments.find((p) => p.id === id)!.applied;
    audit({ action: 'repayments.pay', entity: 'case_agreement', entityId: a.id, newValue: { paymentId: id, date, amount: value, receiptId: args.receiptId, applied } });
    return { paymentId: id, agreementId: a.id, applied, remaining: after.remaining };
  });
}

/** Removes a payment entered by mistake (audited); the schedule is recomputed. */
export function deletePayment(vault: Vault, paymentId: string, today = todayBeijing()): void {
  vault.change((db, audit) => {
    const row = db.prepare('SELECT * FROM repayment_payments WHERE id = ?').get(paymentId) as { agreement_id: string } | undefined;
    if (!row) throw new BadInputError(`找不到还款记录 ${paymentId}`);
    db.prepare('DELETE FROM repayment_payments WHERE id = ?').run(paymentId);
    syncTicks(db, caseStore.readAgreement(db, row.agreement_id)!, today);
    audit({ action: 'repayments.payment_deleted', entity: 'case_agreement', entityId: row.agreement_id, oldValue: row });
  });
}
