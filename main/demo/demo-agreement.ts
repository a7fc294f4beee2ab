// The demo case after the application (issue 11): the card issuer accepted a 60-month plan of
// the card's principal (《商业银行信用卡业务监督管理办法》 Art 70: at most 5 years) two months ago,
// within the 231.00 a month of her capacity she gives the bank; the first two installments were paid, one
// with a (synthetic) repayment screenshot kept as evidence. Additive: called once at the end
// of buildDemo, on whatever case the story made.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Vault } from '../vault/vault';
import { importPaths } from '../vault/evidence/import-files';
import { getCase } from '../vault/case/service';
import { pay, saveAgreementRecord } from '../vault/repayments/service';
import { saveRound, setOutcome } from '../vault/rounds/service';
import { setEvidenceSide } from '../vault/sides/service';
import { makePlan } from '../../shared/money/plan';
import { dec, formatMoneyGrouped } from '../../shared/money/decimal';
import { addDays, addMonthsClamped, todayBeijing } from '../../shared/time/beijing';
import { defaultTerms } from '../../shared/repayments/terms';
import { notoSansSc } from './font';
import { linePath } from './glyph-text';

async function receiptPng(lines: readonly string[]): Promise<Buffer> {
  const font = notoSansSc();
  const body = lines.map((l, i) => linePath(font, l, 40, 110 + i * 56, i === 0 ? 34 : 28)).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="${160 + lines.length * 56}"><rect width="100%" height="100%" fill="#ffffff"/><rect width="100%" height="60" fill="#1677ff"/><g fill="#222">${body}</g></svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}

export async function addDemoAgreement(vault: Vault, filesDir: string): Promise<void> {
  const doc = getCase(vault);
  const account = doc.accounts.find((a) => doc.creditors.find((c) => c.id === a.creditorId)?.product === 'credit-card') ?? doc.accounts[0];
  if (!account) return;
  const creditor = doc.creditors.find((c) => c.id === account.creditorId);
  const today = todayBeijing();
  const signedOn = addDays(addMonthsClamped(today, -2), -5);
  const first = addDays(signedOn, 5);
  const total = dec(account.principal);
  const plan = makePlan({ total, installments: 60, first });
  // The application that led to it: sent twelve days before, accepted (by SMS) a week later.
  const accepted = saveRound(vault, {
    creditorId: account.creditorId,
    sentOn: addDays(signedOn, -12),
    channel: 'app',
    packageId: null,
    note: '示例（虚构）：在 App 在线客服提交协商申请',
  });
  setOutcome(vault, {
    roundId: accepted.id,
    outcome: 'accepted',
    outcomeOn: addDays(signedOn, -1),
    creditorWords: '同意按未还本金分 60 期还款，分期期间不收取利息和费用（示例，虚构）',
    evidenceIds: [],
    oral: false,
  });
  // An application to another creditor sent three days ago: its answer window is still open.
  const other = doc.creditors.find((c) => c.legalName !== creditor?.legalName);
  if (other) saveRound(vault, { creditorId: other.id, sentOn: addDays(today, -3), channel: 'email', packageId: null, note: '示例（虚构）：通过电子邮件寄出协商还款申请' });
  const { id } = saveAgreementRecord(vault, {
    agreement: {
      planId: null,
      creditorId: account.creditorId,
      accountIds: [account.id],
      signedOn,
      total: plan.sum,
      waived: { interest: account.interest, penalty: '0.00', fees: account.fees },
      deadline: plan.installments[plan.installments.length - 1]!.date,
      evidenceId: null,
      installments: plan.installments.map((i) => ({ ...i, paid: false, paidOn: null, evidenceId: null })),
      note: '示例（虚构）：电话里同意、短信确认的分期',
    },
    terms: {
      ...defaultTerms(),
      balance: { principal: account.principal, interest: account.interest, penalty: '0.00', fees: account.fees },
      charges: '分期期间不收取利息和费用',
      duties: '按期还款；逾期一期即恢复原合同约定',
      inWriting: true,
      roundId: accepted.id,
    },
  });
  fs.mkdirSync(filesDir, { recursive: true });
  const [i1, i2] = plan.installments;
  const receipt = path.join(filesDir, `还款成功-${i1!.date}.png`);
  fs.writeFileSync(
    receipt,
    await receiptPng(['还款成功（示例，虚构）', `还款金额 ¥${formatMoneyGrouped(i1!.amount)}`, `还款时间 ${i1!.date} 20:15`, `收款方 ${creditor?.legalName ?? ''}`]),
  );
  // Not read by OCR here, like the chat screenshots: loading the OCR models for one picture took
  // about a third of `xieshang demo` (issue 14); the evidence page's OCR job reads it later.
  const { results } = await importPaths(vault, [receipt], { category: 'other', note: '示例（虚构）还款截图', ocr: false });
  const receiptId = results[0] && 'id' in results[0] ? (results[0] as { id: string }).id : null;
  // The receipt is the bank's: a letter to another creditor never suggests it.
  if (receiptId) setEvidenceSide(vault, receiptId, { side: 'creditor', creditorId: account.creditorId, agentId: null });
  pay(vault, { agreementId: id, amount: i1!.amount, date: addDays(i1!.date, -1), receiptId, note: '示例' }, today);
  pay(vault, { agreementId: id, amount: i2!.amount, date: i2!.date, receiptId: null, note: '示例' }, today);
}
