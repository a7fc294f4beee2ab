// `xieshang calendar parse-notice FILE` / `calendar add-notice FILE` (docs/cli.md): read a
// State Council holiday notice saved as text; add-notice keeps the year in the user data
// folder, where `calc workdays` and the agenda find it. No vault, no passphrase.
import fs from 'node:fs';
import path from 'node:path';
import type { Command, CommandContext } from '../framework';
import { UsageError, XieshangError } from '../../shared/errors';
import { parseNotice, type ParsedNotice } from '../../shared/calendar/notice';
import { addNotice } from '../../main/calendar/notice-store';
import { userDataDir } from '../../main/paths';

function readNotice(ctx: CommandContext): ParsedNotice {
  const file = ctx.positionals[0];
  if (file === undefined) throw new UsageError('缺少通知文本文件，例如：calendar parse-notice 2027通知.txt');
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(ctx.cwd, file), 'utf8');
  } catch {
    throw new XieshangError('IO_ERROR', { detail: `无法读取 ${file}` });
  }
  return parseNotice(text.replace(/^\uFEFF/, ''));
}

export interface ParseNoticeResult {
  year: string;
  holidays: string[];
  workdays: string[];
}

export const calendarParseNotice: Command<ParseNoticeResult> = {
  name: 'calendar parse-notice',
  usage: 'calendar parse-notice FILE',
  summary: '读取国务院节假日安排通知的文字（不保存），列出放假和调休上班的日期 / parse a State Council holiday notice',
  positionals: [1, 1],
  run(ctx) {
    const n = readNotice(ctx);
    return { year: n.year, holidays: n.holidays, workdays: n.workdays };
  },
  human(r) {
    return [
      `${r.year} 年：放假 ${r.holidays.length} 天，调休上班 ${r.workdays.length} 天`,
      `放假：${r.holidays.join('、')}`,
      `调休上班：${r.workdays.length ? r.workdays.join('、') : '无'}`,
    ].join('\n');
  },
};

export const calendarAddNotice: Command<{ year: string; added: true }> = {
  name: 'calendar add-notice',
  usage: 'calendar add-notice FILE',
  summary: '读取并保存一年的节假日安排（存在本机的设置文件夹，不在证据箱里），此后推算工作日按它计算 / keep a year’s schedule',
  positionals: [1, 1],
  run(ctx) {
    const n = readNotice(ctx);
    addNotice(userDataDir(ctx.env), n);
    return { year: n.year, added: true };
  },
  human(r) {
    return `已保存 ${r.year} 年的节假日安排；推算工作日和日程提醒从现在起按它计算。`;
  },
};

export const calendarNoticeCommands: Command[] = [calendarParseNotice, calendarAddNotice] as unknown as Command[];
