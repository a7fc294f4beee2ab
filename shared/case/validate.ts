// Validates a whole case document before anything is written: first its shape (types,
// formats, ranges), then what only the whole can say (ids unique, references resolve,
// plan totals follow their basis, schedules sum to their totals, a plan above capacity
// carries its acknowledgement). Every problem is reported with its JSON path
// ("accounts[1].principal: 金额不能为负数：-5.00"); nothing is imported if there is one.
import type { z } from 'zod';
import { compareDates, daysBetween } from '../time/beijing';
import { dec, formatMoney, formatMoneyGrouped, ZERO } from '../money/decimal';
import { MAX_PENALTY_DAYS, rateNeedsConfirmation } from '../money/penalty';
import { mergeLprRows } from '../money/ceilings';
import { installmentAmounts } from '../money/plan';
import { steppedSchedule } from '../money/plan-steps';
import { offerFor } from '../money/plan-builder';
import { CaseSchema, type CaseDoc } from './schema';
import { detailOf } from './fields';

export interface CaseProblem {
  /** JSON path: "accounts[1].principal", "" for the document itself. */
  path: string;
  message: string;
}

export type CaseValidation = { ok: true; doc: CaseDoc; warnings: CaseProblem[] } | { ok: false; problems: CaseProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function problemLine(p: CaseProblem): string {
  return p.path === '' ? p.message : `${p.path}: ${p.message}`;
}

function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'object') return '对象';
  if (typeof input === 'string') return `文字 ${JSON.stringify(input.length > 30 ? `${input.slice(0, 30)}…` : input)}`;
  return `${typeof input} ${String(input)}`;
}

/** Chinese messages for the issues the schema has no message of its own for. */
function zodProblems(issues: readonly z.core.$ZodIssue[]): CaseProblem[] {
  const out: CaseProblem[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    const input = (issue as { input?: unknown }).input;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: formatPath([...issue.path, key]), message: '未知字段（拼写是否有误？本程序不认识这个字段）' });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && input === undefined) {
      out.push({ path, message: '缺少这个字段' });
      continue;
    }
    if (issue.code === 'invalid_type' && issue.expected === 'object') {
      out.push({ path, message: `必须是对象（{…}），而不是 ${typeName(input)}` });
      continue;
    }
    out.push({ path, message: issue.message });
  }
  return out;
}

const problem = (path: string, message: string): CaseProblem => ({ path, message });

function checkUnique(items: readonly { id: string }[], at: string, out: CaseProblem[]): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) out.push(problem(`${at}[${i}].id`, `编号 ${item.id} 重复`));
    seen.add(item.id);
  });
  return seen;
}

/** The checks that need the whole document. `today` decides which warnings apply. */
export function checkCase(doc: CaseDoc, today: string): { problems: CaseProblem[]; warnings: CaseProblem[] } {
  const problems: CaseProblem[] = [];
  const warnings: CaseProblem[] = [];
  const creditorIds = checkUnique(doc.creditors, 'creditors', problems);
  const accountIds = checkUnique(doc.accounts, 'accounts', problems);
  checkUnique(doc.snapshots, 'snapshots', problems);
  const planIds = checkUnique(doc.plans, 'plans', problems);
  checkUnique(doc.agreements, 'agreements', problems);
  const f = doc.finances;
  for (const key of ['income', 'fixedCosts', 'flexibleCosts', 'debts', 'assets'] as const) {
    checkUnique(f[key], `finances.${key}`, problems);
  }
  if (doc.contacts) checkUnique(doc.contacts, 'contacts', problems);
  try {
    mergeLprRows(doc.lpr);
  } catch (err) {
    problems.push(problem('lpr', detailOf(err)));
  }

  doc.accounts.forEach((a, i) => {
    if (!creditorIds.has(a.creditorId)) {
      problems.push(problem(`accounts[${i}].creditorId`, `找不到债权机构 ${a.creditorId}（creditors 里没有这个编号）`));
    }
    if (daysBetween(a.penalty.startDate, today) > MAX_PENALTY_DAYS) {
      problems.push(problem(`accounts[${i}].penalty.startDate`, `罚息起算日太早：${a.penalty.startDate}（超过 100 年）`));
    }
    const seen = new Set<string>();
    a.evidenceIds.forEach((e, j) => {
      if (seen.has(e)) problems.push(problem(`accounts[${i}].evidenceIds[${j}]`, `证据 ${e} 重复`));
      seen.add(e);
    });
  });
  doc.snapshots.forEach((s, i) => {
    if (!accountIds.has(s.accountId)) problems.push(problem(`snapshots[${i}].accountId`, `找不到账户 ${s.accountId}`));
  });

  doc.plans.forEach((p, i) => {
    const at = `plans[${i}]`;
    const seen = new Set<string>();
    p.accountIds.forEach((id, j) => {
      if (!accountIds.has(id)) problems.push(problem(`${at}.accountIds[${j}]`, `找不到账户 ${id}`));
      if (seen.has(id)) problems.push(problem(`${at}.accountIds[${j}]`, `账户 ${id} 重复`));
      seen.add(id);
    });
    const o = p.owed;
    const sum = dec(o.principal).plus(o.interest).plus(o.penalty).plus(o.fees);
    if (!sum.equals(o.total)) {
      problems.push(problem(`${at}.owed.total`, `不等于本金、利息、罚息和费用之和（应为 ${formatMoney(sum)}）`));
      return;
    }
    let expected;
    try {
      expected = offerFor(p.basis, o, p.interestOffered);
    } catch (err) {
      problems.push(problem(`${at}.interestOffered`, detailOf(err)));
      return;
    }
    if (expected.interestOffered !== p.interestOffered) {
      problems.push(problem(`${at}.interestOffered`, `与还款基础 ${p.basis} 不符（应为 ${expected.interestOffered}）`));
    }
    if (expected.total !== p.total) {
      problems.push(problem(`${at}.total`, `与还款基础 ${p.basis} 不符（应为 ${expected.total}）`));
      return;
    }
    const total = dec(p.total);
    if (total.isZero()) {
      problems.push(problem(`${at}.total`, '还款总额必须大于 0'));
      return;
    }
    const amounts = installmentAmounts(total, p.installments);
    if (!amounts) {
      problems.push(problem(`${at}.installments`, `总额 ${formatMoneyGrouped(total)} 元太少，无法分成 ${p.installments} 期`));
      return;
    }
    if (p.step) {
      // A step-up plan must leave something for the later installments (plan-steps.ts).
      try {
        steppedSchedule(total, p.installments, p.firstDate, p.step);
      } catch (err) {
        problems.push(problem(`${at}.step`, detailOf(err)));
        return;
      }
    }
    const largest = amounts.reduce((m, a) => (a.greaterThan(m) ? a : m), ZERO);
    if (p.capacity !== null && largest.greaterThan(p.capacity) && p.overCapacityAck === null) {
      problems.push(
        problem(
          `${at}.overCapacityAck`,
          `每期最多 ${formatMoneyGrouped(largest)} 元，超出每月可用于还款的 ${formatMoneyGrouped(p.capacity)} 元：超出能力的方案必须有明确确认（overCapacityAck）`,
        ),
      );
    }
    if (compareDates(p.firstDate, today) < 0) {
      warnings.push(problem(`${at}.firstDate`, `首期还款日 ${p.firstDate} 已经过去`));
    }
  });

  doc.agreements.forEach((a, i) => {
    const at = `agreements[${i}]`;
    if (a.planId !== null && !planIds.has(a.planId)) problems.push(problem(`${at}.planId`, `找不到方案 ${a.planId}`));
    if (a.creditorId !== null && !creditorIds.has(a.creditorId)) {
      problems.push(problem(`${at}.creditorId`, `找不到债权机构 ${a.creditorId}`));
    }
    const seen = new Set<string>();
    a.accountIds.forEach((id, j) => {
      if (!accountIds.has(id)) problems.push(problem(`${at}.accountIds[${j}]`, `找不到账户 ${id}`));
      if (seen.has(id)) problems.push(problem(`${at}.accountIds[${j}]`, `账户 ${id} 重复`));
      seen.add(id);
    });
    let sum = ZERO;
    a.installments.forEach((inst, j) => {
      const n = j + 1; // number-ok: installment number
      if (inst.n !== n) problems.push(problem(`${at}.installments[${j}].n`, `期数应为 ${n}（按顺序从 1 开始）`));
      if (!inst.paid && inst.paidOn !== null) {
        problems.push(problem(`${at}.installments[${j}].paidOn`, '未还的一期不能有还款日期（paid 为 false 时 paidOn 应为 null）'));
      }
      const prev = a.installments[j - 1]; // number-ok: index
      if (prev && compareDates(inst.date, prev.date) < 0) {
        problems.push(problem(`${at}.installments[${j}].date`, `早于上一期（${prev.date}）`));
      }
      sum = sum.plus(inst.amount);
    });
    if (!sum.equals(a.total)) {
      problems.push(problem(`${at}.total`, `各期之和为 ${formatMoney(sum)}，不等于协议总额 ${a.total}`));
    }
  });
  checkAfter(doc, creditorIds, problems);
  return { problems, warnings };
}

/** The sections of issues 10 and 11: their ids unique and their references inside the document. */
function checkAfter(doc: CaseDoc, creditorIds: Set<string>, problems: CaseProblem[]): void {
  const agreementIds = new Set(doc.agreements.map((a) => a.id));
  const agentIds = doc.agents ? checkUnique(doc.agents, 'agents', problems) : null;
  doc.agents?.forEach((a, i) => {
    if (!creditorIds.has(a.creditorId)) problems.push(problem(`agents[${i}].creditorId`, `找不到债权机构 ${a.creditorId}`));
  });
  const roundIds = doc.rounds ? checkUnique(doc.rounds, 'rounds', problems) : null;
  doc.rounds?.forEach((r, i) => {
    if (!creditorIds.has(r.creditorId)) problems.push(problem(`rounds[${i}].creditorId`, `找不到债权机构 ${r.creditorId}`));
    if (r.outcome !== 'pending' && r.outcomeOn === null) problems.push(problem(`rounds[${i}].outcomeOn`, '有答复时必须写答复日期'));
    if (r.outcomeOn !== null && compareDates(r.outcomeOn, r.sentOn) < 0) problems.push(problem(`rounds[${i}].outcomeOn`, `早于寄出日期 ${r.sentOn}`));
    checkUnique(r.requests, `rounds[${i}].requests`, problems);
  });
  doc.agreements.forEach((a, i) => {
    const roundId = a.terms?.roundId;
    if (roundId && roundIds && !roundIds.has(roundId)) problems.push(problem(`agreements[${i}].terms.roundId`, `找不到申请 ${roundId}`));
  });
  if (doc.payments) checkUnique(doc.payments, 'payments', problems);
  doc.payments?.forEach((p, i) => {
    if (!agreementIds.has(p.agreementId)) problems.push(problem(`payments[${i}].agreementId`, `找不到协议 ${p.agreementId}`));
  });
  const sideRef = (at: string, c: { creditorId: string | null; agentId: string | null }) => {
    if (c.creditorId !== null && !creditorIds.has(c.creditorId)) problems.push(problem(`${at}.creditorId`, `找不到债权机构 ${c.creditorId}`));
    if (c.agentId !== null && agentIds && !agentIds.has(c.agentId)) problems.push(problem(`${at}.agentId`, `找不到催收方 ${c.agentId}`));
  };
  doc.sides?.contacts.forEach((c, i) => sideRef(`sides.contacts[${i}]`, c));
  doc.sides?.evidence.forEach((e, i) => sideRef(`sides.evidence[${i}]`, e));
  doc.sides?.marks.forEach((m, i) => sideRef(`sides.marks[${i}]`, m));
}

export { rateNeedsConfirmation };

/** The message shown when such a rate has not been confirmed. */
export function unconfirmedRateMessage(dailyRate: string): string {
  const pct = dec(dailyRate).times(100).toDecimalPlaces(4).toString();
  return `日利率 ${pct}% 高于每天 0.1%（年化 36.5%），常见于把 0.05% 写成 0.5% 一类的笔误。请对照合同或账单核对；确认无误时，在 rateConfirmed 写上确认时间（例如 "2026-06-01T10:00:00+08:00"），或用 case import --confirm-rates 导入`;
}

/** Accounts whose daily rate is above the sane range and carries no confirmation. */
export function unconfirmedRates(doc: Pick<CaseDoc, 'accounts'>): CaseProblem[] {
  return doc.accounts.flatMap((a, i) =>
    rateNeedsConfirmation(a.penalty.dailyRate) && !a.rateConfirmed ? [problem(`accounts[${i}].penalty.dailyRate`, unconfirmedRateMessage(a.penalty.dailyRate))] : [],
  );
}

/**
 * Shape first, then (when the shape is right) the whole-document checks, and (an import only)
 * that every unusual daily rate was confirmed.
 */
export function validateCase(input: unknown, today: string): CaseValidation {
  const parsed = CaseSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error.issues) };
  const checked = checkCase(parsed.data, today);
  const { warnings } = checked;
  const problems = [...checked.problems, ...unconfirmedRates(parsed.data)];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, doc: parsed.data, warnings };
}
