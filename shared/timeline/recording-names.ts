// The number and the time of a call recording, read from its file name as phones write
// it (docs/domain.md §8). Phone recorders differ by brand; these are the forms
// seen on Chinese Android phones and iPhones:
//   95188(95188)_20241018143022.mp3                       name(number)_yyyyMMddHHmmss
//   95188_20241018143022.m4a                              number_yyyyMMddHHmmss
//   通话录音 95188 2024-10-18 14-30-22.m4a                 通话录音 who yyyy-MM-dd HH-mm-ss
//   Call@95188(00861095188)_20241018143022.amr            Call@name(raw number)_yyyyMMddHHmmss
//   张三_13800138000_20241018143022.mp3                    name_number_yyyyMMddHHmmss
//   13800138000_20241018_143022.wav / 20241018143022_95188.mp3
//   Call recording 95188_241018_143022.m4a                Samsung: who_yyMMdd_HHmmss
//   95188 2024-10-18 14.30.22.m4a / 95188_2024-10-18_14-30.m4a
// The time in a name is the phone's wall clock, taken as Beijing time. A name in none of
// these forms gives null: the caller imports the file with its file time and marks it
// "check the time". Isomorphic.
import { beijingLocalToMs } from '../time/beijing';

export type RecordingNamePattern = 'name(number)_time' | 'number_time' | 'name_number_time' | 'who date time' | 'time_number' | 'samsung';

export interface RecordingName {
  /** The phone number (as written, digits and +), or null when the name holds only a contact name. */
  number: string | null;
  /** A contact name the phone wrote (张三), or null. */
  name: string | null;
  atMs: number;
  pattern: RecordingNamePattern;
}

const PREFIX = /^(?:call@|call[ _-]?recording[ _-]*|callrecord[ _-]*|call[ _-]+|record(?:ing)?[ _-]+|通话录音[ _@-]*|电话录音[ _@-]*|录音[ _-]+)/i;

interface Stamp {
  start: number;
  end: number;
  parts: [number, number, number, number, number, number];
  samsung: boolean;
}

function findStamp(s: string): Stamp | null {
  const full = /(?<!\d)(20\d{2})(\d{2})(\d{2})[_\- ]?(\d{2})(\d{2})(\d{2})(?!\d)/.exec(s);
  if (full) return toStamp(full, false);
  const dashed = /(?<!\d)(20\d{2})[-.年](\d{1,2})[-.月](\d{1,2})日?[ _T]+(\d{1,2})[-.:时](\d{2})(?:[-.:分](\d{2})秒?)?(?!\d)/.exec(s);
  if (dashed) return toStamp(dashed, false);
  const samsung = /(?<!\d)(\d{2})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})(?!\d)/.exec(s);
  if (samsung) return toStamp(samsung, true);
  return null;
}

function toStamp(m: RegExpExecArray, samsung: boolean): Stamp {
  const n = (i: number) => Number(m[i] ?? 0);
  const year = samsung ? 2000 + n(1) : n(1);
  return { start: m.index, end: m.index + m[0].length, parts: [year, n(2), n(3), n(4), n(5), n(6)], samsung };
}

const NUMBER_TOKEN = /^\+?\d{3,20}$/;

function clean(s: string): string {
  return s.replace(/^[\s_@\-–—]+|[\s_@\-–—]+$/g, '');
}

export function parseRecordingName(fileName: string): RecordingName | null {
  const base = fileName
    .normalize('NFKC')
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim();
  const body = base.replace(PREFIX, '').trim();
  const stamp = findStamp(body);
  if (!stamp) return null;
  let atMs: number;
  try {
    atMs = beijingLocalToMs(...stamp.parts);
  } catch {
    return null; // 20241318…: not a time
  }
  const before = clean(body.slice(0, stamp.start));
  const after = clean(body.slice(stamp.end));
  const rest = before || after;
  if (before && after) return null; // text on both sides of the time: not a form we know

  let number: string | null = null;
  let name: string | null = null;
  let pattern: RecordingNamePattern;
  const paren = /^(.*?)[(（]\s*([+\d\s-]{3,24})\s*[)）]$/.exec(rest);
  if (paren) {
    const outer = clean(paren[1] ?? '');
    const inner = (paren[2] ?? '').replace(/[\s-]/g, '');
    if (outer && NUMBER_TOKEN.test(outer.replace(/[\s-]/g, ''))) number = outer.replace(/[\s-]/g, '');
    else {
      number = inner;
      name = outer || null;
    }
    pattern = 'name(number)_time';
  } else {
    const tokens = rest.split(/[\s_]+/).filter(Boolean);
    const numberAt = tokens.findIndex((t) => NUMBER_TOKEN.test(t.replace(/-/g, '')));
    if (numberAt >= 0) number = tokens[numberAt]!.replace(/-/g, '');
    const others = tokens.filter((_, i) => i !== numberAt).join(' ');
    name = others || null;
    if (stamp.samsung) pattern = 'samsung';
    else if (!before) pattern = 'time_number';
    else if (number && name) pattern = 'name_number_time';
    else if (number && /^\d{14}$/.test(body.slice(stamp.start, stamp.end).replace(/[_\- ]/g, '')) && !/\s/.test(body)) pattern = 'number_time';
    else pattern = 'who date time';
  }
  if (!number && !name) return null;
  return { number, name, atMs, pattern };
}
