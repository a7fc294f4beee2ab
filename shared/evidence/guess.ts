// A first guess at the category from the name, the type and (PDF / text / email) the
// first words of the text. Only a guess: the user can always change it. Isomorphic.
import type { EvidenceCategory } from './categories';
import type { EvidenceKind } from './media';

// Order matters: 劳动合同 is a work proof before 合同 makes it a loan contract;
// 借款协议 is the loan contract before 协议 makes it a negotiated agreement.
const RULES: readonly [EvidenceCategory, RegExp][] = [
  ['collection_notice', /催收|催款|催告|律师函|逾期通知|逾期提醒|上门通知|委外|collection notice|demand letter/i],
  ['work_proof', /劳动合同|在职证明|工作证明|社保|公积金缴存|employment (?:letter|proof|certificate)/i],
  ['contract', /借款合同|贷款合同|借款协议|借款合约|领用合约|信用卡章程|授信合同|loan (?:contract|agreement)|contract/i],
  ['agreement', /还款协议|分期协议|和解协议|调解协议|调解书|协商还款|还款承诺|延期还款|停息挂账|协议|agreement|settlement/i],
  ['bank_statement', /流水|对账单|交易明细|statement/i],
  ['bill', /账单|还款明细|还款计划|bill|invoice/i],
  ['income_proof', /收入证明|收入|工资|薪资|薪水|工资条|个税|纳税|income|salary|payslip|pay slip/i],
  ['medical_proof', /病历|诊断|医院|住院|出院|医疗|门诊|medical|hospital|diagnos/i],
  ['unemployment_proof', /失业|离职|解除劳动|辞退|裁员|unemploy|termination/i],
  ['id_document', /身份证|户口|护照|驾驶证|居住证|id ?card|passport/i],
  ['sms', /短信|sms|mms|彩信/i],
  ['email', /邮件|email|e-mail/i],
];

const SCREENSHOT = /screenshot|screen shot|screen_shot|截屏|截图|屏幕快照|微信图片|qq图片|mmexport|wx_camera|wechat|聊天|chat/i;
const CALL = /通话录音|录音|call|record|\d{5,}[_( ].*\d{14}/i;

// What OCR read in a picture tells a phone screen apart: an SMS list has several sender
// numbers (95xxx service lines, 106… gateways, mobiles) or several 【签名】 signatures; a chat
// has a time header (22:41, 昨天 22:41, 10月18日 09:07) and sentences in bubbles.
const SENDER_LINE = /^(?:\+?86)?1[3-9]\d{9}$|^(?:95|96|10|12)\d{3,14}$/;
const SIGNATURE = /^【[^】]{2,12}】/;
const TIME_HEADER =
  /^(?:(?:昨天|前天|今天|星期[一二三四五六日天]|周[一二三四五六日天]|\d{1,2}月\d{1,2}日|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?)\s*)?(?:上午|下午|晚上|凌晨)?\s*\d{1,2}:\d{2}$/;

/** 'sms' or 'chat' when recognised screen text looks like an SMS list or a chat; null otherwise. */
export function screenKindOfText(text: string): 'sms' | 'chat' | null {
  const lines = text
    .normalize('NFKC')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const senders = lines.filter((l) => SENDER_LINE.test(l.replace(/[\s-]/g, ''))).length;
  const signatures = lines.filter((l) => SIGNATURE.test(l)).length;
  if (senders >= 2 || signatures >= 2 || /^(?:信息|短信|Messages)$/.test(lines[1] ?? '')) return 'sms';
  const headers = lines.filter((l) => TIME_HEADER.test(l)).length;
  const sentences = lines.filter((l) => /[，。？！?,]/.test(l) && [...l].length >= 6).length;
  if (headers >= 1 && sentences >= 2) return 'chat';
  return null;
}

export interface GuessInput {
  name: string;
  kind: EvidenceKind;
  mime: string;
  /** The first few thousand characters of extracted text, if any. */
  text?: string | null;
}

export function guessCategory({ name, kind, mime, text }: GuessInput): EvidenceCategory {
  const n = name.normalize('NFKC');
  if (kind === 'email' || mime === 'message/rfc822') return 'email';
  if (kind === 'audio') return 'call_recording';
  if (kind === 'video' && CALL.test(n)) return 'call_recording';
  for (const [category, re] of RULES) if (re.test(n)) return category;
  if (kind === 'image' && SCREENSHOT.test(n)) return 'chat_screenshot';
  if (kind === 'image' && text) {
    const screen = screenKindOfText(text);
    if (screen) return screen === 'sms' ? 'sms' : 'chat_screenshot';
  }
  if (/^<\?xml[\s\S]{0,400}<smses\b/i.test(text ?? '')) return 'sms';
  if (text) {
    const head = text.slice(0, 3000).normalize('NFKC');
    for (const [category, re] of RULES) if (category !== 'email' && category !== 'sms' && re.test(head)) return category;
  }
  return 'other';
}
