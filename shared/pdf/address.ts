// Who a letter speaks to, and how (issue 10): the addressee's kind decides the form of
// address — a bank is 贵行, a consumer-finance or other company 贵司, a regulator's office
// 贵局, a people's mediation committee 贵委, a court (or its online mediation platform)
// 贵院, and a call sheet read aloud on the phone none at all. When the letter goes to a
// third body (regulator, mediator), the creditor is named in the third person (被投诉机构 /
// 被申请人), never 贵司. Isomorphic.

export const ADDRESSEE_KINDS = ['bank', 'consumer-finance', 'company', 'regulator', 'mediator', 'court', 'hotline'] as const;
export type AddresseeKind = (typeof ADDRESSEE_KINDS)[number];

export const ADDRESSEE_KIND_LABELS: Record<AddresseeKind, string> = {
  bank: '银行',
  'consumer-finance': '消费金融公司',
  company: '公司',
  regulator: '金融监管部门',
  mediator: '人民调解委员会',
  court: '人民法院（在线调解）',
  hotline: '热线电话',
};

/** A creditor's kind from its legal name when the user has not set it: 银行 → bank. */
export function inferInstitution(legalName: string): 'bank' | 'consumer-finance' | 'company' {
  if (/银行|信用社|农商行|信用合作联社/.test(legalName)) return 'bank';
  if (/消费金融/.test(legalName)) return 'consumer-finance';
  return 'company';
}

/** A recipient's kind from its name: a regulator's office, a mediator, a court, a hotline, else an institution. */
export function inferRecipientKind(name: string): AddresseeKind {
  if (/金融监督管理|监管局|监管分局|银保监|金融监管/.test(name)) return 'regulator';
  if (/调解委员会|调委会|调解中心|调解组织/.test(name)) return 'mediator';
  if (/法院/.test(name)) return 'court';
  if (/热线|12378/.test(name) && !/局/.test(name)) return 'hotline';
  return inferInstitution(name);
}

export function honorific(kind: AddresseeKind): string {
  switch (kind) {
    case 'bank':
      return '贵行';
    case 'consumer-finance':
    case 'company':
      return '贵司';
    case 'regulator':
      return '贵局';
    case 'mediator':
      return '贵委';
    case 'court':
      return '贵院';
    case 'hotline':
      return '';
  }
}

/** The parts of a letter's model the voice depends on. */
export interface VoiceInput {
  template: string;
  creditor: { name: string; kind?: AddresseeKind | undefined };
  recipient?: { name: string; kind?: AddresseeKind | undefined } | undefined;
}

export interface Voice {
  /** Who reads the letter. */
  kind: AddresseeKind;
  /** The form of address for the reader: 贵行 / 贵司 / 贵局 / 贵委 / 贵院, '' for none. */
  you: string;
  /** How the letter names the creditor: the form of address when the creditor reads it, else 被投诉机构 / 被申请人. */
  creditor: string;
  /** True when the creditor itself reads the letter. */
  toCreditor: boolean;
}

export function creditorKind(c: VoiceInput['creditor']): AddresseeKind {
  return c.kind ?? inferInstitution(c.name);
}

/** Templates addressed to a third body (a regulator, a mediator) by default. */
const THIRD_PARTY_TEMPLATES = new Set(['complaint', 'mediation']);

export function voiceOf(m: VoiceInput): Voice {
  if (m.template === 'callsheet') return { kind: 'hotline', you: '你们', creditor: '你们', toCreditor: true };
  const ck = creditorKind(m.creditor);
  const recipientName = m.recipient?.name.trim() ?? '';
  const own = { kind: ck, you: honorific(ck), creditor: honorific(ck), toCreditor: true };
  if (!THIRD_PARTY_TEMPLATES.has(m.template)) return own;
  // A complaint goes first to the creditor's own complaint channel; a mediation to the court's platform.
  if (recipientName === '' && m.template === 'complaint') return own;
  const kind = m.recipient?.kind ?? (recipientName ? inferRecipientKind(recipientName) : 'court');
  const isCreditor = kind === 'bank' || kind === 'consumer-finance' || kind === 'company';
  if (isCreditor) return own;
  const you = honorific(kind);
  return { kind, you, creditor: m.template === 'mediation' ? '被申请人' : '被投诉机构', toCreditor: false };
}
