// The days overdue a message states: "已逾期37天", "逾期天数：92天", "逾期已达三十七天",
// "已逾期第15日", "拖欠200天", "逾期天数共计35天", "逾期已满30天". Not read: "逾期半个月", "逾期两个月" (not a day count — left
// unparsed rather than guessed), "如逾期超过90天将…" and "3天内还款" (conditions, not claims).
import { parseChineseInteger } from './cn-numerals';

const NUM = '(\\d{1,5}|[零〇一二两三四五六七八九十百千]{1,8})';
const PATTERNS = [
  new RegExp(`逾期(?:天数|时长|时间)?\\s*[:：为]?\\s*(?:已经|已满|已|了|达到|已达|达|满|共计|合计|累计|共|超过|长达|至今)?\\s*(?:第)?\\s*${NUM}\\s*(?:天|日)`, 'g'),
  new RegExp(`(?:拖欠|欠款|超期|逾期未还)(?:已经|已|了|达|长达)?\\s*(?:第)?\\s*${NUM}\\s*(?:天|日)`, 'g'),
];
/** What makes a day count a condition or a rule, not a statement about this debt. */
const CONDITION_BEFORE = /(如|若|如果|一旦|倘若|若是|假如|超过|满)[^，,。；;]{0,6}$/;
const CONDITION_AFTER = /^\s*(以上|以后|后|内|之内|将|会|者|的用户|的客户|即|起|前)/;

export function parseOverdueDays(text: string): number | undefined {
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const raw = m[1];
      if (raw === undefined) continue;
      const start = m.index ?? 0;
      if (CONDITION_BEFORE.test(text.slice(Math.max(0, start - 8), start))) continue;
      if (CONDITION_AFTER.test(text.slice(start + m[0].length))) continue;
      const n = /^\d+$/.test(raw) ? Number(raw) : parseChineseInteger(raw);
      if (n !== undefined && n > 0 && n <= 36_500) return n;
    }
  }
  return undefined;
}
