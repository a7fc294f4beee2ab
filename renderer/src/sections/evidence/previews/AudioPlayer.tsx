// Audio (and video) with the browser's own controls: the evidence protocol answers byte
// ranges, so the position slider can jump anywhere in a long call recording.
import { useT } from '../../../i18n';

export function AudioPlayer({ src, video, onError }: { src: string; video?: boolean; onError: () => void }) {
  const t = useT();
  if (video) {
    return <video className="ev-video" controls preload="metadata" src={src} onError={onError} data-testid="viewer-video" aria-label={t('evidence.viewer.audio')} />;
  }
  return (
    <div className="ev-audio-box">
      <audio className="ev-audio" controls preload="metadata" src={src} onError={onError} data-testid="viewer-audio" aria-label={t('evidence.viewer.audio')} />
      <p className="help">{t('evidence.viewer.audio')}</p>
    </div>
  );
}
