// The OCR channels: counts, the background reading job (a worker task whose progress goes
// out as 'task:progress' and keeps the auto-lock from firing), one item's recognised lines.
import type { Handlers } from '../ipc/dispatch';
import type { OcrChannel } from '../../shared/contracts/ocr-names';
import type { EmitEvent } from './platform';
import { featureClient, type VaultHost } from '../vault/host';

export function ocrHandlers(opts: { host: VaultHost; emit: EmitEvent; keepAlive?: () => void }): Pick<Handlers, OcrChannel> {
  const { host, emit } = opts;
  const ocr = featureClient(host, 'ocr');
  return {
    'ocr:counts': () => ocr.counts(),
    'ocr:lines': ({ id }) => ocr.lines(id),
    'ocr:readPending': ({ taskId }) => {
      let lastKeepAlive = 0;
      return featureClient(host, 'ocr', {
        taskId,
        onProgress: (done, total) => {
          emit('task:progress', { taskId, done, total });
          const now = Date.now();
          if (now - lastKeepAlive > 5_000) {
            lastKeepAlive = now;
            opts.keepAlive?.();
          }
        },
      }).readPending();
    },
  };
}
