// An honest, offline estimate of how hard a passphrase is to guess. Runs in any process
// (no Node or DOM imports). It is a small zxcvbn-style estimator: the passphrase is split
// into the cheapest chain of guessable patterns (common passwords and words, sequences
// such as "abcdef" / "123456" / "qwerty", repeats such as "aaaa" / "abcabc"), everything
// else is priced per character by the variety of characters in use, and the total
// number of bits decides a score 0–4. Length is counted in characters (a Chinese
// character counts once), like shared/passphrase.ts.
import { MIN_PASSPHRASE_LENGTH } from './passphrase';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** A short hint for the user; the renderer translates `strength.hint.<key>`. */
export type StrengthHint = 'empty' | 'tooShort' | 'common' | 'repeat' | 'sequence' | 'date' | 'variety' | 'longer' | 'good' | 'strong';

export interface StrengthResult {
  score: StrengthScore;
  hint: StrengthHint;
  /** Length in characters. */
  length: number;
  /** Estimated guessing entropy in bits (log2 of the estimated number of guesses). */
  bits: number;
}

/**
 * Common passwords and words, most common first (the rank prices the guess). Lower-case;
 * matching is case-insensitive and also tries undoing simple l33t (p@ssw0rd → password).
 */
const COMMON: readonly string[] = [
  '123456',
  'password',
  '123456789',
  '12345678',
  '111111',
  '000000',
  '5201314',
  '123123',
  '1234567890',
  '666666',
  '888888',
  '88888888',
  '11111111',
  '123456789a',
  'a123456',
  'qwerty',
  'abc123',
  'iloveyou',
  'woaini1314',
  '1314520',
  'qq123456',
  'a123456789',
  'aa123456',
  '1qaz2wsx',
  '1q2w3e4r',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '147258369',
  '123321',
  '654321',
  '112233',
  '7758521',
  '520520',
  'woaini',
  'admin',
  'root',
  'passw0rd',
  'password1',
  'qwe123',
  '123qwe',
  'abc123456',
  'abcd1234',
  'welcome',
  'letmein',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'master',
  'shadow',
  'superman',
  'michael',
  'hello',
  'love',
  'iloveu',
  'login',
  'secret',
  'changeme',
  'default',
  'test',
  'guest',
  'user',
  'china',
  'beijing',
  'shanghai',
  'zhongguo',
  'nihao',
  'wangyi',
  'baidu',
  'taobao',
  'alipay',
  'zhifubao',
  'huabei',
  'jiebei',
  'weixin',
  'wechat',
  'xieshang',
  'mima',
  'kouling',
  'zhangwei',
  'wangwei',
  'liwei',
  'wangfang',
  'xiaoming',
  'lilei',
  'hanmeimei',
  '我爱你',
  '我爱你一生一世',
  '一生一世',
  '一二三四五六',
  '一二三四',
  '密码',
  '口令',
  '中国',
  '你好',
  '证据箱',
  '协商',
  '花呗',
  '借呗',
  '支付宝',
  '微信',
  '淘宝',
];

const L33T: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
};

/** Keyboard rows (and the common column walk) whose runs are as guessable as "abcd". */
const KEYBOARD_ROWS: readonly string[] = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb'];

/** Bits per character for CJK and other non-ASCII characters. A random common hanzi is
 * worth ~11.8 bits, but people type meaningful phrases, whose characters are far more
 * predictable (natural Chinese text carries ~5–6 bits a character); 6 bits is a cautious middle. */
const BITS_PER_NON_ASCII_CHAR = 6;

/** Characters beyond this are priced flat: the passphrase is long enough already. */
const ANALYSE_MAX = 128;

/** Score thresholds in bits. Key derivation costs ~256k PBKDF2 rounds per guess, so
 * ~50 bits already takes one GPU years; 70 bits leaves a wide margin. */
const THRESHOLDS: readonly [number, number, number, number] = [24, 36, 52, 70];

type PatternKind = 'common' | 'sequence' | 'repeat' | 'date';
interface Match {
  start: number;
  end: number; // exclusive
  bits: number;
  kind: PatternKind;
}

export function estimatePassphraseStrength(passphrase: string, minLength: number = MIN_PASSPHRASE_LENGTH): StrengthResult {
  const chars = Array.from(passphrase);
  const length = chars.length;
  if (length === 0) return { score: 0, hint: 'empty', length: 0, bits: 0 };

  const charBits = perCharBits(chars);
  const head = chars.slice(0, ANALYSE_MAX);
  const tail = chars.slice(ANALYSE_MAX);
  const lower = head.map((c) => c.toLowerCase());

  const matches = [...commonMatches(lower, head), ...sequenceMatches(lower), ...repeatMatches(lower, charBits), ...dateMatches(lower)];
  const { bits: headBits, used } = cheapestChain(head, matches, charBits);
  let bits = headBits;
  for (const c of tail) bits += charBits(c);
  bits = Math.round(bits * 10) / 10;

  const isCommon = COMMON.includes(passphrase.toLowerCase()) || COMMON.includes(unleet(passphrase.toLowerCase()));
  let score = scoreFromBits(bits);
  if (isCommon) score = 0;
  if (length < minLength && score > 1) score = 1;

  return { score, hint: chooseHint(score, isCommon, length, minLength, chars, used), length, bits };
}

function scoreFromBits(bits: number): StrengthScore {
  let score = 0;
  for (const t of THRESHOLDS) if (bits >= t) score += 1;
  return score as StrengthScore;
}

function chooseHint(score: StrengthScore, isCommon: boolean, length: number, minLength: number, chars: readonly string[], used: readonly Match[]): StrengthHint {
  if (isCommon) return 'common';
  if (length < minLength) return 'tooShort';
  if (score >= 4) return 'strong';
  // Name the pattern that covers most of the passphrase, if it covers a good part of it.
  const covered: Record<PatternKind, number> = { common: 0, sequence: 0, repeat: 0, date: 0 };
  for (const m of used) covered[m.kind] += m.end - m.start;
  const worst = (Object.keys(covered) as PatternKind[]).reduce((a, b) => (covered[b] > covered[a] ? b : a));
  if (score <= 2 && covered[worst] * 3 >= length) return worst;
  if (score === 3) return 'good';
  if (classCount(chars) <= 1) return 'variety';
  return 'longer';
}

type CharClass = 'lower' | 'upper' | 'digit' | 'symbol' | 'cjk' | 'other';

function classOf(c: string): CharClass {
  if (c >= 'a' && c <= 'z') return 'lower';
  if (c >= 'A' && c <= 'Z') return 'upper';
  if (c >= '0' && c <= '9') return 'digit';
  const cp = c.codePointAt(0) ?? 0;
  if (cp < 0x80) return 'symbol';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u.test(c)) return 'cjk';
  return 'other';
}

function classCount(chars: readonly string[]): number {
  return new Set(chars.map(classOf)).size;
}

/** Per-character price, from the variety of ASCII classes present in the whole passphrase. */
function perCharBits(chars: readonly string[]): (c: string) => number {
  const classes = new Set(chars.map(classOf));
  let pool = 0;
  if (classes.has('lower')) pool += 26;
  if (classes.has('upper')) pool += 26;
  if (classes.has('digit')) pool += 10;
  if (classes.has('symbol')) pool += 33;
  const asciiBits = pool > 0 ? Math.log2(pool) : 0;
  return (c) => ((c.codePointAt(0) ?? 0) < 0x80 ? asciiBits : BITS_PER_NON_ASCII_CHAR);
}

function unleet(s: string): string {
  return Array.from(s, (c) => L33T[c] ?? c).join('');
}

function commonMatches(lower: readonly string[], original: readonly string[]): Match[] {
  const text = lower.join('');
  const leet = unleet(text);
  // Map UTF-16 offsets back to character indices.
  const charIndexAt = new Map<number, number>();
  let offset = 0;
  lower.forEach((c, i) => {
    charIndexAt.set(offset, i);
    offset += c.length;
  });
  charIndexAt.set(offset, lower.length);

  const out: Match[] = [];
  COMMON.forEach((word, rank) => {
    const wordChars = Array.from(word).length;
    if (wordChars < 2) return;
    for (const [source, extra] of [
      [text, 0],
      [leet, 1],
    ] as const) {
      if (extra === 1 && leet === text) continue;
      let from = source.indexOf(word);
      while (from !== -1) {
        const start = charIndexAt.get(from);
        const end = charIndexAt.get(from + word.length);
        if (start !== undefined && end !== undefined) {
          // One bit more for l33t, one more for capitals (Password, PASSWORD).
          const caps = original.slice(start, end).some((c, k) => c !== lower[start + k]) ? 1 : 0;
          out.push({ start, end, bits: Math.log2(rank + 2) + extra + caps + 1, kind: 'common' });
        }
        from = source.indexOf(word, from + 1);
      }
    }
  });
  return out;
}

function sequenceMatches(lower: readonly string[]): Match[] {
  const out: Match[] = [];
  const n = lower.length;
  // Runs where each code point is the previous ±1 (abc, 321, 一二 is not, but ａｂｃ is).
  for (let i = 0; i < n;) {
    let j = i + 1;
    const d = j < n ? (lower[j]!.codePointAt(0) ?? 0) - (lower[i]!.codePointAt(0) ?? 0) : 0;
    if (d === 1 || d === -1) {
      while (j + 1 < n && (lower[j + 1]!.codePointAt(0) ?? 0) - (lower[j]!.codePointAt(0) ?? 0) === d) j += 1;
      addRun(out, lower, i, j + 1);
      i = j;
    } else {
      i += 1;
    }
  }
  // Runs along a keyboard row, in either direction.
  for (const row of KEYBOARD_ROWS) {
    for (const r of [row, [...row].reverse().join('')]) {
      for (let i = 0; i < n; i += 1) {
        let k = r.indexOf(lower[i]!);
        if (k === -1) continue;
        let j = i;
        while (j + 1 < n && k + 1 < r.length && lower[j + 1] === r[k + 1]) {
          j += 1;
          k += 1;
        }
        if (j - i + 1 >= 3) addRun(out, lower, i, j + 1);
      }
    }
  }
  return out;
}

function addRun(out: Match[], lower: readonly string[], start: number, end: number): void {
  const len = end - start;
  if (len < 3) return;
  const first = lower[start]!;
  // Obvious starts (a, 1, 0, z, 9) are guessed first.
  const base = 'a1z90qA'.includes(first) ? 2 : classOf(first) === 'digit' ? 10 : 26;
  out.push({ start, end, bits: Math.log2(base) + Math.log2(len) + 1, kind: 'sequence' });
}

function repeatMatches(lower: readonly string[], charBits: (c: string) => number): Match[] {
  const out: Match[] = [];
  const n = lower.length;
  for (let i = 0; i < n; i += 1) {
    for (let unit = 1; unit <= Math.floor((n - i) / 2); unit += 1) {
      let times = 1;
      while (i + (times + 1) * unit <= n && sameSlice(lower, i, i + times * unit, unit)) times += 1;
      if (times < 2 || (unit === 1 && times < 3)) continue;
      let unitBits = 0;
      for (let k = i; k < i + unit; k += 1) unitBits += charBits(lower[k]!);
      out.push({ start: i, end: i + times * unit, bits: unitBits + Math.log2(times), kind: 'repeat' });
    }
  }
  return out;
}

/** Years (1900–2039) and dates (yyyymmdd, yymmdd, mmdd): birthdays are guessed early. */
function dateMatches(lower: readonly string[]): Match[] {
  const out: Match[] = [];
  const text = lower.join('');
  if (text.length !== lower.length) return out; // non-BMP characters: indices differ; skip
  const isMonthDay = (mmdd: string): boolean => {
    const m = Number(mmdd.slice(0, 2));
    const d = Number(mmdd.slice(2, 4));
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
  };
  const isYear = (y: string): boolean => Number(y) >= 1900 && Number(y) <= 2039;
  for (let i = 0; i < text.length; i += 1) {
    const s8 = text.slice(i, i + 8);
    if (/^\d{8}$/.test(s8) && isYear(s8.slice(0, 4)) && isMonthDay(s8.slice(4))) {
      out.push({ start: i, end: i + 8, bits: Math.log2(140 * 366), kind: 'date' });
    }
    const s6 = text.slice(i, i + 6);
    if (/^\d{6}$/.test(s6) && isMonthDay(s6.slice(2))) {
      out.push({ start: i, end: i + 6, bits: Math.log2(100 * 366), kind: 'date' });
    }
    const s4 = text.slice(i, i + 4);
    if (/^\d{4}$/.test(s4) && isYear(s4)) out.push({ start: i, end: i + 4, bits: Math.log2(140), kind: 'date' });
    else if (/^\d{4}$/.test(s4) && isMonthDay(s4)) out.push({ start: i, end: i + 4, bits: Math.log2(366), kind: 'date' });
  }
  return out;
}

function sameSlice(a: readonly string[], x: number, y: number, len: number): boolean {
  for (let k = 0; k < len; k += 1) if (a[x + k] !== a[y + k]) return false;
  return true;
}

/** Dynamic programming: the cheapest way to build the passphrase from patterns and single
 * characters. Each pattern beyond the first costs one extra bit (where the patterns join). */
function cheapestChain(chars: readonly string[], matches: readonly Match[], charBits: (c: string) => number): { bits: number; used: Match[] } {
  const n = chars.length;
  const best: number[] = new Array<number>(n + 1).fill(Infinity);
  const via: (Match | null)[] = new Array<Match | null>(n + 1).fill(null);
  best[0] = 0;
  const byEnd = new Map<number, Match[]>();
  for (const m of matches) {
    const list = byEnd.get(m.end) ?? [];
    list.push(m);
    byEnd.set(m.end, list);
  }
  for (let i = 1; i <= n; i += 1) {
    let cost = best[i - 1]! + charBits(chars[i - 1]!);
    let chosen: Match | null = null;
    for (const m of byEnd.get(i) ?? []) {
      const c = best[m.start]! + m.bits + (m.start > 0 ? 1 : 0);
      if (c < cost) {
        cost = c;
        chosen = m;
      }
    }
    best[i] = cost;
    via[i] = chosen;
  }
  const used: Match[] = [];
  for (let i = n; i > 0;) {
    const m = via[i];
    if (m) {
      used.push(m);
      i = m.start;
    } else {
      i -= 1;
    }
  }
  return { bits: best[n]!, used };
}
