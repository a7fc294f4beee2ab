// Before the vault state is known: a quiet "opening…", or what went wrong with a retry.
import { Message } from '../components/Message';
import { useT } from '../i18n';
import { sayText } from '../lib/said';

export type BootProblem = { kind: 'bridge' } | { kind: 'failed'; error: unknown };

export function BootScreen({ problem, onRetry }: { problem: BootProblem | null; onRetry: () => void }) {
  const t = useT();
  return (
    <main className="boot" aria-busy={problem === null}>
      <p className="brand">
        <span className="brand-name">{t('app.name')}</span>
      </p>
      {problem === null && (
        <p role="status" data-testid="boot-loading">
          {t('app.loading')}
        </p>
      )}
      {problem?.kind === 'bridge' && (
        <Message kind="error" testId="boot-error">
          {t('app.bridgeMissing')}
        </Message>
      )}
      {problem?.kind === 'failed' && (
        <>
          <Message kind="error" testId="boot-error">
            {t('app.bootFailed')} {sayText(t, { error: problem.error })}
          </Message>
          <button type="button" className="button" onClick={onRetry} data-testid="boot-retry">
            {t('app.retry')}
          </button>
        </>
      )}
    </main>
  );
}
