// The home screen's figures: what is owed today per creditor (by the agreement once there is
// one — not the penalty rule — else by the account's penalty rule), the next due date, open
// follow-ups and answer windows, conduct flags this month, and the seeds' steps with their
// state (collect evidence → know what you owe → assess what you can pay → contact and record
// → send the application → track the agreement).
import type { Vault } from '../vault';
import type { Db } from '../sqlite';
import * as caseStore from '../case/store';
import { ZERO, formatMoney } from '../../../shared/money/decimal';
import { caseOwedOn } from '../../../shared/money/case-owed';
import { compareDates, todayBeijing } from '../../../shared/time/beijing';
import { agenda, cliTimeline } from '../timeline/queries';
import { listAgreements } from './service';
import type { HomeView } from '../../../shared/contracts/repayments';

function count(db: Db, sql: string): number {
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } catch {
    return 0; // a table this vault does not have yet
  }
}

export function home(vault: Vault, today = todayBeijing()): HomeView {
  const db = vault.handle;
  const doc = caseStore.readCase(db, false);
  const agreements = listAgreements(vault, undefined, today);
  const covered = new Set(agreements.flatMap((a) => a.accountIds));
  let total = ZERO;
  const creditors = doc.creditors.map((c) => {
    const mine = agreements.filter((a) => a.creditorId === c.id || a.accountIds.some((id) => doc.accounts.find((x) => x.id === id)?.creditorId === c.id));
    const byAgreement = mine.reduce((s, a) => s.plus(a.schedule.remaining), ZERO);
    const loose = doc.accounts.filter((a) => a.creditorId === c.id && !covered.has(a.id));
    const byRule = loose.length ? caseOwedOn(loose, today).total.total : '0.00';
    const owed = byAgreement.plus(byRule);
    total = total.plus(owed);
    return { creditorId: c.id, name: c.legalName, owed: formatMoney(owed), basis: mine.length > 0 ? ('agreement' as const) : ('penalty-rule' as const) };
  });
  const items = agenda(vault, today).items;
  const next = items.find((i) => i.kind === 'installment' && ((i as { scheduleStatus?: string }).scheduleStatus === 'late' || compareDates(i.date, today) >= 0));
  const openItems = items.filter((i) => i.kind === 'follow_up' || i.kind === 'answer_due').map((i) => ({ kind: i.kind, date: i.date, title: i.title, detail: i.detail }));
  const month = today.slice(0, 7);
  let flagsThisMonth: number;
  try {
    flagsThisMonth = cliTimeline(vault).filter((e) => e.at.startsWith(month) && e.flags.length > 0).length;
  } catch {
    flagsThisMonth = 0;
  }
  const evidence = count(db, 'SELECT count(*) AS n FROM evidence_items WHERE trashed_ms IS NULL');
  const accounts = doc.accounts.length;
  const income = doc.finances.income.length;
  const contacts = count(db, 'SELECT count(*) AS n FROM contacts');
  const sent = count(db, 'SELECT count(*) AS n FROM application_rounds') + count(db, 'SELECT count(*) AS n FROM packages');
  const allPaid = agreements.length > 0 && agreements.every((a) => a.schedule.remaining === '0.00');
  const state = (n: number, done = n > 0) => (done ? ('done' as const) : n > 0 ? ('started' as const) : ('todo' as const));
  return {
    today,
    creditors,
    totalOwed: formatMoney(total),
    nextDue: next ? { date: next.date, amount: next.amount ?? '0.00', creditor: next.title } : null,
    openItems,
    flagsThisMonth,
    steps: [
      { key: 'evidence', state: state(evidence), count: evidence },
      { key: 'owed', state: state(accounts), count: accounts },
      { key: 'capacity', state: state(income), count: income },
      { key: 'contact', state: state(contacts), count: contacts },
      { key: 'apply', state: state(sent), count: sent },
      { key: 'agreement', state: state(agreements.length, allPaid), count: agreements.length },
    ],
  };
}
