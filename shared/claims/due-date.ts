// The due date a message states: "最后还款日10月18日", "到期还款日：2024-10-25",
// "请于2024年10月20日前还款", "将于12月10日到期". Without a year it is "MM-DD" unless the message's own date
// is known, then the year that puts it nearest that date.
import { daysFromCivil, isValidDate } from '../time/beijing';

const DATE = '(?:(\\d{4})\\s*[年\\-/.]\\s*)?(\\d{1,2})\\s*[月\\-/.]\\s*(\\d{1,2})\\s*[日号]?';
const PATTERNS = [
  new RegExp(`(?:最后还款日|到期还款日|还款到期日|最迟还款日|还款截止日|还款日|到期日|截止日期|截止日)(?:期)?\\s*(?:为|是)?\\s*[:：]?\\s*${DATE}`),
  new RegExp(
    `(?:请于|请在|务必于|务必在|须于|需于|需在|最迟于|最迟在|最晚于|最晚)\\s*${DATE}\\s*(?:\\d{1,2}[:：]\\d{2}|\\d{1,2}[点时])?\\s*(?:前|之前|以前|当天|当日)?\\s*(?:还款|还清|结清|处理|归还|缴清|偿还|还上|全额还款|存入|将)`,
  ),
  // "账单将于12月10日到期" (a date ahead; "已于10月15日到期" is past, not a date to pay by).
  new RegExp(`(?:将于|将在)\\s*${DATE}\\s*(?:\\d{1,2}[:：]\\d{2})?\\s*(?:到期|截止)`),
];

const pad = (n: number) => String(n).padStart(2, '0');

export function parseDueDate(text: string, received?: string): string | undefined {
  for (const re of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (m[1] !== undefined) {
      const iso = `${m[1]}-${pad(month)}-${pad(day)}`;
      if (isValidDate(iso)) return iso;
      continue;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (received === undefined || !isValidDate(received)) return `${pad(month)}-${pad(day)}`;
    const year = Number(received.slice(0, 4));
    const ref = daysFromCivil({ year, month: Number(received.slice(5, 7)), day: Number(received.slice(8, 10)) });
    let best: string | undefined;
    let bestGap = Infinity;
    for (const y of [year - 1, year, year + 1]) {
      const iso = `${y}-${pad(month)}-${pad(day)}`;
      if (!isValidDate(iso)) continue;
      const gap = Math.abs(daysFromCivil({ year: y, month, day }) - ref); // number-ok: a day count
      if (gap < bestGap) {
        best = iso;
        bestGap = gap;
      }
    }
    if (best !== undefined) return best;
  }
  return undefined;
}
