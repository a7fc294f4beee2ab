// Why the payments stopped: a category, since when, and the user's own words.
import { useState, type FormEvent } from 'react';
import { HARDSHIP_CATEGORIES } from '../../../../shared/case/kinds';
import type { Hardship } from '../../../../shared/case/schema';
import type { CaseView } from '../../../../shared/contracts/case';
import { useT } from '../../i18n';
import { api } from '../../lib/api';
import { errorText } from '../../lib/errors';
import { Message } from '../../components/Message';
import { SelectField, TextField } from '../case/fields';
import { checkDate } from '../case/input';

type Category = NonNullable<Hardship['category']> | '';

export function HardshipCard({ doc, run }: { doc: CaseView; run: (call: () => Promise<CaseView>) => Promise<CaseView> }) {
  const t = useT();
  const [category, setCategory] = useState<Category>(doc.hardship.category ?? '');
  const [since, setSince] = useState(doc.hardship.since ?? '');
  const [text, setText] = useState(doc.hardship.text);
  const [sinceError, setSinceError] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; error?: unknown } | null>(null);

  async function save(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    const d = checkDate(since, t('finances.hardship.since'), { optional: true });
    setSinceError(d.ok ? null : d.error);
    if (!d.ok) return;
    try {
      await run(() => api().case.saveHardship({ hardship: { category: category === '' ? null : category, since: d.value, text: text.trim() } }));
      setResult({ ok: true });
    } catch (err) {
      setResult({ ok: false, error: err });
    }
  }

  return (
    <section className="case-card" aria-labelledby="hardship-title" data-testid="hardship">
      <h2 id="hardship-title">{t('finances.hardship.title')}</h2>
      <p className="case-small">{t('finances.hardship.intro')}</p>
      <form onSubmit={save} noValidate>
        <div className="case-grid">
          <SelectField<Category>
            id="hardship-category"
            label={t('finances.hardship.category')}
            value={category}
            options={[{ value: '', label: t('finances.choose') }, ...HARDSHIP_CATEGORIES.map((c) => ({ value: c, label: t(`finances.hardship.cat.${c}`) }))]}
            onChange={setCategory}
            testId="hardship-category"
          />
          <TextField
            id="hardship-since"
            label={t('finances.hardship.since')}
            value={since}
            onChange={setSince}
            error={sinceError}
            testId="hardship-since"
            kind="date"
            placeholder="YYYY-MM-DD"
          />
        </div>
        <TextField id="hardship-text" label={t('finances.hardship.text')} help={t('finances.hardship.textHelp')} value={text} onChange={setText} testId="hardship-text" multiline />
        {result?.ok && <Message kind="success">{t('finances.saved')}</Message>}
        {result && !result.ok && <Message kind="error">{errorText(t, result.error)}</Message>}
        <button type="submit" className="button" data-testid="hardship-save">
          {t('finances.hardship.save')}
        </button>
      </form>
    </section>
  );
}
