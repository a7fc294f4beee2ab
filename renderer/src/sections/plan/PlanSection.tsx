// 方案: a plan the user can keep. The money available each month (from 财务) is shown first;
// every plan is checked against it; versions are kept side by side; agreements are recorded.
import { useState } from 'react';
import type { Plan } from '../../../../shared/case/schema';
import { todayBeijing } from '../../../../shared/time/beijing';
import { summarizeFinances } from '../../../../shared/money/finances';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { yuan } from '../case/input';
import { useCase } from '../case/useCase';
import '../case/case.css';
import { AgreementForm, AgreementList } from './Agreements';
import { PlanBuilder, initialPlanForm } from './PlanBuilder';
import { PlanVersions } from './PlanVersions';

export function PlanSection() {
  const t = useT();
  const { doc, loadError, run } = useCase();
  const today = todayBeijing();
  const [editing, setEditing] = useState<{ key: number; plan?: Plan }>({ key: 0 });
  const [agreementFor, setAgreementFor] = useState<Plan | null>(null);
  const [saved, setSaved] = useState<'plan' | 'agreement' | null>(null);
  const summary = doc ? summarizeFinances(doc.finances, today) : null;

  return (
    <section className="section case-section" aria-labelledby="section-title" data-testid="section-plan">
      <h1 id="section-title" tabIndex={-1}>
        {t('nav.plan')}
      </h1>
      <p className="lead">{t('plan.lead')}</p>
      {loadError !== null && <Message kind="error">{errorText(t, loadError)}</Message>}
      {!doc && loadError === null && <p role="status">{t('plan.loading')}</p>}
      {doc && summary && (
        <>
          <section className="case-card case-headline" aria-labelledby="plan-capacity-title" data-testid="plan-capacity">
            <h2 id="plan-capacity-title" className="case-headline-label">
              {t('plan.capacity.title')}
            </h2>
            <p className="case-headline-total" data-testid="plan-capacity-amount">
              {summary.empty ? t('finances.summary.unknown') : yuan(summary.forPlan)}
            </p>
            <p className="case-small">{summary.empty ? t('plan.capacity.empty') : t('plan.capacity.from')}</p>
          </section>
          {saved === 'plan' && (
            <Message kind="success" testId="plan-saved">
              {t('plan.form.saved')}
            </Message>
          )}
          {saved === 'agreement' && <Message kind="success">{t('plan.agreement.saved')}</Message>}
          {doc.accounts.length === 0 ? (
            <p className="empty-state" data-testid="plan-no-accounts">
              {t('plan.noAccounts')}
            </p>
          ) : agreementFor ? (
            <AgreementForm
              plan={agreementFor}
              today={today}
              run={run}
              onDone={() => {
                setAgreementFor(null);
                setSaved('agreement');
              }}
            />
          ) : (
            <PlanBuilder
              key={editing.key}
              doc={doc}
              today={today}
              initial={initialPlanForm(doc, today, editing.plan)}
              run={run}
              onSaved={() => {
                setSaved('plan');
                setEditing((e) => ({ key: e.key + 1 }));
              }}
            />
          )}
          <PlanVersions
            doc={doc}
            run={run}
            onEdit={(plan) => {
              setSaved(null);
              setAgreementFor(null);
              setEditing((e) => ({ key: e.key + 1, plan }));
              document.getElementById('plan-form-title')?.scrollIntoView();
            }}
            onAgreement={(plan) => {
              setSaved(null);
              setAgreementFor(plan);
            }}
          />
          <AgreementList doc={doc} today={today} run={run} />
        </>
      )}
    </section>
  );
}
