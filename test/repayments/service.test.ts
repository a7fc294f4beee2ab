// Agreements and payments in a real encrypted vault: the refusals change nothing, payments
// tick the case's installments, the agenda carries reminders and open amounts.
import { afterEach, describe, expect, it } from 'vitest';
import type { Vault } from '../../main/vault/vault';
import * as caseService from '../../main/vault/case/service';
import { cliRepayments, listAgreements, pay, saveSettings, deletePayment } from '../../main/vault/repayments/service';
import { agenda } from '../../main/vault/timeline/queries';
import { clock, recordAgreement, vaultWithAccount } from './fixtures';

const open: Vault[] = [];
afterEach(() => {
  for (const v of open.splice(0)) v.close();
});
function setup() {
  const s = vaultWithAccount();
  open.push(s.vault);
  return s;
}
const snapshot = (v: Vault) =>
  JSON.stringify({
    payments: v.handle.prepare('SELECT * FROM repayment_payments ORDER BY id').all(),
    ticks: v.handle.prepare('SELECT * FROM case_agreement_installments ORDER BY agreement_id, n').all(),
    agreements: v.handle.prepare('SELECT * FROM case_agreements').all(),
    audit: v.handle.prepare('SELECT count(*) AS n FROM audit_log').get(),
  });

describe('agreement record', () => {
  it('refuses installments that do not add up to the total, and writes nothing', () => {
    const { vault, creditorId, accountId } = setup();
    const before = snapshot(vault);
    expect(() => recordAgreement(vault, creditorId, accountId, { amounts: ['1000.00', '1000.00', '999.00'] })).toThrow(
      /协议没有保存：各期之和为 2999\.00 元，不等于协议总额 3000\.00 元/,
    );
    expect(snapshot(vault)).toBe(before);
  });

  it('keeps the terms beside the case agreement; an agreement without a signed copy is flagged', () => {
    const { vault, creditorId, accountId } = setup();
    const { id } = recordAgreement(vault, creditorId, accountId);
    const [view] = listAgreements(vault, undefined, '2026-03-02');
    expect(view).toMatchObject({ agreementId: id, creditor: '某某银行股份有限公司信用卡中心', needsWriting: true });
    expect(view!.terms).toMatchObject({ noNewCards: true, balance: { principal: '3000.00', penalty: '150.00' } });
    expect(caseService.getCase(vault).agreements[0]!.installments).toHaveLength(3);
  });
});

describe('pay', () => {
  it('a full installment, then half of the next: statuses, remaining, the case ticks follow', () => {
    const { vault, creditorId, accountId } = setup();
    const { id } = recordAgreement(vault, creditorId, accountId);
    const r1 = pay(vault, { agreementId: id, amount: '1000', date: '2026-03-14', receiptId: null, note: '' }, '2026-03-20');
    expect(r1).toMatchObject({ agreementId: id, applied: [{ n: 1, amount: '1000.00' }], remaining: '2000.00' });
    const r2 = pay(vault, { agreementId: id, amount: '¥500.00', date: '2026-04-10', receiptId: null, note: '半期' }, '2026-04-12');
    expect(r2.applied).toEqual([{ n: 2, amount: '500.00' }]);
    const [doc] = cliRepayments(vault, id, '2026-04-12');
    expect(doc).toMatchObject({ total: '3000.00', paid: '1500.00', remaining: '1500.00' });
    expect(doc!.installments.map((i) => i.status)).toEqual(['paid', 'partial', 'upcoming']);
    expect(doc!.payments.map((p) => [p.date, p.amount])).toEqual([
      ['2026-03-14', '1000.00'],
      ['2026-04-10', '500.00'],
    ]);
    const ticks = caseService.getCase(vault).agreements[0]!.installments.map((i) => [i.paid, i.paidOn]);
    expect(ticks).toEqual([
      [true, '2026-03-14'],
      [false, null],
      [false, null],
    ]);
    const audit = vault.handle.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'repayments.pay'").get() as { n: number };
    expect(audit.n).toBe(2);
    deletePayment(vault, r2.paymentId, '2026-04-12');
    expect(cliRepayments(vault, id, '2026-04-12')[0]!.remaining).toBe('2000.00');
  });

  it.each([
    ['above what remains', '3000.01', '2026-03-10', /这笔还款没有记录：金额 3000\.01 元超过协议剩余未还的 3000\.00 元/],
    ['zero', '0', '2026-03-10', /金额必须大于 0/],
    ['negative', '-100', '2026-03-10', /金额必须大于 0/],
    ['before the agreement date', '100', '2026-02-28', /早于协议签订日 2026-03-01/],
    ['not a number', 'abc', '2026-03-10', /还款金额/],
  ])('refuses a payment %s and changes nothing', (_name, amount, date, message) => {
    const { vault, creditorId, accountId } = setup();
    const { id } = recordAgreement(vault, creditorId, accountId);
    const before = snapshot(vault);
    expect(() => pay(vault, { agreementId: id, amount, date, receiptId: null, note: '' }, '2026-03-10')).toThrow(message);
    expect(snapshot(vault)).toBe(before);
  });

  it('refuses a receipt that is not in the vault', () => {
    const { vault, creditorId, accountId } = setup();
    const { id } = recordAgreement(vault, creditorId, accountId);
    expect(() => pay(vault, { agreementId: id, amount: '10', date: '2026-03-10', receiptId: 'ffffffffffffffff', note: '' }, '2026-03-10')).toThrow(/找不到证据/);
  });

  it('an agreement with payments cannot be deleted by accident', () => {
    const { vault, creditorId, accountId } = setup();
    const { id } = recordAgreement(vault, creditorId, accountId);
    pay(vault, { agreementId: id, amount: '10', date: '2026-03-10', receiptId: null, note: '' }, '2026-03-10');
    expect(() => caseService.deleteAgreement(vault, id, clock)).toThrow();
    expect(cliRepayments(vault, id, '2026-03-10')).toHaveLength(1);
  });
});

describe('tick boxes from before', () => {
  it('an installment ticked paid under 方案 counts as paid, and becomes a payment row at the first real payment', () => {
    const { vault, creditorId, accountId } = setup();
    const { id } = recordAgreement(vault, creditorId, accountId);
    caseService.setInstallmentPaid(vault, { agreementId: id, n: 1, paid: true, paidOn: '2026-03-14' }, clock);
    let [doc] = cliRepayments(vault, id, '2026-03-20');
    expect(doc!.installments[0]).toMatchObject({ status: 'paid', paid: '1000.00' });
    expect(doc!.payments).toEqual([{ id: 'tick-1', date: '2026-03-14', amount: '1000.00', receiptId: null }]);
    pay(vault, { agreementId: id, amount: '200', date: '2026-03-20', receiptId: null, note: '' }, '2026-03-20');
    [doc] = cliRepayments(vault, id, '2026-03-20');
    expect(doc!.payments.map((p) => [p.date, p.amount])).toEqual([
      ['2026-03-14', '1000.00'],
      ['2026-03-20', '200.00'],
    ]);
    expect(doc!.installments.map((i) => i.status)).toEqual(['paid', 'partial', 'upcoming']);
  });
});

describe('agenda', () => {
  it('shows open amounts, a reminder N days before (setting), nothing for a paid installment', () => {
    const { vault, creditorId, accountId } = setup();
    const { id } = recordAgreement(vault, creditorId, accountId);
    pay(vault, { agreementId: id, amount: '1500', date: '2026-03-10', receiptId: null, note: '' }, '2026-03-10');
    let items = agenda(vault, '2026-04-12').items.filter((i) => i.agreementId === id);
    expect(items.map((i) => [i.kind, i.date, i.amount, i.status])).toEqual([
      ['reminder', '2026-04-12', '500.00', 'today'],
      ['installment', '2026-04-15', '500.00', 'soon'],
      ['reminder', '2026-05-12', '1000.00', 'later'],
      ['installment', '2026-05-15', '1000.00', 'later'],
    ]);
    saveSettings(vault, { reminderDays: 5, reserveGoal: '0', reserveSaved: '0' });
    items = agenda(vault, '2026-04-12').items.filter((i) => i.kind === 'reminder');
    expect(items.map((i) => i.date)).toEqual(['2026-04-10', '2026-05-10']);
  });
});
