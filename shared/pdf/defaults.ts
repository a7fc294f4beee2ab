// The standard wording the letter uses where the user wrote nothing of their own. Kept
// apart from the typesetting (no pdf-lib here) so the wizard can show it pre-filled in
// its text boxes, and what the user sees is exactly what would be printed. Every sentence
// speaks to the letter's reader in its own form of address (address.ts): 贵行 to a bank,
// 贵司 to a company, and names the creditor in the third person when a regulator or a
// mediator reads it.
import { daxie } from '../money/daxie';
import { dec } from '../money/decimal';
import { voiceOf, type VoiceInput } from './address';
import { sum, yuan } from './format';
import { dateCN } from '../time/beijing';
import type { Template } from './model';

/** The parts of the model the default wording depends on. */
export interface WordingInput extends VoiceInput {
  template: Template;
  creditor: VoiceInput['creditor'];
  accounts: readonly { label: string }[];
  proposal?: { schedule: readonly { date: string; amount: string }[] } | undefined;
  /** The shared capacity check: the letter says "within my means" only when both hold. */
  capacity?: { withinShare: boolean; withinWhole: boolean } | undefined;
}

export function accountsPhrase(m: Pick<WordingInput, 'accounts'>): string {
  const labels = m.accounts.map((a) => a.label).filter((s) => s.trim() !== '');
  return labels.length > 0 ? labels.join('、') : '借款';
}

/** True only when the offer fits this creditor's share and all offers together fit the whole capacity. */
export function withinMeans(m: Pick<WordingInput, 'capacity'>): boolean {
  return m.capacity !== undefined && m.capacity.withinShare && m.capacity.withinWhole;
}

export function defaultWaiverRequest(m: Pick<WordingInput, 'template' | 'creditor' | 'recipient'>): string {
  const v = voiceOf(m);
  const ask = v.toCreditor ? `恳请${v.you}` : `请求${v.creditor}`;
  return m.template === 'waiver'
    ? `${ask}考虑本人的实际困难：自本申请之日起停止计收逾期罚息和违约金，并减免已经产生的罚息、违约金及相关费用；本人按下述方案归还本金及${v.creditor}同意保留的部分。`
    : `${ask}在本人按方案履约期间停止计收逾期罚息和违约金，并视本人的困难情况减免已经产生的罚息、违约金及相关费用。`;
}

export function defaultProposalSummary(m: WordingInput): string {
  const v = voiceOf(m);
  const schedule = m.proposal?.schedule ?? [];
  if (schedule.length === 0) return `本人将在${v.creditor}同意后，按双方书面确认的方案还款。`;
  const planTotal = sum(schedule.map((r) => r.amount));
  // A step-up plan (lower first installments, then higher) is said as such.
  const first = schedule[0]!.amount;
  const run = schedule.findIndex((r) => r.amount !== first);
  const later = run > 0 ? schedule[run]!.amount : undefined;
  const shape =
    later !== undefined && run < schedule.length - 1 && dec(later).greaterThan(first)
      ? `前 ${run} 期每期 ${yuan(first)}，自第 ${run + 1} 期起每期约 ${yuan(later)}`
      : `首期 ${yuan(first)}`;
  const means = withinMeans(m) ? '每期金额均在本人的还款能力之内，且与本人对其他债权人的还款合计也不超过本人每月可用于还款的金额。' : '';
  return `本人计划自${dateCN(schedule[0]!.date)}起分 ${schedule.length} 期还款，${shape}，合计 ${yuan(planTotal)}（人民币${daxie(planTotal)}）。${means}具体如下：`;
}

export function defaultPromise(m: Pick<WordingInput, 'template' | 'creditor' | 'recipient'>): string {
  const v = voiceOf(m);
  return `本人承诺：本申请所述情况及所附材料均真实、完整；方案经${v.creditor}同意后，本人将严格按约定的日期和金额还款，如情况发生变化，将提前主动与${v.creditor}联系；在欠款结清之前不再申请新的借款或信用卡。`;
}

/** Kept for callers that show the promise of a letter to a company. */
export const DEFAULT_PROMISE = defaultPromise({ template: 'negotiation', creditor: { name: '', kind: 'company' } });

export function defaultMediationRequests(m: Pick<WordingInput, 'accounts'>): string[] {
  return [
    `请求依法调解申请人与被申请人之间因${accountsPhrase(m)}逾期产生的纠纷，核实申请人实际欠款金额。`,
    '请求依照申请人的实际还款能力，按下文方案达成分期还款协议，并减免逾期罚息、违约金及相关费用。',
    '调解协议达成后，双方可依法申请司法确认。',
  ];
}

export function defaultComplaintRequests(m: Pick<WordingInput, 'template' | 'creditor' | 'recipient'>): string[] {
  const v = voiceOf(m);
  if (v.toCreditor) {
    return [
      `请${v.you}立即停止下述违规催收行为，并要求${v.you}委托的催收机构一并停止。`,
      `请${v.you}核实并书面告知本人的实际欠款金额及构成，依法处理本人的协商还款申请。`,
      `请${v.you}在规定期限内将调查和处理结果书面告知本人；如未妥善处理，本人将向国家金融监督管理总局当地派出机构投诉（12378 热线）。`,
    ];
  }
  return [
    `请责令${m.creditor.name}及其委托的催收机构立即停止下述违规催收行为。`,
    '请督促其核实并书面告知本人的实际欠款金额及构成，依法处理本人的协商还款申请。',
    '请将调查和处理结果书面告知投诉人。',
  ];
}

export function defaultStopContactRequests(m: Pick<WordingInput, 'template' | 'creditor' | 'recipient'>): string[] {
  const v = voiceOf(m);
  return [
    `请${v.you}及${v.you}委托的催收机构立即停止联系本人以外的任何人（包括本人的家属、同事、朋友及通讯录中的联系人），不得向其透露本人的任何债务信息。`,
    '请不要在每日 22:00 至次日 08:00 之间以电话、短信或其他方式联系本人。',
    '今后请通过本函所列的联系电话或书面方式与本人联系，本人会接听并如实沟通还款事宜。',
    `如${v.you}已将本人的欠款委托外部机构催收，请将本函转告该机构并督促其遵守。`,
  ];
}

export function defaultStatementRequests(m: Pick<WordingInput, 'template' | 'creditor' | 'recipient'>): string[] {
  const v = voiceOf(m);
  return [
    `请${v.you}以书面形式（函件、电子邮件或短信）提供本人每个账户的逐项明细：本金，利息（利率及计息起止日），罚息（利率及起算日），违约金、滞纳金及其他费用（名目、收取日期、金额），以及本人已还款项和冲抵顺序。`,
    '请说明各项金额截至的日期，以及逾期天数的计算方法（自哪一天起算）。',
    '在收到明细并核对一致之前，本人暂不按催收方所称的金额付款；这不影响本人按双方书面确认的金额协商还款。',
  ];
}

/** The requests list a template prints when the user gave none; null for letters without one. */
export function defaultRequests(m: WordingInput): string[] | null {
  if (m.template === 'mediation') return defaultMediationRequests(m);
  if (m.template === 'complaint') return defaultComplaintRequests(m);
  if (m.template === 'stop-contact') return defaultStopContactRequests(m);
  if (m.template === 'statement-request') return defaultStatementRequests(m);
  return null;
}

/** The court's online mediation platform: a real addressee when no committee is named. */
export const COURT_PLATFORM = '人民法院在线服务平台（在线调解）';

/** Who a letter is addressed to when the user named no one: the creditor's complaint channel, the court's platform, or the creditor. */
export function defaultRecipientName(template: Template, creditorName: string): string {
  if (template === 'complaint') return `${creditorName} 消费者投诉受理部门`;
  if (template === 'mediation') return COURT_PLATFORM;
  return creditorName;
}
