// Words that mark a message as debt collection, and words that threaten or impersonate
// (courts, police, lawyer letters, visits to family or work). Heuristic on purpose: a
// flag is a prompt for the user to look, who can dismiss it with a reason. Isomorphic.

/** Collection wording (逾期, 欠款, 催收, 移交, 委外, 法务 …): its sender is on the creditor side. */
const COLLECTION_RE = /逾期|欠款|拖欠|催收|催缴|催款|移交|委外|外包催|法务|追偿|追讨|清收|违约/;

export function hasCollectionWording(text: string): boolean {
  return hasCollectionWordingNfkc(text.normalize('NFKC'));
}

/** hasCollectionWording for text already in NFKC (normalize once, ask several rules). */
export function hasCollectionWordingNfkc(normalized: string): boolean {
  return COLLECTION_RE.test(normalized);
}

export type ThreatKind = 'court' | 'police' | 'lawyer' | 'visit' | 'family_or_work';

const THREAT_PATTERNS: readonly { kind: ThreatKind; re: RegExp }[] = [
  { kind: 'court', re: /法院|起诉|诉讼|立案|传票|开庭|强制执行|执行局|失信被执行|司法程序|仲裁/g },
  { kind: 'police', re: /公安|警察|报警|派出所|刑事|拘留|坐牢|判刑|逮捕|诈骗罪|刑警/g },
  { kind: 'lawyer', re: /律师函|律师事务所|律所|律师/g },
  { kind: 'visit', re: /上门|家访|外访|走访|实地(?:拜访|调查|催收)|到访|登门/g },
  {
    kind: 'family_or_work',
    re: /家人|家属|亲属|亲友|亲戚|父母|配偶|子女|同事|领导|工作单位|所在单位|单位领导|通讯录|紧急联系人|村委会?|居委会?|户籍地|老家|(?:到|去)(?:你|您)?的?(?:家|单位|公司)/g,
  },
];

export interface ThreatMatch {
  kind: ThreatKind;
  /** The words found, as written (first few). */
  words: string[];
}

/** Which kinds of threatening or impersonating wording the text contains. */
export function findThreatWording(text: string): ThreatMatch[] {
  return findThreatWordingNfkc(text.normalize('NFKC'));
}

/** Any word of any kind: most texts have none, and one scan says so instead of five. */
const ANY_THREAT = new RegExp(THREAT_PATTERNS.map(({ re }) => `(?:${re.source})`).join('|'));

/** findThreatWording for text already in NFKC. */
export function findThreatWordingNfkc(normalized: string): ThreatMatch[] {
  if (!ANY_THREAT.test(normalized)) return [];
  const out: ThreatMatch[] = [];
  for (const { kind, re } of THREAT_PATTERNS) {
    const words = new Set<string>();
    for (const m of normalized.matchAll(re)) {
      words.add(m[0]);
      if (words.size >= 5) break;
    }
    if (words.size > 0) out.push({ kind, words: [...words] });
  }
  return out;
}

/**
 * A case number as courts write it: （2026）渝0192民初12345号, (2025)京0105民初1号. A real
 * lawsuit has one; a threat ("再不还就起诉你") does not.
 */
const CASE_NUMBER = /[（(](?:19|20)\d{2}[）)][\u4e00-\u9fa5]{1,2}\d{0,6}[\u4e00-\u9fa5]{1,4}\d{1,8}号/;
const FILED = /(?:已|已经|依法)(?:向|在)?[^，。；]{0,24}(?:法院|仲裁委员会)(?:提起|起诉|立案|申请)|已(?:被)?(?:起诉|立案|受理)|(?:法院|仲裁委员会)已(?:受理|立案)/;

/** A notice that a lawsuit was actually filed: the filing and its case number. */
export function isLegalProcessNoticeNfkc(normalized: string): { caseNumber: string } | null {
  const m = CASE_NUMBER.exec(normalized);
  if (!m || !FILED.test(normalized)) return null;
  return { caseNumber: m[0] };
}
