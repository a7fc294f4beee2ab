// "生成联系记录": a contact on the timeline made from the selected evidence (chat
// screenshots), through timeline:fromEvidence. Blank time = the earliest screenshot's; the
// channel defaults to in-app online chat. Once made, it offers to show it in the timeline.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ContactDetail, ContactPatch } from '../../../../shared/contracts/timeline';
import { CONTACT_CHANNELS, PARTY_TYPES, type ContactChannel, type PartyType } from '../../../../shared/timeline/kinds';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useNavigate } from '../../lib/navigate';
import { Message } from '../../components/Message';
import { beijingWallIso } from '../../../../shared/time/beijing';

export function MakeContact({ evidenceIds, onClose, onMade }: { evidenceIds: string[]; onClose: () => void; onMade: () => void }) {
  const t = useT();
  const goTo = useNavigate();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [at, setAt] = useState('');
  const [channel, setChannel] = useState<ContactChannel>('chat');
  const [partyType, setPartyType] = useState<PartyType | ''>('');
  const [organisation, setOrganisation] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [made, setMade] = useState<ContactDetail | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const fields: ContactPatch = {
        channel,
        partyType: partyType || null,
        ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        // A time typed by the user is Beijing wall-clock time, and no longer uncertain.
        ...(at ? { at: beijingWallIso(at.slice(0, 10), at.slice(11, 16)), timeUncertain: false } : {}),
      };
      setMade(await api().timeline.fromEvidence({ evidenceIds, fields }));
      onMade();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="ev-dialog ev-make-contact" aria-labelledby={`${id}-title`} onCancel={onClose} data-testid="make-contact-dialog">
      <h2 id={`${id}-title`}>{t('evidence.makeContact.title', { n: evidenceIds.length })}</h2>
      {made ? (
        <>
          <Message kind="success" testId="make-contact-done">
            {t('evidence.makeContact.done', { when: made.at.slice(0, 16).replace('T', ' '), n: made.evidenceIds.length })}
          </Message>
          <div className="form-actions">
            <button type="button" className="button button-primary" onClick={() => goTo('timeline', { contactId: made.id })} autoFocus data-testid="make-contact-goto">
              {t('evidence.makeContact.goTimeline')}
            </button>
            <button type="button" className="button button-quiet" onClick={onClose} data-testid="make-contact-close">
              {t('evidence.detail.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <p className="help">{t('evidence.makeContact.intro')}</p>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-at`}>
              {t('evidence.makeContact.when')}
            </label>
            <input
              id={`${id}-at`}
              type="datetime-local"
              className="input"
              value={at}
              onChange={(e) => setAt(e.target.value)}
              aria-describedby={`${id}-at-help`}
              data-testid="make-contact-at"
            />
            <p className="help" id={`${id}-at-help`}>
              {t('evidence.makeContact.whenHelp')}
            </p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-channel`}>
              {t('evidence.makeContact.channel')}
            </label>
            <select id={`${id}-channel`} className="select" value={channel} onChange={(e) => setChannel(e.target.value as ContactChannel)} data-testid="make-contact-channel">
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`timeline.channel.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-party`}>
              {t('evidence.makeContact.party')}
            </label>
            <select id={`${id}-party`} className="select" value={partyType} onChange={(e) => setPartyType(e.target.value as PartyType | '')} data-testid="make-contact-party">
              <option value="">{t('evidence.makeContact.partyUnknown')}</option>
              {PARTY_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`timeline.party.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-org`}>
              {t('evidence.makeContact.organisation')}
            </label>
            <input
              id={`${id}-org`}
              className="input ev-wide"
              maxLength={200}
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              data-testid="make-contact-organisation"
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-summary`}>
              {t('evidence.makeContact.summary')}
            </label>
            <textarea
              id={`${id}-summary`}
              className="input ev-wide ev-note"
              rows={3}
              maxLength={20000}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              data-testid="make-contact-summary"
            />
          </div>
          {error !== null && <Message kind="error">{errorText(t, error)}</Message>}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="make-contact-submit">
              {busy ? t('evidence.makeContact.saving') : t('evidence.makeContact.submit')}
            </button>
            <button type="button" className="button button-quiet" onClick={onClose} data-testid="make-contact-cancel">
              {t('evidence.makeContact.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
