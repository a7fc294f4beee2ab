// What the agenda needs from issue 11's tables: each agreement's open installments (what is
// still open of each, after the payments), pending application rounds, open requests for
// more material, and the reminder setting. Empty on a vault without these tables.
import type { Db } from '../sqlite';
import * as caseStore from '../case/store';
import type { AgendaExtras, AgendaInstallment } from '../../../shared/timeline/agenda';
import { readSettings, scheduleFor } from './service';

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

export function hasRepaymentTables(db: Db): boolean {
  return tableExists(db, 'repayment_payments') && tableExists(db, 'application_rounds');
}

export function openInstallments(db: Db, today: string): AgendaInstallment[] {
  const out: AgendaInstallment[] = [];
  for (const { id } of db.prepare('SELECT id FROM case_agreements ORDER BY position, id').all() as { id: string }[]) {
    const a = caseStore.readAgreement(db, id)!;
    const creditor = a.creditorId ? caseStore.readCreditor(db, a.creditorId) : null;
    const s = scheduleFor(db, a, today);
    for (const i of s.installments) {
      if (i.status === 'paid') continue;
      out.push({ agreementId: id, n: i.n, date: i.due, amount: i.open, creditor: creditor?.legalName ?? '还款协议', creditorId: a.creditorId, scheduleStatus: i.status });
    }
  }
  return out;
}

export function agendaExtras(db: Db): AgendaExtras {
  const rounds = (
    db
      .prepare(
        `SELECT r.id, r.sent_on, r.creditor_id, c.legal_name, r.channel FROM application_rounds r LEFT JOIN case_creditors c ON c.id = r.creditor_id
          WHERE r.outcome = 'pending' ORDER BY r.sent_on, r.id`,
      )
      .all() as { id: string; sent_on: string; creditor_id: string; legal_name: string | null; channel: string }[]
  ).map((r) => ({ id: r.id, sentOn: r.sent_on, creditor: r.legal_name ?? '申请', creditorId: r.creditor_id, detail: `${r.sent_on} 寄出的申请` }));
  const tasks = (
    db
      .prepare(
        `SELECT q.id, q.due, q.text, r.creditor_id, c.legal_name FROM round_requests q JOIN application_rounds r ON r.id = q.round_id
           LEFT JOIN case_creditors c ON c.id = r.creditor_id WHERE q.done = 0 AND q.due IS NOT NULL ORDER BY q.due, q.id`,
      )
      .all() as { id: string; due: string; text: string; creditor_id: string; legal_name: string | null }[]
  ).map((t) => ({ id: t.id, due: t.due, text: `补充材料：${t.text}`, creditor: t.legal_name ?? '申请', creditorId: t.creditor_id }));
  return { rounds, tasks, reminderDays: readSettings(db).reminderDays };
}
