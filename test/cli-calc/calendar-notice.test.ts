// `calc workdays` past the shipped data and `calendar parse-notice` / `add-notice`, through
// the real CLI entry (runCli) with a temporary user data folder: a 2027 question is
// provisional until a 2027 notice is added, then exact; --strict refuses with exit 2.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run';
import { SHIPPED_HOLIDAYS, useAddedHolidays } from '../../shared/calendar/workdays';

const notices = path.join(__dirname, '..', 'calendar', 'notices');
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xs-notice-'));
});
afterEach(() => {
  useAddedHolidays(null);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    env: { XIESHANG_DATA_DIR: dataDir },
    cwd: notices,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  return { code, out, err };
}

describe('calc workdays through 2027', () => {
  it('is provisional with the assumption in words; --strict exits 2', async () => {
    const r = await cli(['calc', 'workdays', '--from', '2026-12-18', '--add', '15', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as Record<string, unknown>;
    expect(doc).toMatchObject({ from: '2026-12-18', add: 15, date: '2027-01-11', provisional: true });
    expect(doc.assumption).toMatch(/按法定节假日估算.*调休以国务院通知为准/);
    const human = await cli(['calc', 'workdays', '--from', '2026-12-18', '--add', '15']);
    expect(human.out).toMatch(/2027-01-11（估算）/);
    const strict = await cli(['calc', 'workdays', '--from', '2026-12-18', '--add', '15', '--strict', '--json']);
    expect(strict.code).toBe(2);
    expect(strict.out + strict.err).toMatch(/没有 2027 年的法定节假日安排数据/);
  });
});

describe('calendar parse-notice / add-notice', () => {
  it('parse-notice: the real 2026 notice gives the shipped 2026 data, and stores nothing', async () => {
    const r = await cli(['calendar', 'parse-notice', '2026.txt', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ year: '2026', ...SHIPPED_HOLIDAYS.years['2026'] });
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
  it('add-notice makes a 2027 question exact; the file is 0600 in the data folder', async () => {
    const added = await cli(['calendar', 'add-notice', '2027-invented.txt', '--json']);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toEqual({ year: '2027', added: true });
    const file = path.join(dataDir, 'holiday-notices.json');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const r = await cli(['calc', 'workdays', '--from', '2026-12-18', '--add', '15', '--json']);
    // Invented 2027: Jan 1–3 off (Fri–Sun): Dec 21–25, 28–31 (9), Jan 4–8 (14), Jan 11 (15).
    expect(JSON.parse(r.out)).toEqual({ from: '2026-12-18', add: 15, date: '2027-01-11', provisional: false });
    const spring = await cli(['calc', 'workdays', '--from', '2027-02-04', '--add', '1', '--strict', '--json']);
    // Feb 5–12 off, Sun Feb 14 a make-up working day.
    expect(JSON.parse(spring.out)).toMatchObject({ date: '2027-02-14', provisional: false });
  });
  it('a bad paste: exit 2, a Chinese message, nothing stored', async () => {
    fs.writeFileSync(path.join(dataDir, 'bad.txt'), '2027年春节放假');
    const r = await cli(['calendar', 'add-notice', path.join(dataDir, 'bad.txt'), '--json']);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toMatch(/没有找到/);
    expect(fs.existsSync(path.join(dataDir, 'holiday-notices.json'))).toBe(false);
  });
});
