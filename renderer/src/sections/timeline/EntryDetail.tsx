// One contact in full: when, how, who and why they count as the creditor side, what was
// said and promised, its flags with their rules and sources, the evidence it links to,
// and marking its number. Edit and delete from here.
import { useEffect, useId, useRef, useState } from 'react';
import type { ContactDetail, Marks } from '../../../../shared/contracts/timeline';
import { LIMITATION_RULE, SOURCES } from '../../../../shared/timeline/rules';
import { numberKey } from '../../../../shared/timeline/numbers';
import type { MarkSide } from '../../../../shared/timeline/kinds';
import { currentLocale, useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useNavigate } from '../../lib/navigate';
import { Message } from '../../components/Message';
import { FlagCard } from './FlagCard';
import { SidePanel } from './SidePanel';
import { durationText, wallClock } from './format';

export interface EntryDetailProps {
  contact: ContactDetail;
  marks: Marks | null;
  onClose: () => void;
  onChanged: (c: ContactDetail | null) => void;
  onEdit: () => void;
  onOpenEvidence: (evidence: ContactDetail['evidence'][number]) => void;
}

export function EntryDetail({ contact: c, marks, onClose, onChanged, onEdit, onOpenEvidence }: EntryDetailProps) {
  const t = useT();
  const goTo = useNavigate();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const en = currentLocale() === 'en';
  useEffect(() => heading.current?.focus(), [c.id]);

  const mark = marks?.marks.find((m) => m.key === numberKey(c.phone));
  const reason = c.sideReason === 'directory' ? t('timeline.sideReason.directory', { org: c.organisation ?? '' }) : t(`timeline.sideReason.${c.sideReason}`);

  const run = async (fn: () => Promise<void>) => {
    setError(null);
    setNote(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    }
  };

  const row = (label: string, value: string | null | undefined, testId?: string, note?: string) =>
    value ? (
      <div className="tl-dl-row">
        <dt>{label}</dt>
        <dd data-testid={testId}>
          {value}
          {note && <span className="tl-dd-note">{note}</span>}
        </dd>
      </div>
    ) : null;
  const when = wallClock(c.at);

  return (
    <section className="tl-detail" aria-labelledby={`${id}-title`} data-testid="entry-detail" data-id={c.id}>
      <div className="tl-detail-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {t('timeline.detail.title')}
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose} data-testid="detail-close">
          {t('timeline.detail.close')}
        </button>
      </div>
      <dl className="tl-dl">
        {row(t('timeline.detail.when'), when.beijing ? t('timeline.detail.beijing', { time: when.text }) : c.at, 'detail-at')}
        {row(t('timeline.detail.channel'), `${t(`timeline.channel.${c.channel}`)} · ${t(`timeline.direction.${c.direction}`)} · ${t(`timeline.detail.source.${c.source}`)}`)}
        {row(t('timeline.detail.party'), t(`timeline.party.${c.party}`), 'detail-party', t('timeline.detail.why', { reason }))}
        {row(t('timeline.detail.organisation'), c.organisation)}
        {row(t('timeline.detail.person'), c.person ?? c.contactName)}
        {row(t('timeline.detail.agentId'), c.agentId)}
        {row(t('timeline.detail.phone'), c.phone)}
        {c.durationSec !== null && row(t('timeline.detail.duration'), durationText(t, c.durationSec))}
        {row(t('timeline.detail.summary'), c.summary)}
        {row(t(c.source === 'chat_screenshots' ? 'timeline.detail.bodyScreenshot' : 'timeline.detail.body'), c.body, 'detail-body')}
        {row(t('timeline.detail.theySaid'), c.theySaid)}
        {row(t('timeline.detail.iPromised'), c.iPromised, 'detail-promised')}
        {row(t('timeline.detail.outcome'), c.outcome)}
        {row(t('timeline.detail.followUp'), c.followUpDate ? `${c.followUpDate}${c.followUpDone ? ` ✓ ${t('timeline.detail.followUpDone')}` : ''}` : null)}
        {c.awaitingReply && row(t('timeline.detail.awaitingReply'), '✓')}
        {c.toThirdParty && row(t('timeline.detail.toThirdParty'), '✓')}
        {c.claims?.amountOwed && row(t('timeline.detail.claimAmount', { amount: c.claims.amountOwed }), '⚠')}
        {c.claims?.overdueDays !== undefined && row(t('timeline.detail.claimDays', { days: c.claims.overdueDays }), '⚠')}
        {c.claims?.minimumPayment && row(t('claims.entry.claimMinimum', { amount: c.claims.minimumPayment }), '⚠')}
        {c.claims?.dueDate && row(t('claims.entry.claimDueDate', { date: c.claims.dueDate }), '⚠')}
      </dl>
      <SidePanel contact={c} onChanged={(next) => onChanged(next)} />
      {c.timeUncertain && (
        <Message kind="warning" testId="detail-check-time">
          {t('timeline.import.callCheckTime')}
        </Message>
      )}

      <h3>{t('timeline.detail.flags')}</h3>
      {c.flags.length === 0 ? (
        <p className="help">{t('timeline.detail.noFlags')}</p>
      ) : (
        <ul className="tl-flag-list">
          {c.flags.map((f) => (
            <FlagCard key={f.code} contactId={c.id} flag={f} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {c.interruptsLimitation && (
        <div className="tl-flag-card tl-limitation" data-testid="detail-limitation">
          <p className="tl-flag-title">
            <span className="tl-badge tl-badge-limitation">{t('timeline.flag.limitation')}</span>
          </p>
          <p className="tl-flag-rule">{t('timeline.flag.limitationRule')}</p>
          <p className="help">
            {t('timeline.flag.source')}：{LIMITATION_RULE.sources.map((s) => (en ? SOURCES[s].en : SOURCES[s].title)).join('；')}
          </p>
        </div>
      )}

      <h3>{t('timeline.detail.evidence')}</h3>
      {c.evidence.length === 0 ? (
        <p className="help">{t('timeline.detail.noEvidence')}</p>
      ) : (
        <ul className="tl-evidence-list">
          {c.evidence.map((e) => (
            <li key={e.id}>
              <button type="button" className="button button-quiet tl-evidence-link" onClick={() => onOpenEvidence(e)} disabled={e.missing} data-testid="detail-evidence-open">
                {t('timeline.detail.open')}：{e.name ?? e.id}
                {e.missing ? t('timeline.detail.missing') : ''}
              </button>
              {!e.missing && (
                <button
                  type="button"
                  className="button button-quiet tl-evidence-goto"
                  onClick={() => goTo('evidence', { evidenceId: e.id })}
                  aria-label={t('timeline.detail.showInEvidenceFor', { name: e.name ?? e.id })}
                  data-testid="detail-evidence-goto"
                  data-evidence-id={e.id}
                >
                  {t('timeline.detail.showInEvidence')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {c.phone && (
        <label className="tl-field" htmlFor={`${id}-mark`}>
          <span className="tl-field-label">{t('timeline.detail.markNumber', { number: c.phone })}</span>
          <select
            id={`${id}-mark`}
            className="select"
            value={mark?.side ?? ''}
            data-testid="detail-mark"
            onChange={(e) =>
              void run(async () => {
                const side = (e.target.value || null) as MarkSide | null;
                if (side === null && !mark) return;
                await api().timeline.mark({ number: c.phone!, side });
                onChanged(await api().timeline.get({ id: c.id }));
                setNote(t('timeline.detail.markSaved'));
              })
            }
          >
            <option value="">{t('timeline.detail.markNone')}</option>
            <option value="creditor">{t('timeline.detail.markCreditor')}</option>
            <option value="collector">{t('timeline.detail.markCollector')}</option>
            <option value="not_creditor">{t('timeline.detail.markNotCreditor')}</option>
          </select>
        </label>
      )}
      {note && <Message kind="success">{note}</Message>}
      {error !== null && <Message kind="error">{errorText(t, error)}</Message>}

      <div className="form-actions">
        <button type="button" className="button" onClick={onEdit} data-testid="detail-edit">
          {t('timeline.detail.edit')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          data-testid="detail-delete"
          onClick={() =>
            void run(async () => {
              if (!window.confirm(t('timeline.detail.deleteConfirm'))) return;
              await api().timeline.delete({ id: c.id });
              onChanged(null);
            })
          }
        >
          {t('timeline.detail.delete')}
        </button>
      </div>
    </section>
  );
}
