// The letter itself, in the order of a real written application (domain.md §4): header and
// addressee → applicant → arrears per account (total also in 大写) → hardship → financial
// statement → proposal (schedule, waiver request, promise) → contact history → exhibit
// index → signature block. The complaint, the mediation application and the one-page call
// sheet are written by the same machinery. Calm, factual wording: the app never threatens,
// never promises outcomes, never asks for more than the user can pay.
import type { PDFPage } from '@cantoo/pdf-lib';
import { daxie } from '../money/daxie';
import { formatMoney, ZERO } from '../money/decimal';
import { beijingTime, dateCN, FLAG_RULES, flagLabel, maskId, sum, yuan } from './format';
import { GREY, MARGIN, type Anchor, type Cell, type Layout } from './layout';
import { TEMPLATE_TITLES, type PackageModel } from './model';
import { DEFAULT_PROMISE, accountsPhrase, defaultComplaintRequests, defaultMediationRequests, defaultProposalSummary, defaultRecipientName, defaultWaiverRequest } from './defaults';

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

function intro(m: PackageModel): string {
  const name = m.applicant.name;
  const acc = accountsPhrase(m);
  const asOf = dateCN(m.date);
  const card = m.accounts.some((a) => /信用卡|卡/.test(a.label));
  switch (m.template) {
    case 'waiver':
      return `本人${name}在贵司办理的${acc}因本人遭遇经济困难（详见下文）未能按期还款，截至${asOf}已经逾期。本人无意逃避债务，愿意归还欠款本金。现恳请贵司考虑本人的实际困难，停止计收并减免逾期期间产生的罚息、违约金及相关费用，本人将按下文方案还款。`;
    case 'installments':
      return `本人${name}在贵司办理的${acc}因本人遭遇经济困难（详见下文）未能按期还款，截至${asOf}已经逾期。本人有还款意愿，但目前的收入不足以一次性或按原约定还清。${card ? '根据《商业银行信用卡业务监督管理办法》第七十条关于个性化分期还款的规定，' : ''}现向贵司申请个性化分期还款，按本人实际还款能力分期归还，恳请贵司审核同意。`;
    case 'mediation':
      return `申请人${name}与被申请人${m.creditor.name}之间因${acc}逾期产生纠纷。申请人有还款意愿，但因经济困难无法按原约定还款，双方协商未能达成一致。现申请调解，请求在调解组织的主持下，依照申请人的实际还款能力达成还款协议。`;
    default:
      return `本人${name}在贵司办理的${acc}因本人遭遇经济困难（详见下文）未能按期还款，截至${asOf}已经逾期。本人无意逃避债务，愿意在自身能力范围内尽快清偿。现根据本人的实际收支情况，向贵司申请协商还款，恳请贵司审核以下情况并予以支持。`;
  }
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

  L.newPage();
  outline.push({ title, anchor: L.title(title) });

  // Header: addressee and date.
  const to = m.template === 'complaint' || m.template === 'mediation' ? defaultRecipient(m) : m.creditor.name;
  const dept = m.template === 'complaint' || m.template === 'mediation' ? m.recipient?.department : m.creditor.department;
  L.paragraph(`致：${to}${dept ? ` ${dept}` : ''}`, { indent: false, size: 11.5 });
  const addr = m.template === 'complaint' || m.template === 'mediation' ? m.recipient?.address : m.creditor.address;
  if (addr) L.paragraph(`地址：${addr}`, { indent: false, size: 9.5, color: GREY });
  L.paragraph(`日期：${dateCN(m.date)}`, { indent: false, size: 10.5, align: 'right' });
  L.gap(4);

  if (m.template === 'complaint') {
    writeComplaintBody(env, section);
  } else {
    L.paragraph(intro(m));
    L.gap(4);
    section(m.template === 'mediation' ? '申请人' : '申请人信息');
    applicantBlock(env);
    if (m.template === 'mediation') {
      section('被申请人');
      partyBlock(env, m.creditor);
      section('请求事项');
      numberedList(env, m.requests ?? defaultMediationRequests(m));
    }
    section(`欠款情况（截至${dateCN(m.date)}）`);
    arrearsBlock(env);
    section('逾期原因');
    hardshipBlock(env);
    if (m.finances) {
      section('收支情况（每月）');
      financesBlock(env);
    }
    section(m.template === 'waiver' ? '减免请求与还款方案' : '还款方案');
    proposalBlock(env);
    if (m.contacts.length > 0) {
      section('沟通记录');
      contactsBlock(env);
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
  if (p.department) rows.push(['部门', p.department]);
  if (p.address) rows.push(['地址', p.address]);
  if (p.phone) rows.push(['电话', p.phone]);
  env.layout.keyValues(rows);
}

function arrearsBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const t = totals(m);
  const rows: Cell[][] = m.accounts.map((a) => {
    const total = sum([a.principal, a.interest, a.penalty, a.fees]);
    const overdue = a.overdueSince ? `逾期自 ${a.overdueSince}` : a.overdueDays !== undefined ? `逾期 ${a.overdueDays} 天` : '';
    const label = [a.label, a.creditor, a.number ? `号码 ${a.number}` : '', overdue].filter(Boolean).join('\n');
    return [label, formatMoney(a.principal), formatMoney(a.interest), formatMoney(a.penalty), formatMoney(a.fees), formatMoney(total)];
  });
  if (m.accounts.length > 1) {
    rows.push(['合计', formatMoney(t.principal), formatMoney(t.interest), formatMoney(t.penalty), formatMoney(t.fees), formatMoney(t.total)]);
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
  L.paragraph(`欠款合计：人民币${daxie(t.total)}（¥${yuan(t.total).replace(' 元', '')}）。`, { indent: false, size: 11 });
  L.paragraph('以上金额单位为元，依据账单及本人核算，如与贵司记录不一致，恳请贵司提供每一项的明细。', { indent: false, size: 9, color: GREY });
}

function hardshipBlock(env: LetterEnv): void {
  const h = env.model.hardship;
  if (h.since) env.layout.paragraph(`困难开始时间：${dateCN(h.since)}${h.category ? `（${h.category}）` : ''}`, { indent: false, size: 10 });
  env.layout.paragraph(h.reason.trim());
}

function financesBlock(env: LetterEnv): void {
  const { layout: L } = env;
  const f = env.model.finances!;
  if (f.household) L.paragraph(`家庭情况：${f.household}`, { indent: false });
  const income = sum(f.income.map((r) => r.amount));
  const fixed = sum(f.fixedCosts.map((r) => r.amount));
  const flexible = sum(f.flexibleCosts.map((r) => r.amount));
  const priority = sum(f.priorityDebts.map((r) => r.amount));
  const available = income.minus(fixed).minus(flexible).minus(priority);
  const rows: Cell[][] = [];
  const group = (name: string, items: typeof f.income) => {
    for (const r of items) rows.push([name, r.label + (r.note ? `（${r.note}）` : ''), formatMoney(r.amount)]);
  };
  group('收入', f.income);
  group('固定支出', f.fixedCosts);
  group('弹性支出', f.flexibleCosts);
  group('优先债务', f.priorityDebts);
  rows.push(['小计', `收入 ${formatMoney(income)} − 固定支出 ${formatMoney(fixed)} − 弹性支出 ${formatMoney(flexible)}${priority.isZero() ? '' : ` − 优先债务 ${formatMoney(priority)}`}`, formatMoney(available)]);
  L.table(
    [
      { title: '类别', width: 16 },
      { title: '项目', width: 60 },
      { title: '每月金额（元）', width: 24, align: 'right' },
    ],
    rows,
  );
  L.paragraph(
    available.isNegative()
      ? `本人每月收入不足以支付必要开支，缺口 ${yuan(available.abs())}；目前能用于还款的钱来自亲友帮助或节省开支，见还款方案。`
      : `本人每月扣除必要开支后，最多可用于还款的金额为 ${yuan(available)}。`,
    { indent: false },
  );
  if (f.reference) {
    L.paragraph(`参考：${f.reference.label} ${yuan(f.reference.amount)}${f.reference.source ? `（来源：${f.reference.source}）` : ''}。`, {
      indent: false,
      size: 9,
      color: GREY,
    });
  }
}

function proposalBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  const p = m.proposal;
  const t = totals(m);
  const schedule = p?.schedule ?? [];
  const planTotal = sum(schedule.map((r) => r.amount));
  const waiver = p?.waiverRequest?.trim() || defaultWaiverRequest(m.template);
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
      schedule.map((r) => [`第 ${r.n} 期`, dateCN(r.date), formatMoney(r.amount), r.note ?? '']),
    );
    const diff = t.total.minus(planTotal);
    if (diff.greaterThan(ZERO)) {
      L.paragraph(`方案合计 ${yuan(planTotal)}，与上述欠款合计相差 ${yuan(diff)}（人民币${daxie(diff)}），恳请贵司予以减免。`, { indent: false });
    }
  }
  if (m.template !== 'waiver') L.paragraph(waiver);
  const promise = p?.promise?.trim() || DEFAULT_PROMISE;
  L.paragraph(promise);
  L.paragraph('恳请贵司在审核后以书面形式（函件、电子邮件或短信）答复本人，并在答复中写明同意的还款金额、期数、每期日期及减免内容。', {});
}

function contactsBlock(env: LetterEnv): void {
  const { layout: L, model: m } = env;
  L.table(
    [
      { title: '时间（北京时间）', width: 19 },
      { title: '方式', width: 10 },
      { title: '对方', width: 15 },
      { title: '内容', width: 38 },
      { title: '约定 / 跟进', width: 18 },
    ],
    m.contacts.map((c) => [
      beijingTime(c.at),
      c.direction ? `${c.channel}\n${c.direction === 'outgoing' ? '我方→' : '←对方'}` : c.channel,
      c.counterparty,
      c.exhibits?.length ? `${c.summary}（证据 ${c.exhibits.join('、')}）` : c.summary,
      [c.promised, c.followUp ? `跟进 ${c.followUp}` : ''].filter(Boolean).join('；'),
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
      { title: '日期', width: 13 },
      { title: '页码', width: 13 },
      { title: 'SHA-256（原件）', width: 29, size: 6.4 },
    ],
    sorted.map((e) => [
      String(e.n),
      e.title,
      e.category,
      e.date,
      { deferred: () => env.exhibitPages(e.n), link: () => env.exhibitAnchor(e.n) },
      e.sha256,
    ]),
    { size: 8.5 },
  );
  L.paragraph(
    '每份证据的原件均已完整保存：图片与 PDF 按原样放入本文件，录音等其他文件作为附件嵌入本文件，可用上表的 SHA-256 值核对未被改动。',
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
    L.paragraph('以上投诉属实，恳请受理。', { indent: true });
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

function writeComplaintBody(env: LetterEnv, section: (title: string) => void): void {
  const { layout: L, model: m } = env;
  L.paragraph(
    `投诉人${m.applicant.name}现就${m.creditor.name}（及其委托的催收机构）在催收过程中的违规行为提出投诉。投诉人并不否认欠款，愿意协商还款，但催收行为已严重影响本人及家人的正常生活。`,
  );
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
    L.table(
      [
        { title: '时间（北京时间）', width: 18 },
        { title: '方式 / 对方', width: 17 },
        { title: '问题', width: 20 },
        { title: '经过', width: 33 },
        { title: '证据', width: 12 },
      ],
      m.flaggedContacts.map((f) => [
        beijingTime(f.at),
        `${f.channel}\n${f.counterparty}`,
        f.flags.map(flagLabel).join('；'),
        f.summary,
        f.exhibits.map((x) => `证据 ${x}`).join('、'),
      ]),
      { size: 8.5 },
    );
    const flags = [...new Set(m.flaggedContacts.flatMap((f) => f.flags))].filter((f) => FLAG_RULES[f]);
    if (flags.length > 0) {
      L.paragraph('相关规定：', { indent: false });
      for (const f of flags) L.paragraph(`${flagLabel(f)}：${FLAG_RULES[f]}`, { indent: false, size: 9.5 });
    }
  }
  if (m.accounts.length > 0) {
    section(`欠款情况（截至${dateCN(m.date)}）`);
    arrearsBlock(env);
  }
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
  L.paragraph(`“您好，我是${m.applicant.name}${last4}，是${accountsPhrase(m)}的用户。我来电是想就逾期的欠款和贵司协商一个我能长期履行的还款方案。”`, small);
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
    '“如果贵司同意，请通过短信、电子邮件或书面协议确认：还款总额、期数、每期日期和金额、减免了哪些费用。我以书面确认为准，收到确认后按时还款。”如对方需要审核，问清楚多少个工作日内答复（通常 7—15 个工作日），并约定跟进日期。',
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
