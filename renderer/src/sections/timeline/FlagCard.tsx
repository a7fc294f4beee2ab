// One conduct flag: what it is, the rule with its sources (shown on every flag), and
// dismissing it with a reason (kept in the audit log) or restoring it.
import { useId, useState } from 'react';
import type { ContactDetail, FlagHitView } from '../../../../shared/contracts/timeline';
import { FLAG_RULES, SOURCES } from '../../../../shared/timeline/rules';
import { currentLocale, useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';

export function FlagCard({ contactId, flag, onChanged }: { contactId: string; flag: FlagHitView; onChanged: (c: ContactDetail) => void }) {
  const t = useT();
  const id = useId();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const en = currentLocale() === 'en';
  const rule =
    flag.code === 'excess_calls'
      ? t('timeline.flag.rule.excess_calls', { nth: flag.nth ?? 0, ofDay: flag.ofDay ?? 0 })
      : flag.code === 'threat_or_impersonation'
        ? t('timeline.flag.rule.threat_or_impersonation', { words: (flag.words ?? []).join('、') })
        : t(`timeline.flag.rule.${flag.code}`);

  const act = async (fn: () => Promise<ContactDetail>) => {
    setError(null);
    try {
      onChanged(await fn());
      setDismissing(false);
      setReason('');
    } catch (err) {
      setError(err);
    }
  };

  return (
    <li className={`tl-flag-card${flag.dismissed ? ' is-dismissed' : ''}`} data-testid={`flag-card-${flag.code}`}>
      <p className="tl-flag-title">
        <span className={`tl-badge tl-badge-flag tl-flag-${flag.code}`}>{t(`timeline.flag.${flag.code}`)}</span>
        {flag.beijingTime && <span className="help"> {t('timeline.flag.at', { time: flag.beijingTime })}</span>}
      </p>
      <p className="tl-flag-rule">{rule}</p>
      <p className="tl-flag-source help">
        {t('timeline.flag.source')}：{FLAG_RULES[flag.code].sources.map((s) => (en ? SOURCES[s].en : SOURCES[s].title)).join('；')}
      </p>
      {flag.dismissed ? (
        <>
          <p className="tl-flag-dismissed" data-testid="flag-dismissed-reason">
            {t('timeline.flag.dismissed', { reason: flag.dismissed.reason })}
          </p>
          <button type="button" className="button button-quiet" onClick={() => void act(() => api().timeline.restoreFlag({ id: contactId, flag: flag.code }))}>
            {t('timeline.flag.restore')}
          </button>
        </>
      ) : dismissing ? (
        <form
          className="tl-dismiss"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => api().timeline.dismissFlag({ id: contactId, flag: flag.code, reason }));
          }}
        >
          <label className="tl-field" htmlFor={`${id}-reason`}>
            <span className="tl-field-label">{t('timeline.flag.dismissReason')}</span>
            <input id={`${id}-reason`} className="input" value={reason} onChange={(e) => setReason(e.target.value)} autoFocus data-testid="flag-dismiss-reason" />
          </label>
          <div className="form-actions">
            <button type="submit" className="button" disabled={reason.trim() === ''} data-testid="flag-dismiss-confirm">
              {t('timeline.flag.dismissConfirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setDismissing(false)}>
              {t('timeline.flag.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-quiet" onClick={() => setDismissing(true)} data-testid="flag-dismiss">
          {t('timeline.flag.dismiss')}
        </button>
      )}
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}
    </li>
  );
}
