// A second held-out set (issue 12), written fresh in December 2026 without looking at the
// parser or at corpus.ts: how banks, 花呗 / 借呗, agencies, law firms and lenders word their
// notices, plus messages that must never yield a claim (phone bills, verification codes,
// balance notices, marketing, personal messages). Fictional names and numbers throughout.
// `amount` / `days` are what a careful reader takes from the text: null where none is
// stated, or where it is not an exact figure ("逾期两个月零五天", "连续逾期3个月", "逾期第2期").
// A due date already past ("于2024年9月15日到期，目前仍未归还") is not a date to pay by: no
// dueDate, as in corpus.ts (label aligned with that convention after the first run).
import type { CorpusMessage } from './corpus';

export const FRESH: CorpusMessage[] = [
  // —— 银行信用卡 ——
  { kind: 'bank', body: '【某商银行】您尾号4471的信用卡已逾期23天，截至10月31日欠款合计12,608.45元，请尽快存入足额款项。', amount: '12608.45', days: 23 },
  { kind: 'bank', body: '【某农商银行】尊敬的李女士：您的信用卡透支款项尚未归还，目前拖欠金额为RMB 7,215.00，逾期天数16天。', amount: '7215.00', days: 16 },
  { kind: 'bank', body: '【某银行信用卡】您好，您的卡片账户当前逾期第2期，应还金额3,480.12元，其中最低还款348.01元。', amount: '3480.12', days: null, minimum: '348.01' },
  { kind: 'bank', body: '【某银行】您的信用卡已连续逾期3个月，欠款本息合计人民币40,116.20元。请务必于本周内联系我行。', amount: '40116.20', days: null },
  { kind: 'bank', body: '【某银行】客户您好，截止今日您的信用卡欠款为21386.5元，已逾期58日，请及时处理。', amount: '21386.50', days: 58 },
  {
    kind: 'bank',
    body: '【某银行】您的信用卡账户本期账单：应还款额￥2,045.66，最低还款额￥204.57，到期还款日2024年12月3日。',
    amount: '2045.66',
    days: null,
    minimum: '204.57',
    dueDate: '2024-12-03',
  },
  {
    kind: 'bank',
    body: '【某银行】您的信用卡已逾期97天，账户已暂停使用。当前欠款：本金30,000.00元、利息2,415.33元、违约金600.00元，合计33,015.33元。',
    amount: '33015.33',
    days: 97,
  },
  {
    kind: 'bank',
    body: '【某银行】您于11月5日还款1,500.00元，本期账单尚欠3,122.40元，请于11月25日前还清。',
    amount: '3122.40',
    days: null,
    dueDate: '2024-11-25',
    received: '2024-11-06',
  },
  { kind: 'bank', body: '【某银行】提醒：您的信用卡已逾期，逾期金额为伍仟陆佰元整，逾期天数为31天。', amount: '5600.00', days: 31 },
  { kind: 'bank', body: '【某银行】您名下信用卡欠款共计¥16,888.00（含分期未到期本金），已逾期第44天，请尽快与我行联系协商。', amount: '16888.00', days: 44 },
  { kind: 'bank', body: '【某银行】您的信用卡逾期已达一百二十天，欠款总额32,050.75元，我行将依法采取进一步措施。', amount: '32050.75', days: 120 },
  { kind: 'bank', body: '【某银行】您的消费分期第6/12期款项1,250.00元已逾期3天，请及时还款避免影响征信。', amount: '1250.00', days: 3 },
  {
    kind: 'bank',
    body: '【某某银行】您尾号0312信用卡12月账单已出，本期应还人民币3,964.20元，最低应还396.42元，还款日2025年1月8日。',
    amount: '3964.20',
    days: null,
    minimum: '396.42',
    dueDate: '2025-01-08',
  },
  // —— 花呗 / 借呗 ——
  { kind: 'huabei', body: '【支付宝】您的花呗已逾期8天，待还金额1,876.30元。按时还款可避免影响信用。', amount: '1876.30', days: 8 },
  { kind: 'huabei', body: '【花呗】您的11月账单还剩612.45元未还，已逾期第3天，请尽快还款。', amount: '612.45', days: 3 },
  { kind: 'jiebei', body: '【借呗】您的借呗欠款共计人民币贰万伍仟元整，已逾期六十天，请尽快还款。', amount: '25000.00', days: 60 },
  { kind: 'jiebei', body: '【借呗】您的借呗已逾期12天，逾期本息2,083.33元，请今日内还款，避免逾期记录上报征信。', amount: '2083.33', days: 12 },
  { kind: 'huabei', body: '【支付宝】花呗提醒：你已成功还款800元，当前仍有2,345.10元逾期未还。', amount: '2345.10', days: null },
  { kind: 'huabei', body: '【花呗】亲，您的花呗账单已逾期，当前待还¥ 4,090.00，请尽快还款哦。', amount: '4090.00', days: null },
  { kind: 'jiebei', body: '【借呗】尊敬的用户，您的借呗已逾期超过一个月，欠款金额9,600元，请及时处理。', amount: '9600.00', days: null },
  { kind: 'huabei', body: '【花呗】您的花呗分期第4期（共12期）420.18元已逾期2天。', amount: '420.18', days: 2 },
  { kind: 'jiebei', body: '【支付宝】您的借呗借款于2024年9月15日到期，目前仍未归还，逾期天数共计35天，应还本息7,218.60元。', amount: '7218.60', days: 35 },
  {
    kind: 'huabei',
    body: '【花呗】温馨提醒：本月花呗账单2,150.00元将于12月10日到期，请保持余额充足。',
    amount: '2150.00',
    days: null,
    dueDate: '2024-12-10',
    received: '2024-12-05',
  },
  { kind: 'jiebei', body: '【借呗】您的借呗剩余应还金额为¥15,420.88（含逾期罚息），逾期第71天。', amount: '15420.88', days: 71 },
  { kind: 'huabei', body: '【花呗】您的花呗已逾期，逾期金额：叁仟零贰拾元伍角，请尽快还款。', amount: '3020.50', days: null },
  { kind: 'huabei', body: '【花呗】您的花呗账单逾期已满30天，欠款5,512元将报送至金融信用信息基础数据库。', amount: '5512.00', days: 30 },
  // —— 催收机构、调解 ——
  { kind: 'agency', body: '【某某资产管理】受某某消费金融委托，通知您：您的借款已逾期186天，欠款总额19,745.30元，请于三日内联系我司。', amount: '19745.30', days: 186 },
  { kind: 'agency', body: '【某某信息咨询】您好，您在某某银行的信用卡欠款46,302.18元已委托我司催收，逾期时间已达两百一十天。', amount: '46302.18', days: 210 },
  { kind: 'mediation', body: '某某调解中心：您与某某金融的借款纠纷已登记，欠款金额合计13,500元，请在收到短信后联系调解员。', amount: '13500.00', days: null },
  { kind: 'agency', body: '【某某催收】王某，你欠某某银行的钱拖了快半年了，一共23600块，今天不处理就走流程。', amount: '23600.00', days: null },
  { kind: 'agency', body: '【某某资产】您名下某某借款（合同号**3321）逾期本息及费用共计8,442.90元，逾期天数:143天。', amount: '8442.90', days: 143 },
  { kind: 'agency', body: '【某某外包】您好，您在某平台的欠款已逾期第九十天，待还金额￥6,020.00，请尽快安排还款。', amount: '6020.00', days: 90 },
  { kind: 'agency', body: '【某某资产】您已于昨日还款2,000元，剩余待还11,380.00元，逾期状态未解除。', amount: '11380.00', days: null },
  { kind: 'agency', body: '【某某资产】通知：您的逾期借款已转至我司，剩余欠款¥5,000（已扣除减免部分），请尽快结清。', amount: '5000.00', days: null },
  { kind: 'agency', body: '【某某资产】您在某某平台的欠款9800元已逾期两个月零五天，请速处理。', amount: '9800.00', days: null },
  // —— 律师事务所 ——
  { kind: 'lawfirm', body: '【某某律师事务所】受某某银行委托，就您拖欠信用卡欠款人民币叁万肆仟伍佰陆拾元整一事，请于7日内与本所联系。', amount: '34560.00', days: null },
  { kind: 'lawfirm', body: '【某某律所】律师函：您欠付某某消费金融借款本息合计27,610.44元，逾期已达318天，本所将代理委托人提起诉讼。', amount: '27610.44', days: 318 },
  { kind: 'lawfirm', body: '某某律师事务所提示：您的借贷纠纷（欠款金额14200元）已进入诉前程序，请与本所联系。', amount: '14200.00', days: null },
  { kind: 'lawfirm', body: '【某某律师事务所】王某某先生，经委托方核实，您目前仍欠款项9,358.00元，已逾期第152日。', amount: '9358.00', days: 152 },
  { kind: 'lawfirm', body: '【某某律所】函告：截至2024年11月1日，您尚欠某某银行信用卡透支本金20,000元及利息、滞纳金共计25,731.09元。', amount: '25731.09', days: null },
  { kind: 'lawfirm', body: '【某某律师事务所】您欠某某银行款项合计肆万元整（¥40,000.00），逾期366天，如不处理将依法起诉。', amount: '40000.00', days: 366 },
  // —— 消费金融、网贷 ——
  { kind: 'lender', body: '【某某消金】您的借款已逾期4天，逾期应还1,002.36元，请尽快还款。', amount: '1002.36', days: 4 },
  { kind: 'lender', body: '【某某分期】您的账单已逾期19天，待还总额¥ 3,318.00，逾期会产生罚息。', amount: '3318.00', days: 19 },
  { kind: 'lender', body: '【某某贷】您的贷款目前逾期天数为65天，需还款金额为11,111.11元。', amount: '11111.11', days: 65 },
  { kind: 'lender', body: '【某某借】您的欠款本金6000元，逾期费用480元，共需还款6480元，已逾期二十八天。', amount: '6480.00', days: 28 },
  { kind: 'lender', body: '【某某金融】您的借款将于明天到期，应还金额2,399.00元，请提前存入还款卡。', amount: '2399.00', days: null },
  { kind: 'lender', body: '【某某钱包】您已逾期7天，欠款1,245元，今日还款可减免部分罚息。', amount: '1245.00', days: 7 },
  // —— 话费 ——
  { kind: 'carrier', body: '【中国联通】尊敬的客户，您本月话费账单为89.00元，截至目前账户余额-12.50元，请及时充值。', amount: null, days: null },
  { kind: 'carrier', body: '【中国电信】您的宽带套餐将于12月31日到期，续费金额960元，请及时办理。', amount: null, days: null },
  { kind: 'carrier', body: '【中国移动】您好，您10月消费108.50元，当前可用余额23.40元。', amount: null, days: null },
  { kind: 'carrier', body: '【中国移动】您已欠费15.60元，已暂停通话功能，缴费后自动恢复。', amount: null, days: null },
  // —— 验证码 ——
  { kind: 'verification', body: '【支付宝】验证码483920，您正在进行花呗还款操作，5分钟内有效，切勿告知他人。', amount: null, days: null },
  { kind: 'verification', body: '【某某银行】您正在申请信用卡分期，验证码：771254，金额3,000.00元，请勿泄露。', amount: null, days: null },
  { kind: 'verification', body: '【某某消费金融】您的登录验证码为 206617，有效期10分钟。', amount: null, days: null },
  { kind: 'verification', body: '【借呗】验证码：558013。您正在借款5,000元，如非本人操作请忽略。', amount: null, days: null },
  // —— 余额、动账 ——
  { kind: 'balance', body: '【某某银行】您尾号2209的储蓄卡11月10日15:32支出人民币2,300.00元，活期余额1,082.55元。', amount: null, days: null },
  { kind: 'balance', body: '【某某银行】您尾号7731账户于11月5日收入工资8,500.00元，余额9,211.40元。', amount: null, days: null },
  { kind: 'balance', body: '【支付宝】余额宝昨日收益0.86元，总金额5,120.33元。', amount: null, days: null },
  { kind: 'balance', body: '【某某银行】您的信用卡11月12日消费人民币268.00元，可用额度4,732.00元。', amount: null, days: null },
  // —— 营销 ——
  { kind: 'marketing', body: '【某某银行】好消息！信用卡分期低至0.3%手续费，最高可分24期，5万元额度等您来领，回T退订。', amount: null, days: null },
  { kind: 'marketing', body: '【某某贷】您有一笔最高200,000元的借款额度待领取，日息低至0.02%，点击领取。拒收请回复R', amount: null, days: null },
  { kind: 'marketing', body: '【花呗】双十一花呗额度临时提升2,000元，分期免息，快去逛逛吧。', amount: null, days: null },
  { kind: 'marketing', body: '【某某商城】您的专属优惠券满300减50即将过期，逾期作废，快来使用！', amount: null, days: null },
  { kind: 'marketing', body: '【某某银行】逾期还款会影响征信哦，开通自动还款，再也不怕忘记还款，回复KT开通。', amount: null, days: null },
  // —— 个人 ——
  { kind: 'personal', body: '妈，这个月房租2300我先转你1000，剩下的月底发工资再给。', amount: null, days: null },
  { kind: 'personal', body: '老王，上次借你的5000块下周一还你，最近手头紧，拖了几天不好意思。', amount: null, days: null },
];
