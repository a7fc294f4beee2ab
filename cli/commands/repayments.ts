// `repayments`, `pay`, `agenda`, `calendar export` (docs/cli.md). run() returns exactly the
// --json document; human() renders it for people.
import path from 'node:path';
import type { Command, CommandContext } from '../framework';
import { Vault } from '../../main/vault/vault';
import { UsageError } from '../../shared/errors';
import { parseDate, todayBeijing } from '../../shared/time/beijing';
import { cliRepayments, pay, type PayResult } from '../../main/vault/repayments/service';
import { agendaIcs, cliAgenda, writeNewFile } from '../../main/vault/repayments/agenda-cli';
import type { CliAgendaItem } from '../../shared/repayments/agenda-export';

type RepaymentsDoc = ReturnType<typeof cliRepayments>;

const STATUS_ZH: Record<string, string> = { paid: '已还清', partial: '部分已还', due: '即将到期', late: '已逾期', upcoming: '未到期' };
const KIND_ZH: Record<string, string> = { installment: '还款', reminder: '还款提醒', answer_due: '等待答复', follow_up: '跟进' };

function days(ctx: CommandContext, fallback: number): number {
  const v = ctx.values.days;
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\d{1,4}$/.test(v) || Number(v) < 1 || Number(v) > 3660) throw new UsageError('--days 应为 1–3660 的整数');
  return Number(v);
}

/** Read-only when `readonly`; otherwise opened for writing so an older vault is brought up to date first. */
function readVault<T>(ctx: CommandContext, fn: (vault: Vault) => T, readonly = true): T {
  const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli', readonly });
  try {
    return fn(vault);
  } finally {
    vault.close();
  }
}

export const repaymentsCommand: Command<RepaymentsDoc> = {
  name: 'repayments',
  usage: 'xieshang repayments [--agreement ID] [--vault PATH]',
  summary: '每份协议的还款计划和已记录的还款 / every agreement’s schedule and payments',
  options: { agreement: { type: 'string' } },
  run(ctx) {
    const id = ctx.values.agreement;
    return readVault(ctx, (vault) => cliRepayments(vault, typeof id === 'string' ? id : undefined, todayBeijing()), false);
  },
  human(doc) {
    if (doc.length === 0) return '还没有记录协议。';
    return doc
      .map((a) =>
        [
          `协议 ${a.agreementId}：总额 ${a.total}，已还 ${a.paid}，剩余 ${a.remaining}`,
          ...a.installments.map((i) => `  第 ${i.n} 期 ${i.due} ${i.amount}（已还 ${i.paid}）${STATUS_ZH[i.status] ?? i.status}${i.daysLate ? `，晚 ${i.daysLate} 天` : ''}`),
          ...a.payments.map((p) => `  还款 ${p.date} ${p.amount}${p.receiptId ? `，凭证 ${p.receiptId}` : ''}`),
        ].join('\n'),
      )
      .join('\n');
  },
};

export const payCommand: Command<PayResult> = {
  name: 'pay',
  usage: 'xieshang pay --agreement ID --amount A --date DATE [--receipt EVIDENCE_ID] [--note TEXT] [--vault PATH]',
  summary: '记录一笔还款（先还最早未还清的一期）/ record a payment',
  options: { agreement: { type: 'string' }, amount: { type: 'string' }, date: { type: 'string' }, receipt: { type: 'string' }, note: { type: 'string' } },
  run(ctx) {
    const agreementId = ctx.requireString('agreement');
    const amount = ctx.requireString('amount');
    const date = ctx.requireString('date');
    const receipt = ctx.values.receipt;
    const note = ctx.values.note;
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli' });
    try {
      return pay(vault, { agreementId, amount, date, receiptId: typeof receipt === 'string' && receipt !== '' ? receipt : null, note: typeof note === 'string' ? note : '' });
    } finally {
      vault.close();
    }
  },
  human: (r) => `已记录还款：${r.applied.map((a) => `第 ${a.n} 期 ${a.amount}`).join('，')}。协议剩余 ${r.remaining}。`,
};

export const agendaCommand: Command<CliAgendaItem[]> = {
  name: 'agenda',
  usage: 'xieshang agenda [--from DATE] [--days N] [--vault PATH]\n默认从今天起 90 天；已逾期未还的分期总是列出。Default: 90 days from today; late installments are always listed.',
  summary: '待办：分期还款、还款前的提醒、申请的答复期限、跟进 / what is due',
  options: { from: { type: 'string' }, days: { type: 'string' } },
  run(ctx) {
    const today = todayBeijing();
    const from = typeof ctx.values.from === 'string' ? parseDate(ctx.values.from, '--from') : today;
    const n = days(ctx, 90);
    return readVault(ctx, (vault) => cliAgenda(vault, from, n, today));
  },
  human(items) {
    if (items.length === 0) return '这段时间没有待办。';
    return items
      .map((i) => `${i.date}  ${KIND_ZH[i.kind] ?? i.kind}  ${i.title}${i.amount ? `  ${i.amount}` : ''}${i.status ? `  ${STATUS_ZH[i.status] ?? i.status}` : ''}`)
      .join('\n');
  },
};

export const calendarExportCommand: Command<{ out: string; events: number }> = {
  name: 'calendar export',
  usage:
    'xieshang calendar export --out FILE.ics [--from DATE] [--days N] [--details] [--vault PATH]\n默认从今天起 365 天；不加 --details 时日历里没有金额和名称。Default 365 days; without --details no amounts or names.',
  summary: '把待办导出为手机日历文件（.ics，含提醒）/ the agenda as iCalendar with alarms',
  options: { out: { type: 'string' }, from: { type: 'string' }, days: { type: 'string' }, details: { type: 'boolean' } },
  run(ctx) {
    const out = path.resolve(ctx.cwd, ctx.requireString('out'));
    const today = todayBeijing();
    const from = typeof ctx.values.from === 'string' ? parseDate(ctx.values.from, '--from') : today;
    const n = days(ctx, 365);
    const { text, events } = readVault(ctx, (vault) => agendaIcs(vault, { from, days: n, details: ctx.values.details === true, today }));
    writeNewFile(out, text);
    return { out, events };
  },
  human: (r) => `已导出 ${r.events} 个日历事件：${r.out}\n在手机上打开这个文件即可导入日历（含提醒）。`,
};

export const repaymentCommands = [repaymentsCommand, payCommand, agendaCommand, calendarExportCommand];
