// The contacts a chat or SMS screenshot shows (shared/ocr/chat-layout.ts), to confirm or
// correct in one view: sender, time, direction, text, per message. Only the messages the
// person ticks become timeline entries, each linked to the screenshot as its evidence
// (timeline:addFromScreenshot) with its text and claims, the same flags and attribution as SMS.
import { useEffect, useId, useRef, useState } from 'react';
import type { ProposedContact, ScreenshotLayout } from '../../../../shared/ocr/chat-layout';
import type { Direction } from '../../../../shared/timeline/kinds';
import { extractClaims } from '../../../../shared/collection-claims';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';

interface Row {
  keep: boolean;
  sender: string;
  /** datetime-local value, Beijing time: "2024-10-18T22:41". */
  at: string;
  direction: Direction;
  text: string;
}

/** What the vault will store as this message's claims: read again from the text as corrected. */
function ClaimsLine({ row }: { row: Row }) {
  const t = useT();
  if (row.direction !== 'incoming') return null;
  const c = extractClaims(row.text, /^\d{4}-\d{2}-\d{2}/.test(row.at) ? { received: row.at.slice(0, 10) } : {});
  const parts = [
    c.amountOwed !== undefined ? t('timeline.detail.claimAmount', { amount: c.amountOwed }) : '',
    c.overdueDays !== undefined ? t('timeline.detail.claimDays', { days: c.overdueDays }) : '',
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="case-small" data-testid="proposed-claims">
      {parts.join('；')}
    </p>
  );
}

function rowOf(p: ProposedContact): Row {
  const at = p.at !== null ? p.at.slice(0, 16) : p.day !== null ? `${p.day}T` : '';
  return { keep: p.at !== null, sender: p.sender ?? '', at, direction: p.direction, text: p.text };
}

export function ProposedContacts({
  evidenceId,
  layout,
  proposals,
  onDone,
  onCancel,
}: {
  evidenceId: string;
  layout: ScreenshotLayout;
  proposals: ProposedContact[];
  onDone: (added: number) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [rows, setRows] = useState<Row[]>(() => proposals.map(rowOf));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const chosen = rows.filter((r) => r.keep);

  const confirm = async () => {
    setError(null);
    const bad = rows.findIndex((r) => r.keep && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(r.at));
    if (bad >= 0) {
      setError(t('claims.proposed.needTime', { n: bad + 1 }));
      return;
    }
    if (rows.some((r) => r.keep && r.text.trim() === '')) {
      setError(t('claims.proposed.needText'));
      return;
    }
    setSaving(true);
    try {
      // One call, one transaction: the vault stores each message's text and its claims.
      const { ids } = await api().timeline.addFromScreenshot({
        evidenceId,
        layout,
        entries: chosen.map((r) => ({ at: r.at, direction: r.direction, sender: r.sender.trim(), text: r.text.trim() })),
      });
      onDone(ids.length);
    } catch (err) {
      setError(t('claims.proposed.failedNone', { message: errorText(t, err) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="tl-dialog tl-proposed"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      data-testid="proposed-contacts"
    >
      <h2 id={`${id}-title`}>{t('claims.proposed.title')}</h2>
      <p className="case-small">{t('claims.proposed.intro')}</p>
      <ol className="tl-proposed-list">
        {rows.map((r, i) => {
          const p = proposals[i];
          return (
            <li key={i} className="tl-proposed-item" data-testid="proposed-item" data-direction={r.direction}>
              <label className="tl-check">
                <input type="checkbox" checked={r.keep} onChange={(e) => set(i, { keep: e.target.checked })} data-testid="proposed-keep" />
                {t('claims.proposed.keep', { n: i + 1 })}
              </label>
              <div className="tl-form-grid">
                <label className="tl-field">
                  <span className="tl-field-label">{t('claims.proposed.sender')}</span>
                  <input className="input" value={r.sender} onChange={(e) => set(i, { sender: e.target.value })} data-testid="proposed-sender" />
                </label>
                <label className="tl-field">
                  <span className="tl-field-label">
                    {t('claims.proposed.when')}
                    {p?.atLabel ? ` ${t('claims.proposed.shown', { label: p.atLabel })}` : ''}
                  </span>
                  <input className="input" type="datetime-local" value={r.at} onChange={(e) => set(i, { at: e.target.value })} data-testid="proposed-at" />
                </label>
                <label className="tl-field">
                  <span className="tl-field-label">{t('claims.proposed.direction')}</span>
                  <select className="select" value={r.direction} onChange={(e) => set(i, { direction: e.target.value as Direction })} data-testid="proposed-direction">
                    <option value="incoming">{t('timeline.direction.incoming')}</option>
                    <option value="outgoing">{t('timeline.direction.outgoing')}</option>
                  </select>
                </label>
              </div>
              <label className="tl-field">
                <span className="tl-field-label">{t('claims.proposed.text')}</span>
                <textarea className="input tl-textarea" rows={3} value={r.text} onChange={(e) => set(i, { text: e.target.value })} data-testid="proposed-text" />
              </label>
              {p?.truncated && <p className="case-small">{t('claims.proposed.truncated')}</p>}
              <ClaimsLine row={r} />
            </li>
          );
        })}
      </ol>
      {error && (
        <p className="tl-problem" role="alert" data-testid="proposed-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={saving || chosen.length === 0} onClick={() => void confirm()} data-testid="proposed-confirm">
          {t('claims.proposed.confirm', { n: chosen.length })}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="proposed-cancel">
          {t('claims.proposed.cancel')}
        </button>
      </div>
    </dialog>
  );
}
