// The shipped shared/data/cn-holidays.json must be exactly what scripts/gen-holidays.mjs
// makes from the installed chinese-days package, and the package must say what the
// State Council's notice 国务院办公厅关于2025年部分节假日安排的通知 says (checked by hand).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import shipped from '../../shared/data/cn-holidays.json';

const root = path.resolve(__dirname, '../..');
const pkgDir = path.join(root, 'node_modules', 'chinese-days');
const source = JSON.parse(readFileSync(path.join(pkgDir, 'dist', 'chinese-days.json'), 'utf8')) as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;

const inRange = (map: Record<string, string>, from: string, to: string) =>
  Object.keys(map)
    .filter((d) => d >= from && d <= to)
    .sort();

describe('chinese-days data for 2025', () => {
  it('Spring Festival: Jan 28 – Feb 4 off; Jan 26 and Feb 8 are make-up working days', () => {
    expect(inRange(source.holidays, '2025-01-20', '2025-02-15')).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(inRange(source.workdays, '2025-01-20', '2025-02-15')).toEqual(['2025-01-26', '2025-02-08']);
  });
  it('National Day and Mid-Autumn: Oct 1 – 8 off; Sep 28 and Oct 11 are make-up working days', () => {
    expect(inRange(source.holidays, '2025-09-20', '2025-10-20')).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(inRange(source.workdays, '2025-09-20', '2025-10-20')).toEqual(['2025-09-28', '2025-10-11']);
  });
});

describe('shared/data/cn-holidays.json', () => {
  it('matches the installed chinese-days package (else run: node scripts/gen-holidays.mjs)', async () => {
    const script = pathToFileURL(path.join(root, 'scripts', 'gen-holidays.mjs')).href;
    const { buildHolidayData } = (await import(script)) as {
      buildHolidayData: (s: unknown, v: string) => { data: unknown };
    };
    expect(shipped).toEqual(buildHolidayData(source, version).data);
  });
  it('covers only whole published years', () => {
    const years = Object.keys(shipped.years);
    expect(years[0]).toBe('2004');
    expect(years[years.length - 1]).toBe('2026');
    for (const [year, data] of Object.entries(shipped.years)) {
      for (const d of [...data.holidays, ...data.workdays]) expect(d.startsWith(`${year}-`)).toBe(true);
    }
  });
});
