// `xieshang case export` / `case import` through the real built CLI (bin/xieshang.cjs),
// exactly as docs/cli.md says: the case JSON on stdout, `{"ok":true}`, exit 2 with
// every problem and its JSON path on one stderr line, and nothing half-imported.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
import { emptyAfterSections, sampleCase } from './fixtures';

const env = { XIESHANG_PASSPHRASE: PASS };

function setup(): { dir: string; vault: string; write: (name: string, data: unknown) => string } {
  const dir = tmpDir();
  const vault = path.join(dir, 'v.xsv');
  const r = cli(['init', '--vault', vault, '--json'], { env });
  expect(r.status, r.stderr).toBe(0);
  const write = (name: string, data: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return file;
  };
  return { dir, vault, write };
}

describe('xieshang case export / import', () => {
  it('imports a case ({"ok":true}), exports it back exactly, and the round trip is identical', () => {
    const { vault, write } = setup();
    const empty = cli(['case', 'export', '--vault', vault, '--json'], { env });
    expect(empty.status, empty.stderr).toBe(0);
    expect(JSON.parse(empty.stdout)).toMatchObject({ format: 'xieshang-case', version: 1, accounts: [], contacts: [] });

    const imported = cli(['--json', 'case', 'import', write('case.json', sampleCase()), '--vault', vault], { env });
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ ok: true });
    expect(imported.stderr).toBe('');

    const first = cli(['case', 'export', '--vault', vault, '--json'], { env });
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ ...sampleCase(), contacts: [], ...emptyAfterSections() });

    const again = cli(['case', 'import', write('exported.json', first.stdout), '--vault', vault], { env });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('案件已导入');
    const second = cli(['case', 'export', '--vault', vault, '--json'], { env });
    expect(second.stdout).toBe(first.stdout);
    // Without --json, export still prints the case JSON.
    expect(JSON.parse(cli(['case', 'export', '--vault', vault], { env }).stdout)).toEqual(JSON.parse(first.stdout));
  });

  it('wrong types: exit 2, every problem with its JSON path on one line, nothing imported', () => {
    const { vault, write } = setup();
    cli(['case', 'import', write('good.json', sampleCase()), '--vault', vault], { env });
    const before = cli(['case', 'export', '--vault', vault, '--json'], { env }).stdout;
    const bad = structuredClone(sampleCase()) as any;
    bad.accounts[1].principal = 20000;
    bad.accounts[0].penalty.dailyRate = '1.2';
    bad.plans[0].firstDate = '2026-02-30';
    bad.plans[0].installments = 61;
    const r = cli(['case', 'import', write('bad.json', bad), '--vault', vault], { env });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const line = r.stderr.trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^输入无效：案件文件有 4 处问题，没有导入任何内容：/);
    expect(line).toContain('accounts[0].penalty.dailyRate: 日利率必须小于 100%');
    expect(line).toContain('accounts[1].principal: 金额必须是文字形式的数字（带引号），例如 "1825.00"，而不是 20000');
    expect(line).toContain('plans[0].installments: 必须在 1 到 60 之间：61');
    expect(line).toContain('plans[0].firstDate: 日期不存在：2026-02-30（2026 年 2 月只有 28 天）');
    expect(line).toMatch(/ \[BAD_INPUT\]$/);

    const json = cli(['case', 'import', write('bad2.json', bad), '--vault', vault, '--json'], { env });
    expect(json.status).toBe(2);
    const err = JSON.parse(json.stderr);
    expect(Object.keys(err)).toEqual(['error']);
    expect(Object.keys(err.error)).toEqual(['code', 'message']);
    expect(err.error.code).toBe('BAD_INPUT');
    expect(err.error.message).toContain('accounts[1].principal');
    expect(cli(['case', 'export', '--vault', vault, '--json'], { env }).stdout).toBe(before);
  });

  it('not JSON, a missing file, no passphrase, a wrong passphrase: the usual exit codes', () => {
    const { vault, write } = setup();
    const notJson = cli(['case', 'import', write('x.json', '{"format": "xieshang-case",'), '--vault', vault], { env });
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/不是有效的 JSON.*\[BAD_INPUT\]/);
    const missing = cli(['case', 'import', 'nope.json', '--vault', vault], { env });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('[IO_ERROR]');
    expect(cli(['case', 'export', '--vault', vault]).status).toBe(2);
    expect(cli(['case', 'export', '--vault', vault], { env: { XIESHANG_PASSPHRASE: 'not the passphrase at all' } }).status).toBe(4);
    expect(cli(['case', 'import', '--vault', vault], { env }).status).toBe(2);
  });
});
