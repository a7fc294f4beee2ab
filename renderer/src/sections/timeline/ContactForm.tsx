// Adding or changing a contact by hand: when, how, who, what was said and promised, the
// outcome and when to follow up. A modal <dialog> (focus stays inside; Esc cancels).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ContactDetail, ContactFields } from '../../../../shared/contracts/timeline';
import { CONTACT_CHANNELS, PARTY_TYPES, type ContactChannel, type Direction, type PartyType } from '../../../../shared/timeline/kinds';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { beijingLocalInput, beijingWallIso } from '../../../../shared/time/beijing';
import { DateField, readDateField } from '../../components/DateField';
import { EvidencePicker } from '../../components/EvidencePicker';

export interface ContactFormProps {
  /** The contact to change, or null to add a new one. */
  editing: ContactDetail | null;
  onClose: () => void;
  onSaved: (c: ContactDetail) => void;
}

interface State {
  at: string;
  channel: ContactChannel;
  direction: Direction;
  partyType: PartyType | '';
  organisation: string;
  person: string;
  agentId: string;
  phone: string;
  durationMin: string;
  connected: boolean;
  summary: string;
  theySaid: string;
  iPromised: string;
  outcome: string;
  followUpDate: string;
  awaitingReply: boolean;
  toThirdParty: boolean;
  evidenceIds: string[];
}

function initial(c: ContactDetail | null): State {
  return {
    // The time as recorded, shown in Beijing wall-clock form for the datetime-local input.
    at: c ? c.at.slice(0, 16) : beijingLocalInput(Date.now()),
    channel: c?.channel ?? 'phone',
    direction: c?.direction ?? 'outgoing',
    partyType: c?.partyType ?? '',
    organisation: c?.organisation ?? '',
    person: c?.person ?? '',
    agentId: c?.agentId ?? '',
    phone: c?.phone ?? '',
    durationMin: c?.durationSec != null ? String(Math.round((c.durationSec / 60) * 10) / 10) : '',
    connected: c?.connected ?? true,
    summary: c?.summary ?? '',
    theySaid: c?.theySaid ?? '',
    iPromised: c?.iPromised ?? '',
    outcome: c?.outcome ?? '',
    followUpDate: c?.followUpDate ?? '',
    awaitingReply: c?.awaitingReply ?? false,
    toThirdParty: c?.toThirdParty ?? false,
    evidenceIds: c?.evidenceIds ?? [],
  };
}

export function ContactForm({ editing, onClose, onSaved }: ContactFormProps) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [s, setS] = useState<State>(() => initial(editing));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const set = <K extends keyof State>(k: K, v: State[K]) => setS((prev) => ({ ...prev, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const at = readDateField(t, s.at, t('timeline.form.when'), { kind: 'moment', when: 'past', notAfterToday: true });
    const follow = readDateField(t, s.followUpDate, t('timeline.form.followUpDate'), { optional: true, when: 'future' });
    const missing = [!at.ok ? at.error : '', !follow.ok ? follow.error : ''].filter(Boolean);
    // The vault refuses an empty contact too (EMPTY_CONTACT); saying so here names what is missing before any call.
    const counterparty = s.partyType !== '' || [s.organisation, s.person, s.agentId, s.phone].some((v) => v.trim() !== '');
    const words = [s.summary, s.theySaid, s.iPromised, s.outcome].some((v) => v.trim() !== '') || (editing?.body ?? '').trim() !== '';
    if (!counterparty && !words) missing.push(t('timeline.form.emptyContact'));
    if (missing.length > 0 || !at.ok || !follow.ok) {
      setError(new Error(missing.join(' ')));
      return;
    }
    const when = at.value as string;
    const minutes = s.durationMin.trim() === '' ? null : Number(s.durationMin);
    // An edit keeps the seconds and the offset the contact was recorded with; a new one is Beijing time.
    const fields: ContactFields = {
      at: editing
        ? `${when.length > 16 ? when : `${when}:${editing.at.slice(0, 16) === when ? editing.at.slice(17, 19) : '00'}`}${editing.at.slice(19)}`
        : beijingWallIso(when.slice(0, 10), when.slice(11)),
      channel: s.channel,
      direction: s.direction,
      partyType: s.partyType || null,
      organisation: s.organisation,
      person: s.person,
      agentId: s.agentId,
      phone: s.phone,
      durationSec: minutes === null || !Number.isFinite(minutes) || minutes < 0 ? null : Math.round(minutes * 60),
      connected: s.channel === 'phone' ? s.connected : true,
      summary: s.summary,
      theySaid: s.theySaid,
      iPromised: s.iPromised,
      outcome: s.outcome,
      followUpDate: follow.value,
      awaitingReply: s.awaitingReply,
      toThirdParty: s.toThirdParty,
      evidenceIds: s.evidenceIds,
    };
    setSaving(true);
    setError(null);
    try {
      const saved = editing ? await api().timeline.update({ id: editing.id, patch: fields }) : await api().timeline.add(fields);
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  const text = (key: keyof State, label: string, testId: string, opts: { area?: boolean; type?: string } = {}) => (
    <label className="tl-field" htmlFor={`${id}-${key}`}>
      <span className="tl-field-label">{label}</span>
      {opts.area ? (
        <textarea id={`${id}-${key}`} className="input tl-textarea" rows={3} value={String(s[key])} onChange={(e) => set(key, e.target.value as never)} data-testid={testId} />
      ) : (
        <input id={`${id}-${key}`} className="input" type={opts.type ?? 'text'} value={String(s[key])} onChange={(e) => set(key, e.target.value as never)} data-testid={testId} />
      )}
    </label>
  );

  return (
    <dialog
      ref={ref}
      className="tl-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="contact-form"
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${id}-title`}>{t(editing ? 'timeline.form.editTitle' : 'timeline.form.addTitle')}</h2>
        <div className="tl-form-grid">
          <DateField
            id={`${id}-at`}
            label={t('timeline.form.when')}
            kind="moment"
            when="past"
            notAfterToday
            value={s.at}
            onChange={(v) => set('at', v)}
            testId="form-at"
            className="tl-field"
          />
          <label className="tl-field" htmlFor={`${id}-channel`}>
            <span className="tl-field-label">{t('timeline.form.channel')}</span>
            <select id={`${id}-channel`} className="select" value={s.channel} onChange={(e) => set('channel', e.target.value as ContactChannel)} data-testid="form-channel">
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`timeline.channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="tl-field tl-radios">
            <legend className="tl-field-label">{t('timeline.form.direction')}</legend>
            {(['outgoing', 'incoming'] as const).map((d) => (
              <label key={d} className="tl-check">
                <input type="radio" name={`${id}-direction`} value={d} checked={s.direction === d} onChange={() => set('direction', d)} data-testid={`form-direction-${d}`} />
                {t(`timeline.direction.${d}`)}
              </label>
            ))}
          </fieldset>
          <label className="tl-field" htmlFor={`${id}-party`}>
            <span className="tl-field-label">{t('timeline.form.party')}</span>
            <select id={`${id}-party`} className="select" value={s.partyType} onChange={(e) => set('partyType', e.target.value as PartyType | '')} data-testid="form-party">
              <option value="">{t('timeline.party.choose')}</option>
              {PARTY_TYPES.map((p) => (
                <option key={p} value={p}>
                  {t(`timeline.party.${p}`)}
                </option>
              ))}
            </select>
          </label>
          {text('organisation', t('timeline.form.organisation'), 'form-organisation')}
          {text('person', t('timeline.form.person'), 'form-person')}
          {text('agentId', t('timeline.form.agentId'), 'form-agent')}
          {text('phone', t('timeline.form.phone'), 'form-phone', { type: 'tel' })}
          {s.channel === 'phone' && (
            <>
              {text('durationMin', t('timeline.form.durationMin'), 'form-duration', { type: 'number' })}
              <label className="tl-check">
                <input type="checkbox" className="checkbox" checked={s.connected} onChange={(e) => set('connected', e.target.checked)} data-testid="form-connected" />
                {t('timeline.form.connected')}
              </label>
            </>
          )}
        </div>
        {text('summary', t('timeline.form.summary'), 'form-summary', { area: true })}
        {text('theySaid', t('timeline.form.theySaid'), 'form-they-said', { area: true })}
        {text('iPromised', t('timeline.form.iPromised'), 'form-i-promised', { area: true })}
        {text('outcome', t('timeline.form.outcome'), 'form-outcome')}
        <div className="tl-form-grid">
          <DateField
            id={`${id}-followUpDate`}
            label={t('timeline.form.followUpDate')}
            when="future"
            value={s.followUpDate}
            onChange={(v) => set('followUpDate', v)}
            testId="form-follow-up"
            className="tl-field"
          />
        </div>
        <EvidencePicker
          label={t('timeline.form.evidence')}
          help={t('timeline.form.evidenceHelp')}
          testId="form-evidence"
          value={s.evidenceIds}
          onChange={(ids) => set('evidenceIds', ids)}
        />
        <label className="tl-check">
          <input type="checkbox" className="checkbox" checked={s.awaitingReply} onChange={(e) => set('awaitingReply', e.target.checked)} data-testid="form-awaiting" />
          {t('timeline.form.awaitingReply')}
        </label>
        <label className="tl-check">
          <input type="checkbox" className="checkbox" checked={s.toThirdParty} onChange={(e) => set('toThirdParty', e.target.checked)} data-testid="form-third-party" />
          {t('timeline.form.toThirdParty')}
        </label>
        {error !== null && (
          <Message kind="error" testId="form-error">
            {errorText(t, error)}
          </Message>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving} data-testid="form-save">
            {t(saving ? 'timeline.form.saving' : 'timeline.form.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose} data-testid="form-cancel">
            {t('timeline.form.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
