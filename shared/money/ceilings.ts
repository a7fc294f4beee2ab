// The legal ceilings a court may apply to overdue interest, each with its legal basis and
// the caveat that says when it does NOT apply (domain.md §1). The LPR history is data
// (../data/lpr.json) that the user can extend, never code; the wording of each basis and
// caveat is data too (../data/ceilings.json).
import { BadInputError } from '../errors';
import { compareDates, parseDate } from '../time/beijing';
import lprData from '../data/lpr.json';
import ceilingData from '../data/ceilings.json';
import { Money, formatPercent, formatRate, type Decimal } from './decimal';
import { parseRate } from './parse-amount';

export interface LprRow {
  /** First day this quote applies, YYYY-MM-DD. */
  from: string;
  /** Annual rate as a decimal string ("0.03" = 3.00 %). */
  rate: string;
  note?: string;
}

export interface LprTable {
  rows: LprRow[];
  /** The last date someone checked that no newer quote exists. */
  checkedThrough: string;
}

function validateRow(row: unknown, where: string): LprRow {
  if (typeof row !== 'object' || row === null) throw new BadInputError(`${where}：必须是 {from, rate} 对象`);
  const r = row as Record<string, unknown>;
  const from = parseDate(r.from, `${where}.from`);
  const rate = parseRate(r.rate, 'annual', `${where}.rate`);
  // A one-year LPR has never been near 0 or 20 %; outside that it is a typo (3 vs 0.03).
  if (rate.lessThanOrEqualTo(0) || rate.greaterThan('0.2')) {
    throw new BadInputError(`${where}.rate 不像一年期 LPR：${formatPercent(rate)}（应写成 0.03 或 3%）`);
  }
  const out: LprRow = { from, rate: formatRate(rate) };
  if (r.note !== undefined) {
    if (typeof r.note !== 'string') throw new BadInputError(`${where}.note 必须是文字`);
    out.note = r.note;
  }
  return out;
}

/** The shipped table, validated at load so a bad edit to the JSON fails loudly. */
export const SHIPPED_LPR: LprTable = {
  rows: lprData.rows.map((row, i) => validateRow(row, `lpr.json rows[${i}]`)),
  checkedThrough: parseDate(lprData.checkedThrough, 'lpr.json checkedThrough'),
};

/**
 * The shipped rows plus the user's (validated; a user row with the same date replaces
 * the shipped one), sorted by date. Throws BadInputError naming the bad row.
 */
export function mergeLprRows(userRows: unknown, base: LprTable = SHIPPED_LPR): LprTable {
  if (!Array.isArray(userRows)) throw new BadInputError('LPR 数据必须是一个列表');
  const byDate = new Map<string, LprRow>();
  for (const row of base.rows) byDate.set(row.from, row);
  const seen = new Set<string>();
  userRows.forEach((row, i) => {
    const valid = validateRow(row, `LPR 第 ${String(i + 1)} 行`); // number-ok: row number for people
    if (seen.has(valid.from)) throw new BadInputError(`LPR 第 ${String(i + 1)} 行：日期 ${valid.from} 重复`); // number-ok: row number
    seen.add(valid.from);
    byDate.set(valid.from, valid);
  });
  const rows = [...byDate.values()].sort((a, b) => compareDates(a.from, b.from));
  const last = rows[rows.length - 1]; // number-ok: index
  const checkedThrough = last && compareDates(last.from, base.checkedThrough) > 0 ? last.from : base.checkedThrough;
  return { rows, checkedThrough };
}

export interface LprOn {
  date: string;
  rate: Decimal;
  /** The quote date this rate comes from. */
  from: string;
  /** True when `date` is after table.checkedThrough: a newer quote may exist. */
  mayBeStale: boolean;
}

/** The one-year LPR in force on `date`. Before the first row: an error, never a guess. */
export function lprOn(date: string, table: LprTable = SHIPPED_LPR): LprOn {
  const on = parseDate(date);
  let found: LprRow | undefined;
  for (const row of table.rows) if (compareDates(row.from, on) <= 0) found = row;
  if (!found) {
    const first = table.rows[0];
    throw new BadInputError(`没有 ${on} 的一年期 LPR 数据（表中最早为 ${first ? first.from : '无'}）。请在设置中补充当时的 LPR。`);
  }
  return { date: on, rate: new Money(found.rate), from: found.from, mayBeStale: compareDates(on, table.checkedThrough) > 0 };
}

export type CeilingKind = 'private-lending-4x-lpr' | 'financial-loan-24';

export interface Ceiling {
  kind: CeilingKind;
  /** Annual rate as a decimal string ("0.12"). */
  annualRate: string;
  title: string;
  /** The legal basis, in Chinese, as it should appear next to the figure. */
  basis: string;
  /** When the figure does not apply or is uncertain. Always shown with it. */
  caveat: string;
  lpr?: { rate: string; from: string; mayBeStale: boolean };
}

/**
 * 4 × the one-year LPR at `date` (the contract date for agreed interest, per Art 25).
 * The private-lending ceiling: licensed lenders are outside it.
 */
export function fourTimesLpr(date: string, table: LprTable = SHIPPED_LPR): Ceiling {
  const lpr = lprOn(date, table);
  return {
    kind: 'private-lending-4x-lpr',
    annualRate: formatRate(lpr.rate.times(4)),
    title: `4 倍一年期 LPR（${formatPercent(lpr.rate)} × 4 = ${formatPercent(lpr.rate.times(4))}）`,
    basis: ceilingData.privateLending4xLpr.basis,
    caveat: ceilingData.privateLending4xLpr.caveat + (lpr.mayBeStale ? `所用 LPR 为 ${lpr.from} 的报价，之后可能已调整，请核对。` : ''),
    lpr: { rate: formatRate(lpr.rate), from: lpr.from, mayBeStale: lpr.mayBeStale },
  };
}

export const FINANCIAL_LOAN_ANNUAL_RATE = new Money(ceilingData.financialLoan24.annualRate);

/** The 24 % a year figure commonly cited for financial loans. */
export function financialLoan24(): Ceiling {
  return {
    kind: 'financial-loan-24',
    annualRate: formatRate(FINANCIAL_LOAN_ANNUAL_RATE),
    title: '金融借款年利率 24%',
    basis: ceilingData.financialLoan24.basis,
    caveat: ceilingData.financialLoan24.caveat,
  };
}

/** Both ceilings for a date, private-lending first; the 4 × LPR one is omitted when no LPR data covers the date. */
export function ceilingsOn(date: string, table: LprTable = SHIPPED_LPR): Ceiling[] {
  const out: Ceiling[] = [];
  try {
    out.push(fourTimesLpr(date, table));
  } catch (err) {
    if (!(err instanceof BadInputError)) throw err;
  }
  out.push(financialLoan24());
  return out;
}
