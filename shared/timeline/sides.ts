// Which creditor side a record belongs to (issue 10): a creditor of the case, an agent
// acting for one (a collection agency or a law firm, case_agents), or nobody. Pure and
// isomorphic; computed on every read from what the user set (a contact's own side, the
// agents' numbers, marks on numbers, the creditors' service channels) and from what can be
// inferred (the shipped directory, the words of the message). Inferred from words only
// ("您的借呗欠款已委外", "受XX委托"): offered as 可能是催收方 for one-click confirmation,
// never put in a creditor's letter until confirmed.
//
// The side of a creditor for counting calls and for letters is its legal name: 花呗 and
// 借呗 are both 重庆蚂蚁消费金融有限公司, one company and one negotiation desk.
import { numberKey, serviceNumberWithin } from './numbers';
import type { DirectoryHit } from './directory';
import { unrelatedKindNfkc, type UnrelatedKind } from './classify';
import { hasCollectionWordingNfkc, findThreatWordingNfkc } from './wording';

export const SIDE_KINDS = ['creditor', 'agent', 'nobody'] as const;
export type SideKind = (typeof SIDE_KINDS)[number];
export const AGENT_KINDS = ['collection_agency', 'law_firm', 'other'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

export interface SideCreditor {
  id: string;
  legalName: string;
  product: string;
  productName: string;
  /** The creditor's own numbers and senders (its hotline and other channels). */
  numbers: readonly string[];
}

export interface SideAgent {
  id: string;
  creditorId: string;
  kind: AgentKind;
  name: string;
  numbers: readonly string[];
}

export interface SideContext {
  creditors: readonly SideCreditor[];
  agents: readonly SideAgent[];
}

export const EMPTY_SIDES: SideContext = { creditors: [], agents: [] };

/** What the user set on a record. */
export interface ExplicitSide {
  side: SideKind;
  creditorId: string | null;
  agentId: string | null;
}

/** A mark on a number may name the creditor or agent it belongs to. */
export interface MarkSideLink {
  side: 'creditor' | 'collector' | 'not_creditor';
  creditorId?: string | null;
  agentId?: string | null;
}

export type SideState = 'confirmed' | 'inferred' | 'suggested' | 'none';
export type SideSource = 'user' | 'agent_number' | 'mark' | 'creditor_number' | 'directory' | 'party_type' | 'text' | 'unrelated' | 'none';

export interface SideSuggestion {
  kind: 'creditor' | 'agent';
  creditorId: string | null;
  agentId: string | null;
  /** An agency named in the text that is not yet one of the case's agents. */
  agentName: string | null;
  agentKind: AgentKind | null;
}

export interface SideResult {
  kind: SideKind | 'unknown';
  creditorId: string | null;
  agentId: string | null;
  /** The creditor side's key (the creditor's legal name), or null when no creditor of the case is known. */
  group: string | null;
  state: SideState;
  source: SideSource;
  unrelated: UnrelatedKind | null;
  suggestion: SideSuggestion | null;
  /** The agent's name, when the record is an agent's. */
  agentName?: string | null;
}

export interface SideInput {
  /** numberKey() of the number or sender ('' when none). */
  key: string;
  /** All the record's words, NFKC. */
  text: string;
  incoming: boolean;
  /** Channels whose words are the other side's (SMS, chat, email, letter). */
  wordChannel: boolean;
  explicit: ExplicitSide | null;
  partyType: string | null;
  organisation: string | null;
}

const AGENCY_NAME =
  /([\u4e00-\u9fa5A-Za-z0-9（）()]{2,24}?(?:律师事务所|资产管理有限公司|资产管理公司|信息咨询有限公司|商务咨询有限公司|咨询服务有限公司|科技有限公司|调解中心|催收公司))/;
const AGENCY_WORDING = /催收|委外|委托我司|受托|受[^，。]{1,30}委托|资产管理|律师事务所|律所|调解中心/;
const LAW_FIRM = /律师事务所|律所/;

/** The legal name's distinctive core: 中国工商银行股份有限公司 → 中国工商银行. */
function core(name: string): string {
  return name
    .replace(/[（(]虚构[)）]/g, '')
    .replace(/(股份)?有限(责任)?公司$/, '')
    .replace(/信用卡(中心|部)$/, '')
    .trim();
}

const PRODUCT_WORDS: Record<string, RegExp> = {
  huabei: /花呗/,
  jiebei: /借呗/,
  'credit-card': /信用卡|卡片|贷记卡/,
};

/** The creditors a text or an organisation's name points at. */
export function creditorsNamedIn(text: string, creditors: readonly SideCreditor[]): SideCreditor[] {
  if (!text) return [];
  const byProduct = creditors.filter(
    (c) =>
      PRODUCT_WORDS[c.product]?.test(text) &&
      (c.product !== 'credit-card' || text.includes(core(c.legalName)) || creditors.filter((x) => x.product === 'credit-card').length === 1),
  );
  const byName = creditors.filter((c) => {
    const k = core(c.legalName);
    return (k.length >= 2 && text.includes(k)) || (c.productName.trim().length >= 2 && text.includes(c.productName.trim()));
  });
  // A product word narrows a company name (借呗 of 蚂蚁, not 花呗).
  if (byProduct.length > 0) return byProduct;
  return byName;
}

function matchesNumber(key: string, numbers: readonly string[]): boolean {
  if (!key) return false;
  const short = serviceNumberWithin(key);
  for (const n of numbers) {
    const k = numberKey(n);
    if (k && (k === key || (short !== null && k === short))) return true;
  }
  return false;
}

/** One candidate, or several of one company narrowed by the words: the creditor id, or null. */
function pick(cands: readonly SideCreditor[], text: string): { creditorId: string | null; group: string | null } {
  if (cands.length === 0) return { creditorId: null, group: null };
  if (cands.length === 1) return { creditorId: cands[0]!.id, group: cands[0]!.legalName };
  const named = creditorsNamedIn(text, cands);
  if (named.length === 1) return { creditorId: named[0]!.id, group: named[0]!.legalName };
  const groups = new Set(cands.map((c) => c.legalName));
  if (groups.size === 1) return { creditorId: null, group: cands[0]!.legalName };
  const g = new Set(named.map((c) => c.legalName));
  if (named.length > 0 && g.size === 1) return { creditorId: null, group: named[0]!.legalName };
  return { creditorId: null, group: null };
}

export class SideResolver {
  private readonly creditorById: Map<string, SideCreditor>;
  private readonly agentById: Map<string, SideAgent>;

  constructor(private readonly ctx: SideContext) {
    this.creditorById = new Map(ctx.creditors.map((c) => [c.id, c]));
    // An agent whose creditor is gone acts for nobody we know: left out.
    this.agentById = new Map(ctx.agents.filter((a) => this.creditorById.has(a.creditorId)).map((a) => [a.id, a]));
  }

  groupOf(creditorId: string | null): string | null {
    return creditorId ? (this.creditorById.get(creditorId)?.legalName ?? null) : null;
  }

  private agentResult(a: SideAgent, state: SideState, source: SideSource): SideResult {
    return { kind: 'agent', creditorId: a.creditorId, agentId: a.id, group: this.groupOf(a.creditorId), state, source, unrelated: null, suggestion: null, agentName: a.name };
  }

  private fromExplicit(e: ExplicitSide): SideResult {
    if (e.side === 'nobody') return { kind: 'nobody', creditorId: null, agentId: null, group: null, state: 'confirmed', source: 'user', unrelated: null, suggestion: null };
    if (e.side === 'agent' && e.agentId) {
      const a = this.agentById.get(e.agentId);
      if (a) return this.agentResult(a, 'confirmed', 'user');
    }
    const creditorId = e.creditorId && this.creditorById.has(e.creditorId) ? e.creditorId : null;
    return { kind: e.side, creditorId, agentId: null, group: this.groupOf(creditorId), state: 'confirmed', source: 'user', unrelated: null, suggestion: null };
  }

  /**
   * The side of one record. `hit` is the number's mark or directory entry, `mark` the
   * user's mark with its creditor/agent link (when the hit is a mark), `senderWords` the
   * words of the number's first message with collection wording (null when it sent none).
   */
  resolve(e: SideInput, hit: DirectoryHit | null, mark: MarkSideLink | null, senderWords: string | null): SideResult {
    if (e.explicit) return this.fromExplicit(e.explicit);
    const none: SideResult = { kind: 'unknown', creditorId: null, agentId: null, group: null, state: 'none', source: 'none', unrelated: null, suggestion: null };
    // A verification code, a bill, a balance notice, an advert or a scam offer: nobody's collection.
    if (e.incoming && e.wordChannel && !e.partyType) {
      const unrelated = unrelatedKindNfkc(e.text, e.key);
      if (unrelated) return { ...none, kind: 'nobody', state: 'inferred', source: 'unrelated', unrelated };
    }
    for (const a of this.agentById.values()) if (matchesNumber(e.key, a.numbers)) return this.agentResult(a, 'confirmed', 'agent_number');
    if (mark) {
      if (mark.side === 'not_creditor') return { ...none, kind: 'nobody', state: 'confirmed', source: 'mark' };
      const a = mark.agentId ? this.agentById.get(mark.agentId) : undefined;
      if (a) return this.agentResult(a, 'confirmed', 'mark');
      const kind = mark.side === 'collector' ? 'agent' : 'creditor';
      const known = mark.creditorId && this.creditorById.has(mark.creditorId) ? mark.creditorId : null;
      const p = known ? { creditorId: known, group: this.groupOf(known) } : pick(creditorsNamedIn(`${hit?.organisation ?? ''}\n${e.text}`, this.ctx.creditors), e.text);
      return { ...none, kind, creditorId: p.creditorId, group: p.group, state: 'confirmed', source: 'mark' };
    }
    const own = this.ctx.creditors.filter((c) => matchesNumber(e.key, c.numbers));
    if (own.length > 0) {
      const p = pick(own, e.text);
      return { ...none, kind: 'creditor', ...p, state: 'confirmed', source: 'creditor_number' };
    }
    if (hit?.from === 'directory') {
      const p = pick(creditorsNamedIn(hit.organisation, this.ctx.creditors), e.text);
      return { ...none, kind: 'creditor', ...p, group: p.group ?? `org:${hit.organisation}`, state: 'inferred', source: 'directory' };
    }
    if (e.partyType === 'creditor' || e.partyType === 'collector') {
      const named = `${e.organisation ?? ''}`;
      const agent = named ? [...this.agentById.values()].find((a) => named.includes(a.name) || a.name.includes(named)) : undefined;
      if (agent) return this.agentResult(agent, 'inferred', 'party_type');
      const p = pick(creditorsNamedIn(named, this.ctx.creditors), e.text);
      return { ...none, kind: e.partyType === 'creditor' ? 'creditor' : 'agent', ...p, state: 'inferred', source: 'party_type' };
    }
    // No party chosen, but the organisation the user typed names one of the case's agents or creditors.
    const typed = (e.organisation ?? '').trim();
    if (typed) {
      const agent = [...this.agentById.values()].find((a) => typed.includes(a.name) || (typed.length >= 4 && a.name.includes(typed)));
      if (agent) return this.agentResult(agent, 'inferred', 'party_type');
      const named = creditorsNamedIn(typed, this.ctx.creditors);
      if (named.length > 0) return { ...none, kind: 'creditor', ...pick(named, e.text), state: 'inferred', source: 'party_type' };
    }
    // Words only: 可能是催收方, offered for confirmation. What I wrote never makes the other side a collector.
    const collection = e.incoming && e.wordChannel && (hasCollectionWordingNfkc(e.text) || findThreatWordingNfkc(e.text).length > 0);
    if (!collection && senderWords === null) return none;
    // A call has no words: the number's collection messages speak for it.
    const suggestion = this.suggestFromText(collection ? e.text : `${e.text}\n${senderWords ?? ''}`);
    return { ...none, kind: 'unknown', state: 'suggested', source: 'text', suggestion };
  }

  private suggestFromText(text: string): SideSuggestion {
    const agents = [...this.agentById.values()];
    const known = agents.find((a) => a.name.length >= 2 && text.includes(a.name));
    if (known) return { kind: 'agent', creditorId: known.creditorId, agentId: known.id, agentName: null, agentKind: null };
    const named = creditorsNamedIn(text, this.ctx.creditors);
    const creditorId = named.length === 1 ? named[0]!.id : null;
    if (AGENCY_WORDING.test(text)) {
      const m = AGENCY_NAME.exec(text);
      // "本案已转至某某调解中心" → 某某调解中心: the name starts after the last verb or particle.
      const cut = m ? (m[1]!.split(/[至给由受是为经已被：:，,。的在将从]/).pop() ?? '') : '';
      const name = cut.length >= 6 ? cut : null;
      return { kind: 'agent', creditorId, agentId: null, agentName: name, agentKind: LAW_FIRM.test(name ?? text) ? 'law_firm' : 'collection_agency' };
    }
    return { kind: 'creditor', creditorId, agentId: null, agentName: null, agentKind: null };
  }
}

/** True when the side acts for a creditor (counts for conduct flags). */
export function isCreditorSide(s: SideResult): boolean {
  return s.kind === 'creditor' || s.kind === 'agent' || s.state === 'suggested';
}

/** The key calls are counted under for excess_calls: the creditor side, or the number alone. */
export function countKey(s: SideResult, numberKeyOf: string, id: string): string {
  if (s.state !== 'suggested' && s.group) return `g:${s.group}`;
  return `n:${numberKeyOf || id}`;
}
