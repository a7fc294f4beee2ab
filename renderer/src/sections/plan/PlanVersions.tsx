// The saved plan versions (e.g. the offer and the fallback), side by side: what each offers,
// whether it fits, and when a plan above capacity was acknowledged.
import { useState } from 'react';
import type { Plan } from '../../../../shared/case/schema';
import type { CaseView } from '../../../../shared/contracts/case';
import { makePlan } from '../../../../shared/money/plan';
import { dec } from '../../../../shared/money/decimal';
import { offerFor } from '../../../../shared/money/plan-builder';
import { beijingMinute } from '../../../../shared/time/beijing';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { yuan } from '../case/input';
import { SchedulePreview } from './SchedulePreview';

export function scheduleOf(plan: Plan) {
  return makePlan({ total: dec(plan.total), installments: plan.installments, first: plan.firstDate }).installments;
}

export function PlanVersions({
  doc,
  run,
  onEdit,
  onAgreement,
}: {
  doc: CaseView;
  run: (call: () => Promise<CaseView>) => Promise<CaseView>;
  onEdit: (plan: Plan) => void;
  onAgreement: (plan: Plan) => void;
}) {
  const t = useT();
  const [failure, setFailure] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  if (doc.plans.length === 0) return null;
  const label = (id: string) => doc.accounts.find((a) => a.id === id)?.label ?? id;
  return (
    <section className="case-card" aria-labelledby="plan-versions-title" data-testid="plan-versions">
      <h2 id="plan-versions-title">{t('plan.versions.title')}</h2>
      <p className="case-small">{t('plan.versions.intro')}</p>
      {failure !== null && <Message kind="error">{errorText(t, failure)}</Message>}
      {doc.plans.map((p) => {
        const schedule = scheduleOf(p);
        const largest = schedule.reduce((m, i) => (dec(i.amount).greaterThan(m) ? i.amount : m), '0.00');
        const fits = p.capacity === null ? null : !dec(largest).greaterThan(p.capacity);
        const waived = offerFor(p.basis, p.owed, p.interestOffered).waived;
        return (
          <article key={p.id} className="case-fieldset" data-testid="plan-version" data-plan-name={p.name} aria-labelledby={`plan-${p.id}-title`}>
            <div className="case-account-head">
              <h3 id={`plan-${p.id}-title`}>
                {p.name} {p.name !== t(`plan.role.${p.role}`) && <span className="case-badge">{t(`plan.role.${p.role}`)}</span>}
              </h3>
              {fits === null ? (
                <span className="case-badge">{t('plan.versions.unknown')}</span>
              ) : fits ? (
                <span className="case-badge case-badge-ok">{t('plan.versions.fits')}</span>
              ) : (
                <span className="case-badge case-badge-danger">{t('plan.versions.over')}</span>
              )}
            </div>
            <p>
              {t('plan.versions.summary', {
                accounts: p.accountIds.map(label).join('、'),
                basis: t(`plan.basis.${p.basis}`),
                total: yuan(p.total),
                n: p.installments,
                each: yuan(schedule[0]!.amount),
                first: p.firstDate,
              })}
            </p>
            {waived.total !== '0.00' && <p className="case-small">{t('plan.versions.waiver', { total: yuan(waived.total), penalty: yuan(waived.penalty) })}</p>}
            {p.capacity !== null && <p className="case-small">{t('plan.versions.capacity', { capacity: yuan(p.capacity), asOf: p.asOf })}</p>}
            {p.overCapacityAck && (
              <p className="case-small case-diff" data-testid="plan-ack-recorded">
                {t('plan.versions.acked', {
                  at: beijingMinute(p.overCapacityAck.at),
                  largest: yuan(p.overCapacityAck.largestInstallment),
                  capacity: yuan(p.overCapacityAck.capacity),
                })}
              </p>
            )}
            <details className="case-details">
              <summary>{t('plan.versions.showSchedule')}</summary>
              <SchedulePreview installments={schedule} capacity={p.capacity} testId={`plan-version-schedule-${p.id}`} />
            </details>
            <div className="case-actions">
              <button type="button" className="button" onClick={() => onEdit(p)} data-testid="plan-version-edit">
                {t('plan.versions.edit')}
              </button>
              <button type="button" className="button" onClick={() => onAgreement(p)} data-testid="plan-version-agreement">
                {t('plan.versions.agreement')}
              </button>
              {confirming === p.id ? (
                <>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => {
                      setConfirming(null);
                      void run(() => api().case.deletePlan({ id: p.id })).catch(setFailure);
                    }}
                    data-testid="plan-version-delete-confirm"
                  >
                    {t('plan.versions.deleteConfirm', { name: p.name })}
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setConfirming(null)}>
                    {t('debts.form.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" className="button button-quiet" onClick={() => setConfirming(p.id)} data-testid="plan-version-delete">
                  {t('plan.versions.delete')}
                </button>
              )}
            </div>
          </article>
        );
      })}
    </section>
  );
}
