// `xieshang calc penalty | plan | daxie | workdays` (docs/cli.md). Pure
// calculations: no vault, no passphrase. run() returns exactly the --json document.
import type { Command, CommandContext } from '../framework';
import { BadInputError, UsageError } from '../../shared/errors';
import { daysBetween, parseDate } from '../../shared/time/beijing';
import { formatMoney, formatMoneyGrouped, formatPercent, Money } from '../../shared/money/decimal';
import { parseAmount, parseCount, parseRate } from '../../shared/money/parse-amount';
import { MAX_PENALTY_DAYS, PENALTY_MODE_NAMES, computePenalty, isPenaltyMode, type PenaltyResult } from '../../shared/money/penalty';
import { MAX_INSTALLMENTS, makePlan, type PlanResult } from '../../shared/money/plan';
import { daxie } from '../../shared/money/daxie';
import { MAX_WORKDAYS, countWorkdays, useAddedHolidays } from '../../shared/calendar/workdays';
import { addedHolidaysSource } from '../../main/calendar/notice-store';
import { userDataDir } from '../../main/paths';

/** A string option if given; an empty value is a usage error, not "absent". */
function optional(ctx: CommandContext, name: string): string | undefined {
  const v = ctx.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} 需要一个值`);
  return v;
}

const money = (s: string) => `${formatMoneyGrouped(new Money(s))} 元`;

export const calcPenalty: Command<PenaltyResult> = {
  name: 'calc penalty',
  usage: 'calc penalty --principal P --daily-rate R (--days D | --from DATE --to DATE) [--mode simple|compound-daily] [--ceiling-annual C]',
  summary: '计算逾期罚息（单利或按日复利），可与年利率上限比较 / overdue penalty',
  options: {
    principal: { type: 'string' },
    'daily-rate': { type: 'string' },
    days: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    mode: { type: 'string' },
    'ceiling-annual': { type: 'string' },
  },
  run(ctx) {
    const principal = parseAmount(ctx.requireString('principal'), { label: '本金（--principal）' });
    const dailyRate = parseRate(ctx.requireString('daily-rate'), 'daily', '日利率（--daily-rate）');
    const daysText = optional(ctx, 'days');
    const from = optional(ctx, 'from');
    const to = optional(ctx, 'to');
    let days: number;
    if (daysText !== undefined) {
      if (from !== undefined || to !== undefined) throw new UsageError('--days 与 --from/--to 只能二选一');
      days = parseCount(daysText, { label: '天数（--days）', min: 0, max: MAX_PENALTY_DAYS });
    } else {
      if (from === undefined || to === undefined) throw new UsageError('需要 --days，或同时给出 --from 和 --to');
      days = daysBetween(parseDate(from, '--from'), parseDate(to, '--to'));
      if (days < 0) throw new BadInputError(`--to（${to}）早于 --from（${from}）`);
      if (days > MAX_PENALTY_DAYS) throw new BadInputError(`天数过长：${days} 天（上限 ${MAX_PENALTY_DAYS}）`);
    }
    const mode = optional(ctx, 'mode') ?? 'simple';
    if (!isPenaltyMode(mode)) throw new UsageError(`--mode 只能是 simple 或 compound-daily：${mode}`);
    const ceilingText = optional(ctx, 'ceiling-annual');
    return computePenalty({
      principal,
      dailyRate,
      days,
      mode,
      ...(ceilingText !== undefined ? { ceilingAnnual: parseRate(ceilingText, 'annual', '年利率上限（--ceiling-annual）') } : {}),
    });
  },
  human(r) {
    const lines = [
      `罚息：${money(r.penalty)}（${PENALTY_MODE_NAMES[r.mode]}，日利率 ${formatPercent(r.dailyRate)}，${r.days} 天）`,
      `本金加罚息：${money(r.total)}（本金 ${money(r.principal)}）`,
      `年化利率 ${formatPercent(r.annualizedRate)}；按日复利的实际年利率 ${formatPercent(new Money(r.effectiveAnnualRate))}`,
    ];
    if (r.ceilingAmount !== undefined) {
      lines.push(`按年利率上限计算：${money(r.ceilingAmount)}，罚息${r.exceedsCeiling ? '超过' : '未超过'}上限`);
    }
    return lines.join('\n');
  },
};

export const calcPlan: Command<PlanResult> = {
  name: 'calc plan',
  usage: 'calc plan --total T --installments N --first DATE [--capacity C]',
  summary: '按月等额分期还款计划 / an equal-installment monthly schedule',
  options: {
    total: { type: 'string' },
    installments: { type: 'string' },
    first: { type: 'string' },
    capacity: { type: 'string' },
  },
  run(ctx) {
    const total = parseAmount(ctx.requireString('total'), { label: '还款总额（--total）', allowZero: false });
    const installments = parseCount(ctx.requireString('installments'), {
      label: '分期数（--installments）',
      min: 1,
      max: MAX_INSTALLMENTS,
    });
    const first = parseDate(ctx.requireString('first'), '首期还款日（--first）');
    const capacityText = optional(ctx, 'capacity');
    return makePlan({
      total,
      installments,
      first,
      ...(capacityText !== undefined ? { capacity: parseAmount(capacityText, { label: '每月还款能力（--capacity）' }) } : {}),
    });
  },
  human(r) {
    const lines = [`分 ${r.installments.length} 期，合计 ${money(r.sum)}`];
    for (const i of r.installments) lines.push(`第 ${i.n} 期  ${i.date}  ${money(i.amount)}`);
    if (r.feasible !== undefined) {
      const min = r.minInstallments === null ? `${MAX_INSTALLMENTS} 期以内都超出每月能力` : `最少需要分 ${r.minInstallments} 期`;
      lines.push(`${r.feasible ? '每期都在还款能力之内' : '有的期数超出每月还款能力'}；${min}`);
    }
    return lines.join('\n');
  },
};

export interface DaxieResult {
  amount: string;
  daxie: string;
}

export const calcDaxie: Command<DaxieResult> = {
  name: 'calc daxie',
  usage: 'calc daxie AMOUNT',
  summary: '金额的中文大写（用于金融票据和书面申请）/ amount in Chinese capital numerals',
  positionals: [1, 1],
  run(ctx) {
    const raw = ctx.positionals[0];
    if (raw === undefined) throw new UsageError('缺少金额，例如：calc daxie 10000');
    const amount = parseAmount(raw, { label: '金额' });
    return { amount: formatMoney(amount), daxie: daxie(amount) };
  },
  human(r) {
    return r.daxie;
  },
};

export interface WorkdaysResult {
  from: string;
  add: number;
  date: string;
  provisional: boolean;
  assumption?: string;
}

export const calcWorkdays: Command<WorkdaysResult> = {
  name: 'calc workdays',
  usage: 'calc workdays --from DATE --add N [--strict]',
  summary: '推算 N 个工作日之后的日期（含法定节假日和调休）/ the date N mainland-China working days later',
  options: {
    from: { type: 'string' },
    add: { type: 'string' },
    strict: { type: 'boolean' },
  },
  run(ctx) {
    const from = parseDate(ctx.requireString('from'), '起始日期（--from）');
    const add = parseCount(ctx.requireString('add'), { label: '工作日天数（--add）', min: 0, max: MAX_WORKDAYS });
    // Years the person added with `calendar add-notice` count as published.
    useAddedHolidays(addedHolidaysSource(userDataDir(ctx.env)));
    const a = countWorkdays(from, add, { strict: ctx.values.strict === true });
    return { from, add, date: a.date, provisional: a.provisional, ...(a.assumption ? { assumption: a.assumption } : {}) };
  },
  human(r) {
    const line = `${r.from} 之后第 ${r.add} 个工作日：${r.date}`;
    return r.provisional ? `${line}（估算）\n${r.assumption ?? ''}` : line;
  },
};

export const calcCommands: Command[] = [calcPenalty, calcPlan, calcDaxie, calcWorkdays];
