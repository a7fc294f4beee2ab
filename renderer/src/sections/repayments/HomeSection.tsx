// 首页: what is owed today per creditor (by the agreement once there is one), the next due
// date, follow-ups and answer windows, flags this month, and the seeds' steps as a checklist.
// On a new vault it says what to do first.
import { useEffect, useState } from 'react';
import type { HomeView } from '../../../../shared/contracts/repayments';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { useNavigate } from '../../lib/navigate';
import { yuan } from '../case/input';
import '../case/case.css';
import './repayments.css';

const STEP_SECTION = { evidence: 'evidence', owed: 'debts', capacity: 'finances', contact: 'timeline', apply: 'application', agreement: 'repayments' } as const;

export function HomeSection() {
  const t = useT();
  const goTo = useNavigate();
  const [h, setH] = useState<HomeView | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api().repayments.home({}).then(setH, setError);
  }, []);
  const next = h?.steps.find((s) => s.state !== 'done');
  return (
    <section className="section case-section" aria-labelledby="section-title" data-testid="section-home">
      <h1 id="section-title" tabIndex={-1}>
        {t('repayments.home.title')}
      </h1>
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}
      {h && (
        <>
          {h.steps[0]!.state === 'todo' ? (
            <Message kind="info" testId="home-first">
              {t('repayments.home.first')}
            </Message>
          ) : (
            next && (
              <Message kind="info" testId="home-next">
                {t('repayments.home.next', { step: t(`repayments.home.stepNames.${next.key}`) })}
              </Message>
            )
          )}
          {h.creditors.length > 0 && (
            <section className="case-card" data-testid="home-owed">
              <h2>{t('repayments.home.owed', { total: yuan(h.totalOwed) })}</h2>
              <ul>
                {h.creditors.map((c) => (
                  <li key={c.creditorId} data-testid="home-creditor" data-basis={c.basis}>
                    {c.name}：{yuan(c.owed)}（{t(c.basis === 'agreement' ? 'repayments.home.byAgreement' : 'repayments.home.byRule')}）
                  </li>
                ))}
              </ul>
              <p data-testid="home-next-due">
                {h.nextDue ? t('repayments.home.nextDue', { date: h.nextDue.date, creditor: h.nextDue.creditor, amount: yuan(h.nextDue.amount) }) : t('repayments.home.noDue')}
              </p>
            </section>
          )}
          <section className="case-card">
            <h2>{t('repayments.home.open')}</h2>
            {h.openItems.length === 0 ? (
              <p className="case-small">{t('repayments.home.noOpen')}</p>
            ) : (
              <ul>
                {h.openItems.map((i, k) => (
                  <li key={k}>
                    {i.date} {i.title} {i.detail}
                  </li>
                ))}
              </ul>
            )}
            {h.flagsThisMonth > 0 && <p>{t('repayments.home.flags', { n: h.flagsThisMonth })}</p>}
          </section>
          <section className="case-card" data-testid="home-steps">
            <h2>{t('repayments.home.steps')}</h2>
            <ol className="rp-steps">
              {h.steps.map((s) => (
                <li key={s.key} data-testid={`home-step-${s.key}`} data-state={s.state} className={`rp-step rp-step-${s.state}`}>
                  <button type="button" className="button-link" onClick={() => goTo(STEP_SECTION[s.key])}>
                    {t(`repayments.home.stepNames.${s.key}`)}
                  </button>{' '}
                  — {t(`repayments.home.states.${s.state}`)}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </section>
  );
}
