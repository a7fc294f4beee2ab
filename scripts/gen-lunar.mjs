// Regenerates shared/data/cn-festival-dates.json: for each year, the Gregorian dates of the
// lunar and solar-term days the statutory holidays hang on (除夕, 正月初一, 清明, 端午, 中秋),
// computed with the chinese-days package's lunar calendar. The app uses the table only for
// years without a State Council notice (a provisional answer). Run after upgrading chinese-days:
//   node scripts/gen-lunar.mjs
// test/calendar/festival-dates.test.ts checks the table against the package and against the
// published schedules of the years we ship.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export const FIRST_YEAR = 2004;
export const LAST_YEAR = 2050;

/** Pure over the package's functions: the table we ship. */
export function buildFestivalDates(cd, first = FIRST_YEAR, last = LAST_YEAR) {
  const years = {};
  for (let y = first; y <= last; y++) {
    const found = {};
    for (const f of cd.getLunarFestivals(`${y}-01-01`, `${y}-12-31`)) {
      for (const name of f.name) {
        if (name === '除夕') found.chuxi = f.date;
        if (name === '春节') found.chunjie = f.date;
        if (name === '端午节') found.duanwu = f.date;
        if (name === '中秋节') found.zhongqiu = f.date;
      }
    }
    found.qingming = cd.getSolarTermDate(y, 4, 'pure_brightness');
    for (const k of ['chuxi', 'chunjie', 'qingming', 'duanwu', 'zhongqiu']) {
      if (!found[k]) throw new Error(`${y}: no ${k}`);
    }
    years[String(y)] = {
      chuxi: found.chuxi,
      chunjie: found.chunjie,
      qingming: found.qingming,
      duanwu: found.duanwu,
      zhongqiu: found.zhongqiu,
    };
  }
  return years;
}

function main() {
  const cd = require('chinese-days');
  const version = require('chinese-days/package.json').version;
  const data = {
    source: `chinese-days ${version} 的农历与节气计算（getLunarFestivals、getSolarTermDate）`,
    generatedBy: 'scripts/gen-lunar.mjs',
    note: '除夕、正月初一（春节）、清明、端午、中秋的公历日期；只用于尚无国务院放假通知的年份的估算',
    years: buildFestivalDates(cd),
  };
  const file = path.join(root, 'shared', 'data', 'cn-festival-dates.json');
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`wrote ${path.relative(root, file)}: ${FIRST_YEAR}–${LAST_YEAR}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
