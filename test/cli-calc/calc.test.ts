// The calc commands against cli.md: exact --json documents, Chinese human output, exit 2
// on bad input. Arguments go through node:util parseArgs with the command's own options,
// as cli/main.ts will do.
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS, formatError, makeContext, type Command, type OptionValues } from '../../cli/framework';
import { calcCommands, calcDaxie, calcPenalty, calcPlan, calcWorkdays } from '../../cli/commands/calc';

function ctxFor(cmd: Command, argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...GLOBAL_OPTIONS, ...(cmd.options ?? {}) },
    allowPositionals: true,
    strict: true,
  });
  return makeContext(positionals, values as OptionValues, {}, process.cwd());
}

async function json(cmd: Command, argv: string[]): Promise<unknown> {
  // Round-trip through JSON: what --json prints is exactly this document.
  return JSON.parse(JSON.stringify(await cmd.run(ctxFor(cmd, [...argv, '--json']))));
}

async function failure(cmd: Command, argv: string[]): Promise<{ exit: number; code: string; message: string }> {
  try {
    await cmd.run(ctxFor(cmd, [...argv, '--json']));
  } catch (err) {
    const { text, exit } = formatError(err, true);
    const { error } = JSON.parse(text) as { error: { code: string; message: string } };
    return { exit, ...error };
  }
  throw new Error('expected the command to fail');
}

describe('the command table', () => {
  it('has the four calc commands, with Chinese summaries', () => {
    expect(calcCommands.map((c) => c.name)).toEqual(['calc penalty', 'calc plan', 'calc daxie', 'calc workdays']);
    for (const c of calcCommands) expect(c.summary).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('calc penalty', () => {
  it('simple with --days: the exact document', async () => {
    expect(await json(calcPenalty, ['--principal', '10000', '--daily-rate', '0.0005', '--days', '365'])).toEqual({
      principal: '10000.00',
      dailyRate: '0.0005',
      days: 365,
      mode: 'simple',
      penalty: '1825.00',
      total: '11825.00',
      annualizedRate: '0.1825',
      effectiveAnnualRate: '0.20015941',
    });
  });
  it('compound-daily with --from/--to and a ceiling; key order as in cli.md', async () => {
    // 2026-01-01 → 2026-01-31 is 30 days; 10,000 × (1.0005^30 − 1) = 151.09; 12 % ceiling 98.63.
    const doc = await json(calcPenalty, [
      '--principal',
      '10,000',
      '--daily-rate',
      '0.05%',
      '--from',
      '2026-01-01',
      '--to',
      '2026-01-31',
      '--mode',
      'compound-daily',
      '--ceiling-annual',
      '12%',
    ]);
    expect(doc).toEqual({
      principal: '10000.00',
      dailyRate: '0.0005',
      days: 30,
      mode: 'compound-daily',
      penalty: '151.09',
      total: '10151.09',
      annualizedRate: '0.1825',
      effectiveAnnualRate: '0.20015941',
      ceilingAmount: '98.63',
      exceedsCeiling: true,
    });
    expect(Object.keys(doc as object)).toEqual([
      'principal',
      'dailyRate',
      'days',
      'mode',
      'penalty',
      'total',
      'annualizedRate',
      'effectiveAnnualRate',
      'ceilingAmount',
      'exceedsCeiling',
    ]);
  });
  it('human output is short Chinese', async () => {
    const cmd = calcPenalty;
    const r = await cmd.run(ctxFor(cmd, ['--principal', '10000', '--daily-rate', '0.0005', '--days', '30', '--ceiling-annual', '0.24']));
    const text = cmd.human(r);
    expect(text).toContain('罚息：150.00 元');
    expect(text).toContain('未超过上限');
    expect(text.split('\n').length).toBeLessThanOrEqual(5);
  });
  it.each([
    [['--principal=-5', '--daily-rate', '0.0005', '--days', '3'], 'BAD_INPUT', /不能为负数/],
    [['--principal', '100000000.01', '--daily-rate', '0.0005', '--days', '3'], 'BAD_INPUT', /过大/],
    [['--principal', '1,23', '--daily-rate', '0.0005', '--days', '3'], 'BAD_INPUT', /千位分隔符/],
    [['--principal', '100', '--daily-rate', '100%', '--days', '3'], 'BAD_INPUT', /必须小于 100%/],
    [['--principal', '100', '--daily-rate', '1.2', '--days', '3'], 'BAD_INPUT', /必须小于 100%/],
    [['--principal', '100', '--daily-rate', '0.0005', '--days', '3', '--ceiling-annual', '150%'], 'BAD_INPUT', /上限/],
    [['--principal', '100', '--daily-rate', '0.0005', '--from', '2026-02-30', '--to', '2026-03-05'], 'BAD_INPUT', /只有 28 天/],
    [['--principal', '100', '--daily-rate', '0.0005', '--from', '2026-03-05', '--to', '2026-03-01'], 'BAD_INPUT', /早于/],
    [['--principal', '100', '--daily-rate', '0.0005', '--days', '2.5'], 'BAD_INPUT', /整数/],
    [['--principal', '100', '--daily-rate', '0.0005'], 'USAGE', /--days/],
    [['--principal', '100', '--daily-rate', '0.0005', '--from', '2026-01-01'], 'USAGE', /--to/],
    [['--principal', '100', '--daily-rate', '0.0005', '--days', '3', '--from', '2026-01-01'], 'USAGE', /二选一/],
    [['--principal', '100', '--daily-rate', '0.0005', '--days', '3', '--mode', 'monthly'], 'USAGE', /--mode/],
    [['--daily-rate', '0.0005', '--days', '3'], 'USAGE', /--principal/],
  ])('%j → exit 2 (%s)', async (argv, code, pattern) => {
    const f = await failure(calcPenalty, argv);
    expect(f.exit).toBe(2);
    expect(f.code).toBe(code);
    expect(f.message).toMatch(pattern);
  });
});

describe('calc plan', () => {
  it('the exact document, clamped dates', async () => {
    expect(await json(calcPlan, ['--total', '1000', '--installments', '3', '--first', '2026-01-31'])).toEqual({
      total: '1000.00',
      installments: [
        { n: 1, date: '2026-01-31', amount: '333.33' },
        { n: 2, date: '2026-02-28', amount: '333.33' },
        { n: 3, date: '2026-03-31', amount: '333.34' },
      ],
      sum: '1000.00',
    });
  });
  it('with --capacity: feasible and minInstallments', async () => {
    expect(await json(calcPlan, ['--total', '12000', '--installments', '10', '--first', '2026-02-01', '--capacity', '1000'])).toMatchObject({
      feasible: false,
      minInstallments: 12,
      sum: '12000.00',
    });
    const none = await json(calcPlan, ['--total', '100000', '--installments', '60', '--first', '2026-02-01', '--capacity', '100']);
    expect(none).toMatchObject({ feasible: false, minInstallments: null });
    expect(Object.keys(none as object)).toEqual(['total', 'installments', 'sum', 'feasible', 'minInstallments']);
  });
  it('human output lists each installment in Chinese', async () => {
    const r = await calcPlan.run(ctxFor(calcPlan, ['--total', '1000', '--installments', '2', '--first', '2026-01-31', '--capacity', '400']));
    expect(calcPlan.human(r)).toBe(
      ['分 2 期，合计 1,000.00 元', '第 1 期  2026-01-31  500.00 元', '第 2 期  2026-02-28  500.00 元', '有的期数超出每月还款能力；最少需要分 3 期'].join('\n'),
    );
  });
  it.each([
    [['--total', '1000', '--installments', '0', '--first', '2026-01-31'], /1 到 60/],
    [['--total', '1000', '--installments', '61', '--first', '2026-01-31'], /1 到 60/],
    [['--total', '0', '--installments', '3', '--first', '2026-01-31'], /不能为 0/],
    [['--total=-100', '--installments', '3', '--first', '2026-01-31'], /不能为负数/],
    [['--total', '1000', '--installments', '3', '--first', '2026-02-30'], /只有 28 天/],
    [['--total', '1', '--installments', '60', '--first', '2026-01-31'], /无法分成 60 期/],
    [['--total', '1000', '--installments', '3', '--first', '2026-01-31', '--capacity', 'abc'], /每月还款能力/],
    [['--total', '1000', '--installments', '3'], /--first/],
  ])('%j → exit 2', async (argv, pattern) => {
    const f = await failure(calcPlan, argv);
    expect(f.exit).toBe(2);
    expect(f.message).toMatch(pattern);
  });
});

describe('calc daxie', () => {
  it.each([
    ['10000', '10000.00', '壹万元整'],
    ['1.05', '1.05', '壹元零伍分'],
    ['¥100.50', '100.50', '壹佰元伍角'],
    ['１，０００，０００', '1000000.00', '壹佰万元整'],
  ])('%s', async (input, amount, daxie) => {
    expect(await json(calcDaxie, [input])).toEqual({ amount, daxie });
    expect(calcDaxie.human(await calcDaxie.run(ctxFor(calcDaxie, [input])))).toBe(daxie);
  });
  it('rejects bad amounts with exit 2', async () => {
    for (const bad of ['1.234', '100000000.01', 'abc', '']) {
      const f = await failure(calcDaxie, [bad]);
      expect(f.exit).toBe(2);
    }
  });
  it('declares exactly one positional', () => {
    expect(calcDaxie.positionals).toEqual([1, 1]);
  });
});

describe('calc workdays', () => {
  it('across the 2025 National Day', async () => {
    expect(await json(calcWorkdays, ['--from', '2025-09-30', '--add', '1'])).toEqual({ from: '2025-09-30', add: 1, date: '2025-10-09', provisional: false });
    expect(await json(calcWorkdays, ['--from', '2025-09-30', '--add', '15'])).toEqual({ from: '2025-09-30', add: 15, date: '2025-10-28', provisional: false });
  });
  it('across the 2025 Spring Festival, with human output', async () => {
    const r = await calcWorkdays.run(ctxFor(calcWorkdays, ['--from', '2025-01-24', '--add', '3']));
    expect(r).toEqual({ from: '2025-01-24', add: 3, date: '2025-02-05', provisional: false });
    expect(calcWorkdays.human(r)).toBe('2025-01-24 之后第 3 个工作日：2025-02-05');
  });
  it.each([
    [['--from', '2027-01-04', '--add', '5', '--strict'], /没有 2027 年的法定节假日安排数据/],
    [['--from', '2026-02-30', '--add', '5'], /只有 28 天/],
    [['--from', '2026-03-02', '--add=-1'], /0 到/],
    [['--from', '2026-03-02', '--add', 'x'], /整数/],
    [['--from', '2026-03-02'], /--add/],
  ])('%j → exit 2', async (argv, pattern) => {
    const f = await failure(calcWorkdays, argv);
    expect(f.exit).toBe(2);
    expect(f.message).toMatch(pattern);
  });
});
