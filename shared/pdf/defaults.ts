// The standard wording the letter uses where the user wrote nothing of their own. Kept
// apart from the typesetting (no pdf-lib here) so the wizard can show it pre-filled in
// its text boxes, and what the user sees is exactly what would be printed.
import { daxie } from '../money/daxie';
import { dateCN, sum, yuan } from './format';
import type { Template } from './model';

/** The parts of the model the default wording depends on. */
export interface WordingInput {
  template: Template;
  creditor: { name: string };
  accounts: readonly { label: string }[];
  proposal?: { schedule: readonly { date: string; amount: string }[] } | undefined;
}

export function accountsPhrase(m: Pick<WordingInput, 'accounts'>): string {
  const labels = m.accounts.map((a) => a.label).filter((s) => s.trim() !== '');
  return labels.length > 0 ? labels.join('、') : '借款';
}

export function defaultWaiverRequest(template: Template): string {
  return template === 'waiver'
    ? '恳请贵司考虑本人的实际困难：自本申请之日起停止计收逾期罚息和违约金，并减免已经产生的罚息、违约金及相关费用；本人按下述方案归还本金及贵司同意保留的部分。'
    : '恳请贵司在本人按方案履约期间停止计收逾期罚息和违约金，并视本人的困难情况减免已经产生的罚息、违约金及相关费用。';
}

export function defaultProposalSummary(m: Pick<WordingInput, 'proposal'>): string {
  const schedule = m.proposal?.schedule ?? [];
  if (schedule.length === 0) return '本人将在贵司同意后，按双方书面确认的方案还款。';
  const planTotal = sum(schedule.map((r) => r.amount));
  return `本人计划自${dateCN(schedule[0]!.date)}起分 ${schedule.length} 期还款，首期 ${yuan(schedule[0]!.amount)}，合计 ${yuan(planTotal)}（人民币${daxie(planTotal)}）。每期金额均在本人的还款能力之内，具体如下：`;
}

export const DEFAULT_PROMISE =
  '本人承诺：本申请所述情况及所附材料均真实、完整；方案经贵司同意后，本人将严格按约定的日期和金额还款，如情况发生变化，将提前主动与贵司联系；在欠款结清之前不再申请新的借款或信用卡。';

export function defaultMediationRequests(m: Pick<WordingInput, 'accounts'>): string[] {
  return [
    `请求依法调解申请人与被申请人之间因${accountsPhrase(m)}逾期产生的纠纷，核实申请人实际欠款金额。`,
    '请求依照申请人的实际还款能力，按下文方案达成分期还款协议，并减免逾期罚息、违约金及相关费用。',
    '调解协议达成后，双方可依法申请司法确认。',
  ];
}

export function defaultComplaintRequests(m: Pick<WordingInput, 'creditor'>): string[] {
  return [
    `请责令${m.creditor.name}及其委托的催收机构立即停止下述违规催收行为。`,
    '请督促其核实并书面告知本人的实际欠款金额及构成，依法处理本人的协商还款申请。',
    '请将调查和处理结果书面告知投诉人。',
  ];
}

/** The requests list a complaint or mediation prints when the user gave none; null for letters without one. */
export function defaultRequests(m: WordingInput): string[] | null {
  if (m.template === 'mediation') return defaultMediationRequests(m);
  if (m.template === 'complaint') return defaultComplaintRequests(m);
  return null;
}

/** Who a letter is addressed to when the user named no one: the regulator, a mediator, or the creditor. */
export function defaultRecipientName(template: Template, creditorName: string): string {
  if (template === 'complaint') return '国家金融监督管理总局（12378 银行保险消费者投诉维权热线）';
  if (template === 'mediation') return '人民调解委员会 / 人民法院在线调解平台';
  return creditorName;
}
