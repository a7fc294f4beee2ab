// The mapping step of a CSV / text SMS export: which column is the sender, the time, the
// text (and optionally sent / received), with the first rows shown so the person can see
// what they pick. Prefilled from the mapping used last time (settings) or the header's
// own names; confirmed, it is remembered again.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SmsColumns } from '../../../../shared/timeline/sms-table';
import { useT } from '../../i18n';

export interface TableSample {
  name: string;
  encoding: string;
  /** The first row (headers, or the first message when the file has none). */
  header: string[];
  /** A few rows after it. */
  rows: string[][];
}

const FIELDS = ['sender', 'time', 'body', 'direction'] as const;

/** Each field as a column number from 1 (the select's value), from a mapping by name or number. */
function toIndexes(columns: Partial<SmsColumns>, header: string[]): Record<(typeof FIELDS)[number], string> {
  const pick = (spec: string | undefined) => {
    if (spec === undefined) return '';
    const byName = header.findIndex((h) => h.trim() === spec.trim());
    if (byName >= 0) return String(byName + 1);
    return /^\d+$/.test(spec) && Number(spec) <= header.length ? spec : '';
  };
  return { sender: pick(columns.sender), time: pick(columns.time), body: pick(columns.body), direction: pick(columns.direction) };
}

export function SmsTableMapping({
  sample,
  initial,
  onImport,
  onCancel,
}: {
  sample: TableSample;
  initial: Partial<SmsColumns>;
  onImport: (columns: SmsColumns) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [pick, setPick] = useState(() => toIndexes(initial, sample.header));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const label = (i: number) => {
    const h = sample.header[i]?.trim() ?? '';
    return t('claims.smsTable.column', { n: i + 1, text: h.length > 24 ? `${h.slice(0, 24)}…` : h });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pick.sender || !pick.time || !pick.body) {
      setError(t('claims.smsTable.required'));
      return;
    }
    if (new Set([pick.sender, pick.time, pick.body]).size < 3) {
      setError(t('claims.smsTable.distinct'));
      return;
    }
    // By column name when the first row names them (stays right if a later export reorders columns).
    const spec = (v: string) => {
      const h = sample.header[Number(v) - 1]?.trim() ?? '';
      const unique = h !== '' && sample.header.filter((x) => x.trim() === h).length === 1 && !/^\d/.test(h);
      return unique ? h : v;
    };
    onImport({ sender: spec(pick.sender), time: spec(pick.time), body: spec(pick.body), ...(pick.direction ? { direction: spec(pick.direction) } : {}) });
  };

  return (
    <dialog
      ref={ref}
      className="tl-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      data-testid="sms-map"
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('claims.smsTable.title')}</h2>
        <p className="case-small">{t('claims.smsTable.intro', { name: sample.name, encoding: sample.encoding })}</p>
        <div className="tl-form-grid">
          {FIELDS.map((f) => (
            <label key={f} className="tl-field" htmlFor={`${id}-${f}`}>
              <span className="tl-field-label">{t(`claims.smsTable.${f}`)}</span>
              <select id={`${id}-${f}`} className="select" value={pick[f]} onChange={(e) => setPick({ ...pick, [f]: e.target.value })} data-testid={`sms-map-${f}`}>
                <option value="">{f === 'direction' ? t('claims.smsTable.allIncoming') : t('claims.smsTable.choose')}</option>
                {sample.header.map((_, i) => (
                  <option key={i} value={String(i + 1)}>
                    {label(i)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <div className="tl-map-preview" data-testid="sms-map-preview">
          <table className="case-table">
            <caption className="case-small">{t('claims.smsTable.preview')}</caption>
            <thead>
              <tr>
                {sample.header.map((h, i) => (
                  <th key={i} scope="col">
                    {i + 1}. {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sample.rows.map((r, k) => (
                <tr key={k}>
                  {sample.header.map((_, i) => (
                    <td key={i}>{(r[i] ?? '').slice(0, 60)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {error && (
          <p className="tl-problem" role="alert" data-testid="sms-map-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="sms-map-submit">
            {t('claims.smsTable.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel} data-testid="sms-map-cancel">
            {t('claims.smsTable.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
