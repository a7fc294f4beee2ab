// Settings → 节假日安排: which years' State Council schedules the app knows, and adding a
// year by pasting the notice. The text is read here first (the same parser main uses) so
// the person sees what was understood before anything is kept; main parses it again.
import { useEffect, useState } from 'react';
import { Message } from '../components/Message';
import { useT } from '../i18n';
import { api } from '../lib/api';
import { sayText } from '../lib/said';
import { useUnsavedChanges } from '../lib/unsaved';
import { parseNotice, type ParsedNotice } from '../../../shared/calendar/notice';
import type { HolidayYears } from '../../../shared/contracts/holidays';
import './current.css';
import { addDays } from '../../../shared/time/beijing';

type Preview = { kind: 'ok'; notice: ParsedNotice } | { kind: 'error'; error: unknown } | null;

const short = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function ranges(days: readonly string[]): string {
  // Consecutive days as "2月15日–2月23日"; the notice's own way of saying them.
  const out: string[] = [];
  let start = days[0];
  for (let i = 1; i <= days.length; i++) {
    const prev = days[i - 1]!;
    const cur = days[i];
    if (cur !== addDays(prev, 1)) {
      out.push(start === prev ? short(prev) : `${short(start!)}–${short(prev)}`);
      start = cur;
    }
  }
  return out.join('、');
}

export function HolidaysSetting() {
  const t = useT();
  const [years, setYears] = useState<HolidayYears | null>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useUnsavedChanges(text.trim() !== '');

  const reload = () => api().holidays.list().then(setYears).catch(setError);
  useEffect(() => {
    void reload();
  }, []);

  function read() {
    setSaved(null);
    setError(null);
    try {
      setPreview({ kind: 'ok', notice: parseNotice(text) });
    } catch (err) {
      setPreview({ kind: 'error', error: err });
    }
  }

  async function confirm() {
    if (busy) return;
    setBusy(true);
    try {
      const r = await api().holidays.addNotice({ text });
      setSaved(r.year);
      setPreview(null);
      setText('');
      await reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const shipped = years?.shipped ?? [];
  return (
    <section className="card settings-card" aria-labelledby="settings-holidays-title" data-testid="settings-holidays">
      <h2 id="settings-holidays-title">{t('current.holidays.title')}</h2>
      <p className="help">{t('current.holidays.known', { first: shipped[0] ?? '—', last: shipped[shipped.length - 1] ?? '—' })}</p>
      <p className="help">{t('current.holidays.provisional')}</p>
      {years && years.added.length > 0 && (
        <ul className="plain-list" data-testid="holidays-added">
          {years.added.map((y) => (
            <li key={y.year}>{t('current.holidays.addedYear', { year: y.year, days: y.days, date: y.addedAt.slice(0, 10) })}</li>
          ))}
        </ul>
      )}
      <label className="field">
        <span className="field-label">{t('current.holidays.pasteLabel')}</span>
        <textarea
          rows={8}
          className="wide-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(null);
          }}
          placeholder={t('current.holidays.pastePlaceholder')}
          data-testid="holidays-text"
        />
      </label>
      <div className="form-actions">
        <button type="button" className="button" onClick={read} disabled={text.trim() === ''} data-testid="holidays-read">
          {t('current.holidays.read')}
        </button>
      </div>
      {preview?.kind === 'error' && (
        <Message kind="error" testId="holidays-preview-error">
          {sayText(t, { error: preview.error })}
        </Message>
      )}
      {preview?.kind === 'ok' && (
        <div className="holidays-preview" data-testid="holidays-preview">
          <h3>{t('current.holidays.understood', { year: preview.notice.year })}</h3>
          <table className="plain-table">
            <thead>
              <tr>
                <th>{t('current.holidays.colName')}</th>
                <th>{t('current.holidays.colOff')}</th>
                <th>{t('current.holidays.colWork')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.notice.items.map((i) => (
                <tr key={i.name}>
                  <td>{i.name}</td>
                  <td>{t('current.holidays.offDays', { ranges: ranges(i.holidays), n: i.holidays.length })}</td>
                  <td>{i.workdays.length ? i.workdays.map(short).join('、') : t('current.holidays.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="help">
            {shipped.includes(preview.notice.year) ? t('current.holidays.replaces', { year: preview.notice.year }) : t('current.holidays.willUse', { year: preview.notice.year })}
          </p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void confirm()} disabled={busy} data-testid="holidays-confirm">
              {t('current.holidays.confirm')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setPreview(null)}>
              {t('current.holidays.cancel')}
            </button>
          </div>
        </div>
      )}
      {saved && (
        <Message kind="success" testId="holidays-saved">
          {t('current.holidays.saved', { year: saved })}
        </Message>
      )}
      {error !== null && (
        <Message kind="error" testId="holidays-error">
          {sayText(t, { error })}
        </Message>
      )}
    </section>
  );
}
