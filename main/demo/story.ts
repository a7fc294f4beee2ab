// The demo case: a fictional person, written for this project (no real person, no copied
// text). Everything the demo vault holds is generated from this file. Collection agencies
// and the bank are invented names marked 虚构; the Ant entity is the real creditor of 花呗/借呗
// (domain.md §1) but every event here is fiction.

export const DEMO_PASSPHRASE = 'demo-passphrase';

export const applicant = {
  name: '周晓雯',
  idNumber: '510104199203150028',
  phone: '13800001234',
  address: '四川省成都市锦江区示例街 18 号 3 栋 2 单元 501',
};

export const hardship = {
  category: 'unemployment' as const,
  since: '2026-03-31',
  text:
    '我原在成都一家连锁餐饮公司做店长，2026 年 3 月公司关闭门店，我被裁员。此后我一直在找工作，' +
    '目前靠失业保险金和临时兼职维持生活，还要独自抚养 6 岁的女儿。收入骤降导致花呗、借呗和信用卡无法按期还款。' +
    '我不是不想还，而是希望按自己真实的能力，分期把本金还清。',
};

export const creditors = [
  { key: 'ant', legalName: '重庆蚂蚁消费金融有限公司', product: 'huabei' as const, hotline: '95188', capacityShare: '690.00' },
  { key: 'bank', legalName: '蜀信银行信用卡中心（虚构）', product: 'credit_card' as const, hotline: '4008001234', capacityShare: '231.00' },
];

export const accounts = [
  { key: 'huabei', creditor: 'ant', product: 'huabei' as const, number: '花呗账户 138****1234', principal: '8620.00', interest: '0.00', fees: '0.00', overdueSince: '2026-05-10' },
  { key: 'jiebei', creditor: 'ant', product: 'jiebei' as const, number: 'JB20250318000123', principal: '30000.00', interest: '1260.00', fees: '0.00', overdueSince: '2026-04-15' },
  {
    key: 'card',
    creditor: 'bank',
    product: 'credit_card' as const,
    number: '6259 **** **** 4821',
    principal: '12450.00',
    interest: '980.00',
    fees: '150.00',
    overdueSince: '2026-06-05',
  },
];

/** Monthly figures (元), in the shape of the financial statement. */
export const finances = {
  household: { adults: 1, dependants: 1, housing: '租房', employment: '失业（领取失业保险金），临时兼职' },
  income: [
    { label: '失业保险金', amount: '1850.00' },
    { label: '临时兼职（餐厅帮工）', amount: '2400.00' },
  ],
  fixedCosts: [
    { label: '房租', amount: '1400.00' },
    { label: '水电燃气', amount: '180.00' },
    { label: '手机和网络', amount: '79.00' },
  ],
  flexibleCosts: [
    { label: '伙食', amount: '1000.00' },
    { label: '孩子上学和托管', amount: '450.00' },
    { label: '交通', amount: '120.00' },
  ],
  priorityDebts: [] as { label: string; amount: string }[],
};

/** A chat as the user saw it; screenshots are windows of it, as people scroll and capture. */
export interface ChatLine {
  who: 'me' | 'them' | 'time';
  text: string;
}
export interface Conversation {
  key: string;
  title: string;
  /** Local date-time of the first screenshot, Beijing time. */
  start: string;
  format: 'png' | 'jpeg';
  lines: ChatLine[];
}

export const conversations: Conversation[] = [
  {
    key: 'huabei-chat',
    title: '花呗在线客服',
    start: '2026-06-12T14:30:22',
    format: 'png',
    lines: [
      { who: 'time', text: '6月12日 14:28' },
      { who: 'me', text: '你好，我的花呗逾期了，想咨询一下能不能协商分期还款。' },
      { who: 'them', text: '您好，这里是花呗在线客服，很高兴为您服务。请问是什么原因导致逾期的呢？' },
      { who: 'me', text: '我三月份被公司裁员了，现在只有失业金和一点兼职收入。' },
      { who: 'them', text: '非常理解您的处境。请问您目前每个月大概能拿出多少钱用于还款？' },
      { who: 'me', text: '扣掉房租和孩子的开销，每个月最多九百左右。' },
      { who: 'them', text: '好的。您可以通过支付宝提交个性化还款申请，需要提供收入证明、失业证明等材料。' },
      { who: 'me', text: '逾期这段时间的罚息可以减免吗？我现在真的还不起那么多。' },
      { who: 'them', text: '罚息减免需要根据您的具体情况审核，我这边没办法直接答复，建议您在申请里说明。' },
      { who: 'me', text: '明白。审核大概需要多久？' },
      { who: 'them', text: '一般会在 7 到 15 个工作日内给您回复，请保持电话畅通。' },
      { who: 'me', text: '好的，能把今天沟通的内容发一份书面记录给我吗？' },
      { who: 'them', text: '您可以在支付宝“我的客服”里查看本次会话记录。' },
      { who: 'me', text: '谢谢，我今天就准备材料。' },
      { who: 'them', text: '不客气，祝您生活顺利。还有其他问题吗？' },
      { who: 'me', text: '没有了，谢谢。' },
    ],
  },
  {
    key: 'jiebei-chat',
    title: '借呗在线客服',
    start: '2026-06-15T10:05:41',
    format: 'png',
    lines: [
      { who: 'time', text: '6月15日 10:03' },
      { who: 'me', text: '你好，我借呗有三万块逾期了，想申请停止计算罚息，按月还本金。' },
      { who: 'them', text: '您好，借呗逾期后会按合同约定计收罚息，您可以提交还款困难说明。' },
      { who: 'me', text: '我已经失业两个多月了，有失业登记证明和银行流水。' },
      { who: 'them', text: '好的，这些材料都可以作为证明提交。您希望分多少期还款呢？' },
      { who: 'me', text: '我算过了，连同花呗一起，分 48 期每月八百多是我能承受的。' },
      { who: 'them', text: '已为您记录诉求。最终方案以审核结果为准，请耐心等待。' },
      { who: 'me', text: '这段时间会有人打电话催收吗？我不希望联系我的家人。' },
      { who: 'them', text: '我们会按规定与您本人联系，不会向无关第三方透露您的借款信息。' },
      { who: 'me', text: '好的，那我等你们的回复。' },
      { who: 'them', text: '感谢您的理解，祝您早日渡过难关。' },
      { who: 'time', text: '6月15日 10:21' },
      { who: 'me', text: '另外想确认一下，我现在欠款总额是多少？' },
      { who: 'them', text: '截至今日，您的借呗待还本金 30000.00 元，利息 1260.00 元，罚息以账单为准。' },
      { who: 'me', text: '好的，谢谢。' },
    ],
  },
  {
    key: 'card-chat',
    title: '蜀信银行信用卡（虚构）',
    start: '2026-07-02T16:12:09',
    format: 'jpeg',
    lines: [
      { who: 'time', text: '7月2日 16:10' },
      { who: 'me', text: '你好，我想申请个性化分期。我现在失业，没办法一次还清信用卡。' },
      { who: 'them', text: '您好，个性化分期需要您提供困难证明和还款计划，最长可以分 60 期。' },
      { who: 'me', text: '分期期间还会收取利息和手续费吗？' },
      { who: 'them', text: '具体以审批结果为准，协议中会写明每期的金额和是否收费。' },
      { who: 'me', text: '签了分期协议以后，还会有人催收吗？' },
      { who: 'them', text: '按协议正常还款的话，我们会停止催收。' },
      { who: 'me', text: '好的，我先把花呗借呗的方案定下来，再来和你们谈。' },
      { who: 'them', text: '好的，您也可以拨打我行客服热线办理。' },
      { who: 'me', text: '谢谢。' },
      { who: 'them', text: '不客气。' },
      { who: 'me', text: '能发一下需要的材料清单吗？' },
      { who: 'them', text: '身份证复印件、失业或收入证明、近三个月银行流水、还款计划。' },
    ],
  },
  {
    key: 'collector-chat',
    title: '安和资产-王专员（虚构）',
    start: '2026-07-18T22:41:15',
    format: 'jpeg',
    lines: [
      { who: 'time', text: '7月18日 22:39' },
      { who: 'them', text: '周晓雯，你的借呗已经逾期三个月了，今天必须全额还款。' },
      { who: 'me', text: '我已经向平台申请了分期，正在等审核结果。现在是晚上十点多，请白天再联系我。' },
      { who: 'them', text: '什么审核，不还钱我们明天就去你单位和你老家走访。' },
      { who: 'me', text: '我现在没有单位。请不要联系我的家人，他们和这笔借款无关。' },
      { who: 'them', text: '法务部已经准备好律师函了，再不还就直接起诉，到时候上征信黑名单。' },
      { who: 'me', text: '我会按正规流程和平台协商。请问你的工号和所在公司是什么？' },
      { who: 'them', text: '你别管我是谁，明天中午之前先还五千。' },
      { who: 'me', text: '我没有能力一次还五千，我的还款方案已经提交给平台。' },
      { who: 'them', text: '那你等着吧，我们会联系你的紧急联系人。' },
      { who: 'me', text: '我会保留这些聊天记录。' },
      { who: 'time', text: '7月19日 07:12' },
      { who: 'them', text: '考虑好了没有？今天不处理就移交外访。' },
      { who: 'me', text: '请通过平台正规渠道联系我。' },
    ],
  },
  {
    key: 'family-chat',
    title: '姐姐',
    start: '2026-07-19T09:30:02',
    format: 'png',
    lines: [
      { who: 'time', text: '7月19日 09:28' },
      { who: 'them', text: '晓雯，昨天晚上有人打电话给我，说你欠了网贷不还，是怎么回事？' },
      { who: 'me', text: '姐，对不起让你担心了。是借呗逾期了，我正在和平台协商分期。' },
      { who: 'them', text: '他们说得很难听，还说要去爸妈家里。' },
      { who: 'me', text: '他们不能这样，我会向监管部门投诉。你把通话时间告诉我好吗？' },
      { who: 'them', text: '昨晚 22:50 左右，号码是 0571 开头的。' },
      { who: 'me', text: '好的，我记下来了。谢谢姐。' },
      { who: 'them', text: '有困难跟家里说，别一个人扛着。' },
      { who: 'me', text: '嗯，我会好好处理的。' },
    ],
  },
];

/** SMS as the phone recorded them: type 1 received, 2 sent. Local Beijing times. */
export const smsMessages: { address: string; at: string; type: 1 | 2; body: string; contactName?: string }[] = [
  { address: '95188', at: '2026-05-12T09:15:00', type: 1, body: '【花呗】您的花呗账单已逾期2天，待还金额8620.00元，请尽快还款，以免影响信用。' },
  { address: '95188', at: '2026-05-20T10:02:00', type: 1, body: '【借呗】您的借呗已逾期35天，应还本息31260.00元，逾期将按合同计收罚息。' },
  { address: '95188', at: '2026-06-20T09:30:00', type: 1, body: '【借呗】您的借呗已逾期66天，欠款金额共计32318.00元，请及时处理。' },
  { address: '10690000123', at: '2026-07-10T21:05:00', type: 1, body: '【安和资产】周女士，您的借呗欠款已委外至我司催收，逾期86天，欠款36888.00元，请于今日内联系处理。' },
  { address: '10690000123', at: '2026-07-18T23:12:00', type: 1, body: '【安和资产】您的欠款38600.00元已移交法务部，明日将安排人员上门走访，请立即还款。' },
  { address: '10690000123', at: '2026-07-19T06:45:00', type: 1, body: '【安和资产】最后通知：今日12点前未还款，将通知您的紧急联系人及单位。' },
  { address: '10690000123', at: '2026-07-19T08:30:00', type: 2, body: '我已向平台申请个性化还款，请通过正规渠道联系我，不要联系我的家人。' },
  { address: '4008001234', at: '2026-07-01T11:20:00', type: 1, body: '【蜀信银行】尊敬的客户，您尾号4821的信用卡已逾期26天，最低还款额1358.00元，请尽快还款。' },
  { address: '4008001234', at: '2026-08-05T14:00:00', type: 1, body: '【蜀信银行】您尾号4821的信用卡欠款13580.00元已逾期61天，如有困难可致电客服申请分期。' },
  { address: '95188', at: '2026-08-01T09:00:00', type: 1, body: '【花呗】您的花呗已逾期83天，待还8620.00元，罚息按日计收，请尽快处理。' },
  { address: '10690000888', at: '2026-08-03T22:35:00', type: 1, body: '【恒正催收（虚构）】您名下借呗欠款已逾期110天，金额41000元，律师函已寄出，请速联系。' },
  { address: '10690000888', at: '2026-08-03T22:36:00', type: 2, body: '请不要在晚上十点以后联系我。我的还款申请正在审核中。' },
  { address: '95188', at: '2026-09-10T10:00:00', type: 1, body: '【借呗】您的个性化还款申请已受理，我们将在15个工作日内答复，请保持电话畅通。' },
  // A lawful step by the law firm acting for 借呗: a filed lawsuit with its case number (not a threat).
  {
    address: '02388880000',
    at: '2026-09-22T14:10:00',
    type: 1,
    body: '【明正律师事务所（虚构）】受重庆蚂蚁消费金融有限公司委托通知：已就您的借呗欠款向重庆市渝北区人民法院提起诉讼，案号（2026）渝0112民初12345号，请留意法院送达。',
  },
  // A number nobody recorded, whose words read as collection for 借呗: 可能是催收方, to confirm.
  { address: '13800008888', at: '2026-09-15T10:00:00', type: 1, body: '您的借呗欠款已委外处理，请尽快联系回电。' },
  // Messages about nothing owed: never collection, in no creditor's letter.
  { address: '95188', at: '2026-07-22T02:03:00', type: 1, body: '【支付宝】验证码 482913，用于登录，5分钟内有效。请勿泄露给他人。' },
  { address: '10086', at: '2026-08-01T08:05:00', type: 1, body: '尊敬的客户，您7月话费账单已出：套餐费58.00元，流量费0.00元，当前余额12.30元。' },
  { address: '4008001234', at: '2026-08-10T12:00:00', type: 1, body: '【蜀信银行】您尾号1234的储蓄卡8月10日存入2400.00元，余额2,530.55元。' },
  { address: '10690002222', at: '2026-08-11T22:40:00', type: 1, body: '【某某商城】暑期狂欢，全场满300减50，点击领取优惠券，回T退订。' },
  {
    address: '10650003333',
    at: '2026-08-12T23:05:00',
    type: 1,
    body: '信用卡、网贷逾期？专业债务协商团队，停息挂账办理，征信修复，成功后收费。咨询：13900000000',
  },
];

/** Whose each chat is (by conversation key): a creditor (account key) or an agent (its name). */
export const chatSides: Record<string, { creditor?: string; agent?: string }> = {
  'huabei-chat': { creditor: 'huabei' },
  'jiebei-chat': { creditor: 'jiebei' },
  'card-chat': { creditor: 'card' },
  'collector-chat': { agent: '安和资产管理有限公司（虚构）' },
  // The sister's account of the agency's night call to her: evidence against the agency.
  'family-chat': { agent: '安和资产管理有限公司（虚构）' },
};

/** Agents acting for a creditor (issue 10): who collects for whom, and from which numbers. */
export const agents: { creditor: string; kind: 'collection_agency' | 'law_firm'; name: string; numbers: string[] }[] = [
  { creditor: 'jiebei', kind: 'collection_agency', name: '安和资产管理有限公司（虚构）', numbers: ['01088886666', '05718889999', '10690000123'] },
  { creditor: 'jiebei', kind: 'law_firm', name: '明正律师事务所（虚构）', numbers: ['02388880000'] },
];

/** Numbers the user marked as a collection agency's (the timeline flags their conduct). */
export const collectorNumbers: [string, string][] = [
  ['01088886666', '安和资产管理有限公司（虚构）'],
  ['05718889999', '安和资产管理有限公司（虚构）'],
  ['10690000123', '安和资产管理有限公司（虚构）'],
  ['10690000888', '恒正催收（虚构）'],
];

/**
 * Call recordings as phones name them (domain.md §8), with their real durations, and what she
 * noted of each call in the timeline afterwards (an import only knows number, time and length).
 */
export const calls: { fileName: string; seconds: number; summary: string; direction?: 'outgoing'; sameBytesAs?: number }[] = [
  { fileName: '95188(95188)_20260612150210.wav', seconds: 184, summary: '致电花呗客服，说明失业情况，询问分期和罚息减免。', direction: 'outgoing' },
  { fileName: '通话录音 01088886666 2026-07-18 22-47-03.wav', seconds: 96, summary: '夜间催收电话，对方称明天上门走访。' },
  { fileName: '05718889999_20260719093012.wav', seconds: 62, summary: '催收电话，要求当天还款五千元。' },
  { fileName: '05718889999_20260719113540.wav', seconds: 45, summary: '同一号码再次来电。' },
  { fileName: '05718889999_20260719141502.wav', seconds: 38, summary: '同一号码第三次来电。' },
  { fileName: '05718889999_20260719162233.wav', seconds: 51, summary: '同一号码第四次来电（单日超过三次）。' },
  { fileName: 'Call@4008001234(004008001234)_20260802101530.wav', seconds: 141, summary: '银行信用卡中心来电，介绍个性化分期所需材料。' },
  // The phone saved the same audio twice under two calls' names: two calls, two pieces of evidence.
  { fileName: '05718889999_20260720100512.wav', seconds: 62, summary: '同一号码次日上午再次来电催款。', sameBytesAs: 2 },
];

/** Proof documents rendered as PDFs by the project. */
export const proofs: { fileName: string; category: string; title: string; issuer: string; date: string; body: string[] }[] = [
  {
    fileName: '失业登记证明.pdf',
    category: 'unemployment_proof',
    title: '就业失业登记证明',
    issuer: '成都市锦江区就业服务管理局（示例）',
    date: '2026-04-08',
    body: [
      '兹证明周晓雯（身份证号 510104199203150028）于 2026 年 4 月 8 日在本机构办理失业登记，',
      '现处于失业状态，按规定领取失业保险金，每月 1850.00 元，领取期限 12 个月。',
      '特此证明。',
    ],
  },
  {
    fileName: '离职证明.pdf',
    category: 'work_proof',
    title: '解除劳动合同证明',
    issuer: '成都示例餐饮管理有限公司',
    date: '2026-03-31',
    body: ['周晓雯自 2019 年 6 月起在我公司任门店店长。因公司经营调整关闭门店，', '双方于 2026 年 3 月 31 日解除劳动合同。解除前月工资 7200.00 元。', '特此证明。'],
  },
  {
    fileName: '兼职收入证明.pdf',
    category: 'income_proof',
    title: '收入证明',
    issuer: '成都示例小厨餐厅',
    date: '2026-10-31',
    body: ['周晓雯自 2026 年 7 月起在我店兼职帮工，', '2026 年 8 月至 10 月每月实发报酬分别为 2350.00 元、2400.00 元、2450.00 元。', '特此证明。'],
  },
  {
    fileName: '银行流水-2026年8-10月.pdf',
    category: 'bank_statement',
    title: '个人账户交易明细（2026-08-01 至 2026-10-31）',
    issuer: '示例银行成都分行',
    date: '2026-11-01',
    body: [
      '2026-08-05  失业保险金  +1850.00',
      '2026-08-10  兼职报酬    +2350.00',
      '2026-08-12  房租        -1400.00',
      '2026-09-05  失业保险金  +1850.00',
      '2026-09-10  兼职报酬    +2400.00',
      '2026-09-12  房租        -1400.00',
      '2026-10-05  失业保险金  +1850.00',
      '2026-10-10  兼职报酬    +2450.00',
      '2026-10-12  房租        -1400.00',
    ],
  },
];
