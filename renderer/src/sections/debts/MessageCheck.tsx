// Check a collection message: what it claims (amount owed, days overdue) beside the app's
// own figures for that date. A difference is "unverified — ask for an itemised statement".
import { useState, type FormEvent } from 'react';
import type { TimelineEntry } from '../../../../shared/contracts/timeline';
import type { Account } from '../../../../shared/case/schema';
import { compareClaims, type ClaimComparison } from '../../../../shared/money/claims-check';
import { caseOwedOn } from '../../../../shared/money/case-owed';
import { detailOf } from '../../../../shared/case/detail';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { SelectField, TextField } from '../case/fields';
import { checkDate, yuan } from '../case/input';
import { useConventionText } from './AccountRules';

export function MessageCheck({ accounts, today }: { accounts: readonly Account[]; today: string }) {
  const t = useT();
  const conventionText = useConventionText();
  const [body, setBody] = useState('');
  const [date, setDate] = useState(today);
  const [which, setWhich] = useState('all');
  const [result, setResult] = useState<ClaimComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The picker of imported SMS (incoming, from the timeline): null = closed, [] = none.
  const [smsList, setSmsList] = useState<TimelineEntry[] | 'loading' | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  async function openPicker() {
    if (smsList !== null) {
      setSmsList(null);
      return;
    }
    setSmsList('loading');
    setError(null);
    try {
      const list = await api().timeline.list({ filter: { channels: ['sms'] } });
      setSmsList(list.entries.filter((e) => e.direction === 'incoming'));
    } catch (err) {
      setSmsList(null);
      setError(errorText(t, err));
    }
  }

  async function pick(entry: TimelineEntry) {
    setError(null);
    try {
      // The list carries only the start of the text; the full message is in the entry.
      const full = await api().timeline.get({ id: entry.id });
      setBody(full.body ?? full.preview);
      setDate(entry.at.slice(0, 10));
      setResult(null);
      setPicked(t('debts.check.picked', { from: entry.counterparty, when: entry.at.slice(0, 16).replace('T', ' ') }));
      setSmsList(null);
      document.getElementById('sms-body')?.focus();
    } catch (err) {
      setError(errorText(t, err));
    }
  }

  function check(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    setError(null);
    if (body.trim() === '') {
      setError(t('debts.check.empty'));
      return;
    }
    const on = checkDate(date, t('debts.check.date'));
    if (!on.ok) {
      setError(on.error);
      return;
    }
    try {
      const chosen = which === 'all' ? accounts : accounts.filter((a) => a.id === which);
      const owed = caseOwedOn(chosen, on.value as string);
      setResult(compareClaims(body, { total: owed.total.total, overdueDays: owed.maxOverdueDays }, on.value as string));
    } catch (err) {
      setError(detailOf(err));
    }
  }

  const diff = (d: string | number | undefined, matches: boolean | undefined, fmt: (v: string | number) => string) =>
    d === undefined ? '—' : matches ? t('debts.check.same') : fmt(d);

  return (
    <section className="case-card" aria-labelledby="check-title" data-testid="sms-check">
      <h2 id="check-title">{t('debts.check.title')}</h2>
      <p className="case-small">{t('debts.check.intro')}</p>
      {accounts.length === 0 ? (
        <p>{t('debts.check.noAccounts')}</p>
      ) : (
        <form onSubmit={check} noValidate>
          <div className="sms-pick">
            <button
              type="button"
              className="button button-quiet"
              onClick={() => void openPicker()}
              aria-expanded={smsList !== null}
              aria-controls="sms-pick-list"
              data-testid="sms-pick"
            >
              {smsList === null ? t('debts.check.pick') : t('debts.check.pickClose')}
            </button>
            {smsList !== null && (
              <div id="sms-pick-list" className="sms-pick-list" role="region" aria-label={t('debts.check.pickTitle')} data-testid="sms-pick-list">
                {smsList === 'loading' ? (
                  <p role="status">{t('debts.check.pickLoading')}</p>
                ) : smsList.length === 0 ? (
                  <p data-testid="sms-pick-none">{t('debts.check.pickNone')}</p>
                ) : (
                  <ul>
                    {smsList.map((m) => (
                      <li key={m.id}>
                        <button type="button" className="sms-pick-item" onClick={() => void pick(m)} data-testid="sms-pick-item" data-id={m.id}>
                          <span className="sms-pick-meta">
                            {m.at.slice(0, 16).replace('T', ' ')} · {m.counterparty}
                          </span>
                          <span className="sms-pick-text">{m.preview}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
          <TextField
            id="sms-body"
            label={t('debts.check.body')}
            value={body}
            onChange={(v) => {
              setBody(v);
              setPicked(null);
            }}
            testId="sms-body"
            multiline
          />
          {picked && (
            <p className="case-small" role="status" data-testid="sms-picked">
              {picked}
            </p>
          )}
          <div className="case-grid">
            <TextField id="sms-date" label={t('debts.check.date')} value={date} onChange={setDate} testId="sms-date" kind="date" />
            <SelectField
              id="sms-account"
              label={t('debts.check.account')}
              value={which}
              options={[{ value: 'all', label: t('debts.check.all') }, ...accounts.map((a) => ({ value: a.id, label: a.label }))]}
              onChange={setWhich}
              testId="sms-account"
            />
          </div>
          <button type="submit" className="button button-primary" data-testid="sms-submit">
            {t('debts.check.submit')}
          </button>
        </form>
      )}
      {error && <Message kind="error">{error}</Message>}
      {result && (
        <div data-testid="sms-result" data-verdict={result.verdict}>
          <table className="case-table">
            <thead>
              <tr>
                <th scope="col">{t('debts.check.colItem')}</th>
                <th scope="col" className="num">
                  {t('debts.check.colClaimed')}
                </th>
                <th scope="col" className="num">
                  {t('debts.check.colOurs')}
                </th>
                <th scope="col" className="num">
                  {t('debts.check.colDiff')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className={result.amount.matches === false ? 'is-over' : ''}>
                <th scope="row">{t('debts.check.amount')}</th>
                <td className="num" data-testid="sms-claimed-amount">
                  {result.amount.claimed ? yuan(result.amount.claimed) : t('debts.check.notFound')}
                </td>
                <td className="num">{yuan(result.amount.ours)}</td>
                <td className="num">{diff(result.amount.difference, result.amount.matches, (v) => yuan(String(v)))}</td>
              </tr>
              <tr className={result.days.matches === false ? 'is-over' : ''}>
                <th scope="row">
                  {t('debts.check.days')}
                  <span className="case-small" data-testid="check-convention">
                    {t('moneyRules.convention.beside', {
                      rule: [...new Set((which === 'all' ? accounts : accounts.filter((a) => a.id === which)).map((a) => conventionText(a.overdueConvention)))].join('；'),
                    })}
                  </span>
                </th>
                <td className="num">{result.days.claimed !== undefined ? t('debts.daysValue', { n: result.days.claimed }) : t('debts.check.notFound')}</td>
                <td className="num">{t('debts.daysValue', { n: result.days.ours })}</td>
                <td className="num">{diff(result.days.difference, result.days.matches, (v) => t('debts.daysValue', { n: v }))}</td>
              </tr>
            </tbody>
          </table>
          {result.findings.includes('unverified') && (
            <div className="case-alert" role="alert" data-testid="sms-unverified">
              <p className="case-alert-title">{t('claims.check.aboveTitle')}</p>
              <p>{t('claims.check.above')}</p>
            </div>
          )}
          {result.findings.includes('check-own') && (
            <div className="case-alert" role="alert" data-testid="sms-check-own">
              <p className="case-alert-title">{t('claims.check.belowTitle')}</p>
              <p>{t('claims.check.below')}</p>
            </div>
          )}
          {(result.claims.minimumPayment !== undefined || result.claims.dueDate !== undefined) && (
            <p className="case-small" data-testid="sms-also-stated">
              {t('claims.check.alsoStated')}：
              {[
                result.claims.minimumPayment !== undefined ? t('claims.check.minimum', { amount: yuan(result.claims.minimumPayment) }) : null,
                result.claims.dueDate !== undefined ? t('claims.check.dueDate', { date: result.claims.dueDate }) : null,
              ]
                .filter(Boolean)
                .join('；')}
            </p>
          )}
          {result.verdict === 'match' && <Message kind="success">{t('debts.check.match')}</Message>}
          {result.verdict === 'nothing-found' && <Message kind="info">{t('debts.check.nothing')}</Message>}
        </div>
      )}
    </section>
  );
}
