// One item: its preview, everything kept about it (SHA-256, type from the bytes, times and
// where the capture time came from), the editable metadata, its change history, and the
// actions (export the original, trash / restore, purge).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { EvidenceDetail as Detail } from '../../../../shared/contracts/evidence';
import type { ContactDetail } from '../../../../shared/contracts/timeline';
import type { EvidenceCategory } from '../../../../shared/evidence/categories';
import { currentLocale, useT, type TKey } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { useNavigate } from '../../lib/navigate';
import { formatBytes } from '../../lib/format';
import { Message } from '../../components/Message';
import { duration, fullTime, toLocalInput } from './format';
import { DateField, readDateField } from '../../components/DateField';
import { Preview } from './previews/Preview';
import type { AppMode } from './urls';
import { CategoryOptions } from './CategoryOptions';
import { ScreenshotContactsButton } from '../timeline/ScreenshotContacts';
import { isoWithOffset, parseIsoTime } from '../../../../shared/time/beijing';

export interface AccountRef {
  id: string;
  label: string;
}

export interface EvidenceDetailProps {
  id: string;
  mode: AppMode;
  accounts: readonly AccountRef[];
  onClose: () => void;
  onChanged: () => void;
  onPurge: (ids: string[]) => void;
}

type Notice = { kind: 'success' | 'error'; text: string } | null;

const ACTION_KEYS: Record<string, TKey> = {
  'evidence.import': 'evidence.action.import',
  'evidence.update': 'evidence.action.update',
  'evidence.trash': 'evidence.action.trash',
  'evidence.restore': 'evidence.action.restore',
  'evidence.purge': 'evidence.action.purge',
  'evidence.export': 'evidence.action.export',
  'evidence.ocr': 'ocr.historyAction',
};

function describeChange(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([k]) => !['sha256', 'size', 'mime', 'route', 'sharedBytes', 'items', 'folder', 'out'].includes(k))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join('、') : v === null ? '—' : String(v)}`)
    .join('；');
}

export function EvidenceDetail({ id, mode, accounts, onClose, onChanged, onPurge }: EvidenceDetailProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [item, setItem] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [contacts, setContacts] = useState<Pick<ContactDetail, 'id' | 'at' | 'channel'>[] | null>(null);
  const goTo = useNavigate();
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ category: 'other' as EvidenceCategory, tags: '', note: '', capturedAt: '', accountIds: [] as string[] });
  // The form as loaded: only what the user changed is sent, so untouched metadata (a capture
  // time with seconds the minute-precision field cannot show) is never rewritten.
  const [loaded, setLoaded] = useState(form);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const load = useCallback(async () => {
    try {
      const d = await api().evidence.get({ id });
      setItem(d);
      const next = { category: d.category, tags: d.tags.join(' '), note: d.note, capturedAt: toLocalInput(d.capturedAt), accountIds: d.accountIds };
      setForm(next);
      setLoaded(next);
    } catch (err) {
      setError(err);
    }
  }, [id]);

  useEffect(() => {
    void load();
    api()
      .timeline.contactsForEvidence({ evidenceId: id })
      .then((r) => Promise.all(r.ids.map((contactId) => api().timeline.get({ id: contactId }))))
      .then((list) => setContacts(list.map((c) => ({ id: c.id, at: c.at, channel: c.channel }))))
      .catch(() => setContacts([]));
  }, [id, load]);

  const run = async (fn: () => Promise<string | null>) => {
    setBusy(true);
    setNotice(null);
    try {
      const text = await fn();
      if (text) setNotice({ kind: 'success', text });
      onChanged();
    } catch (err) {
      setNotice({ kind: 'error', text: errorText(t, err) });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const tags = form.tags
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const sameList = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\n') === [...b].sort().join('\n');
      // The capture time as people type it (2024年10月18日 14:30 …); an impossible or future one is refused here.
      const captured = readDateField(t, form.capturedAt, t('evidence.detail.capturedAt'), { kind: 'moment', when: 'past', notAfterToday: true, optional: true });
      if (!captured.ok) throw new Error(captured.error);
      const d = await api().evidence.update({
        id,
        ...(form.category !== loaded.category ? { category: form.category } : {}),
        ...(form.tags !== loaded.tags ? { tags } : {}),
        ...(form.note !== loaded.note ? { note: form.note } : {}),
        ...(form.capturedAt !== loaded.capturedAt ? { capturedAt: captured.value ? captured.value.replace('T', ' ') : null } : {}),
        // Only accounts this screen knows (the case could not be read: leave the links alone).
        ...(accounts.length > 0 && !sameList(form.accountIds, loaded.accountIds) ? { accountIds: form.accountIds } : {}),
      });
      setItem(d);
      const next = { category: d.category, tags: d.tags.join(' '), note: d.note, capturedAt: toLocalInput(d.capturedAt), accountIds: d.accountIds };
      setForm(next);
      setLoaded(next);
      return t('evidence.detail.saved');
    });

  // The same links the debts page shows (the case's accounts[].evidenceIds).
  const linked = (item?.accountIds ?? []).map((accountId) => accounts.find((a) => a.id === accountId)?.label ?? accountId);
  const locale = currentLocale();

  return (
    <dialog ref={ref} className="ev-dialog ev-detail" aria-labelledby={titleId} onCancel={onClose} data-testid="evidence-detail">
      <header className="ev-detail-head">
        <h2 id={titleId} className="ev-detail-title" title={item?.name}>
          {item?.name ?? t('evidence.viewer.loading')}
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose} data-testid="evidence-detail-close">
          {t('evidence.detail.close')}
        </button>
      </header>
      {error ? <Message kind="error">{errorText(t, error)}</Message> : null}
      {item && (
        <div className="ev-detail-body">
          <section className="ev-detail-preview" aria-label={t('evidence.detail.preview')} data-testid="evidence-preview" data-kind={item.kind}>
            <Preview key={item.id} item={item} mode={mode} />
          </section>
          <section className="ev-detail-side" aria-label={t('evidence.detail.info')}>
            {item.nameMismatch && <Message kind="warning">{t('evidence.detail.mismatch', { mime: item.mime })}</Message>}
            <dl className="ev-facts">
              <dt>{t('evidence.detail.type')}</dt>
              <dd>
                {t(`evidence.kind.${item.kind}`)} · {item.mime}
              </dd>
              <dt>{t('evidence.detail.size')}</dt>
              <dd>{formatBytes(t, item.size, locale)}</dd>
              <dt>{t('evidence.detail.sha256')}</dt>
              <dd className="ev-hash" data-testid="evidence-detail-sha256">
                {item.sha256}
              </dd>
              <dt>{t('evidence.detail.captured')}</dt>
              <dd>
                {fullTime(item.capturedAt) ?? t('evidence.card.noTime')}
                {item.capturedSource && <span className="ev-source">{t('evidence.detail.capturedFrom', { source: t(`evidence.source.${item.capturedSource}`) })}</span>}
              </dd>
              <dt>{t('evidence.detail.imported')}</dt>
              <dd>{fullTime(item.importedAt)}</dd>
              {item.modifiedAt && (
                <>
                  <dt>{t('evidence.detail.modified')}</dt>
                  <dd>{fullTime(item.modifiedAt)}</dd>
                </>
              )}
              {item.width && item.height ? (
                <>
                  <dt>{t('evidence.detail.dimensions')}</dt>
                  <dd>
                    {item.width} × {item.height}
                  </dd>
                </>
              ) : null}
              {item.durationSec !== null && (
                <>
                  <dt>{t('evidence.detail.duration')}</dt>
                  <dd>{duration(t, item.durationSec)}</dd>
                </>
              )}
              {item.pages !== null && (
                <>
                  <dt>{t('evidence.detail.pages')}</dt>
                  <dd>{item.pages}</dd>
                </>
              )}
              <dt>{t('evidence.detail.accounts')}</dt>
              <dd data-testid="evidence-detail-accounts">
                {linked.length ? linked.join('、') : t(accounts.length > 0 ? 'evidence.detail.noAccounts' : 'evidence.detail.noAccountsYet')}
              </dd>
              <dt>{t('evidence.detail.contacts')}</dt>
              <dd data-testid="evidence-detail-contacts">
                {contacts === null ? (
                  t('evidence.detail.contactsLoading')
                ) : contacts.length === 0 ? (
                  t('evidence.detail.noContacts')
                ) : (
                  <>
                    {t('evidence.detail.contactsCount', { n: contacts.length })}
                    <ul className="ev-contact-links">
                      {contacts.map((c) => {
                        const when = c.at.slice(0, 16).replace('T', ' ');
                        return (
                          <li key={c.id}>
                            <span>{t('evidence.detail.contactItem', { when, channel: t(`timeline.channel.${c.channel}`) })}</span>{' '}
                            <button
                              type="button"
                              className="button button-quiet ev-small"
                              onClick={() => goTo('timeline', { contactId: c.id })}
                              aria-label={t('evidence.detail.showInTimelineFor', { when })}
                              data-testid="evidence-detail-contact-goto"
                              data-contact-id={c.id}
                            >
                              {t('evidence.detail.showInTimeline')}
                            </button>
                          </li>
                        );
                      })}
                    </ul>
                  </>
                )}
              </dd>
            </dl>

            <form
              className="ev-edit"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <h3>{t('evidence.detail.edit')}</h3>
              <div className="field">
                <label className="field-label" htmlFor="ev-edit-category">
                  {t('evidence.detail.category')}
                </label>
                <select
                  id="ev-edit-category"
                  className="select"
                  value={form.category}
                  onChange={(e) => setForm({ ...form, category: e.target.value as EvidenceCategory })}
                  data-testid="evidence-edit-category"
                >
                  <CategoryOptions />
                </select>
              </div>
              <div className="field">
                <label className="field-label" htmlFor="ev-edit-tags">
                  {t('evidence.detail.tags')}
                </label>
                <input
                  id="ev-edit-tags"
                  className="input ev-wide"
                  value={form.tags}
                  onChange={(e) => setForm({ ...form, tags: e.target.value })}
                  aria-describedby="ev-edit-tags-help"
                  data-testid="evidence-edit-tags"
                />
                <p className="help" id="ev-edit-tags-help">
                  {t('evidence.detail.tagsHelp')}
                </p>
              </div>
              <div className="field">
                <label className="field-label" htmlFor="ev-edit-note">
                  {t('evidence.detail.note')}
                </label>
                <textarea
                  id="ev-edit-note"
                  className="input ev-wide ev-note"
                  rows={3}
                  maxLength={10000}
                  value={form.note}
                  onChange={(e) => setForm({ ...form, note: e.target.value })}
                  data-testid="evidence-edit-note"
                />
              </div>
              <DateField
                id="ev-edit-captured"
                label={t('evidence.detail.capturedAt')}
                help={t('evidence.detail.capturedHelp')}
                kind="moment"
                when="past"
                notAfterToday
                value={form.capturedAt}
                onChange={(v) => setForm({ ...form, capturedAt: v })}
                testId="evidence-edit-captured"
              />
              {accounts.length > 0 && (
                <fieldset className="field ev-accounts" data-testid="evidence-edit-accounts">
                  <legend className="field-label">{t('evidence.detail.accountsEdit')}</legend>
                  {accounts.map((a) => (
                    <label key={a.id} className="checkbox-row" htmlFor={`ev-edit-account-${a.id}`}>
                      <input
                        id={`ev-edit-account-${a.id}`}
                        type="checkbox"
                        className="checkbox"
                        checked={form.accountIds.includes(a.id)}
                        onChange={(e) =>
                          setForm({
                            ...form,
                            accountIds: e.target.checked
                              ? accounts.filter((x) => x.id === a.id || form.accountIds.includes(x.id)).map((x) => x.id)
                              : form.accountIds.filter((x) => x !== a.id),
                          })
                        }
                        data-testid="evidence-edit-account"
                        data-account-label={a.label}
                      />
                      <span>{a.label}</span>
                    </label>
                  ))}
                </fieldset>
              )}
              <button type="submit" className="button button-primary" disabled={busy} data-testid="evidence-edit-save">
                {busy ? t('evidence.detail.saving') : t('evidence.detail.save')}
              </button>
            </form>

            {notice && (
              <Message kind={notice.kind} testId="evidence-detail-notice">
                {notice.text}
              </Message>
            )}

            {item.mime.startsWith('image/') && item.trashedAt === null && (
              <div className="form-actions" data-testid="evidence-screenshot-contacts">
                <ScreenshotContactsButton evidenceId={id} capturedAt={item.capturedAt} onAdded={onChanged} />
              </div>
            )}

            <div className="form-actions">
              <button
                type="button"
                className="button"
                disabled={busy}
                data-testid="evidence-detail-export"
                onClick={() =>
                  void run(async () => {
                    const r = await api().evidence.export({ ids: [id] });
                    return r.cancelled ? null : t('evidence.detail.exported', { folder: r.folder });
                  })
                }
              >
                {t('evidence.detail.export')}
              </button>
              {item.trashedAt === null ? (
                <button
                  type="button"
                  className="button ev-button-danger-quiet"
                  disabled={busy}
                  data-testid="evidence-detail-trash"
                  onClick={() =>
                    void run(async () => {
                      await api().evidence.trash({ ids: [id] });
                      onClose();
                      return null;
                    })
                  }
                >
                  {t('evidence.detail.trash')}
                </button>
              ) : (
                <>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    data-testid="evidence-detail-restore"
                    onClick={() =>
                      void run(async () => {
                        await api().evidence.restore({ ids: [id] });
                        onClose();
                        return null;
                      })
                    }
                  >
                    {t('evidence.detail.restore')}
                  </button>
                  <button type="button" className="button ev-button-danger-quiet" disabled={busy} onClick={() => onPurge([id])} data-testid="evidence-detail-purge">
                    {t('evidence.detail.purge')}
                  </button>
                </>
              )}
            </div>

            <h3>{t('evidence.detail.history')}</h3>
            <p className="help">{t('evidence.detail.historyHelp')}</p>
            <ol className="ev-history" data-testid="evidence-history">
              {item.history.map((h, i) => (
                <li key={i}>
                  <span className="ev-history-when">{fullTime(h.at.endsWith('Z') ? toBeijing(h.at) : h.at)}</span>{' '}
                  <strong>{ACTION_KEYS[h.action] ? t(ACTION_KEYS[h.action]!) : h.action}</strong>
                  {h.action === 'evidence.update' && (
                    <span className="ev-history-change">
                      {describeChange(h.oldValue)} → {describeChange(h.newValue)}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </dialog>
  );
}

/** Audit rows carry UTC ISO times; show them in Beijing time like everything else. */
function toBeijing(utcIso: string): string {
  const ms = parseIsoTime(utcIso);
  return ms === null ? utcIso : isoWithOffset(ms);
}
