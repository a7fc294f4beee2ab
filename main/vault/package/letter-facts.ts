// What a letter to one creditor must say about the others (issue 10): every debt the writer
// has, with what is offered to each (the statement is signed as complete); the shared
// monthly capacity, this creditor's share and whether every offer fits its share and all
// of them together the whole; where the negotiation stands (an application pending is not
// a negotiation that failed); an oral agreement to confirm; the user's own requests to
// stop; and the amounts the creditor side claimed beyond the ledger. Read from the case and
// the timeline; nothing here is printed unless the letter's model carries it.
import type { Db } from '../sqlite';
import type { CaseDoc } from '../../../shared/case/schema';
import { caseOwedOn, type OwedAccount } from '../../../shared/money/case-owed';
import { capacityChanges, capacityOn, checkOffers, splitCapacity, type ShareInput } from '../../../shared/money/capacity';
import { steppedSchedule } from '../../../shared/money/plan-steps';
import { extractClaims } from '../../../shared/collection-claims';
import { Money, ZERO, dec, formatMoney, type Decimal } from '../../../shared/money/decimal';
import type { DebtRow } from '../../../shared/pdf/model';
import type { PackageDraftModel } from '../../../shared/contracts/package';
import { addDays, beijingDate, compareDates, parseIsoTime } from '../../../shared/time/beijing';
import type { Round } from '../../../shared/case/schema-after';
import { answerWindow } from '../../../shared/timeline/agenda';

type Plan = CaseDoc['plans'][number];

export function planSchedule(plan: Plan): { n: number; date: string; amount: string }[] {
  return steppedSchedule(new Money(plan.total), plan.installments, plan.firstDate, plan.step ?? null).map((r) => ({ n: r.n, date: r.date, amount: r.amount }));
}

const owedAccount = (a: CaseDoc['accounts'][number]): OwedAccount => ({
  id: a.id,
  principal: a.principal,
  interest: a.interest,
  fees: a.fees,
  contractDate: a.contractDate,
  penalty: a.penalty,
  overdueConvention: a.overdueConvention,
});

/** The legal name each account is owed to: a letter speaks to a legal entity (花呗 and 借呗 can be one). */
function lenderOf(doc: CaseDoc, accountId: string): string | undefined {
  const a = doc.accounts.find((x) => x.id === accountId);
  return doc.creditors.find((c) => c.id === a?.creditorId)?.legalName;
}

/** The offer made to each legal name: the last plan with role 'offer' whose accounts are all with it. */
function offersByLender(doc: CaseDoc, chosen: Plan | null, lender: string): Map<string, Plan> {
  const out = new Map<string, Plan>();
  for (const p of doc.plans) {
    if (p.role !== 'offer') continue;
    const names = new Set(p.accountIds.map((id) => lenderOf(doc, id)));
    if (names.size !== 1) continue;
    out.set([...names][0]!, p);
  }
  if (chosen) out.set(lender, chosen);
  return out;
}

const largest = (schedule: readonly { amount: string }[]): Decimal => schedule.reduce((m, r) => (dec(r.amount).greaterThan(m) ? dec(r.amount) : m), ZERO);

export interface LetterFacts {
  debts: DebtRow[];
  capacity?: PackageDraftModel['capacity'];
  /** Plain Chinese, for the wizard and the CLI: offers that do not fit. */
  warnings: string[];
  /** For a mediation application only: an application to this creditor is still inside its answer window. */
  mediationWarning?: string;
  negotiationState?: string;
}

export function letterFacts(doc: CaseDoc, lender: string, chosen: Plan | null, date: string, rounds: readonly Round[] = []): LetterFacts {
  const lenders = [...new Set(doc.accounts.map((a) => lenderOf(doc, a.id)).filter((x): x is string => !!x))];
  const owedBy = new Map<string, Decimal>();
  const labelsBy = new Map<string, string[]>();
  for (const a of doc.accounts) {
    const name = lenderOf(doc, a.id);
    if (!name) continue;
    const owed = caseOwedOn([owedAccount(a)], date).total.total;
    owedBy.set(name, (owedBy.get(name) ?? ZERO).plus(owed));
    labelsBy.set(name, [...(labelsBy.get(name) ?? []), a.label]);
  }
  const offers = offersByLender(doc, chosen, lender);
  const schedules = new Map([...offers].map(([name, p]) => [name, planSchedule(p)]));
  // A creditor already agreed with is paid by its agreement's open installments: they count
  // against the capacity like an offer, and the statement says so — also for the addressee
  // when the letter offers it no new plan (it said "尚未提出方案" beside a signed agreement).
  const agreed = new Set<string>();
  for (const a of doc.agreements) {
    const name = doc.creditors.find((c) => c.id === a.creditorId)?.legalName;
    const open = a.installments.filter((i) => !i.paid).map((i) => ({ n: i.n, date: i.date, amount: i.amount }));
    if (!name || schedules.has(name) || open.length === 0) continue;
    schedules.set(name, open);
    agreed.add(name);
  }

  const debts: DebtRow[] = lenders.map((name) => {
    const s = schedules.get(name);
    return {
      creditor: name,
      label: (labelsBy.get(name) ?? []).join('、'),
      owed: formatMoney(owedBy.get(name) ?? ZERO),
      ...(s && s.length > 0 ? { monthly: formatMoney(largest(s)) } : {}),
      kind: name === lender ? 'this' : 'case',
      ...(agreed.has(name) ? { note: '已达成还款协议，按协议还款' } : s ? {} : { note: '尚未提出方案' }),
    };
  });
  debts.sort((a, b) => (a.kind === 'this' ? -1 : b.kind === 'this' ? 1 : 0));
  for (const d of doc.finances.debts) {
    debts.push({
      creditor: d.creditor,
      label: d.note.slice(0, 100),
      owed: d.owed,
      monthly: d.monthly,
      kind: d.priority ? 'priority' : d.family ? 'family' : 'other',
    });
  }

  const f = doc.finances;
  const warnings: string[] = [];
  let capacity: LetterFacts['capacity'];
  if (f.income.length > 0) {
    const shares: ShareInput[] = lenders.map((name) => {
      const fixed = doc.creditors.filter((c) => c.legalName === name && c.capacityShare).map((c) => c.capacityShare!);
      return { id: name, owed: formatMoney(owedBy.get(name) ?? ZERO), fixed: fixed.length > 0 ? formatMoney(fixed.reduce((s, x) => s.plus(x), ZERO)) : null };
    });
    const check = checkOffers(
      f,
      shares,
      [...schedules].map(([name, schedule]) => ({ creditorId: name, name, schedule })),
    );
    warnings.push(...check.warnings);
    const whole = capacityOn(f, date);
    const changes = capacityChanges(f)
      .filter((d) => d > date)
      .slice(0, 24)
      .map((from) => {
        const ended = f.income.filter((r) => r.until && r.until < from && r.until >= prevDay(from)).map((r) => `${r.label}结束`);
        const started = f.income.filter((r) => r.from === from).map((r) => `${r.label}开始`);
        const why = [...ended, ...started].join('，');
        return { from, monthly: formatMoney(capacityOn(f, from)), ...(why ? { why } : {}) };
      });
    capacity = {
      monthly: formatMoney(whole),
      share: formatMoney(splitCapacity(whole, shares).get(lender) ?? ZERO),
      basis: shares.find((s) => s.id === lender)?.fixed ? 'fixed' : 'pro-rata',
      withinShare: !check.overShare.includes(lender),
      withinWhole: check.withinWhole,
      changes,
    };
  }
  const state = negotiationState(doc, lender, rounds, date);
  return {
    debts,
    ...(capacity ? { capacity } : {}),
    warnings,
    ...(state.text ? { negotiationState: state.text } : {}),
    ...(state.warning ? { mediationWarning: state.warning } : {}),
  };
}

function prevDay(ymd: string): string {
  return addDays(ymd, -1);
}

const cnDate = (ymd: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : ymd;
};

/**
 * The true state of the negotiation with this creditor, from the record (an agreement, else
 * the latest application sent and its answer), as a mediator needs it: never "negotiation
 * failed" while an application is pending. A pending application still inside its answer
 * window also gives the wizard a warning: mediation usually comes after that window.
 */
export function negotiationState(doc: CaseDoc, lender: string, rounds: readonly Round[], date: string): { text?: string; warning?: string } {
  const ids = new Set(doc.creditors.filter((c) => c.legalName === lender).map((c) => c.id));
  const agreement = doc.agreements.find((a) => a.creditorId !== null && ids.has(a.creditorId));
  if (agreement) return { text: `双方已于${cnDate(agreement.signedOn)}签订还款协议，现因履行困难申请调解` };
  const latest = rounds
    .filter((r) => ids.has(r.creditorId) && compareDates(r.sentOn, date) <= 0)
    .sort((a, b) => compareDates(a.sentOn, b.sentOn) || a.createdAt.localeCompare(b.createdAt))
    .at(-1);
  if (!latest) return {};
  const sent = `申请人已于${cnDate(latest.sentOn)}向被申请人提交协商还款申请`;
  const on = latest.outcomeOn ? cnDate(latest.outcomeOn) : '';
  switch (latest.outcome) {
    case 'pending': {
      const end = answerWindow(latest.sentOn).end;
      if (end && compareDates(date, end) <= 0) {
        return {
          text: `${sent}，被申请人尚未答复（按 15 个工作日估算，答复期至${cnDate(end)}）`,
          warning: `向${lender}的协商申请（${latest.sentOn} 寄出）仍在答复期内（至 ${end}）。调解申请会如实写明“尚未答复”；一般应先等答复、电话跟进或按对方要求补充材料，答复期过后仍无结果再申请调解。`,
        };
      }
      return { text: `${sent}，截至${cnDate(date)}未得到答复` };
    }
    case 'accepted':
      return { text: `${sent}，被申请人于${on}${latest.oral ? '口头' : ''}表示同意${latest.oral ? '，但尚未书面确认' : ''}` };
    case 'counter_offer':
      return { text: `${sent}，被申请人于${on}提出了不同的还款方案，双方尚未达成一致` };
    case 'refused':
      return { text: `${sent}，被申请人于${on}答复不同意` };
    case 'no_answer':
      return { text: `${sent}，被申请人未予答复` };
  }
}

/** Contacts the letter may cite for claims and stop requests (the rows the letter already speaks of). */
export interface TimelineRow {
  id: string;
  at: string;
  channel: string;
  direction: string;
  counterparty: string;
  summary: string;
}

/** The user's own requests to stop (outgoing, asking not to call or not to contact family). */
export function isStopRequest(r: { direction: string; summary: string }): boolean {
  return r.direction === 'outgoing' && /不要|别再|停止|请勿/.test(r.summary) && /联系|打电话|来电|催收|家人|同事|夜间/.test(r.summary);
}

export function stopRequests(rows: readonly TimelineRow[]): { at: string; summary: string }[] {
  return rows.filter(isStopRequest).map((r) => ({ at: r.at, summary: r.summary.slice(0, 300) }));
}

/** Incoming messages whose claimed amount or overdue days exceed the ledger for the letter's accounts on that day. */
export function claimsAboveLedger(
  db: Db,
  rows: readonly TimelineRow[],
  accounts: readonly CaseDoc['accounts'][number][],
  linked: (contactId: string) => string[],
): NonNullable<PackageDraftModel['claims']> {
  if (accounts.length === 0) return [];
  const out: NonNullable<PackageDraftModel['claims']> = [];
  for (const r of rows) {
    if (r.direction !== 'incoming') continue;
    const body = (db.prepare('SELECT body FROM contacts WHERE id = ?').get(r.id) as { body: string | null } | undefined)?.body || r.summary;
    const claims = extractClaims(body);
    if (claims.amountOwed === undefined && claims.overdueDays === undefined) continue;
    const day = beijingDay(r.at);
    if (!day) continue;
    let ours;
    try {
      ours = caseOwedOn(accounts.map(owedAccount), day);
    } catch {
      continue;
    }
    const amountOver = claims.amountOwed !== undefined && dec(claims.amountOwed).greaterThan(ours.total.total);
    const daysOver = claims.overdueDays !== undefined && claims.overdueDays > ours.maxOverdueDays;
    if (!amountOver && !daysOver) continue;
    out.push({
      date: day,
      source: r.counterparty || '催收方',
      ...(amountOver ? { claimedAmount: claims.amountOwed!, ourAmount: ours.total.total } : {}),
      ...(daysOver ? { claimedDays: claims.overdueDays!, ourDays: ours.maxOverdueDays } : {}),
      evidenceIds: linked(r.id),
    });
  }
  return out.slice(0, 200);
}

function beijingDay(at: string): string | undefined {
  const ms = parseIsoTime(at);
  if (ms === null) return /^\d{4}-\d{2}-\d{2}/.exec(at)?.[0];
  return beijingDate(ms);
}
