// The State Council notice parser on the real 2026 notice (it must give exactly the shipped
// 2026 data), an invented 2027 notice in the same format, the 2025 wording (放假1天，不调休;
// a combined 国庆节、中秋节 item) and bad pastes (clear Chinese errors).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../../shared/calendar/notice';
import { SHIPPED_HOLIDAYS } from '../../shared/calendar/workdays';
import { BadInputError } from '../../shared/errors';

const notice = (name: string) => readFileSync(path.join(__dirname, 'notices', name), 'utf8');

const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
鼓励单位和个人结合落实带薪年休假等制度，实际形成较长假期。`;

describe('parseNotice', () => {
  it('the real 2026 notice parses to exactly the shipped 2026 data', () => {
    const parsed = parseNotice(notice('2026.txt'));
    expect(parsed.year).toBe('2026');
    expect({ holidays: parsed.holidays, workdays: parsed.workdays }).toEqual(SHIPPED_HOLIDAYS.years['2026']);
    expect(parsed.items.map((i) => i.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    expect(parsed.items[1]).toEqual({
      name: '春节',
      holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
      workdays: ['2026-02-14', '2026-02-28'],
    });
  });
  it('the 2025 wording (one day, no swap; a combined item; a range across months) gives the shipped 2025 data', () => {
    const parsed = parseNotice(NOTICE_2025);
    expect({ holidays: parsed.holidays, workdays: parsed.workdays }).toEqual(SHIPPED_HOLIDAYS.years['2025']);
    expect(parsed.items.find((i) => i.name === '国庆节、中秋节')?.holidays).toHaveLength(8);
  });
  it('half-width punctuation and full-width digits as copied from web pages', () => {
    const text = notice('2026.txt').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/1/g, '１');
    expect(parseNotice(text).holidays).toEqual(SHIPPED_HOLIDAYS.years['2026']!.holidays);
  });
  it('the invented 2027 notice', () => {
    const parsed = parseNotice(notice('2027-invented.txt'));
    expect(parsed.year).toBe('2027');
    expect(parsed.holidays).toHaveLength(3 + 8 + 3 + 5 + 1 + 1 + 7);
    expect(parsed.workdays).toEqual(['2027-02-14', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);
  });
  it('refuses what it cannot read, saying why', () => {
    expect(() => parseNotice('春节放假')).toThrow(/没有找到通知的年份/);
    expect(() => parseNotice('国务院办公厅关于2027年部分节假日安排的通知 一些文字')).toThrow(/没有找到节日安排/);
    const wrongCount = notice('2026.txt').replace('共9天', '共8天');
    expect(() => parseNotice(wrongCount)).toThrow(/“春节”写的是共 8 天，但 2026-02-15 至 2026-02-23 是 9 天/);
    const weekdayWork = notice('2026.txt').replace('1月4日（周日）上班', '1月5日（周一）上班');
    expect(() => parseNotice(weekdayWork)).toThrow(/2026-01-05 不是周六或周日/);
    const partial = notice('2026.txt').split('五、')[0]!;
    expect(() => parseNotice(partial)).toThrow(/没有找到“国庆”的安排/);
    expect(() => parseNotice(notice('2026.txt').replace('2月15日', '2月30日'))).toThrow(BadInputError);
  });
});
