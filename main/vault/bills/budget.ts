// The month's budget (docs/cli.md `budget`): planned income and spending from 财务 (the
// monthly statement: income; fixed + flexible costs), actual income and spending by category
// from imported bills (refunds, own transfers and repayments are neutral and not counted),
// installments due and payments made in the month, the reserve goal. For the app also: the
// next open installment against what is left, with the latest day to call the creditor.
import type { Vault } from '../vault';
import * as caseStore from '../case/store';
import { UsageError } from '../../../shared/errors';
import { ZERO, dec, formatMoney } from '../../../shared/money/decimal';
import { addDays, compareDates, daysInMonth, todayBeijing } from '../../../shared/time/beijing';
import { openInstallments } from '../repayments/agenda-source';
import { readSettings } from '../repayments/service';

export interface BudgetDoc {
  month: string;
  planned: { income: string; spending: string };
  actual: { income: string; spending: string; byCategory: { category: string; amount: string }[] };
  repayments: { due: string; paid: string };
  reserve: { goal: string; saved: string };
}

export interface BudgetView extends BudgetDoc {
  /** Actual income (or planned, when no bill income is recorded yet) − actual spending − installments still open this month. */
  left: string;
  basis: 'actual' | 'planned';
  next: { date: string; amount: string; creditor: string; short: boolean; callBy: string } | null;
  billFiles: number;
}

export function parseMonth(text: string): { month: string; first: string; last: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError(`--month 写成 YYYY-MM：${text}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return { month: text, first: `${text}-01`, last: `${text}-${String(daysInMonth(y, mo)).padStart(2, '0')}` };
}

export function budget(vault: Vault, monthText: string): BudgetDoc {
  const db = vault.handle;
  const { month, first, last } = parseMonth(monthText);
  const f = caseStore.readFinances(db);
  const sum = (xs: readonly { monthly: string }[]) => xs.reduce((a, x) => a.plus(x.monthly), ZERO);
  const rows = db.prepare("SELECT direction, category, amount FROM bill_rows WHERE date BETWEEN ? AND ? AND direction <> 'neutral'").all(first, last) as {
    direction: string;
    category: string;
    amount: string;
  }[];
  let income = ZERO;
  let spending = ZERO;
  const byCategory = new Map<string, ReturnType<typeof dec>>();
  for (const r of rows) {
    if (r.direction === 'income') income = income.plus(r.amount);
    else {
      spending = spending.plus(r.amount);
      byCategory.set(r.category, (byCategory.get(r.category) ?? ZERO).plus(r.amount));
    }
  }
  const due = (db.prepare('SELECT amount FROM case_agreement_installments WHERE date BETWEEN ? AND ?').all(first, last) as { amount: string }[]).reduce(
    (a, r) => a.plus(r.amount),
    ZERO,
  );
  const paid = (db.prepare('SELECT amount FROM repayment_payments WHERE date BETWEEN ? AND ?').all(first, last) as { amount: string }[]).reduce((a, r) => a.plus(r.amount), ZERO);
  const s = readSettings(db);
  return {
    month,
    planned: { income: formatMoney(sum(f.income)), spending: formatMoney(sum(f.fixedCosts).plus(sum(f.flexibleCosts))) },
    actual: {
      income: formatMoney(income),
      spending: formatMoney(spending),
      byCategory: [...byCategory.entries()]
        .sort((a, b) => b[1].comparedTo(a[1]) || (a[0] < b[0] ? -1 : 1))
        .map(([category, amount]) => ({ category, amount: formatMoney(amount) })),
    },
    repayments: { due: formatMoney(due), paid: formatMoney(paid) },
    reserve: { goal: s.reserveGoal, saved: s.reserveSaved },
  };
}

export function budgetView(vault: Vault, monthText: string, today = todayBeijing()): BudgetView {
  const doc = budget(vault, monthText);
  const { first, last } = parseMonth(monthText);
  const open = openInstallments(vault.handle, today);
  const openThisMonth = open.filter((i) => compareDates(i.date, first) >= 0 && compareDates(i.date, last) <= 0).reduce((a, i) => a.plus(i.amount), ZERO);
  const basis = dec(doc.actual.income).greaterThan(0) ? 'actual' : 'planned';
  const income = basis === 'actual' ? doc.actual.income : doc.planned.income;
  const left = dec(income).minus(doc.actual.spending).minus(openThisMonth);
  // The next installment against this month's money: only when looking at the current month.
  const current = today.slice(0, 7) === doc.month;
  const nextRow = !current ? null : (open.find((i) => compareDates(i.date, today) >= 0) ?? null);
  const leftBeforeNext = dec(income).minus(doc.actual.spending);
  const next = nextRow
    ? {
        date: nextRow.date,
        amount: nextRow.amount,
        creditor: nextRow.creditor,
        short: leftBeforeNext.lessThan(nextRow.amount),
        callBy: addDays(nextRow.date, -1),
      }
    : null;
  const billFiles = (vault.handle.prepare('SELECT count(*) AS n FROM bill_files').get() as { n: number }).n;
  return { ...doc, left: formatMoney(left), basis, next, billFiles };
}
