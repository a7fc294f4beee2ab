// The letter itself, in the order of a real written application (domain.md §4): header and
// addressee → applicant → arrears per account (total also in 大写) → hardship → financial
// statement → proposal (schedule, waiver request, promise) → contact history → exhibit
// index → signature block. The complaint, the mediation application and the one-page call
// sheet are written by the same machinery. Calm, factual wording: the app never threatens,
// never promises outcomes, never asks for more than the user can pay.
import type { PDFPage } from '@cantoo/pdf-lib';
import { daxie } from '../money/daxie';
import { formatMoneyGrouped, ZERO } from '../money/decimal';
import { FLAG_RULES, flagLabel, maskId, sum, yuan } from './format';
import { beijingMinuteCN, dateCN } from '../time/beijing';
import { GREY, MARGIN, type Anchor, type Cell, type Layout } from './layout';
import { LETTER_TEMPLATES, TEMPLATE_TITLES, type PackageModel } from './model';
import { voiceOf } from './address';
import {
  accountsPhrase,
  defaultComplaintRequests,
  defaultMediationRequests,
  defaultPromise,
  defaultProposalSummary,
  defaultRecipientName,
  defaultStatementRequests,
  defaultStopContactRequests,
  defaultWaiverRequest,
} from './defaults';

export interface SignatureArt {
  draw(page: PDFPage, x: number, y: number, w: number, h: number): void;
  width: number;
  height: number;
}

export interface LetterEnv {
  layout: Layout;
  model: PackageModel;
  /** "第 12–15 页" for an exhibit, known only at the end (deferred). */
  exhibitPages: (n: number) => string;
  exhibitAnchor: (n: number) => Anchor | undefined;
  signatureArt?: SignatureArt;
}

export interface OutlineEntry {
  title: string;
  anchor: Anchor;
}

export interface LetterResult {
  outline: OutlineEntry[];
  /** The page of the signature block (the signature field's widget goes there). */
  signaturePage: PDFPage;
}

const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function numbering() {
  let i = 0;
  return (title: string) => `${NUMS[i++] ?? String(i)}、${title}`;
}

function totals(m: PackageModel) {
  const principal = sum(m.accounts.map((a) => a.principal));
  const interest = sum(m.accounts.map((a) => a.interest));
  const penalty = sum(m.accounts.map((a) => a.penalty));
  const fees = sum(m.accounts.map((a) => a.fees));
  const total = principal.plus(interest).plus(penalty).plus(fees);
  return { principal, interest, penalty, fees, total };
}

function defaultRecipient(m: PackageModel): string {
  return m.recipient?.name.trim() ? m.recipient.name : defaultRecipientName(m.template, m.creditor.name);
}

/** Days overdue as the creditor counts them, stated beside the date it started. */
function overdueText(a: PackageModel['accounts'][number]): string {
  if (a.overdueDays !== undefined && a.overdueRule) return `逾期 ${a.overdueDays} 天（${a.overdueRule}）`;
  if (a.overdueDays !== undefined && a.overdueSince) return `逾期 ${a.overdueDays} 天（自${dateCN(a.overdueSince)}起）`;
  if (a.overdueDays !== undefined) return `逾期 ${a.overdueDays} 天`;
  if (a.overdueSince) return `自${dateCN(a.overdueSince)}起逾期`;
  return '';
}

/** 账号 for a card or a 花呗-style account, 借据号 for a loan. */
function numberLabel(label: string): string {
  return /借呗|贷|借款|借据/.test(label) ? '借据号' : '账号';
}

function overduePhrase(m: PackageModel): string {
  const days = m.accounts.map((a) => a.overdueDays).filter((d): d is number => d !== undefined);
  if (days.length === 0) return `截至${dateCN(m.date)}已经逾期`;
  const max = Math.max(...days);
  return `截至${dateCN(m.date)}已经逾期${days.length > 1 ? '，最长' : ''} ${max} 天`;
}

function intro(m: PackageModel): string {
  const v = voiceOf(m);
  const name = m.applicant.name;
  const acc = accountsPhrase(m);
  const overdue = overduePhrase(m);
  const card = m.accounts.some((a) => /信用卡|卡/.test(a.label));
  switch (m.template) {
    case 'waiver':
      return `本人${name}在${v.you}办理的${acc}因本人遭遇经济困难（详见下文）未能按期还款，${overdue}。本人无意逃避债务，愿意归还欠款本金。现恳请${v.you}考虑本人的实际困难，停止计收并减免逾期期间产生的罚息、违约金及相关费用，本人将按下文方案还款。`;
    case 'installments':
      return `本人${name}在${v.you}办理的${acc}因本人遭遇经济困难（详见下文）未能按期还款，${overdue}。本人有还款意愿，但目前的收入不足以一次性或按原约定还清。${card ? '根据《商业银行信用卡业务监督管理办法》第七十条关于个性化分期还款的规定，' : ''}现向${v.you}申请个性化分期还款，按本人实际还款能力分期归还，恳请${v.you}审核同意。`;
    case 'mediation': {
      const state = m.negotiationState?.trim();
      return `申请人${name}与被申请人${m.creditor.name}之间因${acc}逾期产生纠纷。申请人有还款意愿，但因经济困难无法按原约定还款。${state ? `双方协商的情况：${state.replace(/[。.]$/, '')}。` : ''}现申请调解，请求在${v.you}的主持下，依照申请人的实际还款能力达成还款协议。`;
    }
    default:
      return `本人${name}在${v.you}办理的${acc}因本人遭遇经济困难（详见下文）未能按期还款，${overdue}。本人无意逃避债务，愿意在自身能力范围内尽快清偿。现根据本人的实际收支情况，向${v.you}申请协商还款，恳请${v.you}审核以下情况并予以支持。`;
  }
}

function header(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const third = m.template === 'complaint' || m.template === 'mediation';
  const to = third ? defaultRecipient(m) : m.creditor.name;
  const dept = third ? m.recipient?.department : m.creditor.department;
  L.paragraph(`致：${to}${dept ? ` ${dept}` : ''}`, { indent: false, size: 11.5 });
  const addr = third ? m.recipient?.address : m.creditor.address;
  if (addr) L.paragraph(`地址：${addr}`, { indent: false, size: 9.5, color: GREY });
  L.paragraph(`日期：${dateCN(m.date)}`, { indent: false, size: 10.5, align: 'right' });
  L.gap(4);
}

export function writeLetter(env: LetterEnv): LetterResult {
  const { layout: L, model: m } = env;
  if (m.template === 'callsheet') return writeCallSheet(env);
  const outline: OutlineEntry[] = [];
  const n = numbering();
  const section = (t: string) => {
    const numbered = n(t);
    outline.push({ title: numbered, anchor: L.heading(numbered) });
  };
  const title = m.metadata.title?.trim() || TEMPLATE_TITLES[m.template];

  if (m.summaryPage && LETTER_TEMPLATES.includes(m.template)) {
    L.newPage();
    outline.push({ title: '申请摘要', anchor: L.title('申请摘要', 18) });
    summaryPage(env);
  }

  L.newPage();
  outline.push({ title, anchor: L.title(title) });
  header(env);

  switch (m.template) {
    case 'complaint':
      writeComplaintBody(env, section);
      break;
    case 'stop-contact':
      writeStopContact(env, section);
      break;
    case 'statement-request':
      writeStatementRequest(env, section);
      break;
    case 'confirm-agreement':
      writeConfirmAgreement(env, section);
      break;
    default: {
      L.paragraph(intro(m));
      L.gap(4);
      section(m.template === 'mediation' ? '申请人' : '申请人信息');
      applicantBlock(env);
      if (m.template === 'mediation') {
        section('被申请人');
        respondentBlock(env);
        section('请求事项');
        numberedList(env, m.requests ?? defaultMediationRequests(m));
      }
      section(`欠款情况（截至${dateCN(m.date)}）`);
      arrearsBlock(env);
      if (m.claims.length > 0) claimsBlock(env);
      section('逾期原因');
      hardshipBlock(env);
      if (m.finances || m.debts.length > 0) {
        section('收支情况与全部债务（每月）');
        financesBlock(env);
      }
      section(m.template === 'waiver' ? '减免请求与还款方案' : '还款方案');
      proposalBlock(env);
      if (m.contacts.length > 0) {
        section('沟通记录');
        contactsBlock(env);
      }
    }
  }
  if (m.exhibits.length > 0) {
    section('证据清单');
    exhibitIndex(env);
  }
  const sig = signatureBlock(env);
  outline.push({ title: '签名', anchor: sig.anchor });
  return { outline, signaturePage: sig.page };
}

function numberedList(env: LetterEnv, items: string[]): void {
  items.forEach((item, i) => env.layout.paragraph(`${i + 1}. ${item}`, { indent: false }));
}

function applicantBlock(env: LetterEnv): void {
  const a = env.model.applicant;
  const rows: [string, string][] = [['姓名', a.name]];
  if (a.idNumber) rows.push(['身份证号', a.showFullIdNumber ? a.idNumber : maskId(a.idNumber)]);
  if (a.phone) rows.push(['联系电话', a.phone]);
  if (a.address) rows.push(['联系地址', a.address]);
  env.layout.keyValues(rows);
}

function partyBlock(env: LetterEnv, p: PackageModel['creditor']): void {
  const rows: [string, string][] = [['名称', p.name]];
  if (p.creditCode) rows.push(['统一社会信用代码', p.creditCode]);
  if (p.department) rows.push(['部门', p.department]);
  if (p.address) rows.push(['地址', p.address]);
  if (p.phone) rows.push(['电话', p.phone]);
  env.layout.keyValues(rows);
}

/** The respondent of a mediation: its legal name, and its 统一社会信用代码 (a line to fill in when unknown). */
function respondentBlock(env: LetterEnv): void {
  const p = env.model.creditor;
  const rows: [string, string][] = [
    ['名称', p.name],
    ['统一社会信用代码', p.creditCode?.trim() || '________________（可在国家企业信用信息公示系统查询后填写）'],
  ];
  if (p.address) rows.push(['住所地', p.address]);
  if (p.phone) rows.push(['联系电话', p.phone]);
  env.layout.keyValues(rows);
}

function arrearsBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const v = voiceOf(m);
  const t = totals(m);
  const rows: Cell[][] = m.accounts.map((a) => {
    const total = sum([a.principal, a.interest, a.penalty, a.fees]);
    const label = [a.label, a.creditor, a.number ? `${numberLabel(a.label)} ${a.number}` : '', overdueText(a)].filter(Boolean).join('\n');
    return [label, formatMoneyGrouped(a.principal), formatMoneyGrouped(a.interest), formatMoneyGrouped(a.penalty), formatMoneyGrouped(a.fees), formatMoneyGrouped(total)];
  });
  if (m.accounts.length > 1) {
    rows.push(['合计', formatMoneyGrouped(t.principal), formatMoneyGrouped(t.interest), formatMoneyGrouped(t.penalty), formatMoneyGrouped(t.fees), formatMoneyGrouped(t.total)]);
  }
  L.table(
    [
      { title: '账户', width: 30 },
      { title: '本金', width: 14, align: 'right' },
      { title: '利息', width: 13, align: 'right' },
      { title: '罚息', width: 13, align: 'right' },
      { title: '费用（违约金等）', width: 14, align: 'right' },
      { title: '合计', width: 16, align: 'right' },
    ],
    rows,
  );
  L.paragraph(`欠款合计：${yuan(t.total)}（人民币${daxie(t.total)}）。`, { indent: false, size: 11 });
  const ask = v.toCreditor ? `恳请${v.you}提供每一项的明细` : `请${v.creditor}提供每一项的明细`;
  const counted = m.accounts.some((x) => x.overdueRule) ? '逾期天数按各账户所注的算法计算' : '逾期天数自应还款日的次日起算';
  L.paragraph(`以上金额单位为元，依据账单及本人核算；${counted}。如与${v.toCreditor ? v.you : v.creditor}的记录不一致，${ask}。`, { indent: false, size: 9, color: GREY });
}

/** Figures the creditor side claimed beyond the ledger, with their dates and exhibits. */
function claimsBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  L.paragraph(`催收方在以下信息中所称的金额或逾期天数与本人依据账单核算的不一致，请${voiceOf(m).toCreditor ? voiceOf(m).you : voiceOf(m).creditor}逐项说明：`, { indent: false });
  L.table(
    [
      { title: '日期', width: 17 },
      { title: '发送方', width: 23 },
      { title: '对方所称', width: 20 },
      { title: '本人核算', width: 20 },
      { title: '证据', width: 20 },
    ],
    m.claims.map((c) => [
      dateCN(c.date),
      c.source,
      [c.claimedAmount ? yuan(c.claimedAmount) : '', c.claimedDays !== undefined ? `逾期 ${c.claimedDays} 天` : ''].filter(Boolean).join('\n'),
      [c.ourAmount ? yuan(c.ourAmount) : '', c.ourDays !== undefined ? `逾期 ${c.ourDays} 天` : ''].filter(Boolean).join('\n'),
      c.exhibits.map((x) => `证据 ${x}`).join('、'),
    ]),
    { size: 8.5 },
  );
}

function hardshipBlock(env: LetterEnv): void {
  const h = env.model.hardship;
  if (h.since) env.layout.paragraph(`困难开始时间：${dateCN(h.since)}${h.category ? `（${h.category}）` : ''}`, { indent: false, size: 10 });
  env.layout.paragraph(h.reason.trim());
}

const DEBT_KIND: Record<PackageModel['debts'][number]['kind'], string> = {
  this: '本函所涉',
  case: '其他债权机构',
  priority: '优先债务',
  family: '亲友借款',
  other: '其他债务',
};

function financesBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const f = m.finances;
  if (f) {
    if (f.household) L.paragraph(`家庭情况：${f.household}`, { indent: false });
    const income = sum(f.income.map((r) => r.amount));
    const fixed = sum(f.fixedCosts.map((r) => r.amount));
    const flexible = sum(f.flexibleCosts.map((r) => r.amount));
    const priority = sum(f.priorityDebts.map((r) => r.amount));
    const available = income.minus(fixed).minus(flexible).minus(priority);
    const rows: Cell[][] = [];
    const group = (name: string, items: typeof f.income) => {
      for (const r of items) rows.push([name, r.label + (r.note ? `（${r.note}）` : ''), formatMoneyGrouped(r.amount)]);
    };
    group('收入', f.income);
    group('固定支出', f.fixedCosts);
    group('日常生活支出', f.flexibleCosts);
    group('优先债务', f.priorityDebts);
    rows.push([
      '小计',
      `收入 ${formatMoneyGrouped(income)} − 固定支出 ${formatMoneyGrouped(fixed)} − 日常生活支出 ${formatMoneyGrouped(flexible)}${priority.isZero() ? '' : ` − 优先债务 ${formatMoneyGrouped(priority)}`}`,
      formatMoneyGrouped(available),
    ]);
    L.table(
      [
        { title: '类别', width: 16 },
        { title: '项目', width: 60 },
        { title: '每月金额（元）', width: 24, align: 'right' },
      ],
      rows,
    );
    if (available.isNegative()) {
      L.paragraph(`本人每月收入不足以支付必要开支，缺口 ${yuan(available.abs())}；目前能用于还款的钱来自亲友帮助或节省开支，见还款方案。`, { indent: false });
    }
    if (f.reference) {
      L.paragraph(`参考：${f.reference.label} ${yuan(f.reference.amount)}${f.reference.source ? `（来源：${f.reference.source}）` : ''}。`, {
        indent: false,
        size: 9,
        color: GREY,
      });
    }
  }
  if (m.debts.length > 0) {
    L.paragraph('本人的全部债务及每月还款安排如下（含向其他债权机构提出的方案和向亲友的借款）：', { indent: false });
    L.table(
      [
        { title: '类别', width: 16 },
        { title: '债权人 / 项目', width: 40 },
        { title: '欠款（元）', width: 20, align: 'right' },
        { title: '每月还款或拟还（元）', width: 24, align: 'right' },
      ],
      m.debts.map((d) => [
        DEBT_KIND[d.kind],
        [d.creditor, d.label].filter(Boolean).join(' ') + (d.note ? `（${d.note}）` : ''),
        formatMoneyGrouped(d.owed),
        d.monthly ? formatMoneyGrouped(d.monthly) : '—',
      ]),
      { size: 9 },
    );
  }
  capacityBlock(env);
}

/** The shared capacity: the whole, this creditor's share, and how it changes when an income ends. */
function capacityBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const c = m.capacity;
  if (!c) return;
  const v = voiceOf(m);
  const to = v.toCreditor ? v.you : v.creditor;
  L.paragraph(
    `本人每月扣除必要开支、优先债务和亲友借款的还款后，可用于偿还上述各债权机构的金额合计为 ${yuan(c.monthly)}；${c.basis === 'fixed' ? '经本人安排' : '按各机构欠款金额的比例'}，其中用于偿还${to}的为每月 ${yuan(c.share)}。`,
    { indent: false },
  );
  for (const ch of c.changes) {
    L.paragraph(`自${dateCN(ch.from)}起${ch.why ? `（${ch.why}）` : ''}，上述可用于还款的金额变为每月 ${yuan(ch.monthly)}。`, { indent: false, size: 10 });
  }
}

function proposalBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const v = voiceOf(m);
  const p = m.proposal;
  const t = totals(m);
  const schedule = p?.schedule ?? [];
  const planTotal = sum(schedule.map((r) => r.amount));
  const waiver = p?.waiverRequest?.trim() || defaultWaiverRequest(m);
  const summary = p?.summary?.trim() || defaultProposalSummary(m);
  if (m.template === 'waiver') {
    L.paragraph(waiver);
    L.paragraph(summary);
  } else {
    L.paragraph(summary);
  }
  if (schedule.length > 0) {
    L.table(
      [
        { title: '期数', width: 12, align: 'center' },
        { title: '还款日期', width: 26 },
        { title: '金额（元）', width: 24, align: 'right' },
        { title: '备注', width: 38 },
      ],
      schedule.map((r) => [`第 ${r.n} 期`, dateCN(r.date), formatMoneyGrouped(r.amount), r.note ?? '']),
    );
    // The total in 大写 whatever the summary says (a note of the user's own may not carry it).
    L.paragraph(`方案合计：${yuan(planTotal)}（人民币${daxie(planTotal)}），共 ${schedule.length} 期。`, { indent: false, size: 11 });
    const diff = t.total.minus(planTotal);
    if (diff.greaterThan(ZERO)) {
      L.paragraph(`方案合计与上述欠款合计相差 ${yuan(diff)}（人民币${daxie(diff)}），${v.toCreditor ? `恳请${v.you}` : `请求${v.creditor}`}予以减免。`, { indent: false });
    }
  }
  if (m.template !== 'waiver') L.paragraph(waiver);
  if (m.pauseCollection && v.toCreditor) {
    L.paragraph(`在${v.you}审核本申请期间，恳请暂停委外催收，并通知已受托的催收机构暂停联系本人及任何第三人；如需核实情况，请通过本申请所列的联系电话与本人联系，本人会如实配合。`);
  }
  const promise = p?.promise?.trim() || defaultPromise(m);
  L.paragraph(promise);
  if (v.toCreditor) {
    L.paragraph(`恳请${v.you}在审核后以书面形式（函件、电子邮件或短信）答复本人，并在答复中写明同意的还款金额、期数、每期日期及减免内容。`, {});
  }
}

function contactsBlock(env: LetterEnv, rows = env.model.contacts): void {
  const { layout: L } = env;
  L.table(
    [
      { title: '时间（北京时间）', width: 19 },
      { title: '方式', width: 10 },
      { title: '对方', width: 15 },
      { title: '内容', width: 38 },
      { title: '约定 / 跟进', width: 18 },
    ],
    rows.map((c) => [
      beijingMinuteCN(c.at),
      c.direction
        ? `${c.channel}
${c.direction === 'outgoing' ? '我方→' : '←对方'}`
        : c.channel,
      c.counterparty,
      c.exhibits?.length ? `${c.summary}（证据 ${c.exhibits.join('、')}）` : c.summary,
      [c.promised, c.followUp ? `跟进 ${dateCN(c.followUp)}` : ''].filter(Boolean).join('；'),
    ]),
    { size: 8.5 },
  );
}

function exhibitIndex(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const sorted = [...m.exhibits].sort((a, b) => a.n - b.n);
  L.table(
    [
      { title: '编号', width: 7, align: 'center' },
      { title: '名称', width: 27 },
      { title: '类别', width: 11 },
      { title: '形成日期', width: 13 },
      { title: '页码', width: 13 },
      { title: 'SHA-256（原件）', width: 29, size: 6.4 },
    ],
    sorted.map((e) => [String(e.n), e.title, e.category, e.date ? dateCN(e.date) : '', { deferred: () => env.exhibitPages(e.n), link: () => env.exhibitAnchor(e.n) }, e.sha256]),
    { size: 8.5 },
  );
  const listed = sorted.filter((e) => e.listOnly).map((e) => `证据 ${e.n}`);
  L.paragraph(
    `形成日期为截图、录音的拍摄或录制日期，或文件的出具日期。图片与 PDF 按原样放入本文件，录音等其他文件作为附件嵌入本文件${
      listed.length > 0 ? `；${listed.join('、')}文件较大，未嵌入，只列明名称、时长和 SHA-256，原件由申请人保存，可应要求提供` : ''
    }。可用上表的 SHA-256 值核对原件未被改动。`,
    { indent: false, size: 8.5, color: GREY },
  );
}

function signatureBlock(env: LetterEnv): { anchor: Anchor; page: PDFPage } {
  const { layout: L, model: m } = env;
  const sig = m.signature;
  const art = env.signatureArt;
  const artH = art ? Math.min(64, art.height) : 0;
  L.gap(10);
  L.ensure(150 + artH);
  const anchor = L.anchor();
  if (m.template !== 'complaint') {
    L.paragraph('此致', { indent: true });
    L.paragraph('敬礼！', { indent: false });
  } else {
    L.paragraph('以上所述均属实，恳请依法处理。', { indent: true });
  }
  L.gap(8);
  const x = MARGIN.left + L.width * 0.48;
  const w = L.width * 0.52;
  const role = m.template === 'complaint' ? '投诉人' : '申请人';
  L.paragraph(`${role}（签名）：`, { indent: false, x, width: w });
  if (art) {
    const scale = Math.min(1, 170 / art.width, 64 / art.height);
    const dw = art.width * scale;
    const dh = art.height * scale;
    L.ensure(dh + 4);
    art.draw(L.page, x + 8, L.y - dh, dw, dh);
    L.y -= dh + 4;
  } else {
    L.y -= 28;
  }
  L.paragraph(`姓名：${sig?.name ?? m.applicant.name}`, { indent: false, x, width: w });
  L.paragraph(`日期：${dateCN(sig?.date ?? m.date)}`, { indent: false, x, width: w });
  if (sig?.certificateFingerprint) {
    L.paragraph(`本文件附有${role}的数字签名（PKCS#7）。签名证书指纹（SHA-256）：${sig.certificateFingerprint}`, {
      indent: false,
      size: 7.5,
      color: GREY,
    });
  } else if (m.signing?.reserve) {
    L.paragraph(`本文件附有${role}的数字签名（PKCS#7）。`, { indent: false, size: 7.5, color: GREY });
  }
  return { anchor, page: L.page };
}

/** The standards a complaint or a stop-contact letter rests on (docs/domain.md; secondary sources marked). */
const COLLECTION_RULES = [
  '国家标准 GB/T 45251—2025《互联网金融 个人网络消费信贷 贷后催收风控指引》（2025 年 2 月 28 日发布并实施）：对贷后催收的时间、频次、对象和方式，对受托催收机构的管理及投诉处理提出要求。',
  '《银行保险机构消费者权益保护管理办法》（2023 年 3 月 1 日起施行）：要求银行保险机构规范催收行为、对受托催收的合作机构承担管理责任，不得以暴力、恐吓、侮辱、诽谤、骚扰等方式催收（据公开解读为第四十一条，以官方文本为准）。',
];

function flaggedTable(env: LetterEnv, rows: PackageModel['flaggedContacts']): void {
  env.layout.table(
    [
      { title: '时间（北京时间）', width: 18 },
      { title: '方式 / 对方', width: 17 },
      { title: '问题', width: 20 },
      { title: '经过', width: 33 },
      { title: '证据', width: 12 },
    ],
    rows.map((f) => [beijingMinuteCN(f.at), `${f.channel}\n${f.counterparty}`, f.flags.map(flagLabel).join('；'), f.summary, f.exhibits.map((x) => `证据 ${x}`).join('、')]),
    { size: 8.5 },
  );
}

function rulesFor(env: LetterEnv, flags: readonly string[]): void {
  const { layout: L } = env;
  L.paragraph('相关规定：', { indent: false });
  for (const f of flags) if (FLAG_RULES[f]) L.paragraph(`${flagLabel(f)}：${FLAG_RULES[f]}`, { indent: false, size: 9.5 });
  for (const r of COLLECTION_RULES) L.paragraph(r, { indent: false, size: 9.5 });
  L.paragraph('依法提起诉讼、经债务人同意的上门沟通等合法催收方式不在本函所指之列；本函所指的是上表所列的行为。', { indent: false, size: 9, color: GREY });
}

function stopRequestsBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  if (m.stopRequests.length === 0) return;
  L.paragraph('本人曾明确要求停止上述行为：', { indent: false });
  for (const r of m.stopRequests) L.paragraph(`${beijingMinuteCN(r.at)}：${r.summary}`, { indent: false, size: 9.5 });
  const last = m.stopRequests
    .map((r) => r.at)
    .sort()
    .at(-1)!;
  const after = m.flaggedContacts.filter((f) => f.at > last).length;
  if (after > 0) L.paragraph(`在本人最后一次提出要求之后，仍发生了上表所列的 ${after} 次联系。`, { indent: false });
}

function writeComplaintBody(env: LetterEnv, section: (title: string) => void): void {
  const { layout: L, model: m } = env;
  const v = voiceOf(m);
  const who = v.toCreditor ? `${v.you}（及${v.you}委托的催收机构）` : `${m.creditor.name}（及其委托的催收机构）`;
  L.paragraph(`投诉人${m.applicant.name}现就${who}在催收过程中的违规行为提出投诉。投诉人并不否认欠款，愿意协商还款，但下列催收行为已严重影响本人及家人的正常生活。`);
  section('投诉人');
  applicantBlock(env);
  section('被投诉机构');
  partyBlock(env, m.creditor);
  section('投诉请求');
  numberedList(env, m.requests ?? defaultComplaintRequests(m));
  section('事实与理由');
  if (m.facts?.trim()) L.paragraph(m.facts.trim());
  if (m.flaggedContacts.length > 0) {
    L.paragraph(`经本人逐条记录，以下 ${m.flaggedContacts.length} 次催收行为不符合催收规范，相应证据见证据清单：`, { indent: false });
    flaggedTable(env, m.flaggedContacts);
    stopRequestsBlock(env);
    rulesFor(env, [...new Set(m.flaggedContacts.flatMap((f) => f.flags))]);
  }
  if (m.claims.length > 0) claimsBlock(env);
  if (m.accounts.length > 0) {
    section(`欠款情况（截至${dateCN(m.date)}）`);
    arrearsBlock(env);
  }
}

function writeStopContact(env: LetterEnv, section: (title: string) => void): void {
  const { layout: L, model: m } = env;
  const v = voiceOf(m);
  const acc = m.accounts.length > 0 ? `在${v.you}办理的${accountsPhrase(m)}` : `与${v.you}之间的欠款`;
  L.paragraph(
    `本人${m.applicant.name}${acc}目前处于逾期状态。本人不否认欠款，愿意与${v.you}协商还款。但${v.you}或${v.you}委托的催收方近期联系了本人以外的人，或在夜间联系本人，已影响本人及家人的正常生活。现书面提出以下要求：`,
  );
  section('请求事项');
  numberedList(env, m.requests ?? defaultStopContactRequests(m));
  section('本人的联系方式');
  applicantBlock(env);
  const relevant = m.flaggedContacts.filter((f) => f.flags.some((x) => x === 'third_party' || x === 'night_contact'));
  if (relevant.length > 0) {
    section('已经发生的联系');
    L.paragraph(`以下 ${relevant.length} 次联系由本人逐条记录，证据见证据清单：`, { indent: false });
    flaggedTable(env, relevant);
    stopRequestsBlock(env);
    rulesFor(env, [...new Set(relevant.flatMap((f) => f.flags).filter((x) => x === 'third_party' || x === 'night_contact'))]);
  } else {
    section('依据');
    rulesFor(env, ['third_party', 'night_contact']);
  }
  L.paragraph(`请${v.you}在收到本函后书面回复处理结果。如上述行为继续发生，本人将向国家金融监督管理总局当地派出机构投诉（12378 热线），并保留依法维护自身权益的权利。`);
}

function writeStatementRequest(env: LetterEnv, section: (title: string) => void): void {
  const { layout: L, model: m } = env;
  const v = voiceOf(m);
  L.paragraph(
    `本人${m.applicant.name}在${v.you}办理的${accountsPhrase(m)}${overduePhrase(m)}。本人愿意还款，但对${m.claims.length > 0 ? '催收方所称的欠款金额' : '目前的欠款金额及其构成'}有疑问。为核对清楚、避免多付或错付，现申请${v.you}提供欠款的逐项明细。`,
  );
  section('申请人信息');
  applicantBlock(env);
  section('请求事项');
  numberedList(env, m.requests ?? defaultStatementRequests(m));
  section(`本人核算的欠款（截至${dateCN(m.date)}）`);
  arrearsBlock(env);
  if (m.claims.length > 0) {
    section('与本人核算不一致的金额');
    claimsBlock(env);
  }
  L.paragraph(`恳请${v.you}在收到本申请后尽快书面答复。收到明细后，本人将逐项核对，并按核对一致的金额与${v.you}协商还款。`);
}

function writeConfirmAgreement(env: LetterEnv, section: (title: string) => void): void {
  const { layout: L, model: m } = env;
  const v = voiceOf(m);
  const a = m.oralAgreement!;
  L.paragraph(
    `本人${m.applicant.name}于${beijingMinuteCN(a.at)}通过${a.channel}与${v.you}${a.counterparty ? `工作人员（${a.counterparty}）` : '工作人员'}就本人${accountsPhrase(m)}的逾期欠款进行了沟通，双方口头达成了还款约定。为免日后理解不一致，现将约定内容书面列明如下，恳请${v.you}书面确认。`,
  );
  section('申请人信息');
  applicantBlock(env);
  section('口头约定的内容');
  L.paragraph(a.terms.trim());
  const schedule = m.proposal?.schedule ?? [];
  if (schedule.length > 0) {
    L.table(
      [
        { title: '期数', width: 14, align: 'center' },
        { title: '还款日期', width: 30 },
        { title: '金额（元）', width: 26, align: 'right' },
        { title: '备注', width: 30 },
      ],
      schedule.map((r) => [`第 ${r.n} 期`, dateCN(r.date), formatMoneyGrouped(r.amount), r.note ?? '']),
    );
    const planTotal = sum(schedule.map((r) => r.amount));
    L.paragraph(`约定还款合计：${yuan(planTotal)}（人民币${daxie(planTotal)}），共 ${schedule.length} 期。`, { indent: false, size: 11 });
  }
  section(`欠款情况（截至${dateCN(m.date)}）`);
  arrearsBlock(env);
  section('请求确认');
  numberedList(env, [
    `请${v.you}以书面形式（函件、电子邮件或短信）确认上述约定，包括还款总额、期数、每期日期和金额、减免的罚息和费用，以及按约定还清后账户的处理方式。`,
    `如${v.you}的记录与上述内容有不同之处，请书面指出，以便本人及时核对。`,
    `在约定履行期间，请${v.you}及${v.you}委托的催收机构停止催收，并停止计收约定减免的罚息和费用。`,
  ]);
  L.paragraph(`本人将按上述约定按时还款，并只通过${v.you}的官方渠道还款。`);
}

/** One page on top of a negotiation package: who asks what of whom, in figures. */
function summaryPage(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const v = voiceOf(m);
  const t = totals(m);
  const schedule = m.proposal?.schedule ?? [];
  const planTotal = sum(schedule.map((r) => r.amount));
  const rows: [string, string][] = [
    ['申请人', m.applicant.name + (m.applicant.phone ? `（${m.applicant.phone}）` : '')],
    ['收件机构', m.creditor.name],
    ['申请事项', TEMPLATE_TITLES[m.template]],
    ['涉及账户', m.accounts.map((a) => [a.label, a.number ? `${numberLabel(a.label)} ${a.number}` : '', overdueText(a)].filter(Boolean).join('，')).join('；')],
    ['欠款合计', `${yuan(t.total)}（人民币${daxie(t.total)}），截至${dateCN(m.date)}`],
  ];
  if (schedule.length > 0) {
    rows.push(['还款方案', `自${dateCN(schedule[0]!.date)}起分 ${schedule.length} 期，合计 ${yuan(planTotal)}（人民币${daxie(planTotal)}）`]);
    const diff = t.total.minus(planTotal);
    if (diff.greaterThan(ZERO)) rows.push(['请求减免', `${yuan(diff)}（罚息、违约金及相关费用）`]);
  }
  if (m.capacity) rows.push(['每月可用于还款', `合计 ${yuan(m.capacity.monthly)}，其中用于${v.you} ${yuan(m.capacity.share)}`]);
  if (m.hardship.category || m.hardship.since) {
    rows.push(['困难原因', [m.hardship.category, m.hardship.since ? `自${dateCN(m.hardship.since)}起` : ''].filter(Boolean).join('，')]);
  }
  if (m.exhibits.length > 0) rows.push(['所附证据', `${m.exhibits.length} 份（清单见正文）`]);
  rows.push(['请求答复', `恳请${v.you}书面答复同意的金额、期数、每期日期及减免内容`]);
  L.keyValues(rows, { labelWidth: 90 });
  L.paragraph('本页为正文的摘要，具体内容以后附申请书及证据为准。', { indent: false, size: 9, color: GREY });
}

function writeCallSheet(env: LetterEnv): LetterResult {
  const { layout: L, model: m } = env;
  const outline: OutlineEntry[] = [];
  const t = totals(m);
  const f = m.finances;
  const available = f
    ? sum(f.income.map((r) => r.amount))
        .minus(sum(f.fixedCosts.map((r) => r.amount)))
        .minus(sum(f.flexibleCosts.map((r) => r.amount)))
        .minus(sum(f.priorityDebts.map((r) => r.amount)))
    : undefined;
  const schedule = m.proposal?.schedule ?? [];
  const small = { indent: false, size: 9.5, lineHeight: 1.55 } as const;
  L.newPage();
  outline.push({ title: '电话协商要点', anchor: L.title(m.metadata.title?.trim() || `电话协商要点 — ${m.creditor.name}`, 16) });
  L.paragraph(`自用提纲，不寄出。通话前开启录音，备好身份证、账单、纸笔。日期：${dateCN(m.date)}`, { ...small, color: GREY });
  const h = (s: string) => outline.push({ title: s, anchor: L.heading(s, 11.5, 40) });
  h('1. 开场（冷静、礼貌）');
  const last4 = m.applicant.idNumber ? `，身份证后四位 ${m.applicant.idNumber.trim().slice(-4)}` : '';
  L.paragraph(`“您好，我是${m.applicant.name}${last4}，是${accountsPhrase(m)}的用户。我来电是想就逾期的欠款和你们协商一个我能长期履行的还款方案。”`, small);
  h('2. 如实说明原因');
  const reason = m.hardship.reason.trim().replace(/\s+/g, ' ');
  L.paragraph(`“${reason.length > 160 ? `${reason.slice(0, 160)}……` : reason}我不是不还，是现在确实还不上原来的金额。”`, small);
  h('3. 先核对金额');
  L.paragraph(
    `“截至${dateCN(m.date)}，我核算的欠款是：本金 ${yuan(t.principal)}，利息 ${yuan(t.interest)}，罚息 ${yuan(t.penalty)}，费用 ${yuan(t.fees)}，合计 ${yuan(t.total)}。请您核对系统里的金额，如果不一致，请说明每一项是怎么来的。”`,
    small,
  );
  h('4. 提出具体方案');
  const plan =
    schedule.length > 1
      ? `我的方案是分 ${schedule.length} 期还款：第一期${dateCN(schedule[0]!.date)}还 ${yuan(schedule[0]!.amount)}，之后每期约 ${yuan(schedule[1]!.amount)}，最后一期${dateCN(schedule[schedule.length - 1]!.date)}，合计 ${yuan(sum(schedule.map((r) => r.amount)))}。`
      : schedule.length === 1
        ? `我可以在${dateCN(schedule[0]!.date)}一次还 ${yuan(schedule[0]!.amount)}。`
        : '我希望按每月固定金额分期归还。';
  L.paragraph(
    `“${available && !available.isNegative() ? `我每月扣除必要开支后，最多能拿出 ${yuan(available)} 还款。` : ''}${plan}同时请求在我按方案还款期间停止计收罚息，并减免已经产生的罚息和违约金。”`,
    small,
  );
  h('5. 要求书面确认');
  L.paragraph(
    '“如果你们同意，请通过短信、电子邮件或书面协议确认：还款总额、期数、每期日期和金额、减免了哪些费用。我以书面确认为准，收到确认后按时还款。”如对方需要审核，问清楚多少个工作日内答复（通常 7—15 个工作日），并约定跟进日期。',
    small,
  );
  h('6. 记录');
  L.paragraph('对方姓名 / 工号：______________　通话时间：______________　跟进日期：______________', small);
  L.paragraph('对方答复要点：____________________________________________________________', small);
  h('7. 提醒自己');
  for (const s of [
    '不承诺超出能力的金额：方案宁可期数多、每期少，也不要再次逾期。',
    '只向官方渠道还款，绝不转账到个人账户；不找收费的“债务优化”“代理协商”。',
    '对方威胁、辱骂或冒充公检法时，保持冷静、记录时间和内容，可向 12378 或中国互联网金融协会投诉。',
  ]) {
    L.paragraph(`· ${s}`, small);
  }
  return { outline, signaturePage: L.page };
}
