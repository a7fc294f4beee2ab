// While the demo is being made: a progress bar and the current step; if it failed, why,
// and that the user's own data was not touched.
import { Message } from '../components/Message';
import { useT, type TKey } from '../i18n';
import { errorText } from '../lib/errors';
import type { OpenDemo } from './useOpenDemo';

const STEP_KEYS = new Set(['screenshots', 'proofs', 'recordings', 'vault', 'evidence', 'timeline', 'case', 'chats', 'package', 'open']);

export function DemoStatus({ demo }: { demo: OpenDemo }) {
  const t = useT();
  if (demo.busy) {
    const p = demo.progress;
    const step = p?.step ? (STEP_KEYS.has(p.step) ? t(`demo.steps.${p.step}` as TKey) : p.step) : t('demo.preparing');
    return (
      <div className="demo-progress" data-testid="demo-progress">
        <div className="progress-row">
          <progress className="progress demo-progress-bar" aria-label={t('demo.preparing')} {...(p && p.total > 0 ? { value: p.done, max: p.total } : {})} />
          <span role="status" data-testid="demo-step">
            {step}
          </span>
        </div>
        <p className="help">{t('demo.firstTime')}</p>
      </div>
    );
  }
  if (demo.error) {
    return (
      <Message kind="error" testId="demo-error">
        {t('demo.failed', { reason: errorText(t, demo.error) })}
        <br />
        {t('demo.failedSafe')}
      </Message>
    );
  }
  return null;
}
