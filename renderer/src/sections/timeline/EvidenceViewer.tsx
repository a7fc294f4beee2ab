// A linked evidence item opened from its contact: the recording plays (or the screenshot
// shows) from the vault's original bytes, and "back" returns to the same contact.
import { useEffect, useId, useRef } from 'react';
import type { ContactDetail } from '../../../../shared/contracts/timeline';
import { BROWSER_IMAGE_TYPES, PLAYABLE_AUDIO_TYPES, PLAYABLE_VIDEO_TYPES } from '../../../../shared/evidence/media';
import { useT } from '../../i18n';
import { evidenceUrl } from './upload';

type Item = ContactDetail['evidence'][number];

export function EvidenceViewer({ item, onBack }: { item: Item; onBack: () => void }) {
  const t = useT();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [item.id]);
  const mime = item.mime ?? '';
  const url = evidenceUrl(item.id);
  return (
    <section className="tl-detail tl-viewer" aria-labelledby={`${id}-title`} data-testid="evidence-viewer" data-evidence-id={item.id}>
      <div className="tl-detail-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          {t('timeline.viewer.title', { name: item.name ?? item.id })}
        </h2>
        <button type="button" className="button" onClick={onBack} data-testid="viewer-back">
          ← {t('timeline.viewer.back')}
        </button>
      </div>
      {PLAYABLE_AUDIO_TYPES.has(mime) || PLAYABLE_VIDEO_TYPES.has(mime) ? (
        <audio className="tl-audio" controls preload="metadata" src={url} data-testid="viewer-audio" />
      ) : BROWSER_IMAGE_TYPES.has(mime) ? (
        <img className="tl-viewer-img" src={url} alt={t('timeline.viewer.image')} data-testid="viewer-image" />
      ) : (
        <p className="help">{t('timeline.viewer.cannotPlay', { mime })}</p>
      )}
    </section>
  );
}
