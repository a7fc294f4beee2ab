// A real vault with one creditor, one account and (optionally) an agreement of 3 × 1000.00.
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import * as caseService from '../../main/vault/case/service';
import { saveAgreementRecord } from '../../main/vault/repayments/service';
import { defaultTerms } from '../../shared/repayments/terms';
import { PASS, tmpDir } from '../helpers/tmp';

export const clock: caseService.Clock = { today: () => '2026-03-01', now: () => '2026-03-01T10:00:00+08:00' };

export function vaultWithAccount(file = path.join(tmpDir(), 'v.xsv')): { vault: Vault; creditorId: string; accountId: string; file: string } {
  const vault = Vault.create(file, PASS, { actor: 'cli' });
  const doc = caseService.saveAccount(
    vault,
    {
      account: {
        label: '信用卡',
        number: '6222 **** 1234',
        principal: '3000.00',
        interest: '200.00',
        fees: '50.00',
        dueDate: '2025-10-09',
        overdueSince: '2025-10-10',
        penalty: { mode: 'simple', dailyRate: '0.0005', graceDays: 0, startDate: '2025-10-09' },
        contractDate: null,
        evidenceIds: [],
        note: '',
      },
      creditor: { legalName: '某某银行股份有限公司信用卡中心', product: 'credit-card', productName: '', channels: [], note: '' },
    },
    clock,
  );
  return { vault, creditorId: doc.creditors[0]!.id, accountId: doc.accounts[0]!.id, file };
}

export function installments(dates: string[], amounts: string[]) {
  return dates.map((date, i) => ({ n: i + 1, date, amount: amounts[i]!, paid: false, paidOn: null, evidenceId: null }));
}

export function recordAgreement(vault: Vault, creditorId: string, accountId: string, over: { total?: string; amounts?: string[]; signedOn?: string } = {}) {
  return saveAgreementRecord(
    vault,
    {
      agreement: {
        planId: null,
        creditorId,
        accountIds: [accountId],
        signedOn: over.signedOn ?? '2026-03-01',
        total: over.total ?? '3000.00',
        waived: { interest: '200.00', penalty: '150.00', fees: '50.00' },
        deadline: null,
        evidenceId: null,
        installments: installments(['2026-03-15', '2026-04-15', '2026-05-15'], over.amounts ?? ['1000.00', '1000.00', '1000.00']),
        note: '',
      },
      terms: { ...defaultTerms(), balance: { principal: '3000.00', interest: '200.00', penalty: '150.00', fees: '50.00' }, noNewCards: true },
    },
    clock,
  );
}
