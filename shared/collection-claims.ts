// What a collection message or a bank bill claims: the amount owed, the days overdue,
// the due date and the minimum payment. The app shows these beside the user's own
// figures so a claim that does not match stands out ("confirm the overdue is real; don't
// believe unverified high fees"). Conservative: a field is left undefined rather than
// guessed, and verification codes, carrier bills, balance notices and marketing never
// yield a claim. The pieces live in shared/claims/.
import { amountMentions, type AmountMention } from './claims/amounts';
import { parseOverdueDays } from './claims/days';
import { parseDueDate } from './claims/due-date';
import { nonClaimKind } from './claims/message-kind';
import { parseChineseInteger } from './claims/cn-numerals';

export interface CollectionClaims {
  /** The total the message says is owed, "12345.67" (what is left after a stated payment). */
  amountOwed?: string;
  /** The days overdue the message states. */
  overdueDays?: number;
  /** The due date it states: "2024-10-18", or "10-18" when neither it nor the message date gives the year. */
  dueDate?: string;
  /** The minimum payment it states, "523.61". */
  minimumPayment?: string;
}

export interface ExtractOptions {
  /** The message's own date (YYYY-MM-DD, Beijing), to give a year to "10月18日". */
  received?: string;
}

/** 三十七 → 37, 十五 → 15, 一百零五 → 105, 两百 → 200; undefined if it is not such a number. */
export function parseChineseCount(text: string): number | undefined {
  return parseChineseInteger(text);
}

/** Which amount is "owed": what is left after a payment, else a total, else this period's bill. */
const OWED_ORDER = ['remaining', 'total', 'period'] as const;

function pickOwed(mentions: AmountMention[]): string | undefined {
  for (const role of OWED_ORDER) {
    const found = mentions.find((m) => m.role === role);
    if (found) return found.value;
  }
  return undefined;
}

/** Reads the claims a message body makes. */
export function extractClaims(body: string, options: ExtractOptions = {}): CollectionClaims {
  // NFKC: full-width digits, ￥ and ，：to ASCII.
  const text = body.normalize('NFKC');
  if (nonClaimKind(text) !== null) return {};
  const claims: CollectionClaims = {};
  const mentions = amountMentions(text);
  const amountOwed = pickOwed(mentions);
  if (amountOwed !== undefined) claims.amountOwed = amountOwed;
  const overdueDays = parseOverdueDays(text);
  if (overdueDays !== undefined) claims.overdueDays = overdueDays;
  const dueDate = parseDueDate(text, options.received);
  if (dueDate !== undefined) claims.dueDate = dueDate;
  const minimum = mentions.find((m) => m.role === 'minimum');
  if (minimum !== undefined) claims.minimumPayment = minimum.value;
  return claims;
}
