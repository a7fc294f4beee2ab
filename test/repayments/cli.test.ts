// The issue-11 commands through the real built CLI (bin/xieshang.cjs), exactly as docs/cli.md
// says: repayments, pay (exit 2 and nothing changed on a refusal), agenda, calendar export,
// import-bill (each file kept as evidence, the same rows again add nothing, a non-bill
// refused), budget.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';
import { addDays, todayBeijing } from '../../shared/time/beijing';
import { alipayGbk, alipayUtf8Bom, bankCsv, wechatXlsx, xlsx, withEncryptedFlag } from '../bills/samples';

const env = { XIESHANG_PASSPHRASE: PASS };
const today = todayBeijing();

function caseWithAgreement() {
  return {
    format: 'xieshang-case',
    version: 1,
    applicant: { name: '', idNumber: '', phone: '', address: '' },
    creditors: [{ id: 'c1', legalName: '某某银行信用卡中心', product: 'credit-card', productName: '', channels: [], note: '' }],
    accounts: [
      {
        id: 'a1',
        creditorId: 'c1',
        label: '信用卡',
        number: '',
        principal: '3000.00',
        interest: '0.00',
        fees: '0.00',
        dueDate: null,
        overdueSince: null,
        penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-10-09' },
        contractDate: null,
        evidenceIds: [],
        note: '',
      },
    ],
    snapshots: [],
    hardship: { category: null, text: '', since: null },
    finances: {
      household: { adults: 1, dependants: 0, housing: null, employment: null, note: '' },
      income: [{ id: 'i1', category: 'salary', label: '工资', monthly: '6000.00', evidenceId: null, note: '' }],
      fixedCosts: [{ id: 'f1', category: 'housing', label: '房租', monthly: '2000.00', evidenceId: null, note: '' }],
      flexibleCosts: [],
      debts: [],
      assets: [],
      reference: null,
    },
    plans: [],
    agreements: [
      {
        id: 'g1',
        planId: null,
        creditorId: 'c1',
        accountIds: ['a1'],
        signedOn: addDays(today, -20),
        total: '3000.00',
        waived: { interest: '0.00', penalty: '0.00', fees: '0.00' },
        deadline: null,
        evidenceId: null,
        installments: [
          { n: 1, date: addDays(today, -5), amount: '1000.00', paid: false, paidOn: null, evidenceId: null },
          { n: 2, date: addDays(today, 2), amount: '1000.00', paid: false, paidOn: null, evidenceId: null },
          { n: 3, date: addDays(today, 40), amount: '1000.00', paid: false, paidOn: null, evidenceId: null },
        ],
        note: '',
      },
    ],
    lpr: [],
  };
}

function setup() {
  const dir = tmpDir();
  const vault = path.join(dir, 'v.xsv');
  expect(cli(['init', '--vault', vault], { env }).status).toBe(0);
  const file = path.join(dir, 'case.json');
  fs.writeFileSync(file, JSON.stringify(caseWithAgreement()));
  const r = cli(['case', 'import', file, '--vault', vault], { env });
  expect(r.status, r.stderr).toBe(0);
  return { dir, vault };
}

const json = (args: string[], vault: string) => {
  const r = cli([...args, '--vault', vault, '--json'], { env });
  return { ...r, doc: r.stdout ? JSON.parse(r.stdout) : null };
};

describe('repayments, pay, agenda, calendar export', () => {
  it('works end to end through the built CLI', () => {
    const { dir, vault } = setup();
    let r = json(['repayments'], vault);
    expect(r.status, r.stderr).toBe(0);
    expect(r.doc[0]).toMatchObject({ agreementId: 'g1', creditorId: 'c1', total: '3000.00', paid: '0.00', remaining: '3000.00', payments: [] });
    expect(r.doc[0].installments.map((i: { status: string; daysLate: number }) => [i.status, i.daysLate])).toEqual([
      ['late', 5],
      ['due', 0],
      ['upcoming', 0],
    ]);

    r = json(['pay', '--agreement', 'g1', '--amount', '1500', '--date', today], vault);
    expect(r.status, r.stderr).toBe(0);
    expect(Object.keys(r.doc)).toEqual(['paymentId', 'agreementId', 'applied', 'remaining']);
    expect(r.doc).toMatchObject({
      agreementId: 'g1',
      applied: [
        { n: 1, amount: '1000.00' },
        { n: 2, amount: '500.00' },
      ],
      remaining: '1500.00',
    });

    const before = json(['repayments', '--agreement', 'g1'], vault).stdout;
    for (const [amount, date, code] of [
      ['1500.01', today, 'PAYMENT_REFUSED'],
      ['0', today, 'PAYMENT_REFUSED'],
      ['100', addDays(today, -21), 'PAYMENT_REFUSED'],
    ] as const) {
      const bad = json(['pay', '--agreement', 'g1', '--amount', amount, '--date', date], vault);
      expect(bad.status).toBe(2);
      expect(bad.stdout).toBe('');
      expect(JSON.parse(bad.stderr).error.code).toBe(code);
    }
    const human = cli(['pay', '--agreement', 'g1', '--amount', '9999', '--date', today, '--vault', vault], { env });
    expect(human.stderr.trim()).toBe('这笔还款没有记录：金额 9999.00 元超过协议剩余未还的 1500.00 元 [PAYMENT_REFUSED]');
    expect(json(['repayments', '--agreement', 'g1'], vault).stdout).toBe(before);

    r = json(['agenda', '--days', '30'], vault);
    expect(r.status, r.stderr).toBe(0);
    expect(r.doc).toEqual(
      [
        { date: addDays(today, -1), kind: 'reminder', title: '某某银行信用卡中心：第 2 期 ' + addDays(today, 2) + ' 到期', creditorId: 'c1', agreementId: 'g1', amount: '500.00' },
        { date: addDays(today, 2), kind: 'installment', title: '某某银行信用卡中心 第 2 期', creditorId: 'c1', agreementId: 'g1', amount: '500.00', status: 'partial' },
      ].filter((i) => i.date >= today),
    );

    const out = path.join(dir, 'cal.ics');
    r = json(['calendar', 'export', '--out', out], vault);
    expect(r.status, r.stderr).toBe(0);
    expect(r.doc).toEqual({ out, events: 2 });
    const ics = fs.readFileSync(out, 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toMatch(/某某银行|500|1000/);
    expect(ics.match(/TRIGGER:-P2DT15H/g)).toHaveLength(2);
    const again = json(['calendar', 'export', '--out', out], vault);
    expect(again.status).toBe(2);
    expect(JSON.parse(again.stderr).error.code).toBe('OUTPUT_EXISTS');
    const detailed = path.join(dir, 'detail.ics');
    expect(json(['calendar', 'export', '--out', detailed, '--details', '--days', '60'], vault).status).toBe(0);
    expect(fs.readFileSync(detailed, 'utf8')).toContain('某某银行信用卡中心');
  });
});

describe('import-bill and budget', () => {
  it('Alipay GBK, WeChat xlsx, bank CSV with a remembered mapping; same rows again add nothing; non-bills refused; the budget', () => {
    const { dir, vault } = setup();
    const write = (name: string, bytes: Uint8Array | string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    const alipay = write('alipay.csv', alipayGbk());
    const wechat = write('微信支付账单.xlsx', wechatXlsx());
    let r = json(['import-bill', alipay, wechat], vault);
    expect(r.status, r.stderr).toBe(0);
    expect(
      r.doc.map((d: { source: string; imported: number; duplicates: number; skipped: number; from: string; to: string; income: string; spending: string }) => [
        d.source,
        d.imported,
        d.duplicates,
        d.skipped,
        d.from,
        d.to,
        d.income,
        d.spending,
      ]),
    ).toEqual([
      ['alipay', 6, 0, 1, '2026-03-02', '2026-03-08', '500.00', '1259.50'],
      ['wechat', 6, 0, 0, '2026-03-04', '2026-03-25', '88.00', '311.00'],
    ]);
    expect(Object.keys(r.doc[0])).toEqual(['file', 'source', 'evidenceId', 'imported', 'duplicates', 'skipped', 'from', 'to', 'income', 'spending']);
    const list = json(['list', '--category', 'bill'], vault);
    expect(list.doc.map((i: { id: string }) => i.id).sort()).toEqual([r.doc[0].evidenceId, r.doc[1].evidenceId].sort());

    // The same rows again (here in UTF-8 with BOM): nothing added.
    r = json(['import-bill', write('alipay-utf8.csv', alipayUtf8Bom())], vault);
    expect(r.doc[0]).toMatchObject({ imported: 0, duplicates: 6 });

    // Bank CSV: refused without a mapping, then mapped once, then remembered.
    const bank = write('bank.csv', bankCsv());
    r = json(['import-bill', bank], vault);
    expect(r.status).toBe(2);
    expect(r.doc[0].error.code).toBe('NOT_A_BILL');
    r = json(['import-bill', bank, '--format', 'bank', '--columns', 'date=交易日期,amount=交易金额,direction=收入/支出,counterparty=对方户名'], vault);
    expect(r.doc[0]).toMatchObject({ source: 'bank', imported: 3, income: '8000.00', spending: '2500.00' });
    const bank2 = write('bank2.csv', bankCsv().replace('20260302,10:00:00,支出,-2500.00', '20260312,10:00:00,支出,-66.00'));
    r = json(['import-bill', bank2], vault);
    expect(r.doc[0]).toMatchObject({ source: 'bank', imported: 1, duplicates: 2 });

    // Not bills: a text file, an xlsx of something else, an encrypted zip. Partly done → exit 3.
    const notes = write('notes.txt', '这是一段笔记，不是账单。\n第二行');
    const other = write(
      'contacts.xlsx',
      xlsx([
        ['姓名', '电话'],
        ['张三', '123'],
      ]),
    );
    const locked = write('locked.xlsx', withEncryptedFlag(wechatXlsx()));
    r = json(['import-bill', notes, other, locked, alipay], vault);
    expect(r.status).toBe(3);
    expect(r.doc.slice(0, 3).map((d: { error: { code: string } }) => d.error.code)).toEqual(['NOT_A_BILL', 'NOT_A_BILL', 'NOT_A_BILL']);
    expect(r.doc[2].error.message).toContain('已加密');
    expect(r.doc[3]).toMatchObject({ imported: 0, duplicates: 6 });

    r = json(['budget', '--month', '2026-03'], vault);
    expect(r.status, r.stderr).toBe(0);
    expect(r.doc).toEqual({
      month: '2026-03',
      planned: { income: '6000.00', spending: '2000.00' },
      actual: {
        income: '8588.00',
        spending: '4136.50',
        byCategory: [
          { category: '其他', amount: '2566.00' },
          { category: '日用百货', amount: '1234.50' },
          { category: '商户消费', amount: '311.00' },
          { category: '餐饮美食', amount: '25.00' },
        ],
      },
      repayments: { due: expect.any(String), paid: '0.00' },
      reserve: { goal: '0.00', saved: '0.00' },
    });
    expect(json(['budget', '--month', '2026-13'], vault).status).toBe(2);
  });
});
