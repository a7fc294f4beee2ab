// 还款 / 协议: the reminder setting and the calendar export, each agreement beside the plan
// it answers with its schedule and payments, recording a new agreement, the applications
// sent and their answers, and the month's budget from real bills.
import { useState } from 'react';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { useCase } from '../case/useCase';
import '../case/case.css';
import './repayments.css';
import { AgreementCard } from './AgreementCard';
import { NewAgreement } from './NewAgreement';
import { BudgetPanel } from './BudgetPanel';
import { RoundsPanel } from './RoundsPanel';
import { useRepayments } from './useRepayments';

export function RepaymentsSection() {
  const t = useT();
  const { doc } = useCase();
  const { data, evidence, error, reload } = useRepayments();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const [days, setDays] = useState<string | null>(null);
  const [details, setDetails] = useState(false);
  const [exported, setExported] = useState<{ out: string; events: number } | 'cancelled' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  async function saveDays() {
    if (!data) return;
    try {
      await api().repayments.saveSettings({ ...data.settings, reminderDays: Number(days ?? data.settings.reminderDays) });
      setActionError(null);
      await reload();
    } catch (err) {
      setActionError(err);
    }
  }
  async function exportCalendar() {
    try {
      const r = await api().repayments.exportCalendar({ days: 365, details });
      setExported(r.cancelled ? 'cancelled' : { out: r.out, events: r.events });
      setActionError(null);
    } catch (err) {
      setActionError(err);
    }
  }

  return (
    <section className="section case-section plain-controls" aria-labelledby="section-title" data-testid="section-repayments">
      <h1 id="section-title" tabIndex={-1}>
        {t('nav.repayments')}
      </h1>
      <p className="lead">{t('repayments.lead')}</p>
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}
      {!data && error === null && <p role="status">{t('repayments.loading')}</p>}
      {data && (
        <>
          <section className="case-card" aria-labelledby="rp-settings-title" data-testid="rp-settings">
            <h2 id="rp-settings-title">{t('repayments.settings.title')}</h2>
            <div className="rp-row">
              <label htmlFor="rp-days">{t('repayments.settings.days')}</label>
              <input
                id="rp-days"
                type="number"
                min={0}
                max={30}
                value={days ?? String(data.settings.reminderDays)}
                onChange={(e) => setDays(e.target.value)}
                data-testid="rp-days"
              />
              <button type="button" className="button button-quiet" onClick={() => void saveDays()} data-testid="rp-days-save">
                {t('repayments.settings.save')}
              </button>
            </div>
            <div className="rp-row">
              <label className="rp-check">
                <input type="checkbox" checked={details} onChange={(e) => setDetails(e.target.checked)} data-testid="rp-ics-details" /> {t('repayments.settings.details')}
              </label>
              <button type="button" className="button" onClick={() => void exportCalendar()} data-testid="rp-ics-export">
                {t('repayments.settings.export')}
              </button>
            </div>
            {exported === 'cancelled' && <Message kind="info">{t('repayments.settings.cancelled')}</Message>}
            {exported && exported !== 'cancelled' && (
              <Message kind="success" testId="rp-ics-done">
                {t('repayments.settings.exported', { events: exported.events, out: exported.out })}
              </Message>
            )}
            {actionError !== null && <Message kind="error">{errorText(t, actionError)}</Message>}
          </section>
          {saved && (
            <Message kind="success" testId="rp-saved">
              {t('repayments.form.saved')}
            </Message>
          )}
          {data.agreements.length === 0 && !adding && (
            <p className="empty-state" data-testid="rp-empty">
              {t('repayments.empty')}
            </p>
          )}
          {data.agreements.map((a) => (
            <AgreementCard key={a.agreementId} a={a} today={data.today} evidence={evidence} onChanged={reload} />
          ))}
          {doc &&
            (adding ? (
              <NewAgreement
                doc={doc}
                today={data.today}
                evidence={evidence}
                onCancel={() => setAdding(false)}
                onSaved={async () => {
                  setAdding(false);
                  setSaved(true);
                  await reload();
                }}
              />
            ) : (
              doc.creditors.length > 0 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setSaved(false);
                    setAdding(true);
                  }}
                  data-testid="rp-new-open"
                >
                  {t('repayments.form.open')}
                </button>
              )
            ))}
          {doc && <RoundsPanel doc={doc} today={data.today} evidence={evidence} />}
          <BudgetPanel generation={data} today={data.today} evidence={evidence} settings={data.settings} onChanged={reload} />
        </>
      )}
    </section>
  );
}
