// Regenerates shared/data/cn-holidays.json from the chinese-days package's shipped data
// (node_modules/chinese-days/dist/chinese-days.json, compiled from the State Council's
// yearly 国务院办公厅关于部分节假日安排的通知). Run after upgrading chinese-days:
//   node scripts/gen-holidays.mjs
// test/calendar/holiday-data.test.ts fails when the shipped file and the package differ.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = path.join(root, 'node_modules', 'chinese-days');

/** Pure: the package's JSON and version → the file we ship. Also used by the drift test. */
export function buildHolidayData(source, version) {
  const years = {};
  const add = (kind, date, name) => {
    const year = date.slice(0, 4);
    years[year] ??= { holidays: [], workdays: [], names: new Set() };
    years[year][kind].push(date);
    years[year].names.add(String(name).split(',')[0]);
  };
  for (const [date, name] of Object.entries(source.holidays)) add('holidays', date, name);
  for (const [date, name] of Object.entries(source.workdays)) add('workdays', date, name);
  const out = {};
  const skipped = [];
  for (const year of Object.keys(years).sort()) {
    const y = years[year];
    // A year counts as published only when its notice is in: Spring Festival and National
    // Day both present. A stray date (a New Year block reaching into the next year) is not.
    if (!y.names.has('Spring Festival') || !y.names.has('National Day')) {
      skipped.push(year);
      continue;
    }
    out[year] = { holidays: y.holidays.sort(), workdays: y.workdays.sort() };
  }
  return {
    data: {
      source: `chinese-days ${version} (dist/chinese-days.json)，依据国务院办公厅每年发布的部分节假日安排通知`,
      generatedBy: 'scripts/gen-holidays.mjs',
      years: out,
    },
    skipped,
  };
}

function main() {
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const source = JSON.parse(readFileSync(path.join(pkgDir, 'dist', 'chinese-days.json'), 'utf8'));
  const { data, skipped } = buildHolidayData(source, version);
  const file = path.join(root, 'shared', 'data', 'cn-holidays.json');
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  const years = Object.keys(data.years);
  console.log(`wrote ${path.relative(root, file)}: ${years[0]}–${years[years.length - 1]}`);
  if (skipped.length) console.log(`years without a full notice, left out: ${skipped.join(', ')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
