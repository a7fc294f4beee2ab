// Adding a quote by pasting the monthly LPR announcement: what was read is shown, and only
// a confirmation adds it to the person's rows (kept in the vault with the case).
import { useState } from 'react';
import { Message } from '../../components/Message';
import { useT } from '../../i18n';
import { sayText } from '../../lib/said';
import { parseLprAnnouncement, type LprAnnouncement } from '../../../../shared/money/lpr-announcement';
import { formatPercent } from '../../../../shared/money/decimal';
import '../../settings/current.css';

export function LprPaste({ onAdd }: { onAdd: (row: { from: string; rate: string; note: string }) => Promise<boolean> }) {
  const t = useT();
  const [text, setText] = useState('');
  const [read, setRead] = useState<LprAnnouncement | null>(null);
  const [error, setError] = useState<unknown>(null);

  function parse() {
    setError(null);
    try {
      setRead(parseLprAnnouncement(text));
    } catch (err) {
      setRead(null);
      setError(err);
    }
  }

  return (
    <div className="lpr-paste" data-testid="lpr-paste">
      <label className="field">
        <span className="field-label">{t('current.lpr.pasteLabel')}</span>
        <textarea
          rows={2}
          className="wide-text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setRead(null);
          }}
          placeholder={t('current.lpr.pastePlaceholder')}
          data-testid="lpr-paste-text"
        />
      </label>
      <button type="button" className="button button-quiet" onClick={parse} disabled={text.trim() === ''} data-testid="lpr-paste-read">
        {t('current.lpr.read')}
      </button>
      {error !== null && <Message kind="error">{sayText(t, { error })}</Message>}
      {read && (
        <p data-testid="lpr-paste-understood">
          {t('current.lpr.understood', { from: read.from, rate: formatPercent(read.rate) })}
          {read.rate5y ? t('current.lpr.understood5y', { rate: formatPercent(read.rate5y) }) : ''}{' '}
          <button
            type="button"
            className="button"
            data-testid="lpr-paste-confirm"
            onClick={() =>
              void onAdd({ from: read.from, rate: read.rate, note: t('current.lpr.note') }).then((ok) => {
                if (ok) {
                  setRead(null);
                  setText('');
                }
              })
            }
          >
            {t('current.lpr.confirm')}
          </button>
        </p>
      )}
    </div>
  );
}
