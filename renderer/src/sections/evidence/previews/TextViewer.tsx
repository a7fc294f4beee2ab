// Text files and email bodies, shown as plain text: React puts the string into a text
// node, so markup in the file is displayed as characters and never runs.
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n';
import { api } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

export function TextViewer({ id }: { id: string }) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api()
      .evidence.text({ id })
      .then((r) => live && setText(r.text))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [id]);
  if (error) return <p className="message message-error">{errorText(t, error)}</p>;
  if (text === null) return <p className="help">{t('evidence.viewer.loading')}</p>;
  if (!text) return <p className="help">{t('evidence.viewer.textEmpty')}</p>;
  return (
    <pre className="ev-text" tabIndex={0} aria-label={t('evidence.viewer.textLabel')} data-testid="viewer-text">
      {text}
    </pre>
  );
}
