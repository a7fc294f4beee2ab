// "从截图生成联系记录" on an image in the evidence view: its recognised lines → proposed
// contacts (shared/ocr/chat-layout.ts), resolved against the day the screenshot was taken,
// then the one-view confirmation (ProposedContacts).
import { useState } from 'react';
import { proposeContacts, type ScreenshotContacts as Proposals } from '../../../../shared/ocr/chat-layout';
import { beijingDate, todayBeijing } from '../../../../shared/time/beijing';
import { useT } from '../../i18n';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { ProposedContacts } from './ProposedContacts';
import { ocrLinesFor } from './ocr-source';

export function ScreenshotContactsButton({ evidenceId, capturedAt, onAdded }: { evidenceId: string; capturedAt: string | null; onAdded: () => void }) {
  const t = useT();
  const [found, setFound] = useState<Proposals | null>(null);
  const [note, setNote] = useState<{ kind: 'info' | 'success' | 'error'; text: string } | null>(null);

  const open = async () => {
    setNote(null);
    try {
      const ocr = await ocrLinesFor(evidenceId);
      if (ocr === null || ocr.lines.length === 0) {
        setNote({ kind: 'info', text: t('claims.proposed.noText') });
        return;
      }
      const at = capturedAt === null ? Number.NaN : Date.parse(capturedAt);
      const r = proposeContacts(ocr, Number.isNaN(at) ? todayBeijing() : beijingDate(at));
      if (r.proposals.length === 0) setNote({ kind: 'info', text: t('claims.proposed.nothing') });
      else setFound(r);
    } catch (err) {
      setNote({ kind: 'error', text: errorText(t, err) });
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void open()} data-testid="screenshot-contacts">
        {t('claims.proposed.button')}
      </button>
      {note && (
        <Message kind={note.kind} testId="screenshot-contacts-note">
          {note.text}
        </Message>
      )}
      {found && (
        <ProposedContacts
          evidenceId={evidenceId}
          layout={found.layout}
          proposals={found.proposals}
          onCancel={() => setFound(null)}
          onDone={(n) => {
            setFound(null);
            setNote({ kind: 'success', text: t('claims.proposed.done', { n }) });
            onAdded();
          }}
        />
      )}
    </>
  );
}
