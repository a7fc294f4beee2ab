// 债务: what is owed today, per account and in total (principal / interest / penalty / fees),
// with each account's rule beside its figures; how it grows if nothing is paid; the ceilings;
// checking a collection message against the app's own figures.
import { useEffect, useState } from 'react';
import type { Account } from '../../../../shared/case/schema';
import { todayBeijing } from '../../../../shared/time/beijing';
import { caseOwedOn } from '../../../../shared/money/case-owed';
import { dec, formatMoney } from '../../../../shared/money/decimal';
import { useAgreementOwed } from '../repayments/useAgreementOwed';
import { mergeLprRows, SHIPPED_LPR, type LprTable } from '../../../../shared/money/ceilings';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { Figure } from '../case/fields';
import { yuan } from '../case/input';
import { useCase } from '../case/useCase';
import '../case/case.css';
import { AccountCard } from './AccountCard';
import { AccountForm } from './AccountForm';
import { GrowthPanel } from './GrowthPanel';
import { LprPanel } from './LprPanel';
import { MessageCheck } from './MessageCheck';

export function DebtsSection() {
  const t = useT();
  const { doc, loadError, run } = useCase();
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const today = todayBeijing();

  // After a save, bring the updated total into view (and keyboard focus to it).
  useEffect(() => {
    if (!saved || editing !== null) return;
    const heading = document.getElementById('debts-today-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
  }, [saved, editing]);

  let lpr: LprTable = SHIPPED_LPR;
  try {
    if (doc) lpr = mergeLprRows(doc.lpr);
  } catch {
    lpr = SHIPPED_LPR;
  }
  // Accounts under an agreement owe what remains of it (issue 11), not the penalty rule's figure.
  const agreed = useAgreementOwed(doc);
  const loose = doc ? doc.accounts.filter((a) => !agreed.byAccount.has(a.id)) : [];
  const owed = doc ? caseOwedOn(doc.accounts, today) : null;
  const owedLoose = doc ? caseOwedOn(loose, today) : null;
  const parts = agreed.byAccount.size > 0 ? owedLoose?.total : owed?.total;
  const headline = owed && owedLoose && agreed.byAccount.size > 0 ? { ...owed.total, total: formatMoney(dec(owedLoose.total.total).plus(agreed.remaining)) } : owed?.total;

  return (
    <section className="section case-section" aria-labelledby="section-title" data-testid="section-debts">
      <h1 id="section-title" tabIndex={-1}>
        {t('nav.debts')}
      </h1>
      <p className="lead">{t('debts.lead')}</p>
      {loadError !== null && <Message kind="error">{errorText(t, loadError)}</Message>}
      {!doc && loadError === null && <p role="status">{t('debts.loading')}</p>}
      {doc && owed && (
        <>
          <section className="case-card case-headline" aria-labelledby="debts-today-title" data-testid="debts-headline">
            <h2 id="debts-today-title" className="case-headline-label" tabIndex={-1}>
              {t('debts.today.heading', { date: today })}
            </h2>
            {doc.accounts.length === 0 ? (
              <p data-testid="debts-empty">{t('debts.today.none')}</p>
            ) : (
              <>
                <p className="case-headline-total" data-testid="debts-total">
                  {yuan(headline!.total)}
                </p>
                {agreed.byAccount.size > 0 && (
                  <p className="case-small" data-testid="debts-total-agreement">
                    {t('repayments.debts.headline', { remaining: yuan(agreed.remaining) })}
                  </p>
                )}
                {(agreed.byAccount.size === 0 || loose.length > 0) && (
                  <dl className="case-figures">
                    <Figure label={t('debts.parts.principal')} value={yuan(parts!.principal)} testId="debts-total-principal" />
                    <Figure label={t('debts.parts.interest')} value={yuan(parts!.interest)} testId="debts-total-interest" />
                    <Figure label={t('debts.parts.penalty')} value={yuan(parts!.penalty)} testId="debts-total-penalty" />
                    <Figure label={t('debts.parts.fees')} value={yuan(parts!.fees)} testId="debts-total-fees" />
                  </dl>
                )}
                <p className="case-small">{t('debts.today.note')}</p>
              </>
            )}
          </section>

          {saved && editing === null && (
            <Message kind="success" testId="account-saved">
              {t('debts.form.saved')}
            </Message>
          )}

          {doc.accounts.map((account) =>
            editing !== null && editing !== 'new' && editing.id === account.id ? (
              <section className="case-card" key={account.id}>
                <AccountForm
                  doc={doc}
                  account={account}
                  run={run}
                  onDone={(ok) => {
                    setSaved(ok);
                    setEditing(null);
                  }}
                />
              </section>
            ) : (
              <div key={account.id}>
                {agreed.byAccount.has(account.id) && (
                  <Message kind="info" testId="account-agreement-owed">
                    {t(agreed.byAccount.get(account.id)!.shared ? 'repayments.debts.accountShared' : 'repayments.debts.account', {
                      remaining: yuan(agreed.byAccount.get(account.id)!.remaining),
                    })}
                  </Message>
                )}
                <AccountCard
                  doc={doc}
                  account={account}
                  creditor={doc.creditors.find((c) => c.id === account.creditorId)}
                  owed={owed.accounts.find((a) => a.id === account.id)!.owed}
                  today={today}
                  lpr={lpr}
                  run={run}
                  onEdit={() => {
                    setSaved(false);
                    setEditing(account);
                  }}
                />
              </div>
            ),
          )}

          {editing === 'new' ? (
            <section className="case-card">
              <AccountForm
                doc={doc}
                account={null}
                run={run}
                onDone={(ok) => {
                  setSaved(ok);
                  setEditing(null);
                }}
              />
            </section>
          ) : (
            <div className="case-actions case-add">
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setSaved(false);
                  setEditing('new');
                }}
                data-testid="account-add"
              >
                {t('debts.account.add')}
              </button>
            </div>
          )}

          {doc.accounts.length > 0 && <GrowthPanel accounts={doc.accounts} today={today} />}
          <MessageCheck accounts={doc.accounts} today={today} />
          <LprPanel doc={doc} run={run} />
        </>
      )}
    </section>
  );
}
