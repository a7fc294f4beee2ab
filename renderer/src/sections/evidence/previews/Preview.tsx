// Picks the viewer for an item: image (zoom/pan), PDF (pages), audio (seekable), text and
// email (plain text), or a file card that says why it is not shown. Damaged, password-
// protected and unknown files are never rendered.
import { useCallback, useState } from 'react';
import type { EvidenceSummary } from '../../../../../shared/contracts/evidence';
import { PLAYABLE_AUDIO_TYPES, PLAYABLE_VIDEO_TYPES } from '../../../../../shared/evidence/media';
import { useT } from '../../../i18n';
import { evidenceBytesUrl, type AppMode } from '../urls';
import { KindIcon } from '../KindIcon';
import { ImageViewer } from './ImageViewer';
import { PdfViewer } from './PdfViewer';
import { AudioPlayer } from './AudioPlayer';
import { TextViewer } from './TextViewer';
import { useOcrLayer } from './OcrText';

export function FileCard({ item, reason }: { item: EvidenceSummary; reason: string }) {
  return (
    <div className="ev-file-card" data-testid="viewer-file-card">
      <span className={`ev-file-card-icon ev-kind-${item.kind}`}>
        <KindIcon kind={item.kind} />
      </span>
      <p className="ev-file-card-name">{item.name}</p>
      <p className="ev-file-card-type">{item.mime}</p>
      <p className="help">{reason}</p>
    </div>
  );
}

export function Preview({ item, mode }: { item: EvidenceSummary; mode: AppMode }) {
  const t = useT();
  const [failed, setFailed] = useState(false);
  const fail = useCallback(() => setFailed(true), []);
  if (failed) return <FileCard item={item} reason={t('evidence.viewer.failed')} />;
  if (item.damaged === 'not_analysed') return <FileCard item={item} reason={t('evidence.detail.notAnalysed')} />;
  if (item.damaged) return <FileCard item={item} reason={t('evidence.detail.damaged')} />;
  if (item.encrypted) return <FileCard item={item} reason={t('evidence.detail.encrypted')} />;
  switch (item.kind) {
    case 'image':
      if (item.preview === 'none') {
        const heic = /heic|heif/.test(item.mime);
        return <FileCard item={item} reason={heic ? t('evidence.detail.heicNoPreview') : t('evidence.detail.noPreview')} />;
      }
      return <ImageWithText item={item} mode={mode} onError={fail} />;
    case 'pdf':
      return item.preview === 'original' ? (
        <PdfViewer src={evidenceBytesUrl(mode, 'original', item.id)} onError={fail} />
      ) : (
        <FileCard item={item} reason={t('evidence.detail.noPreview')} />
      );
    case 'audio':
    case 'video': {
      const playable = item.kind === 'audio' ? PLAYABLE_AUDIO_TYPES.has(item.mime) : PLAYABLE_VIDEO_TYPES.has(item.mime);
      if (!playable) return <FileCard item={item} reason={t('evidence.detail.audioNoPlay', { mime: item.mime })} />;
      return <AudioPlayer src={evidenceBytesUrl(mode, 'original', item.id)} video={item.kind === 'video'} onError={fail} />;
    }
    case 'text':
    case 'email':
      return <TextViewer id={item.id} />;
    default:
      return <FileCard item={item} reason={t('evidence.detail.noPreview')} />;
  }
}

/** An image with its recognised text (issue 12): selectable over the picture, and a line saying what OCR found. */
function ImageWithText({ item, mode, onError }: { item: EvidenceSummary; mode: AppMode; onError: () => void }) {
  const { layer, note } = useOcrLayer(item.id);
  return (
    <>
      <ImageViewer src={evidenceBytesUrl(mode, item.preview === 'display' ? 'display' : 'original', item.id)} alt={item.name} onError={onError} {...(layer ? { layer } : {})} />
      {note ? (
        <p className="help ev-ocr-note" data-testid="viewer-ocr-note">
          {note}
        </p>
      ) : null}
    </>
  );
}
