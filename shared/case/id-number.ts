import { dayExists } from '../time/beijing';
// The resident ID number (公民身份号码) as GB 11643-1999 defines it: 17 digits (address
// code, birth date YYYYMMDD, order code) and a check digit, ISO 7064 MOD 11-2 (0–9 or X).
// A wrong number on a signed application is refused where it is typed. Isomorphic.

export type IdNumberProblem = 'length' | 'characters' | 'birth_date' | 'check_digit';

export const ID_NUMBER_PROBLEM_ZH: Record<IdNumberProblem, string> = {
  length: '身份证号应为 18 位（GB 11643）',
  characters: '身份证号前 17 位应为数字，最后一位为数字或 X',
  birth_date: '身份证号第 7–14 位不是有效的出生日期',
  check_digit: '身份证号的校验位不对（GB 11643），请逐位核对',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check digit the first 17 digits call for. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** What is wrong with an ID number, or null (an empty one is not checked: the field is optional). */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const s = raw.trim().toUpperCase();
  if (s === '') return null;
  if (s.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(s)) return 'characters';
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  if (y < 1900 || !dayExists(y, m, d)) return 'birth_date';
  if (idCheckDigit(s.slice(0, 17)) !== s[17]) return 'check_digit';
  return null;
}
