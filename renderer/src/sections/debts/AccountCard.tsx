// One account: what it owes today, part by part, with the rule that produced the figures
// beside them; its charges against the court ceilings; its bill snapshots.
import { useState } from 'react';
import type { Account, Creditor } from '../../../../shared/case/schema';
import type { CaseView } from '../../../../shared/contracts/case';
import type { Owed } from '../../../../shared/money/penalty';
import { accountCeilings, percentLabel, type AccountCeilings } from '../../../../shared/money/case-owed';
import type { LprTable } from '../../../../shared/money/ceilings';
import { detailOf } from '../../../../shared/case/detail';
import { useT, type Translate } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { Figure } from '../case/fields';
import { percentText, yuan } from '../case/input';
import { SnapshotList } from './SnapshotList';
import { useConventionText } from './AccountRules';
import { EvidenceNames } from '../../components/EvidencePicker';
import { useEvidenceIndex } from '../../components/useEvidenceIndex';

export function RuleText({ account }: { account: Account }) {
  const t = useT();
  const rule = useConventionText();
  const p = account.penalty;
  return (
    <p className="case-rule" data-testid="account-rule">
      <span className="case-rule-label">{t('debts.rule.label')}</span>
      {t(p.mode === 'simple' ? 'debts.rule.simple' : 'debts.rule.compound', { rate: percentText(p.dailyRate) })}
      {t('moneyRules.convention.start', { date: p.startDate, rule: rule(account.overdueConvention) })}
      {p.graceDays > 0 && t('debts.rule.grace', { days: p.graceDays })}
      {t('debts.rule.rest')}
    </p>
  );
}

function Ceilings({ c, t, mode }: { c: AccountCeilings; t: Translate; mode: Account['penalty']['mode'] }) {
  // The 4 × LPR line of private lending does not bind a licensed lender (its caveat says so):
  // being above it is never called 超出上限, only "above the reference".
  // The 24 % line is itself unverified (its caveat says so): above it reads "高于年 24%, a
  // reduction may be asked for", never "超出上限".
  const binds = (x: AccountCeilings['ceilings'][number]) => x.kind !== 'private-lending-4x-lpr';
  const anyOver = c.ceilings.some((x) => binds(x) && (x.penaltyExceeds || x.chargesExceeds));
  const aboveReference = c.ceilings.some((x) => !binds(x) && (x.penaltyExceeds || x.chargesExceeds));
  const mark = (x: AccountCeilings['ceilings'][number]) => (binds(x) ? t('moneyRules.ceiling.above24') : t('checks.ceiling.above'));
  return (
    <details className="case-details" data-testid="account-ceilings" open={anyOver || aboveReference}>
      <summary>
        {t('debts.ceiling.title')}
        {anyOver ? (
          <span className="case-mark-over" data-testid="ceiling-exceeds">
            {t('moneyRules.ceiling.above24Mark')}
          </span>
        ) : aboveReference ? (
          <span className="case-small" data-testid="ceiling-above-reference">
            {t('checks.ceiling.aboveMark')}
          </span>
        ) : null}
      </summary>
      <p className="case-small">{t('debts.ceiling.intro')}</p>
      <p className="case-small">
        {t('debts.ceiling.rate', {
          rate: percentLabel(c.annualRate),
          how: t(mode === 'simple' ? 'debts.ceiling.rateSimple' : 'debts.ceiling.rateCompound'),
        })}
      </p>
      <table className="case-table">
        <thead>
          <tr>
            <th scope="col">{t('debts.ceiling.colCeiling')}</th>
            <th scope="col" className="num">
              {t('moneyRules.ceiling.colLimit')}
            </th>
            <th scope="col" className="num">
              {t('debts.ceiling.colPenalty')}
            </th>
            <th scope="col" className="num">
              {t('moneyRules.ceiling.colCompared')}
            </th>
          </tr>
        </thead>
        <tbody>
          {c.ceilings.map((x) => (
            <tr key={x.kind} data-testid={`ceiling-${x.kind}`}>
              <td>
                {x.kind === 'financial-loan-24' ? t('debts.ceiling.fin24') : t('debts.ceiling.lpr4', { rate: percentLabel(x.annualRate) })}
                {x.lprDate && (
                  <div className="case-small">
                    {t('debts.ceiling.lprDate', {
                      date: x.lprDate.date,
                      from: t(x.lprDate.from === 'contract' ? 'debts.ceiling.lprFromContract' : 'debts.ceiling.lprFromStart'),
                    })}
                  </div>
                )}
              </td>
              <td className="num">
                {yuan(x.amount)}
                <div className="case-small">{t(x.daysFrom === 'contract' ? 'moneyRules.ceiling.daysContract' : 'moneyRules.ceiling.daysPenalty', { days: x.days })}</div>
              </td>
              <td className={x.penaltyExceeds && binds(x) ? 'num is-over' : 'num'}>
                {yuan(c.penalty)} {x.penaltyExceeds ? <span className={binds(x) ? 'case-mark-over' : 'case-small'}>{mark(x)}</span> : null}
              </td>
              <td className={x.chargesExceeds && binds(x) ? 'num is-over' : 'num'} data-testid={`ceiling-compared-${x.kind}`}>
                {yuan(x.comparedAmount)}
                <div className="case-small">{t(`moneyRules.ceiling.compared.${x.compared}`)}</div>{' '}
                {x.chargesExceeds ? <span className={binds(x) ? 'case-mark-over' : 'case-small'}>{mark(x)}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="case-small" data-testid="ceiling-sum24">
        {t('moneyRules.ceiling.sum24')}
      </p>
      {c.lprMissing && <p className="case-small">{t('debts.ceiling.lprMissing', { reason: c.lprMissing })}</p>}
      <dl className="case-legal">
        {c.ceilings.map((x) => (
          <div key={x.kind}>
            <dt>{x.title}</dt>
            <dd>
              {t('debts.ceiling.basis')}：{x.basis}
            </dd>
            <dd>
              {t('debts.ceiling.caveat')}：{x.caveat}
            </dd>
          </div>
        ))}
      </dl>
      <p className="case-small">{t('debts.ceiling.notAdvice')}</p>
    </details>
  );
}

export interface AccountCardProps {
  doc: CaseView;
  account: Account;
  creditor: Creditor | undefined;
  owed: Owed;
  today: string;
  lpr: LprTable;
  run: (call: () => Promise<CaseView>) => Promise<CaseView>;
  onEdit: () => void;
}

export function AccountCard({ doc, account, creditor, owed, today, lpr, run, onEdit }: AccountCardProps) {
  const t = useT();
  const conventionText = useConventionText();
  const evidence = useEvidenceIndex();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  let ceilings: AccountCeilings | null = null;
  let ceilingError: string | null = null;
  try {
    ceilings = accountCeilings(account, today, lpr);
  } catch (err) {
    ceilingError = detailOf(err);
  }
  const productLabel = creditor ? t(`debts.product.${creditor.product}`) : '';
  const headingId = `account-${account.id}-title`;

  async function remove() {
    setFailure(null);
    try {
      await run(() => api().case.deleteAccount({ id: account.id }));
    } catch (err) {
      setFailure(err);
      setConfirming(false);
    }
  }

  return (
    <section className="case-card" aria-labelledby={headingId} data-testid="account-card" data-account-label={account.label}>
      <div className="case-account-head">
        <h2 id={headingId}>
          {account.label}
          {productLabel && productLabel !== account.label ? ` · ${productLabel}` : ''}
        </h2>
        <span className={owed.overdueDays > 0 ? 'case-badge case-badge-danger' : 'case-badge'} data-testid="account-overdue">
          {owed.overdueDays > 0 ? t('debts.today.overdue', { days: owed.overdueDays }) : t('debts.today.notOverdue')}
        </span>
        {owed.overdueDays > 0 && (
          <span className="case-small" data-testid="account-overdue-convention">
            {t('moneyRules.convention.beside', { rule: conventionText(account.overdueConvention) })}
          </span>
        )}
      </div>
      <p className="case-account-sub">
        {creditor?.legalName}
        {creditor?.productName ? ` · ${creditor.productName}` : ''}
        {account.number ? ` · ${t('debts.account.number', { number: account.number })}` : ''}
        {creditor?.channels.length ? ` · ${creditor.channels.map((c) => c.value).join('、')}` : ''}
      </p>
      {account.evidenceIds.length > 0 && (
        <p className="case-small" data-testid="account-evidence-ids">
          {t('debts.account.evidence')}
          <EvidenceNames ids={account.evidenceIds} index={evidence} />
        </p>
      )}
      <p className="case-headline-label">{t('debts.today.accountHeading', { date: today })}</p>
      <p className="case-account-owed" data-testid="account-owed">
        {yuan(owed.total)}
      </p>
      <dl className="case-figures">
        <Figure label={t('debts.parts.principal')} value={yuan(owed.principal)} />
        <Figure label={t('debts.parts.interest')} value={yuan(owed.interest)} />
        <Figure label={t('debts.parts.penalty')} value={yuan(owed.penalty)} testId="account-penalty" />
        <Figure label={t('debts.parts.fees')} value={yuan(owed.fees)} />
        <Figure label={t('debts.parts.penaltyDays')} value={t('debts.daysValue', { n: owed.penaltyDays })} />
      </dl>
      <RuleText account={account} />
      {ceilings && <Ceilings c={ceilings} t={t} mode={account.penalty.mode} />}
      {ceilingError && <p className="case-small">{ceilingError}</p>}
      <SnapshotList doc={doc} account={account} run={run} />
      {failure !== null && <Message kind="error">{errorText(t, failure)}</Message>}
      <div className="case-actions">
        <button type="button" className="button" onClick={onEdit} data-testid="account-edit">
          {t('debts.account.edit')}
        </button>
        {confirming ? (
          <>
            <span className="case-small">{t('debts.account.confirmDelete', { label: account.label })}</span>
            <button type="button" className="button button-quiet" onClick={() => void remove()} data-testid="account-delete-confirm">
              {t('debts.account.deleteConfirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
              {t('debts.form.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-quiet" onClick={() => setConfirming(true)} data-testid="account-delete">
            {t('debts.account.delete')}
          </button>
        )}
      </div>
    </section>
  );
}
