// Issue 10 item 7 in the vault and through the CLI: the overdue-day convention is stored per
// account and read by the figures; a daily rate above 0.1 % a day is refused until confirmed
// (the app's save, `case import`, `case import --confirm-rates`), and nothing changes on refusal.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Vault } from '../../main/vault/vault';
import * as service from '../../main/vault/case/service';
import { caseOwedOn } from '../../shared/money/case-owed';
import type { CaseDoc } from '../../shared/case/schema';
import { cli } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
import { sampleCase, TODAY } from './fixtures';

const clock: service.Clock = { today: () => TODAY, now: () => '2026-03-01T10:00:00+08:00' };
const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});

function newVault(): Vault {
  const vault = Vault.create(path.join(tmpDir(), 'v.xsv'), PASS, { actor: 'cli' });
  open.push(vault);
  return vault;
}

function withHighRate(doc: CaseDoc, confirmed?: string): CaseDoc {
  const accounts = doc.accounts.map((a, i) => (i === 0 ? { ...a, penalty: { ...a.penalty, dailyRate: '0.005' }, ...(confirmed ? { rateConfirmed: confirmed } : {}) } : a));
  return { ...doc, accounts };
}

describe('overdue-day convention in the vault', () => {
  it('is stored, exported only when not the default, and read by the figures', () => {
    const vault = newVault();
    const doc = sampleCase();
    doc.accounts[0] = { ...doc.accounts[0]!, overdueConvention: 'inclusive' };
    service.importCase(vault, doc, clock);
    const back = service.exportCase(vault);
    expect(back.accounts[0]!.overdueConvention).toBe('inclusive');
    expect('overdueConvention' in back.accounts[1]!).toBe(false);
    // 花呗 due 2025-12-09: on 2026-03-01 the creditor count is 82 days, the inclusive one 83.
    const owed = caseOwedOn(back.accounts, TODAY).accounts;
    expect(owed[0]!.owed.overdueDays).toBe(83);
    const creditorCount = caseOwedOn([{ ...back.accounts[0]!, overdueConvention: 'creditor' }], TODAY).accounts[0]!.owed;
    expect(creditorCount.overdueDays).toBe(82);
  });
});

describe('a daily rate above 0.1 % a day', () => {
  it('is refused on import until confirmed, with its path, and the vault is unchanged', () => {
    const vault = newVault();
    service.importCase(vault, sampleCase(), clock);
    const before = service.exportCase(vault);
    let err: unknown;
    try {
      service.importCase(vault, withHighRate(sampleCase()), clock);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(service.CaseImportError);
    expect((err as service.CaseImportError).problems).toEqual([
      expect.objectContaining({ path: 'accounts[0].penalty.dailyRate', message: expect.stringContaining('高于每天 0.1%') }),
    ]);
    expect(service.exportCase(vault)).toEqual(before);
    service.importCase(vault, withHighRate(sampleCase(), '2026-02-28T09:00:00+08:00'), clock);
    expect(service.exportCase(vault).accounts[0]!.rateConfirmed).toBe('2026-02-28T09:00:00+08:00');
  });

  it('--confirm-rates marks it confirmed at import time', () => {
    const vault = newVault();
    service.importCase(vault, withHighRate(sampleCase()), clock, { confirmRates: true });
    expect(service.exportCase(vault).accounts[0]!.rateConfirmed).toBe('2026-03-01T10:00:00+08:00');
    // A rate in the sane range is never marked.
    expect(service.exportCase(vault).accounts[1]!.rateConfirmed).toBeUndefined();
  });

  it('is saved from the app only with the confirmation; back in range, the confirmation goes', () => {
    const vault = newVault();
    service.importCase(vault, sampleCase(), clock);
    const a = service.exportCase(vault).accounts[0]!;
    const save = (over: Partial<typeof a>) => service.saveAccount(vault, { account: { ...a, ...over } }, clock);
    expect(() => save({ penalty: { ...a.penalty, dailyRate: '0.005' } })).toThrow(/高于每天 0.1%/);
    expect(service.exportCase(vault).accounts[0]!.penalty.dailyRate).toBe('0.0005');
    save({ penalty: { ...a.penalty, dailyRate: '0.005' }, rateConfirmed: '2026-03-01T09:59:00+08:00' });
    expect(service.exportCase(vault).accounts[0]!).toMatchObject({ penalty: { dailyRate: '0.005' }, rateConfirmed: '2026-03-01T09:59:00+08:00' });
    save({ penalty: { ...a.penalty, dailyRate: '0.0005' }, rateConfirmed: '2026-03-01T09:59:00+08:00' });
    expect(service.exportCase(vault).accounts[0]!.rateConfirmed).toBeUndefined();
  });

  it('through the CLI: exit 2 naming the field, then accepted with --confirm-rates', () => {
    const dir = tmpDir();
    const vault = path.join(dir, 'v.xsv');
    const env = { XIESHANG_PASSPHRASE: PASS };
    expect(cli(['init', '--vault', vault], { env }).status).toBe(0);
    const file = path.join(dir, 'case.json');
    fs.writeFileSync(file, JSON.stringify(withHighRate(sampleCase())));
    const refused = cli(['case', 'import', file, '--vault', vault], { env });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('accounts[0].penalty.dailyRate');
    expect(refused.stderr).toContain('--confirm-rates');
    const ok = cli(['--json', 'case', 'import', file, '--confirm-rates', '--vault', vault], { env });
    expect(ok.status, ok.stderr).toBe(0);
    const exported = JSON.parse(cli(['case', 'export', '--vault', vault, '--json'], { env }).stdout) as CaseDoc;
    expect(exported.accounts[0]!.rateConfirmed).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  });
});
